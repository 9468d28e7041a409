/**
 * A plan file that cannot be written is refused before the sync writes anything: found only after
 * the changes were applied, it used to end the run without its report.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { ConfigurationError } from '../../src/vocabulary/errors.js'
import { checkPlanFile } from '../../src/report/plan-file.js'

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ctp-plan-file-'))
  await writeFile(join(dir, 'a-file'), 'x')
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('checkPlanFile', () => {
  it('accepts a new file in a new folder', async () => {
    await expect(checkPlanFile(join(dir, 'plans', 'plan.json'))).resolves.toBeUndefined()
  })

  it('refuses a folder and a path under a file, naming the input', async () => {
    for (const path of [dir, join(dir, 'a-file', 'plan.json')]) {
      const refused = checkPlanFile(path)
      await expect(refused).rejects.toThrow(ConfigurationError)
      await expect(refused).rejects.toThrow(/^Input 'plan-file': '.*' cannot be written/)
    }
  })

  it('stops the command line before any AWS call, exit 2 naming --plan-file', async () => {
    let stderr = ''
    const code = await runCli(
      [
        'sync',
        '--bucket',
        'logs',
        '--database',
        'security',
        '--table',
        'cloudtrail',
        '--region',
        'eu-central-1',
        '--plan-file',
        dir
      ],
      {
        stdout: { write: () => true },
        stderr: { write: (text: string) => (stderr += text) },
        // No credentials and no endpoint: any AWS call would fail with exit 1.
        env: {},
        cwd: dir
      },
      '0.0.0'
    )
    expect(stderr).toMatch(
      /^cloudtrail-partitions: Flag --plan-file: '.*' cannot be written \(it is a folder\)/
    )
    expect(code).toBe(2)
  })
})
