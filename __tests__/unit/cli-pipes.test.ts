/**
 * `cloudtrail-partitions check-queries | head -1`: the reader goes away after the first line. The
 * command ends with its own exit code and no EPIPE stack trace on stderr.
 */
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const entry = fileURLToPath(new URL('../../src/cli/index.ts', import.meta.url))
// The TypeScript loader by path: the child runs in a temporary folder without node_modules.
const tsx = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ctp-pipe-'))
  await mkdir(join(dir, 'queries'))
  const lines = Array.from({ length: 3000 }, (_, i) => `SELEC ${i};`).join('\n')
  await writeFile(join(dir, 'queries', 'a.sql'), lines)
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

it('ends quietly with its exit code when stdout is closed early', async () => {
  const child = spawn(
    process.execPath,
    ['--import', tsx, entry, 'check-queries', '--table', 'cloudtrail', '--max-statements-per-file', '5000'],
    { cwd: dir, env: { ...process.env, NODE_OPTIONS: '', NODE_NO_WARNINGS: '1' } }
  )
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdout.once('data', () => child.stdout.destroy())
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  expect(stderr).not.toMatch(/EPIPE|Unhandled/)
  expect(stderr).toContain('3000 error(s)')
  expect(code).toBe(1)
}, 60_000)
