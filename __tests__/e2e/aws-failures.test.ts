/**
 * End to end: the AWS failures a first real run meets, produced by the stand-in's knobs and met by the
 * bundled action: a GetPartitions page that times out, another person's UpdateTable between our
 * read and our write, an index whose backfill fails, an index being deleted, a partition index
 * denied halfway, and an Athena workgroup without a query result location.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CreatePartitionIndexCommand, DeletePartitionIndexCommand, GlueClient } from '@aws-sdk/client-glue'
import type { DateKeyType } from '../../stand-in/cloudtrail-table.js'
import { glueErrors } from '../../stand-in/glue.js'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { runAction, type ActionRun } from '../../stand-in/run-action.js'
import { PINNED_TODAY } from '../helpers/today.js'
import { beforeGlueCall, cloudTrailTable, expectSuccess, organizationBucket } from '../helpers/worlds.js'

const ORG = 'o-failures001'
const BUCKET = 'org-trail'
const DB = 'security'
const A = '111111111111'
const B = '222222222222'
const LOCATION = `s3://${BUCKET}/AWSLogs/${ORG}/`

let standIn: StandIn
let glue: GlueClient

beforeAll(async () => {
  standIn = await startStandIn()
  organizationBucket(standIn, { bucket: BUCKET, organizationId: ORG, accounts: [A, B], from: '2026-02-20' })
  glue = new GlueClient({
    endpoint: standIn.endpoint,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'AKIDPERSON', secretAccessKey: 'x' }
  })
})

afterAll(async () => {
  glue.destroy()
  await standIn.close()
})

afterEach(() => {
  standIn.glue.faults.reset()
  standIn.glue.indexActivationMs = 0
  standIn.glue.indexDeletionMs = 0
})

let tables = 0
function newTable(dateKeyType: DateKeyType = 'string'): string {
  return cloudTrailTable(standIn, LOCATION, { database: DB, name: `failures_${++tables}`, dateKeyType }).table
}

function sync(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({
    inputs: {
      'role-to-assume': 'arn:aws:iam::123456789012:role/ct',
      'aws-region': 'eu-central-1',
      bucket: BUCKET,
      database: DB,
      'retention-days': '9',
      'future-days': '1',
      'as-of': '2026-03-01',
      ...inputs
    },
    env: { ...standIn.env(), ...PINNED_TODAY }
  })
}

type TableShape = { StorageDescriptor: { Columns: { Name: string }[] }; Parameters: Record<string, string> }
const tableOf = (name: string) => standIn.glue.tableInput(DB, name) as unknown as TableShape
const addColumn = (name: string, column: string) => () =>
  standIn.glue.updateTableDirect(DB, name, (input) => {
    ;(input as unknown as TableShape).StorageDescriptor.Columns.push({
      Name: column,
      Type: 'string'
    } as never)
  })
/** 2 accounts x 2 regions x 11 days (9 kept, today, 1 ahead). */
const WINDOW = 2 * 2 * 11

describe('GetPartitions pages that time out', () => {
  it('retries OperationTimeoutException (a 400 the SDK does not retry), completes the sync, and reports retries', async () => {
    const table = newTable()
    standIn.glue.addPartitionsDirect(
      DB,
      table,
      Array.from({ length: 2500 }, (_, i) => ({
        Values: ['999999999999', 'eu-west-1', '2026', '02', String(i)],
        StorageDescriptor: { Location: 's3://elsewhere/' }
      }))
    )
    standIn.server.calls.reset()
    // Every third page times out, the third page of the run first.
    standIn.glue.faults.inject('Glue.GetPartitions', glueErrors.operationTimeout(), { skip: 2, every: 3 })
    const result = await sync({ table })
    expectSuccess(result)
    expect(standIn.glue.partitionCount(DB, table)).toBe(2500 + WINDOW)
    const timedOut = standIn.server.calls.get('Glue.GetPartitions', 'error')
    expect(timedOut).toBeGreaterThan(0)
    const ok = standIn.server.calls.get('Glue.GetPartitions', 'ok')
    // One row per page read, its timeouts counted as retries, none as failures.
    expect(result.summary).toContain(`| Glue.GetPartitions | ${ok} | ${timedOut} | 0 |`)
  })
})

