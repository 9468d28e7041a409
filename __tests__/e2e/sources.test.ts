/**
 * End to end per source and layout: the bundled action (and the CLI's dry run) against buckets the
 * stand-in lays out as AWS's pages describe each source (stand-in/synthetic-logs.ts). Each case has
 * its own stand-in and runs concurrently. Needs `npm run package` first.
 *
 * What each case shows: the partitions are exactly the day folders AWS writes (Config's unpadded
 * `2026/3/7`, VPC Flow Logs' Hive-compatible and hourly folders), a second run has nothing to do,
 * retention removes what expired only past the max-remove-days guard, and a table created by the
 * action has AWS's documented columns, SerDe and formats for the source.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { documentedLogTable, logTableInput, type LogSource } from '../../stand-in/log-tables.js'
import { compileCacheEnv, runAction, type ActionRun } from '../../stand-in/run-action.js'
import { buildLogBucket, type LogBucketSpec } from '../../stand-in/synthetic-logs.js'
import { PINNED_TODAY } from '../helpers/today.js'
import { expectSuccess, instantPartitionIndexes } from '../helpers/worlds.js'

const ORG = 'o-exampleorg1'
const BUCKET = 'aws-controltower-logs-999988887777-eu-central-1'
const DB = 'logs'
const ROLE = 'arn:aws:iam::123456789012:role/cloudtrail-partitions'
const ACCOUNTS = ['111111111111', '222222222222']
const REGIONS = ['eu-west-1', 'us-east-1']
/** The window of `retention-days: 9` before `as-of`, future-days 0: ten days, across a month end. */
const AS_OF = '2026-03-07'
const FIRST = '2026-02-26'

interface Case {
  name: string
  source: LogSource
  spec: Partial<LogBucketSpec>
  inputs?: Record<string, string>
}

const CASES: Case[] = [
  { name: 'CloudTrail, organization trail', source: 'CloudTrail', spec: { organizationId: ORG } },
  { name: 'CloudTrail-Insight, single account', source: 'CloudTrail-Insight', spec: {} },
  { name: 'Config, unpadded days', source: 'Config', spec: {} },
  { name: 'vpcflowlogs, hourly folders', source: 'vpcflowlogs', spec: { hourly: true } },
  {
    name: 'vpcflowlogs, Hive-compatible and hourly',
    source: 'vpcflowlogs',
    spec: { hive: true, hourly: true }
  },
  { name: 'elasticloadbalancing', source: 'elasticloadbalancing', spec: {} }
]

async function withStandIn<T>(work: (standIn: StandIn) => Promise<T>): Promise<T> {
  const standIn = await startStandIn()
  instantPartitionIndexes(standIn)
  try {
    return await work(standIn)
  } finally {
    await standIn.close()
  }
}

function sync(standIn: StandIn, source: LogSource, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({
    inputs: {
      'role-to-assume': ROLE,
      'aws-region': 'eu-central-1',
      source,
      bucket: BUCKET,
      prefix: ORG,
      database: DB,
      table: source.toLowerCase().replace(/-/g, '_'),
      'retention-days': '9',
      'future-days': '0',
      'as-of': AS_OF,
      'create-table': 'true',
      ...inputs
    },
    env: { ...standIn.env(), ...PINNED_TODAY }
  })
}

/** Every partition's location, sorted. */
function locations(standIn: StandIn, table: string): string[] {
  return standIn.glue
    .partitionValues(DB, table)
    .map((values) => {
      const partition = standIn.glue.getPartitionRecord(DB, table, values)!
      return (partition.StorageDescriptor as { Location: string }).Location
    })
    .sort()
}

/**
 * A Control Tower Log Archive bucket: the organization trail under `<o-id>/AWSLogs/<o-id>/`, every
 * other source's account folders beside it under `<o-id>/AWSLogs/`, so each source is synced from a
 * bucket that also holds the others.
 */
