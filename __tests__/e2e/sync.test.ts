/**
 * End to end: the bundled action (dist/index.js) run as GitHub runs it, against the stand-in,
 * authenticating through the stand-in's GitHub OIDC endpoint and STS.
 */
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import type { DateKeyType } from '../../stand-in/cloudtrail-table.js'
import { runAction, type ActionRun } from '../../stand-in/run-action.js'
import { PINNED_TODAY } from '../helpers/today.js'
import {
  cloudTrailTable,
  expectSuccess,
  organizationBucket,
  partitionsOf as partitionsIn
} from '../helpers/worlds.js'

const ORG = 'o-e2etest0001'
const BUCKET = 'org-cloudtrail-logs'
const DB = 'security'
const A = '111111111111'
const B = '222222222222'
const C = '333333333333'
const ROLE = 'arn:aws:iam::123456789012:role/cloudtrail-partitions'
const ALLOWED = ['eu-central-1', 'eu-west-1', 'us-east-1']

let standIn: StandIn

let location: string

beforeAll(async () => {
  standIn = await startStandIn()
  ;({ location } = organizationBucket(standIn, {
    bucket: BUCKET,
    organizationId: ORG,
    accounts: [A, B, C],
    regions: [...ALLOWED, 'ap-south-1'],
    from: '2026-01-20',
    to: '2026-03-10',
    hasRegion: (account, region) => !(account === C && region === 'eu-west-1'),
    isEmptyDay: (_account, _region, date) => date.endsWith('-05')
  }))
})

afterAll(async () => {
  await standIn.close()
})

let tableCounter = 0
function newTable(
  dateKeyType: DateKeyType = 'string',
  extra: Omit<Parameters<typeof cloudTrailTable>[2], 'database' | 'name' | 'dateKeyType'> = {}
) {
  return cloudTrailTable(standIn, location, {
    database: DB,
    name: `cloudtrail_${++tableCounter}`,
    dateKeyType,
    ...extra
  }).table
}

function run(
  table: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {}
): Promise<ActionRun> {
  return runAction({
    inputs: {
      'role-to-assume': ROLE,
      'aws-region': 'eu-central-1',
      bucket: BUCKET,
      database: DB,
      table,
      regions: ALLOWED.join(', '),
      'retention-days': '30',
      'future-days': '2',
      'as-of': '2026-03-10',
      ...inputs
    },
    env: { ...standIn.env(), ...PINNED_TODAY, ...env }
  })
}

/** What the table should hold: every discovered series over the window, zero-padded or canonical. */
function expectedValues(first: string, last: string, dateKeyType: DateKeyType = 'string'): string[] {
  const series = [A, B, C].flatMap((account) =>
    ALLOWED.filter((region) => !(account === C && region === 'eu-west-1')).map((region) => [account, region])
  )
  const values: string[] = []
  for (
    let day = Date.parse(`${first}T00:00:00Z`);
    day <= Date.parse(`${last}T00:00:00Z`);
    day += 86_400_000
  ) {
    const date = new Date(day)
    const y = String(date.getUTCFullYear())
    const m = String(date.getUTCMonth() + 1)
    const d = String(date.getUTCDate())
    const pad = (s: string) => (dateKeyType === 'string' ? s.padStart(2, '0') : s)
    for (const [account, region] of series) values.push([account, region, y, pad(m), pad(d)].join('/'))
  }
  return values.sort()
}

const partitionsOf = (table: string): string[] => partitionsIn(standIn, DB, table)

function writeCalls(): number {
  const calls = standIn.server.calls
  return (
    calls.get('Glue.BatchCreatePartition') +
    calls.get('Glue.BatchDeletePartition') +
    calls.get('Glue.BatchUpdatePartition') +
    calls.get('Glue.CreatePartition' as string) +
    calls.get('Glue.UpdateTable')
  )
}