describe("another person's change to the table", () => {
  it('keeps a column added while the index was being built: the filtering write re-reads the table', async () => {
    const table = newTable()
    standIn.glue.indexActivationMs = 300
    standIn.glue.faults.beforeNext('Glue.CreatePartitionIndex', addColumn(table, 'added_during_wait'))
    standIn.server.calls.reset()
    const result = await sync({ table, 'partition-index': 'true' })
    expectSuccess(result)
    const after = tableOf(table)
    expect(after.StorageDescriptor.Columns.map((c) => c.Name)).toContain('added_during_wait')
    expect(after.Parameters['partition_filtering.enabled']).toBe('true')
    // Partition filtering, then (the table's first sync) the record of its partitions' storage shape.
    expect(standIn.server.calls.get('Glue.UpdateTable')).toBe(2)
    expect(after.Parameters['cloudtrail-partitions.partition-storage']).toMatch(/^sha256:/)
  })

  it('retries a write refused with ConcurrentModificationException and keeps the change that beat it', async () => {
    const table = newTable()
    standIn.glue.faults.beforeNext('Glue.UpdateTable', addColumn(table, 'added_between_read_and_write'))
    standIn.server.calls.reset()
    const result = await sync({ table, 'partition-index': 'true' })
    expectSuccess(result)
    expect(standIn.server.calls.get('Glue.UpdateTable', 'error')).toBe(1)
    // Partition filtering once refused and redone, then the record of the partitions' storage shape.
    expect(standIn.server.calls.get('Glue.UpdateTable', 'ok')).toBe(2)
    const after = tableOf(table)
    expect(after.StorageDescriptor.Columns.map((c) => c.Name)).toContain('added_between_read_and_write')
    expect(after.Parameters['partition_filtering.enabled']).toBe('true')
    expect(result.summary).toContain('| Partition filtering | turned on (partition_filtering.enabled=true) |')
  })
})

describe('partition indexes that fail or are going away', () => {
  it('reports an index that goes CREATING -> FAILED with its backfill codes, in the log and the summary', async () => {
    const table = newTable('int')
    // Someone's partition with a month that is not a number: the int index cannot be backfilled.
    standIn.glue.addPartitionsDirect(DB, table, [
      { Values: [A, 'eu-west-1', '2025', 'march', '1'], StorageDescriptor: { Location: 's3://elsewhere/' } }
    ])
    standIn.glue.indexActivationMs = 300
    const result = await sync({ table, 'partition-index': 'true' })
    expectSuccess(result)
    expect(result.stdout).toMatch(
      new RegExp(
        `::warning::Partition index cloudtrail_partitions_by_date of security.${table} FAILED: INVALID_PARTITION_TYPE_DATA_ERROR \\(1 partition\\(s\\): ${A}/eu-west-1/2025/march/1\\)`
      )
    )
    expect(result.summary).toContain('| Partition index | `cloudtrail_partitions_by_date` FAILED')
    // The warning is escaped Markdown (it quotes names from Glue): read it without the escapes.
    expect(result.summary.replace(/\\(.)/g, '$1')).toMatch(
      /> \[!WARNING\]\n> Partition index .* FAILED: INVALID_PARTITION_TYPE_DATA_ERROR/
    )
    // The partitions are synced all the same.
    expect(standIn.glue.partitionCount(DB, table)).toBe(1 + WINDOW)
  })

  it('waits for its own index to finish DELETING instead of creating a second one, then creates it', async () => {
    const table = newTable()
    const params = { DatabaseName: DB, TableName: table }
    await glue.send(
      new CreatePartitionIndexCommand({
        ...params,
        PartitionIndex: { IndexName: 'cloudtrail_partitions_by_date', Keys: ['year', 'month', 'day'] }
      })
    )
    // Deleting takes a minute of stand-in time, which passes right before the action's third look:
    // the table's preview and the set-up's look see it DELETING, the set-up's next look sees it gone.
    standIn.glue.indexDeletionMs = 60_000
    await glue.send(
      new DeletePartitionIndexCommand({ ...params, IndexName: 'cloudtrail_partitions_by_date' })
    )
    beforeGlueCall(standIn, 'Glue.GetPartitionIndexes', 3, () => standIn.clock.advance(60_000))
    standIn.server.calls.reset()
    const result = await sync({ table, 'partition-index': 'true' })
    expectSuccess(result)
    expect(result.stdout).toContain(
      'partition index cloudtrail_partitions_by_date is being deleted (DELETING); waiting'
    )
    // Created once, after the deletion finished: no AlreadyExistsException on the way.
    expect(standIn.server.calls.get('Glue.CreatePartitionIndex', 'ok')).toBe(1)
    expect(standIn.server.calls.get('Glue.CreatePartitionIndex', 'error')).toBe(0)
    expect(result.summary).toContain('`cloudtrail_partitions_by_date` (year, month, day) created, ACTIVE')
  })
})