function controlTowerBucket(standIn: StandIn, own: Case): string[] {
  const common = { bucket: BUCKET, prefix: ORG, accounts: ACCOUNTS, regions: REGIONS, from: FIRST, to: AS_OF }
  if (own.source !== 'CloudTrail') {
    buildLogBucket(standIn.s3, { ...common, source: 'CloudTrail', organizationId: ORG })
  }
  if (own.source !== 'Config') buildLogBucket(standIn.s3, { ...common, source: 'Config' })
  return buildLogBucket(standIn.s3, { ...common, source: own.source, ...own.spec }).dayFolders.sort()
}

describe('sync per source and layout, through the bundle', () => {
  it.concurrent.each(CASES)('$name', async (testCase) => {
    await withStandIn(async (standIn) => {
      const table = testCase.source.toLowerCase().replace(/-/g, '_')
      const folders = controlTowerBucket(standIn, testCase)

      const first = await sync(standIn, testCase.source, testCase.inputs ?? {})
      expectSuccess(first)
      expect(locations(standIn, table)).toEqual(folders)
      expect(first.outputs).toMatchObject({ added: String(folders.length), removed: '0' })
      expect(first.summary).toContain(`## ${testCase.source} partitions: sync`)

      // The created table is AWS's documented one for the source: columns, SerDe, formats.
      const aws = documentedLogTable(testCase.source) as { StorageDescriptor: Record<string, unknown> }
      const created = standIn.glue.tableInput(DB, table) as { StorageDescriptor: Record<string, unknown> }
      for (const field of ['Columns', 'SerdeInfo', 'InputFormat', 'OutputFormat']) {
        expect(created.StorageDescriptor[field]).toEqual(aws.StorageDescriptor[field])
      }

      const second = await sync(standIn, testCase.source, testCase.inputs ?? {})
      expectSuccess(second)
      expect(second.outputs).toMatchObject({ added: '0', removed: '0', unchanged: String(folders.length) })

      // Retention: 4 days fewer expires 4 days of every series, refused past max-remove-days.
      const shorter = { ...testCase.inputs, 'retention-days': '5' }
      const refused = await sync(standIn, testCase.source, { ...shorter, 'max-remove-days': '2' })
      expect(refused.exitCode).not.toBe(0)
      expect(refused.stdout + refused.stderr).toContain("Input 'max-remove-days'")
      expect(locations(standIn, table)).toEqual(folders)
      const trimmed = await sync(standIn, testCase.source, shorter)
      expectSuccess(trimmed)
      const series = ACCOUNTS.length * REGIONS.length
      expect(trimmed.outputs).toMatchObject({ added: '0', removed: String(4 * series) })
      expect(locations(standIn, table)).toHaveLength(folders.length - 4 * series)
    })
  })
})

describe('date folders spelled otherwise than the layout', () => {
  it('stops before any write, naming source, when Config days are zero-padded', async () => {
    await withStandIn(async (standIn) => {
      standIn.s3.createBucket(BUCKET)
      for (const account of ACCOUNTS) {
        for (const day of ['06', '07']) {
          const key = `${ORG}/AWSLogs/${account}/Config/eu-west-1/2026/3/${day}/ConfigHistory/log.json.gz`
          standIn.s3.putObject(BUCKET, key, Buffer.from('{}'), 'application/octet-stream')
        }
      }
      standIn.server.calls.reset()
      const run = await sync(standIn, 'Config', {})
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toContain(
        `::error::Input 'source': the day folders under s3://${BUCKET}/${ORG}/AWSLogs/111111111111/Config/eu-west-1/2026/3/ are spelled like "06", but Config partitions point at folders spelled D`
      )
      const writes = Object.entries(standIn.server.calls.snapshot()).filter(([operation]) =>
        /^Glue\.(Create|Batch|Update|Delete)/.test(operation)
      )
      expect(writes).toEqual([])
    })
  })
})

