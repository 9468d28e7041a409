/**
 * The sync asks V8 for a smaller heap growth factor (src/run/heap.ts) through a V8 flag, which V8
 * may rename or drop in a later Node: then the flag would only print an error and the sync would
 * lose its memory headroom without a word. This fails first.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { HEAP_GROWING_PERCENT } from '../../src/run/heap.js'

describe('keepHeapGrowthSmall', () => {
  it('uses a V8 flag this Node knows, and V8 takes the value without complaint', () => {
    const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' })
    expect(options).toMatch(/^\s*--heap-growing-percent\b/m)
    const set = (flag: string): string =>
      spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString('${flag}')`], {
        encoding: 'utf8'
      }).stderr
    expect(set('--no-such-flag-at-all')).toMatch(/unrecognized flag/)
    const stderr = set(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
    expect(stderr).toBe('')
  })
})