describe('sync through OIDC', () => {
  const table = newTableLater()

  it('creates exactly the partitions of the window, with CloudTrail locations and the table schema', async () => {
    standIn.server.calls.reset()
    const result = await run(table())
    expectSuccess(result)
    const expected = expectedValues('2026-02-08', '2026-03-12')
    expect(partitionsOf(table())).toEqual(expected)
    expect(result.outputs).toMatchObject({ added: String(expected.length), removed: '0', unchanged: '0' })

    const partition = standIn.glue.getPartitionRecord(DB, table(), [A, 'eu-west-1', '2026', '03', '01'])!
    const descriptor = partition.StorageDescriptor as {
      Location: string
      Columns: unknown[]
      SerdeInfo: unknown
    }
    expect(descriptor.Location).toBe(`s3://${BUCKET}/AWSLogs/${ORG}/${A}/CloudTrail/eu-west-1/2026/03/01/`)
    const tableDescriptor = standIn.glue.tableInput(DB, table()).StorageDescriptor as typeof descriptor
    expect(descriptor.Columns).toEqual(tableDescriptor.Columns)
    expect(descriptor.SerdeInfo).toEqual(tableDescriptor.SerdeInfo)

    // Region outside the allow-list and digest folders never became partitions.
    expect(partitionsOf(table()).some((v) => v.includes('ap-south-1'))).toBe(false)
    // Delimiter listings only: AWSLogs/, the org folder, one per account, then one series' newest
    // year, month and day folders (are they spelled as the layout says?).
    expect(standIn.server.calls.get('S3.ListObjectsV2')).toBe(2 + 3 + 3)
    expect(standIn.server.calls.get('S3.GetObject')).toBe(0)
    // Every Glue call was signed by credentials STS issued for the OIDC token.
    for (const operation of ['Glue.GetTable', 'Glue.GetPartitions', 'Glue.BatchCreatePartition']) {
      const signers = [...(standIn.server.signers.get(operation) ?? [])]
      expect(signers.length).toBeGreaterThan(0)
      expect(signers.every((key) => standIn.sts.isIssued(key))).toBe(true)
    }
    expect(standIn.sts.issued.at(-1)).toMatchObject({ roleArn: ROLE, sessionName: 'GitHubActions' })

    expect(result.summary).toContain(`Added: ${expected.length}`)
    expect(result.summary).toContain('ap-south-1')
    expect(result.summary).toMatch(/\| Glue.BatchCreatePartition \| \d+ \|/)
  })

  it('changes nothing on a second run with the same inputs', async () => {
    const before = partitionsOf(table())
    standIn.server.calls.reset()
    const result = await run(table())
    expectSuccess(result)
    expect(result.outputs).toMatchObject({ added: '0', removed: '0', unchanged: String(before.length) })
    expect(writeCalls()).toBe(0)
    expect(partitionsOf(table())).toEqual(before)
    expect(result.summary).toContain('No changes')
  })

  it('adds the new day and removes the expired one on the next day', async () => {
    standIn.server.calls.reset()
    const result = await run(table(), { 'as-of': '2026-03-11' })
    expectSuccess(result)
    expect(partitionsOf(table())).toEqual(expectedValues('2026-02-09', '2026-03-13'))
    expect(result.outputs).toMatchObject({ added: '8', removed: '8' })
    const plan = result.plan as { window: string[]; series: { account: string; region: string }[] }
    expect(plan.window).toEqual(['2026-02-09', '2026-03-13'])
    expect(plan.series.find((s) => s.account === A && s.region === 'eu-west-1')).toEqual({
      account: A,
      region: 'eu-west-1',
      status: 'kept',
      add: [['2026-03-13', '2026-03-13']],
      remove: [['2026-02-08', '2026-02-08']],
      unchanged: 32,
      applied: { created: 1, deleted: 1 }
    })
  })

  it('writes nothing on a dry run, and reports what it would do', async () => {
    const before = partitionsOf(table())
    standIn.server.calls.reset()
    const result = await run(table(), { 'as-of': '2026-03-20', 'dry-run': 'true' })
    expectSuccess(result)
    expect(result.outputs).toMatchObject({ added: '72', removed: '72' })
    expect(writeCalls()).toBe(0)
    expect(partitionsOf(table())).toEqual(before)
    expect(result.summary).toContain('dry run, nothing written')
  })
})

