/**
 * End to end, what a year in an organization brings (issue 20), through the bundle: the table gains
 * columns and the action's partitions follow it, Glue's partition quota is checked before the first
 * write, and days and regions that cannot be real are refused or left out.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { glueErrors } from '../../stand-in/glue.js'
import { compileCacheEnv, DIST_ENTRY, runAction, type ActionRun } from '../../stand-in/run-action.js'
import { cloudTrailTable, expectSuccess, organizationBucket } from '../helpers/worlds.js'
import { E2E_TODAY, PINNED_TODAY } from '../helpers/today.js'

const ORG = 'o-yeartest0001'
const BUCKET = 'year-logs'
const JUNK_BUCKET = 'year-junk-logs'
const DB = 'security'
const A = '111111111111'
const B = '222222222222'
const REGIONS = ['eu-central-1', 'us-east-1']
const LOCATION = `s3://${BUCKET}/AWSLogs/${ORG}/`
/** 60 days back and one ahead: 62 days x 4 series = 248 partitions, three BatchUpdatePartition calls. */
const WINDOW_PARTITIONS = 62 * 4
const PARTITION_STORAGE = 'cloudtrail-partitions.partition-storage'

let standIn: StandIn

beforeAll(async () => {
  standIn = await startStandIn()
  const common = { organizationId: ORG, to: E2E_TODAY, digest: false, compressedBodies: 'shared' } as const
  organizationBucket(standIn, {
    ...common,
    bucket: BUCKET,
    accounts: [A, B],
    regions: REGIONS,
    from: '2026-01-01'
  })
  organizationBucket(standIn, {
    ...common,
    bucket: JUNK_BUCKET,
    accounts: [A],
    regions: ['eu-central-1', 'zz-fake-1', 'eu-west-01'],
    from: '2026-03-18'
  })
})

afterAll(async () => {
  await standIn.close()
})

let tables = 0
function newTable(location = LOCATION): string {
  return cloudTrailTable(standIn, location, { database: DB, name: `year_${++tables}` }).table
}

function sync(table: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    inputs: {
      'role-to-assume': 'arn:aws:iam::123456789012:role/cloudtrail-partitions',
      'aws-region': 'eu-central-1',
      bucket: BUCKET,
      database: DB,
      table,
      'retention-days': '60',
      'future-days': '1',
      ...inputs
    },
    env: { ...standIn.env(), ...PINNED_TODAY }
  })
}

const calls = (operation: string): number => standIn.server.calls.get(operation)

function glueWrites(): number {
  return [
    'Glue.BatchCreatePartition',
    'Glue.BatchDeletePartition',
    'Glue.BatchUpdatePartition',
    'Glue.UpdateTable',
    'Glue.CreateTable',
    'Glue.CreatePartitionIndex'
  ].reduce((sum, operation) => sum + calls(operation), 0)
}

interface StoredPartition {
  StorageDescriptor?: {
    Columns?: { Name: string }[]
    SerdeInfo?: { SerializationLibrary?: string }
    Location?: string
  }
}

function columnsOf(table: string, values: string[]): string[] {
  const partition = standIn.glue.getPartitionRecord(DB, table, values) as StoredPartition | undefined
  return (partition?.StorageDescriptor?.Columns ?? []).map((column) => column.Name)
}

function addColumn(table: string, name: string): void {
  standIn.glue.updateTableDirect(DB, table, (input) => {
    const descriptor = input.StorageDescriptor as { Columns: { Name: string; Type: string }[] }
    descriptor.Columns.push({ Name: name, Type: 'string' })
  })
}

function tableParameters(table: string): Record<string, string> {
  return (standIn.glue.tableInput(DB, table).Parameters ?? {}) as Record<string, string>
}

const ownValues = (table: string): string[][] =>
  standIn.glue.partitionValues(DB, table).filter((values) => values[0] === A || values[0] === B)

