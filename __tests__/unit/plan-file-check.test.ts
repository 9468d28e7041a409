/**
 * A plan file that cannot be written is refused before the sync writes anything: found only after
 * the changes were applied, it used to end the run without its report (a FIFO blocked it, /dev/full
 * failed midway). What is accepted is written whole or not at all.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { ConfigurationError } from '../../src/vocabulary/errors.js'
import { checkPlanFile, PlanFileError, writePlanFile } from '../../src/report/plan-file.js'
import type { SyncReport } from '../../src/report/sync-outcome.js'
import { organization, report } from '../helpers/sync-report.js'

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ctp-plan-file-'))
  await writeFile(join(dir, 'a-file'), 'x')
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('checkPlanFile', () => {
  it('accepts a regular file and a new file in an existing folder', async () => {
    await expect(checkPlanFile(join(dir, 'a-file'))).resolves.toBeUndefined()
    await expect(checkPlanFile(join(dir, 'plan.json'))).resolves.toBeUndefined()
  })

  it('refuses a folder, a missing folder and a path under a file, naming the input', async () => {
    const cases: [string, RegExp][] = [
      [dir, /\(it is a folder\)/],
      [join(dir, 'plans', 'plan.json'), /\(its folder does not exist\)/],
      [join(dir, 'a-file', 'plan.json'), /\(a part of its path is a file, not a folder\)/]
    ]
    for (const [path, why] of cases) {
      const refused = checkPlanFile(path)
      await expect(refused).rejects.toThrow(ConfigurationError)
      await expect(refused).rejects.toThrow(/^Input 'plan-file': '.*' cannot be written/)
      await expect(refused).rejects.toThrow(why)
    }
    expect(existsSync(join(dir, 'plans'))).toBe(false)
  })

  it('refuses a FIFO without opening it (opening one blocks until a reader comes)', async () => {
    const fifo = join(dir, 'plan.fifo')
    execFileSync('mkfifo', [fifo])
    await expect(checkPlanFile(fifo)).rejects.toThrow(/cannot be written \(it is a FIFO\)/)
  }, 5000)

  it('refuses a device, also behind a link', async () => {
    await expect(checkPlanFile('/dev/full')).rejects.toThrow(
      /'\/dev\/full' cannot be written \(it is a device\)/
    )
    const link = join(dir, 'to-full')
    await symlink('/dev/full', link)
    await expect(checkPlanFile(link)).rejects.toThrow(/\(it is a device\)/)
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

/** A small report: two series of a first sync (dry run). */
const smallReport = (): SyncReport =>
  report(organization(1, ['eu-west-1', 'us-east-1'], undefined), {
    asOf: '2026-03-01',
    retentionDays: 2,
    futureDays: 0,
    dryRun: true
  })

describe('writePlanFile', () => {
  it('replaces the file whole and leaves no temporary file behind', async () => {
    const path = join(dir, 'atomic.json')
    await writeFile(path, 'yesterday')
    await writePlanFile(path, smallReport())
    const plan = JSON.parse(await readFile(path, 'utf8')) as { series: { region: string }[] }
    expect(plan.series.map((series) => series.region)).toEqual(['eu-west-1', 'us-east-1'])
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('writes through a link to its file', async () => {
    const real = join(dir, 'real.json')
    const link = join(dir, 'link.json')
    await writeFile(real, '')
    await symlink(real, link)
    await writePlanFile(link, smallReport())
    expect(JSON.parse(await readFile(real, 'utf8'))).toMatchObject({ version: 1 })
  })

  it('writes nothing when a link checked as a file points at a device by the time of writing', async () => {
    const real = join(dir, 'checked.json')
    const link = join(dir, 'switched.json')
    await writeFile(real, '')
    await symlink(real, link)
    await checkPlanFile(link)
    await rm(link)
    await symlink('/dev/full', link)
    const failed = writePlanFile(link, smallReport())
    await expect(failed).rejects.toThrow(PlanFileError)
    await expect(failed).rejects.toThrow(/\(it is a device, no longer a regular file\)/)
    expect((await readdir('/dev')).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('fails as a PlanFileError naming the path, keeping what was there and no temporary file', async () => {
    const path = join(dir, 'gone', 'plan.json')
    const failed = writePlanFile(path, smallReport())
    await expect(failed).rejects.toThrow(PlanFileError)
    await expect(failed).rejects.toThrow(/^Writing the plan file '.*gone\/plan\.json' failed \(ENOENT: /)
  })
})