describe('tables and keys', () => {
  it('writes canonical numbers to an int-keyed table', async () => {
    const table = newTable('int')
    expectSuccess(await run(table, { 'retention-days': '1', 'future-days': '0', 'as-of': '2026-03-01' }))
    expect(partitionsOf(table)).toEqual(expectedValues('2026-02-28', '2026-03-01', 'int'))
    const partition = standIn.glue.getPartitionRecord(DB, table, [A, 'eu-west-1', '2026', '3', '1'])!
    expect((partition.StorageDescriptor as { Location: string }).Location).toMatch(/\/2026\/03\/01\/$/)
  })

  it('leaves alone what it cannot prove is expired: foreign values, other locations, out-of-scope series', async () => {
    const table = newTable()
    const ours = (account: string, region: string, [y, m, d]: string[]) =>
      `s3://${BUCKET}/AWSLogs/${ORG}/${account}/CloudTrail/${region}/${y}/${m}/${d}/`
    const partition = (v: string[], location = ours(v[0]!, v[1]!, v.slice(2))) => ({
      Values: v,
      StorageDescriptor: { Location: location }
    })
    standIn.glue.addPartitionsDirect(DB, table, [
      partition([A, 'eu-west-1', '2025', '1', '1']), // unpadded: not this action's form
      partition([A, 'ap-south-1', '2025', '01', '01']), // region outside the allow-list
      partition([A, 'eu-west-1', '2025', '01', '01']), // expired and ours: removed
      partition([A, 'eu-west-1', '2025', '01', '02'], 's3://another-trail/AWSLogs/o-other00001/x/'), // another place
      partition([A, 'eu-west-1', '2027', '01', '01']), // after the window: kept
      partition([A, 'eu-west-1', '2026', '3', '10']) // today in another form: no second partition
    ])
    const result = await run(table, { 'retention-days': '0', 'future-days': '0' })
    expectSuccess(result)
    const values = partitionsOf(table)
    expect(values).toEqual(
      expect.arrayContaining([
        `${A}/eu-west-1/2025/1/1`,
        `${A}/ap-south-1/2025/01/01`,
        `${A}/eu-west-1/2025/01/02`,
        `${A}/eu-west-1/2027/01/01`,
        `${A}/eu-west-1/2026/3/10`
      ])
    )
    expect(values).not.toContain(`${A}/eu-west-1/2025/01/01`)
    expect(values).not.toContain(`${A}/eu-west-1/2026/03/10`)
    expect(result.outputs).toMatchObject({ removed: '1', added: '7' })
  })

  it('uses ambient credentials without role-to-assume', async () => {
    const table = newTable()
    standIn.server.signers.clear()
    const result = await run(table, { 'role-to-assume': '', 'retention-days': '0', 'future-days': '0' })
    expectSuccess(result)
    expect([...(standIn.server.signers.get('Glue.BatchCreatePartition') ?? [])]).toEqual([
      standIn.env().AWS_ACCESS_KEY_ID
    ])
  })
})

describe('throttling', () => {
  // One operation at a time: the SDK's adaptive retry slows the whole client after throttling,
  // so a throttled read would make a throttled write unlikely to happen at all. The first call of
  // the operation is throttled: after it, the SDK sends at half a call per second and speeds up
  // again only with successes, so every further throttled call would cost about two seconds and
  // prove nothing more.
  it.each(['Glue.GetPartitions', 'Glue.BatchCreatePartition'])(
    'survives throttling of %s',
    async (operation) => {
      const table = newTable()
      standIn.server.calls.reset()
      standIn.server.knobs.throttleNext(operation, 1)
      try {
        const result = await run(table)
        expectSuccess(result)
        expect(partitionsOf(table)).toEqual(expectedValues('2026-02-08', '2026-03-12'))
        expect(standIn.server.calls.get(operation, 'throttled')).toBe(1)
        expect(result.summary).toMatch(new RegExp(`\\| ${operation} \\| \\d+ \\| 1 \\| 0 \\|`))
      } finally {
        standIn.server.knobs.reset()
      }
    }
  )
})

