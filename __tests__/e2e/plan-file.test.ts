/**
 * End to end: the `plan-file` input through the bundled action. A path that cannot take the plan
 * whole (a FIFO, which blocks whoever opens it for writing; /dev/full, which fails midway) is
 * refused before anything is read or written; a plan file that fails after the changes were applied
 * fails the step but keeps the summary and the outputs.
 */
import { execFileSync } from 'node:child_process'
import { constants } from 'node:fs'
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { runAction, type ActionRun } from '../../stand-in/run-action.js'
import { cloudTrailTable, organizationBucket } from '../helpers/worlds.js'

const ORG = 'o-planfile0001'
const BUCKET = 'org-cloudtrail-logs'
const DB = 'security'
const ACCOUNTS = ['111111111111', '222222222222']
const REGIONS = ['eu-west-1', 'us-east-1']

let standIn: StandIn
let dir: string
let tables = 0

beforeAll(async () => {
  standIn = await startStandIn()
  organizationBucket(standIn, {
    bucket: BUCKET,
    organizationId: ORG,
    accounts: ACCOUNTS,
    regions: REGIONS,
    from: '2026-03-01',
    to: '2026-03-10'
  })
  dir = await mkdtemp(join(tmpdir(), 'ctp-plan-e2e-'))
})

afterAll(async () => {
  await standIn.close()
  await rm(dir, { recursive: true, force: true })
})

function newTable(): string {
  const location = `s3://${BUCKET}/AWSLogs/${ORG}/`
  return cloudTrailTable(standIn, location, { database: DB, name: `cloudtrail_${++tables}` }).table
}

function sync(table: string, planFile: string): Promise<ActionRun> {
  return runAction({
    inputs: {
      'role-to-assume': 'arn:aws:iam::123456789012:role/cloudtrail-partitions',
      'aws-region': 'eu-central-1',
      bucket: BUCKET,
      database: DB,
      table,
      'retention-days': '9',
      'future-days': '0',
      'as-of': '2026-03-10',
      'plan-file': planFile
    },
    env: standIn.env()
  })
}

const glueCalls = (): number =>
  Object.entries(standIn.server.calls.snapshot())
    .filter(([operation]) => operation.startsWith('Glue.'))
    .reduce((n, [, c]) => n + c.ok + c.error + c.throttled + c.failed, 0)

describe('plan-file', () => {
  beforeEach(() => standIn.server.calls.reset())

  it('refuses a FIFO before any AWS call, and does not hang on it', async () => {
    const fifo = join(dir, 'plan.fifo')
    execFileSync('mkfifo', [fifo])
    const table = newTable()
    const running = sync(table, fifo)
    // Were the FIFO opened for writing, the run would block until a reader came: be that reader
    // after a while, so that a regression fails this test instead of hanging the suite.
    const unblock = setTimeout(() => {
      void open(fifo, constants.O_RDONLY | constants.O_NONBLOCK).then((reader) =>
        setTimeout(() => void reader.close(), 2000)
      )
    }, 20_000)
    const result = await running.finally(() => clearTimeout(unblock))
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(`::error::Input 'plan-file': '${fifo}' cannot be written (it is a FIFO).`)
    expect(glueCalls()).toBe(0)
    expect(standIn.glue.partitionCount(DB, table)).toBe(0)
    expect(result.outputs['plan-file']).toBeUndefined()
  }, 30_000)

  it('refuses /dev/full before any AWS call, naming the input', async () => {
    const table = newTable()
    const result = await sync(table, '/dev/full')
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(
      "::error::Input 'plan-file': '/dev/full' cannot be written (it is a device)."
    )
    expect(glueCalls()).toBe(0)
    expect(standIn.glue.partitionCount(DB, table)).toBe(0)
  }, 30_000)

  it('fails the step when the plan cannot be written after applying, keeping the summary and outputs', async () => {
    const folder = join(dir, 'vanishing')
    await mkdir(folder)
    const table = newTable()
    // The folder is there when the run checks it and gone by the time the plan is written.
    standIn.server.knobs.setLatency('*', 200)
    const running = sync(table, join(folder, 'plan.json'))
    while (glueCalls() === 0) await new Promise((resolve) => setTimeout(resolve, 10))
    await rm(folder, { recursive: true })
    const result = await running.finally(() => standIn.server.knobs.setLatency('*', 0))

    expect(result.exitCode).toBe(1)
    expect(standIn.glue.partitionCount(DB, table)).toBe(40)
    expect(result.summary).toContain('## CloudTrail partitions: sync')
    expect(result.summary).toContain('**Added: 40 · Removed: 0 · Unchanged: 0**')
    expect(result.outputs).toMatchObject({ added: '40', removed: '0', unchanged: '0' })
    expect(result.outputs['plan-file']).toBeUndefined()
    expect(result.stdout).toMatch(
      /::error::Writing the plan file '.*vanishing\/plan\.json' failed \(ENOENT: /
    )
  }, 60_000)
})