describe('a created table whose index was denied halfway', () => {
  it('fails naming the IAM action and statement on every run until allowed, then completes the index and filtering', async () => {
    const table = 'created_then_denied'
    standIn.glue.faults.inject(
      'Glue.CreatePartitionIndex',
      glueErrors.accessDenied('glue:CreatePartitionIndex'),
      {
        count: 2
      }
    )
    const first = await sync({ table, 'create-table': 'true' })
    expect(first.exitCode).toBe(1)
    expect(first.stdout).toContain(
      'Give the role glue:CreatePartitionIndex on the resource (statement "PartitionIndexAndFiltering" of iam/sync/permissions.json)'
    )
    expect(first.stdout).not.toMatch(/trust policy/)
    expect(first.summary).toContain('## CloudTrail partitions: failed')
    expect(tableOf(table).Parameters['created-by']).toBe('cloudtrail-partitions')

    // The rerun neither sets create-table nor partition-index: the table is ours, so no silent skip.
    const second = await sync({ table })
    expect(second.exitCode).toBe(1)
    expect(second.stdout).toContain(`security.${table} was created by this action, so every run completes`)
    expect(second.stdout).toContain('glue:CreatePartitionIndex')

    const third = await sync({ table })
    expectSuccess(third)
    expect(third.summary).toContain('`cloudtrail_partitions_by_date` (year, month, day) created, ACTIVE')
    expect(tableOf(table).Parameters['partition_filtering.enabled']).toBe('true')
    expect(standIn.glue.partitionCount(DB, table)).toBe(WINDOW)
  })

  it('fails naming glue:UpdateTable when only partition filtering is denied', async () => {
    const table = 'created_filtering_denied'
    standIn.glue.faults.inject('Glue.UpdateTable', glueErrors.accessDenied('glue:UpdateTable'), { count: 1 })
    const result = await sync({ table, 'create-table': 'true' })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(
      'Give the role glue:UpdateTable on the resource (statement "PartitionIndexAndFiltering"'
    )
  })
})

describe('Athena without a query result location', () => {
  let workspace: string
  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'ctp-explain-'))
    await mkdir(join(workspace, 'queries'))
    await writeFile(
      join(workspace, 'queries', 'ok.sql'),
      "SELECT eventname FROM cloudtrail WHERE year = '2026' AND month = '03' AND day = '01'\n"
    )
    cloudTrailTable(standIn, LOCATION, { database: DB })
    standIn.athena.addWorkGroup('bare')
    standIn.s3.createBucket('query-results')
  })
  afterAll(() => rm(workspace, { recursive: true, force: true }))

  const check = (inputs: Record<string, string> = {}) => {
    const { GITHUB_API_URL: _api, ...aws } = standIn.env()
    return runAction({
      inputs: {
        command: 'check-queries',
        table: 'cloudtrail',
        database: DB,
        workgroup: 'bare',
        'role-to-assume': 'arn:aws:iam::123456789012:role/check',
        'aws-region': 'eu-central-1',
        ...inputs
      },
      env: aws,
      workspace
    })
  }

  it('says the workgroup has no location and names athena-output-location', async () => {
    const result = await check()
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(
      "::error::Athena has nowhere to write EXPLAIN's results: workgroup 'bare' has no query result location and input 'athena-output-location' is empty."
    )
  })

  it('runs EXPLAIN with athena-output-location set', async () => {
    standIn.server.calls.reset()
    const result = await check({ 'athena-output-location': 's3://query-results/explain/' })
    expectSuccess(result)
    expect(standIn.server.calls.get('Athena.StartQueryExecution', 'ok')).toBe(1)
    expect(result.outputs.summary).toBe('1 file(s) checked: 0 error(s), 0 warning(s)')
  })

  it('names the bucket when the location is in one Athena cannot use', async () => {
    const result = await check({ 'athena-output-location': 's3://no-such-results/explain/' })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(
      "Athena cannot write EXPLAIN's results to bucket no-such-results, from input 'athena-output-location'"
    )
  })
})