describe('partitions follow the table', () => {
  it("refreshes exactly the action's partitions after columns are added, leaves a foreign one alone, then does nothing", async () => {
    const table = newTable()
    // Another tool's partition of a day before the window, at its own location, in the table's shape.
    const foreign = [A, 'eu-central-1', '2026', '01', '02']
    standIn.glue.addPartitionsDirect(DB, table, [
      {
        Values: foreign,
        StorageDescriptor: {
          ...(standIn.glue.tableInput(DB, table).StorageDescriptor as object),
          Location: 's3://another-tool/cloudtrail/2026/01/02/'
        }
      }
    ])
    standIn.server.calls.reset()
    const first = await sync(table)
    expectSuccess(first)
    expect(Number(first.outputs.added)).toBe(WINDOW_PARTITIONS)
    // The table's first sync compares (nothing is stale) and records the shape its partitions have.
    expect(calls('Glue.BatchUpdatePartition')).toBe(0)
    expect(calls('Glue.UpdateTable')).toBe(1)
    const recorded = tableParameters(table)[PARTITION_STORAGE]
    expect(recorded).toMatch(/^sha256:[\w-]{22}$/)

    addColumn(table, 'inboundcallerid')
    standIn.server.calls.reset()
    const second = await sync(table)
    expectSuccess(second)
    // 248 partitions, 100 a call; the GetPartitions calls are those of any read of this table.
    expect(calls('Glue.BatchUpdatePartition')).toBe(3)
    expect(calls('Glue.BatchCreatePartition') + calls('Glue.BatchDeletePartition')).toBe(0)
    expect(calls('Glue.UpdateTable')).toBe(1)
    const pages = calls('Glue.GetPartitions')
    for (const values of ownValues(table).filter((v) => v.join('/') !== foreign.join('/'))) {
      expect(columnsOf(table, values)).toContain('inboundcallerid')
    }
    expect(columnsOf(table, foreign)).not.toContain('inboundcallerid')
    expect(columnsOf(table, foreign).length).toBeGreaterThan(20)
    expect(tableParameters(table)[PARTITION_STORAGE]).not.toBe(recorded)
    expect(second.summary).toContain(
      `Refreshed ${WINDOW_PARTITIONS} of ${WINDOW_PARTITIONS} partitions of this action's to the table's storage descriptor (columns added: inboundcallerid).`
    )
    expect(second.summary).toContain(
      '1 partition not made by this action differs from the table too (columns added: inboundcallerid): left alone'
    )
    expect(second.stdout).toContain(
      `::notice title=CloudTrail partitions::Refreshed ${WINDOW_PARTITIONS} partitions to the table's storage descriptor (columns added: inboundcallerid).`
    )
    expect(second.plan).toMatchObject({
      applied: { refreshed: WINDOW_PARTITIONS },
      storage: { compared: true, toRefresh: WINDOW_PARTITIONS, recorded: 'recorded' }
    })

    standIn.server.calls.reset()
    const third = await sync(table)
    expectSuccess(third)
    expect(glueWrites()).toBe(0)
    expect(calls('Glue.GetPartitions')).toBe(pages)
    expect(third.stdout).not.toContain('storage descriptor: ')
    expect(third.summary).not.toContain('Refreshed')
  })

  it('reports on a dry run what it would refresh after a SerDe change, writes nothing, then refreshes', async () => {
    const table = newTable()
    expectSuccess(await sync(table))
    standIn.glue.updateTableDirect(DB, table, (input) => {
      const descriptor = input.StorageDescriptor as { SerdeInfo: { SerializationLibrary: string } }
      descriptor.SerdeInfo.SerializationLibrary = 'com.amazon.emr.hive.serde.CloudTrailSerde'
    })
    standIn.server.calls.reset()
    const dry = await sync(table, { 'dry-run': 'true' })
    expectSuccess(dry)
    expect(glueWrites()).toBe(0)
    expect(dry.summary).toContain(
      `Would refresh ${WINDOW_PARTITIONS} partitions of this action's to the table's storage descriptor (another SerDe).`
    )
    const real = await sync(table)
    expectSuccess(real)
    const sample = ownValues(table)[0] as string[]
    const stored = standIn.glue.getPartitionRecord(DB, table, sample) as StoredPartition
    expect(stored.StorageDescriptor?.SerdeInfo?.SerializationLibrary).toBe(
      'com.amazon.emr.hive.serde.CloudTrailSerde'
    )
    // Its own location stays.
    expect(stored.StorageDescriptor?.Location).toMatch(new RegExp(`^${LOCATION}${sample[0]}/CloudTrail/`))
  })

  it('records the shape at creation with create-table: no comparison and no extra write afterwards', async () => {
    const table = `year_created_${++tables}`
    expectSuccess(await sync(table, { 'create-table': 'true' }))
    expect(tableParameters(table)[PARTITION_STORAGE]).toMatch(/^sha256:/)
    standIn.server.calls.reset()
    const again = await sync(table, { 'create-table': 'true' })
    expectSuccess(again)
    expect(glueWrites()).toBe(0)
    expect(again.stdout).not.toContain('storage descriptor: ')
  })

  it('keeps working when the role may not UpdateTable: warns, and compares again next time', async () => {
    const table = newTable()
    expectSuccess(await sync(table))
    addColumn(table, 'inboundcallerid')
    standIn.glue.faults.inject('Glue.UpdateTable', glueErrors.accessDenied('glue:UpdateTable'), { count: 1 })
    const denied = await sync(table)
    expectSuccess(denied)
    expect(denied.stdout).toMatch(
      /::warning::The partitions of security\.year_\d+ are in line with the table, but/
    )
    expect(denied.summary).toContain('(UpdateTable denied): the next run compares again.')
    standIn.server.calls.reset()
    const next = await sync(table)
    expectSuccess(next)
    // Nothing left to refresh; this time the record is written.
    expect(calls('Glue.BatchUpdatePartition')).toBe(0)
    expect(calls('Glue.UpdateTable')).toBe(1)
  })
})

