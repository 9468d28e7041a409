/**
 * The sync asks V8 for a smaller heap through V8 flags (src/run/heap.ts), which V8 may rename or
 * drop in a later Node: then the flags would only print an error and the sync would lose its memory
 * headroom without a word. This fails first.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { HEAP_FLAGS } from '../../src/run/heap.js'

describe('keepHeapGrowthSmall', () => {
  it('uses V8 flags this Node knows, and V8 takes the values without complaint', () => {
    const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' })
    const set = (flag: string): string =>
      spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString('${flag}')`], {
        encoding: 'utf8'
      }).stderr
    expect(set('--no-such-flag-at-all')).toMatch(/unrecognized flag/)
    for (const flag of HEAP_FLAGS) {
      const name = flag.split('=')[0] as string
      expect(options).toMatch(new RegExp(`^\\s*${name}\\b`, 'm'))
      expect(set(flag)).toBe('')
    }
  })
})
