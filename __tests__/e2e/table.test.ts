/**
 * End to end, issue "table bootstrap": the bundled action creates or validates the CloudTrail
 * table, its partition index and partition filtering, against the stand-in through OIDC.
 */
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { cloudTrailTableInput, documentedCloudTrailTable } from '../../stand-in/cloudtrail-table.js'
import { runAction, type ActionRun } from '../../stand-in/run-action.js'
import {
  beforeGlueCall,
  cloudTrailTable,
  expectSuccess,
  instantPartitionIndexes,
  organizationBucket
} from '../helpers/worlds.js'
import { CreatePartitionIndexCommand, GlueClient } from '@aws-sdk/client-glue'
import { PINNED_TODAY } from '../helpers/today.js'

const ORG = 'o-tabletest01'
const BUCKET = 'org-trail'
const A = '111111111111'
const B = '222222222222'

let standIn: StandIn

beforeAll(async () => {
  standIn = await startStandIn()
  instantPartitionIndexes(standIn) // a test that waits for an index says so with its own knob
  organizationBucket(standIn, {
    bucket: BUCKET,
    prefix: 'trails',
    organizationId: ORG,
    accounts: [A, B],
    from: '2026-02-25'
  })
})

afterAll(() => standIn.close())

function run(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({
    inputs: {
      'role-to-assume': 'arn:aws:iam::123456789012:role/ct',
      'aws-region': 'eu-central-1',
      bucket: BUCKET,
      prefix: 'trails',
      'retention-days': '1',
      'future-days': '1',
      'as-of': '2026-03-01',
      ...inputs
    },
    env: { ...standIn.env(), ...PINNED_TODAY }
  })
}

const GLUE_WRITES = [
  'Glue.CreateDatabase',
  'Glue.CreateTable',
  'Glue.UpdateTable',
  'Glue.CreatePartitionIndex',
  'Glue.BatchCreatePartition',
  'Glue.BatchDeletePartition'
]
const writes = () => GLUE_WRITES.reduce((sum, op) => sum + standIn.server.calls.get(op), 0)
const values = (db: string, table: string) =>
  standIn.glue
    .partitionValues(db, table)
    .map((v) => v.join('/'))
    .sort()