describe("Glue's partition quota, before the first write", () => {
  it('refuses a run that would pass max-table-partitions, with the numbers and the ways out, writing nothing', async () => {
    const table = newTable()
    standIn.server.calls.reset()
    const run = await sync(table, { 'max-table-partitions': '200' })
    expect(run.exitCode).toBe(1)
    expect(glueWrites()).toBe(0)
    expect(standIn.glue.partitionCount(DB, table)).toBe(0)
    expect(run.stdout).toContain(
      `::error::Input 'max-table-partitions': after this run the table would hold ${WINDOW_PARTITIONS} partitions (0 now, +${WINDOW_PARTITIONS}, −0), more than max-table-partitions (200). Stopped before writing anything`
    )
    expect(run.stdout).toContain("a shorter window ('retention-days' 48 or less, now 60")
    expect(run.stdout).toContain("then 'max-table-partitions' raised to match")
    expect(run.summary).toContain('## CloudTrail partitions: refused, nothing written')
    expect(run.plan).toMatchObject({ refused: true, quota: { exceeded: true, after: WINDOW_PARTITIONS } })
  })

  it('warns from 80% of max-table-partitions and goes on', async () => {
    const run = await sync(newTable(), { 'max-table-partitions': '300' })
    expectSuccess(run)
    expect(run.stdout).toContain(
      `::warning::Input 'max-table-partitions': after this run the table holds ${WINDOW_PARTITIONS} partitions (0 now, +${WINDOW_PARTITIONS}, −0), 82%25 of max-table-partitions (300).`
    )
  })

  it('exits 2 from the command line, before any write', async () => {
    const table = newTable()
    standIn.server.calls.reset()
    const run = await cli([
      'sync',
      '--bucket',
      BUCKET,
      '--database',
      DB,
      '--table',
      table,
      '--retention-days',
      '60',
      '--max-table-partitions',
      '100'
    ])
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain(
      'Flag --max-table-partitions: after this run the table would hold 248 partitions'
    )
    expect(glueWrites()).toBe(0)
  })

  it("explains Glue's own ResourceNumberLimitExceededException when it is met anyway", async () => {
    const table = newTable()
    standIn.glue.partitionQuotaPerTable = 150
    try {
      const run = await sync(table)
      expect(run.exitCode).toBe(1)
      expect(standIn.glue.partitionCount(DB, table)).toBeLessThanOrEqual(150)
      expect(run.stdout).toMatch(
        /::error::\d+ partition change\(s\) failed \(stopped after: ResourceNumberLimitExceededException: .*\).*Glue refused more partitions \(ResourceNumberLimitExceededException\): the table reached its quota of partitions per table/
      )
      expect(run.summary).toContain('> [!CAUTION]')
      expect(run.summary).toContain('L-FEBBFA7A')
    } finally {
      standIn.glue.partitionQuotaPerTable = 10_000_000
    }
  })
})