describe('failures', () => {
  it('stops at a failed call, reports what was applied, and fails the step', async () => {
    const table = newTable()
    standIn.glue.partitionQuotaPerTable = 150
    try {
      const result = await run(table, {}, {})
      expect(result.exitCode).toBe(1)
      // Batches race, so which of them fit under the quota varies; the report must match Glue.
      const created = partitionsOf(table).length
      expect(created).toBeGreaterThan(0)
      expect(created).toBeLessThanOrEqual(150)
      expect(result.outputs.added).toBe(String(created))
      expect(result.stdout).toContain(
        `partition change(s) failed (stopped after: ResourceNumberLimitExceededException`
      )
      expect(result.stdout).toMatch(
        new RegExp(`; ${created} created and 0 removed were applied, \\d+ not attempted`)
      )
      // Every planned partition is accounted for: created, failed, or not attempted.
      const accounted = /Failed: (\d+)\*\* · \*\*Not attempted: (\d+)\*\*/.exec(result.summary)!
      expect(created + Number(accounted[1]) + Number(accounted[2])).toBe(264)
      expect(result.summary).toContain('**Failed: ')
      expect(result.summary).toContain('ResourceNumberLimitExceededException')
    } finally {
      standIn.glue.partitionQuotaPerTable = 10_000_000
    }
  })
})

describe('bad input leaves Glue untouched', () => {
  async function expectRefused(table: string, inputs: Record<string, string>, message: RegExp, env = {}) {
    const before = partitionsOf(table)
    standIn.server.calls.reset()
    const result = await run(table, inputs, env)
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(message)
    expect(writeCalls()).toBe(0)
    expect(partitionsOf(table)).toEqual(before)
    return result
  }

  it('refuses an unknown region, naming it', async () => {
    await expectRefused(
      newTable(),
      { regions: 'eu-west-1, eu-wset-1' },
      /::error::Input 'regions': 'eu-wset-1' is not an AWS region \(did you mean eu-west-1\?\)/
    )
  })

  it('refuses a malformed input before calling AWS', async () => {
    const result = await expectRefused(
      newTable(),
      { 'retention-days': 'ninety' },
      /::error::Input 'retention-days'/
    )
    expect(result.stdout).not.toContain('credentials:')
    expect(standIn.server.calls.get('STS.*') + standIn.server.calls.get('Glue.*')).toBe(0)
  })

  it('refuses a table whose partition keys do not fit', async () => {
    const table = newTable('string', { partitionKeys: [['dt', 'timestamp']] })
    await expectRefused(table, {}, /::error::.*has partition keys \(dt timestamp\)/)
  })

  it('refuses a partition-projection table', async () => {
    const table = newTable('string', { parameters: { 'projection.enabled': 'true' } })
    await expectRefused(table, {}, /partition projection/)
  })

  it('refuses a missing table', async () => {
    await expectRefused('no_such_table', {}, /Inputs 'database' and 'table'/)
  })

  it('says to grant id-token: write when the job has no OIDC token', async () => {
    await expectRefused(newTable(), {}, /permissions: id-token: write/, {
      ACTIONS_ID_TOKEN_REQUEST_URL: '',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: ''
    })
  })

  it('explains a role the token may not assume', async () => {
    const table = newTable()
    standIn.sts.maxSessionDurationSeconds = 3600
    await expectRefused(table, { 'role-duration-seconds': '7200' }, /Could not assume .*MaxSessionDuration/)
  })
})

/** A table created on first use, shared by the ordered tests of one describe block. */
function newTableLater(): () => string {
  let name: string | undefined
  return () => (name ??= newTable())
}