describe('a fresh account', () => {
  it('creates the database, the table as AWS documents it, the index and partition filtering, then syncs', async () => {
    standIn.server.calls.reset()
    const result = await run({ database: 'audit', table: 'cloudtrail', 'create-table': 'true' })
    expectSuccess(result)
    const table = standIn.glue.tableInput('audit', 'cloudtrail') as {
      PartitionKeys: { Name: string; Type: string }[]
      Parameters: Record<string, string>
      StorageDescriptor: {
        Location: string
        Columns: { Name: string; Type: string }[]
        SerdeInfo: { SerializationLibrary: string }
      }
    }
    expect(table.PartitionKeys).toEqual([
      { Name: 'account', Type: 'string' },
      { Name: 'region', Type: 'string' },
      { Name: 'year', Type: 'string' },
      { Name: 'month', Type: 'string' },
      { Name: 'day', Type: 'string' }
    ])
    expect(table.StorageDescriptor.Location).toBe(`s3://${BUCKET}/trails/AWSLogs/${ORG}/`)
    // AWS's documented DDL as the stand-in reads it, not the product's own schema.
    const documented = documentedCloudTrailTable() as { StorageDescriptor: { Columns: unknown[] } }
    expect(table.StorageDescriptor.Columns).toEqual(documented.StorageDescriptor.Columns)
    expect(table.StorageDescriptor.SerdeInfo.SerializationLibrary).toBe(
      'org.apache.hive.hcatalog.data.JsonSerDe'
    )
    expect(table.Parameters['partition_filtering.enabled']).toBe('true')
    expect(standIn.server.calls.get('Glue.CreatePartitionIndex')).toBe(1)
    expect(values('audit', 'cloudtrail')).toContain(`${A}/eu-west-1/2026/03/01`)
    expect(values('audit', 'cloudtrail')).toHaveLength(2 * 2 * 3)
    expect(result.summary).toContain('`audit.cloudtrail` created, date keys string (database created)')
    expect(result.summary).toContain(
      '| Partition index | `cloudtrail_partitions_by_date` (year, month, day) created, ACTIVE |'
    )
    expect(result.summary).toContain('| Partition filtering | turned on (partition_filtering.enabled=true) |')
    // "Is the table there?" answered "no" is expected on a creating run: not found, no failed call.
    expect(result.summary).toMatch(/\| Glue\.GetTable \| \d+ \| 0 \| 0 \| [1-9] \|/)
    expect(result.summary).toMatch(/\| Glue\.GetDatabase \| \d+ \| 0 \| 0 \| 1 \|/)
  })

  it('makes no write call at all on the second run', async () => {
    standIn.server.calls.reset()
    const result = await run({ database: 'audit', table: 'cloudtrail', 'create-table': 'true' })
    expectSuccess(result)
    expect(writes()).toBe(0)
    expect(result.summary).toContain('present, ACTIVE')
    expect(result.summary).toContain('| Partition filtering | on |')
  })

  it('creates an int-keyed table with date-key-type: int and writes canonical numbers', async () => {
    const result = await run({
      database: 'audit',
      table: 'cloudtrail_int',
      'create-table': 'true',
      'date-key-type': 'int'
    })
    expectSuccess(result)
    const keys = (standIn.glue.tableInput('audit', 'cloudtrail_int') as { PartitionKeys: { Type: string }[] })
      .PartitionKeys
    expect(keys.map((k) => k.Type)).toEqual(['string', 'string', 'int', 'int', 'int'])
    expect(values('audit', 'cloudtrail_int')).toContain(`${A}/eu-west-1/2026/3/1`)
    expect(values('audit', 'cloudtrail_int')).toContain(`${B}/us-east-1/2026/2/28`)
  })

  it('waits for a new index to become active', async () => {
    // Building takes a minute of stand-in time, which passes right before the action's third look at
    // the indexes: the set-up finds none and creates it, the wait's first look finds it CREATING.
    standIn.glue.indexActivationMs = 60_000
    beforeGlueCall(standIn, 'Glue.GetPartitionIndexes', 3, () => standIn.clock.advance(60_000))
    standIn.server.calls.reset()
    try {
      const result = await run({ database: 'audit', table: 'cloudtrail_wait', 'create-table': 'true' })
      expectSuccess(result)
      expect(result.summary).toContain('created, ACTIVE')
      expect(standIn.server.calls.get('Glue.GetPartitionIndexes')).toBe(3)
    } finally {
      standIn.glue.indexActivationMs = 0
    }
  })

  it('creates nothing on a dry run and reports what it would do', async () => {
    standIn.server.calls.reset()
    const result = await run({
      database: 'audit_dry',
      table: 'cloudtrail',
      'create-table': 'true',
      'dry-run': 'true'
    })
    expectSuccess(result)
    expect(writes()).toBe(0)
    expect(result.summary).toContain('`audit_dry.cloudtrail` would be created')
    expect(result.summary).toContain('Would add: 12')
    await expect(async () => standIn.glue.tableInput('audit_dry', 'cloudtrail')).rejects.toThrow()
  })
})