describe('days and regions that cannot be real', () => {
  it('refuses an as-of ten years back, naming as-of, before any AWS call', async () => {
    standIn.server.calls.reset()
    const run = await sync(newTable(), { 'as-of': '2016-03-20' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      "::error::Input 'as-of': 2016-03-20 is more than a year before today (2026-03-20, UTC)."
    )
    expect(Object.values(standIn.server.calls.snapshot()).length).toBe(0)
  })

  it("refuses a backfill before the bucket's oldest logs, from a few listings, before any Glue write", async () => {
    standIn.server.calls.reset()
    const run = await sync(newTable(), { 'as-of': '2025-12-01' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      "::error::Input 'as-of': 2025-12-01 is before the bucket's oldest logs (2026-01-01, the oldest day folder of 2 account/region series looked at)."
    )
    expect(glueWrites()).toBe(0)
    // Discovery (the root, the accounts, two region listings), one series' newest year, month and
    // day folders (their spelling), and the sample: two series' year folders, then a month and a day
    // folder each.
    expect(calls('S3.ListObjectsV2')).toBe(4 + 3 + 2 + 2 * 2)
  })

  it('accepts a backfill inside the logs', async () => {
    expectSuccess(await sync(newTable(), { 'as-of': '2026-02-15', 'retention-days': '10' }))
  })

  it('gives folders that are no AWS Region no partitions, with a notice naming each', async () => {
    const table = newTable(`s3://${JUNK_BUCKET}/AWSLogs/${ORG}/`)
    const run = await sync(table, { bucket: JUNK_BUCKET, 'retention-days': '1' })
    expectSuccess(run)
    const regions = new Set(standIn.glue.partitionValues(DB, table).map((values) => values[1]))
    expect([...regions]).toEqual(['eu-central-1'])
    for (const junk of ['zz-fake-1', 'eu-west-01']) {
      expect(run.stdout).toContain(
        `::notice title=CloudTrail partitions::Folder "${junk}" under CloudTrail/ (1 account) is not an AWS Region: no partitions for it.`
      )
    }
    expect(run.plan).toMatchObject({ notRegions: { 'zz-fake-1': 1, 'eu-west-01': 1 } })
    expect(run.summary).toContain(
      'no AWS Region, given no partitions: eu\\-west\\-01 \\(1 account\\), zz\\-fake\\-1'
    )
  })

  it('trusts an allow-listed region whatever its name', async () => {
    const table = newTable(`s3://${JUNK_BUCKET}/AWSLogs/${ORG}/`)
    const run = await sync(table, {
      bucket: JUNK_BUCKET,
      'retention-days': '1',
      regions: 'eu-central-1, zz-fake-1'
    })
    expectSuccess(run)
    const regions = new Set(standIn.glue.partitionValues(DB, table).map((values) => values[1]))
    expect([...regions].sort()).toEqual(['eu-central-1', 'zz-fake-1'])
    expect(run.stdout).not.toContain('Folder "zz-fake-1"')
  })

  it('warns when the allow-list leaves out us-east-1 while the bucket has it', async () => {
    const run = await sync(newTable(), { regions: 'eu-central-1', 'retention-days': '1' })
    expectSuccess(run)
    expect(run.stdout).toContain(
      "::warning::Input 'regions' leaves out us-east-1, which the bucket has: CloudTrail records the events of IAM"
    )
    expect(run.summary).toContain('> [!WARNING]')
  })
})

describe('long runs keep their credentials', () => {
  // Last in this file: the stand-in's clock only moves forward.
  it('completes a sync that outlives its 15-minute session, with a fresh GitHub token and session', async () => {
    const table = newTable()
    const issuedBefore = standIn.sts.issued.length
    // 16 minutes pass while the first page of partitions is read: the session of 900 s ends mid-run.
    standIn.glue.faults.beforeNext('Glue.GetPartitions', () => standIn.clock.advance(16 * 60_000))
    standIn.server.calls.reset()
    const run = await sync(table, { 'role-duration-seconds': '900' })
    expectSuccess(run)
    expect(standIn.glue.partitionCount(DB, table)).toBe(WINDOW_PARTITIONS)
    const sessions = standIn.sts.issued.slice(issuedBefore)
    expect(sessions).toHaveLength(2)
    expect(calls('OIDC.GetIDToken')).toBe(2)
    // The second session signed the writes; nothing failed.
    const writers = standIn.server.signers.get('Glue.BatchCreatePartition') ?? new Set()
    expect(writers.has(sessions[1]!.accessKeyId)).toBe(true)
    expect(writers.has(sessions[0]!.accessKeyId)).toBe(false)
    expect(run.summary).toMatch(/\| Glue\.BatchCreatePartition \| 3 \| \d+ \| 0 \|/)
  })
})

interface CliRun {
  exitCode: number
  stdout: string
  stderr: string
}

/** The command line's bundle, with the stand-in as AWS. */
function cli(args: string[]): Promise<CliRun> {
  const { ACTIONS_ID_TOKEN_REQUEST_URL: _url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: _token, ...aws } = standIn.env()
  const child = spawn(process.execPath, [join(DIST_ENTRY, '..', 'cli', 'index.js'), ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_NO_WARNINGS: '1',
      ...compileCacheEnv(),
      ...aws,
      ...PINNED_TODAY
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) =>
    child.on('close', (code) => resolve({ exitCode: code ?? -1, stdout, stderr }))
  )
}