describe('the CLI dry run per source', () => {
  const cliEntry = join(process.cwd(), 'dist', 'cli', 'index.js')
  const run = promisify(execFile)

  it.concurrent.each(['Config', 'vpcflowlogs', 'elasticloadbalancing'] as const)(
    '%s: shows the plan, writes nothing',
    async (source) => {
      await withStandIn(async (standIn) => {
        const folders = controlTowerBucket(standIn, { name: source, source, spec: {} })
        const { ACTIONS_ID_TOKEN_REQUEST_URL: _u, ACTIONS_ID_TOKEN_REQUEST_TOKEN: _t, ...aws } = standIn.env()
        const { stdout } = await run(
          process.execPath,
          [
            cliEntry,
            'sync',
            '--source',
            source,
            '--bucket',
            BUCKET,
            '--prefix',
            ORG,
            '--database',
            DB,
            '--table',
            'logs',
            '--create-table',
            '--retention-days',
            '9',
            '--future-days',
            '0',
            '--as-of',
            AS_OF,
            '--dry-run',
            '--format',
            'json'
          ],
          {
            env: {
              PATH: process.env.PATH ?? '',
              HOME: process.cwd(),
              ...compileCacheEnv(),
              ...aws,
              ...PINNED_TODAY
            }
          }
        )
        const plan = JSON.parse(stdout) as { layout: { source: string }; totals?: { add?: number } }
        expect(plan.layout.source).toBe(source)
        expect(JSON.stringify(plan)).toContain(String(folders.length))
        expect(standIn.server.calls.get('Glue.CreateTable')).toBe(0)
        expect(standIn.server.calls.get('Glue.BatchCreatePartition')).toBe(0)
      })
    }
  )
})

describe("tables with the date keys of AWS's own examples", () => {
  interface KeyCase {
    name: string
    source: LogSource
    spec: Partial<LogBucketSpec>
    partitionKeys: [string, string][]
    parameters?: Record<string, string>
    /** The partition value of 2026-03-01. */
    march1: string
    location: string
  }
  const [A] = ACCOUNTS as [string, string]
  const KEY_CASES: KeyCase[] = [
    {
      // CloudTrail's partition-projection table, projection turned off: one Region of one account.
      name: 'CloudTrail, one timestamp key in yyyy/MM/dd',
      source: 'CloudTrail',
      spec: { organizationId: ORG },
      partitionKeys: [['timestamp', 'string']],
      parameters: { 'projection.enabled': 'false', 'projection.timestamp.format': 'yyyy/MM/dd' },
      march1: '2026/03/01',
      location: `s3://${BUCKET}/${ORG}/AWSLogs/${ORG}/${A}/CloudTrail/eu-west-1/`
    },
    {
      // VPC Flow Logs' table: one date key of type date.
      name: 'vpcflowlogs, one date key of type date',
      source: 'vpcflowlogs',
      spec: {},
      partitionKeys: [['date', 'date']],
      march1: '2026-03-01',
      location: `s3://${BUCKET}/${ORG}/AWSLogs/${A}/vpcflowlogs/eu-west-1/`
    }
  ]

  it.concurrent.each(KEY_CASES)('$name', async (testCase) => {
    await withStandIn(async (standIn) => {
      const table = 'examples'
      const folders = controlTowerBucket(standIn, {
        name: testCase.name,
        source: testCase.source,
        spec: testCase.spec
      })
      standIn.glue.createTableDirect(
        DB,
        logTableInput({
          source: testCase.source,
          name: table,
          location: testCase.location,
          partitionKeys: testCase.partitionKeys,
          ...(testCase.parameters ? { parameters: testCase.parameters } : {})
        })
      )
      const inputs = { table, 'create-table': 'false', accounts: A, regions: 'eu-west-1' }

      const unscoped = await sync(standIn, testCase.source, { ...inputs, accounts: '' })
      expect(unscoped.exitCode).not.toBe(0)
      expect(unscoped.stdout).toContain(`Input 'accounts': ${DB}.${table} has no account partition key`)
      expect(standIn.glue.partitionCount(DB, table)).toBe(0)

      const first = await sync(standIn, testCase.source, inputs)
      expectSuccess(first)
      const ours = folders.filter((folder) => folder.includes(`/${A}/`) && folder.includes('/eu-west-1/'))
      expect(locations(standIn, table)).toEqual(ours)
      const values = standIn.glue.partitionValues(DB, table).map((value) => value.join('|'))
      expect(values).toHaveLength(ours.length)
      expect(values).toContain(testCase.march1)
      const second = await sync(standIn, testCase.source, inputs)
      expectSuccess(second)
      expect(second.outputs).toMatchObject({ added: '0', removed: '0', unchanged: String(ours.length) })
    })
  })
})