describe('an existing table', () => {
  function seed(name: string, extra: Parameters<typeof cloudTrailTable>[2] = {}) {
    cloudTrailTable(standIn, `s3://${BUCKET}/trails/AWSLogs/${ORG}/`, { name, ...extra })
  }

  it('keeps an existing usable index and only turns partition filtering on', async () => {
    seed('with_index')
    const glue = new GlueClient({
      endpoint: standIn.endpoint,
      region: 'eu-central-1',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'x' }
    })
    await glue.send(
      new CreatePartitionIndexCommand({
        DatabaseName: 'security',
        TableName: 'with_index',
        PartitionIndex: { IndexName: 'mine', Keys: ['year', 'month'] }
      })
    )
    standIn.server.calls.reset()
    const result = await run({ database: 'security', table: 'with_index', 'partition-index': 'true' })
    expectSuccess(result)
    expect(standIn.server.calls.get('Glue.CreatePartitionIndex')).toBe(0)
    // Partition filtering, and the record of the partitions' storage shape (the table's first sync).
    expect(standIn.server.calls.get('Glue.UpdateTable')).toBe(2)
    expect(result.summary).toContain('| Partition index | `mine` (year, month) present, ACTIVE |')
    standIn.server.calls.reset()
    expectSuccess(await run({ database: 'security', table: 'with_index', 'partition-index': 'true' }))
    expect(writes() - standIn.server.calls.get('Glue.BatchCreatePartition')).toBe(0)
  })

  it('syncs an older table as is and prints the ALTER TABLE that adds the missing columns', async () => {
    const input = cloudTrailTableInput({
      name: 'older',
      location: `s3://${BUCKET}/trails/AWSLogs/${ORG}/`
    }) as {
      StorageDescriptor: { Columns: { Name: string }[] }
    }
    input.StorageDescriptor.Columns = input.StorageDescriptor.Columns.filter(
      (c) => !['tlsdetails', 'addendum', 'edgedevicedetails'].includes(c.Name)
    )
    standIn.glue.createTableDirect('security', input as Record<string, unknown>)
    const result = await run({ database: 'security', table: 'older' })
    expectSuccess(result)
    expect(result.stdout).toMatch(/::warning::security.older lacks 3 column\(s\)/)
    expect(result.summary).toContain('ALTER TABLE `security`.`older` ADD COLUMNS (addendum struct<')
    expect(result.summary).toContain(
      'tlsdetails struct<tlsversion:string,ciphersuite:string,clientprovidedhostheader:string>)'
    )
    expect(values('security', 'older')).toHaveLength(12)
    expect(result.summary).toContain('| Partition index | none (set partition-index: true to add one) |')
  })

  it('refuses a date-key-type that differs from the table, naming the input, and writes nothing', async () => {
    seed('string_keys')
    standIn.server.calls.reset()
    const result = await run({ database: 'security', table: 'string_keys', 'date-key-type': 'int' })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(
      /::error::Input 'date-key-type' is int, but security.string_keys has string date keys/
    )
    expect(writes()).toBe(0)
  })

  it('refuses a SerDe that cannot read CloudTrail files', async () => {
    const input = cloudTrailTableInput({
      name: 'parquet',
      location: `s3://${BUCKET}/trails/AWSLogs/${ORG}/`
    }) as {
      StorageDescriptor: { SerdeInfo: { SerializationLibrary: string } }
    }
    input.StorageDescriptor.SerdeInfo.SerializationLibrary =
      'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'
    standIn.glue.createTableDirect('security', input as Record<string, unknown>)
    standIn.server.calls.reset()
    const result = await run({ database: 'security', table: 'parquet', 'create-table': 'true' })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('ParquetHiveSerDe')
    expect(writes()).toBe(0)
    // The summary says why, and lists the AWS calls made before the failure.
    expect(result.summary).toContain('## CloudTrail partitions: failed')
    expect(result.summary).toContain('ParquetHiveSerDe')
    expect(result.summary).toMatch(/\| Glue.GetTable \| 1 \|/)
  })

  it('never replaces an existing table, even with create-table', async () => {
    seed('kept', { dateKeyType: 'int' })
    standIn.server.calls.reset()
    const result = await run({ database: 'security', table: 'kept', 'create-table': 'true' })
    expectSuccess(result)
    expect(standIn.server.calls.get('Glue.CreateTable')).toBe(0)
    expect(values('security', 'kept')).toContain(`${A}/eu-west-1/2026/3/1`)
  })
})
