/**
 * `cloudtrail-partitions check-queries` takes the limit flags as the action takes its inputs: a file
 * over --max-file-bytes is not read, the statements beyond --max-statements-per-file are not checked.
 */
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'

let root: string
const cwd = process.cwd()

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'ctp-cli-limits-')))
  await mkdir(join(root, 'queries'))
  await writeFile(join(root, 'queries', 'many.sql'), 'SELECT 1;\n'.repeat(20))
  await writeFile(join(root, 'queries', 'big.sql'), `-- ${'x'.repeat(2000)}\nSELECT 1;\n`)
  process.chdir(root)
})

afterAll(async () => {
  process.chdir(cwd)
  await rm(root, { recursive: true, force: true })
})

async function run(argv: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = ''
  const code = await runCli(
    argv,
    {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: () => true },
      env: {},
      cwd: root
    },
    '0.0.0'
  )
  return { code, stdout }
}

describe('check-queries limits on the command line', () => {
  it('checks both files whole with the default limits', async () => {
    const { code, stdout } = await run(['check-queries', '--table', 'cloudtrail'])
    expect(stdout).toBe('')
    expect(code).toBe(0)
  })

  it('applies --max-file-bytes and --max-statements-per-file', async () => {
    const { code, stdout } = await run([
      'check-queries',
      '--table',
      'cloudtrail',
      '--max-file-bytes',
      '1000',
      '--max-statements-per-file',
      '5'
    ])
    const lines = stdout.trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^queries\/big\.sql:1:1 {2}limit {2}.*2,0\d\d bytes, more than the 1,000/)
    expect(lines[1]).toMatch(/^queries\/many\.sql:6:1 {2}limit {2}.*more than the 5 /)
    expect(code).toBe(1)
  })
})
