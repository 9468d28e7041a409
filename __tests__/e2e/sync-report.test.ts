/**
 * End to end: the bundle's report on an organization of 300 series where one account is new, one
 * series' folder is gone, one series has a hole across a month end and one partition is foreign;
 * and the guards (as-of, max-remove-days) refusing before any write.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { runAction, type ActionRun } from '../../stand-in/run-action.js'
import { PINNED_TODAY } from '../helpers/today.js'
import { cloudTrailTable, organizationBucket } from '../helpers/worlds.js'

const ORG = 'o-reporttest01'
const BUCKET = 'org-report-logs'
const DB = 'security'
const TABLE = 'cloudtrail'
const REGIONS = ['eu-central-1', 'eu-west-1', 'eu-west-2', 'us-east-1', 'us-west-2']
const ACCOUNTS = Array.from({ length: 60 }, (_, i) => String(100000000000 + i))
const NEW_ACCOUNT = '888888888888'
const GONE = '777777777777'
const HOLE = [ACCOUNTS[5]!, 'us-east-1'] as const
const HOLE_DAYS = ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']

let standIn: StandIn

const location = (account: string, region: string, [y, m, d]: string[]) =>
  `s3://${BUCKET}/AWSLogs/${ORG}/${account}/CloudTrail/${region}/${y}/${m}/${d}/`

function isoDays(first: string, last: string): string[] {
  const days: string[] = []
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10))
  }
  return days
}

/** Yesterday's run (as-of 2026-03-09, 30 days kept, 1 ahead) left 2026-02-07..2026-03-10. */
function seedGlue(): void {
  const partitions: object[] = []
  const add = (account: string, region: string, days: string[]) => {
    for (const day of days) {
      const values = [account, region, ...day.split('-')]
      partitions.push({
        Values: values,
        StorageDescriptor: { Location: location(account, region, day.split('-')) }
      })
    }
  }
  const yesterday = isoDays('2026-02-07', '2026-03-10')
  for (const account of ACCOUNTS) {
    for (const region of REGIONS) {
      const hole = account === HOLE[0] && region === HOLE[1]
      add(account, region, hole ? yesterday.filter((d) => !HOLE_DAYS.includes(d)) : yesterday)
    }
  }
  // A series whose folder has gone from the bucket (an account that left the organization).
  add(GONE, 'eu-west-1', yesterday)
  // Another tool's partition, unpadded: never ours, never touched.
  partitions.push({
    Values: [ACCOUNTS[1], 'eu-west-1', '2026', '3', '1'],
    StorageDescriptor: { Location: location(ACCOUNTS[1]!, 'eu-west-1', ['2026', '03', '01']) }
  })
  standIn.glue.addPartitionsDirect(DB, TABLE, partitions)
}

beforeAll(async () => {
  standIn = await startStandIn()
  const { location } = organizationBucket(standIn, {
    bucket: BUCKET,
    organizationId: ORG,
    accounts: [...ACCOUNTS, NEW_ACCOUNT],
    regions: [...REGIONS, 'ap-south-1'],
    from: '2026-03-09',
    to: '2026-03-10',
    digest: false,
    compressedBodies: 'shared',
    // The new account logs in two regions; ap-south-1 (outside the allow-list) in one account only.
    hasRegion: (account, region) =>
      account === NEW_ACCOUNT
        ? region === 'eu-west-1' || region === 'us-east-1'
        : region !== 'ap-south-1' || account === ACCOUNTS[0]
  })
  cloudTrailTable(standIn, location, { database: DB, name: TABLE })
  seedGlue()
})

afterAll(async () => {
  await standIn.close()
})

function run(inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    inputs: {
      'role-to-assume': 'arn:aws:iam::123456789012:role/cloudtrail-partitions',
      'aws-region': 'eu-central-1',
      bucket: BUCKET,
      database: DB,
      table: TABLE,
      regions: REGIONS.join(', '),
      'retention-days': '30',
      'future-days': '1',
      'as-of': '2026-03-10',
      ...inputs
    },
    env: { ...standIn.env(), ...PINNED_TODAY }
  })
}

function writeCalls(): number {
  const calls = standIn.server.calls
  return (
    calls.get('Glue.BatchCreatePartition') +
    calls.get('Glue.BatchDeletePartition') +
    calls.get('Glue.UpdateTable') +
    calls.get('Glue.CreatePartitionIndex')
  )
}

const partitions = () => new Set(standIn.glue.partitionValues(DB, TABLE).map((v) => v.join('/')))

describe('the sync report of an organization', () => {
  it('guards: refuses a retention-days typo before any write, shows the plan, and says which input lets it through', async () => {
    const before = partitions()
    standIn.server.calls.reset()
    const dir = await mkdtemp(join(tmpdir(), 'ctp-plan-'))
    try {
      const planFile = join(dir, 'refused.json')
      // With partition-index, the index and partition filtering would be writes too: none happens.
      const result = await run({ 'retention-days': '9', 'plan-file': planFile, 'partition-index': 'true' })
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toContain(
        "::error::Input 'max-remove-days': this run would remove the partitions of 22 days (2026-02-07 to 2026-02-28), more than max-remove-days (7)."
      )
      expect(result.stdout).toMatch(
        /the plan adds [\d,]+, removes \d{1,3}(,\d{3})+ and keeps [\d,]+ partitions/
      )
      expect(result.stdout).toContain("set 'max-remove-days' to at least 22")
      expect(writeCalls()).toBe(0)
      expect(partitions()).toEqual(before)
      expect(result.summary).toContain('## CloudTrail partitions: refused, nothing written')
      expect(result.summary).toContain('> [!CAUTION]')
      // The refused plan is kept where the input says, for a look at what it would have done.
      const plan = JSON.parse(await readFile(planFile, 'utf8')) as { refused: boolean; removals: object }
      expect(plan).toMatchObject({
        refused: true,
        removals: { days: 22, oldest: '2026-02-07', exceeded: true }
      })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('guards: a dry run with the same typo succeeds, writes nothing, and shows what a real run would refuse', async () => {
    standIn.server.calls.reset()
    const result = await run({ 'retention-days': '9', 'dry-run': 'true' })
    expect(result.exitCode).toBe(0)
    expect(writeCalls()).toBe(0)
    expect(result.stdout).toMatch(
      /::warning::Input 'max-remove-days': .* A run without dry-run would stop here/
    )
    expect(result.summary).toContain('## CloudTrail partitions: dry run, nothing written')
    expect(result.summary).toContain('A run without dry-run would stop here')
  })

  it('guards: refuses an as-of after tomorrow before calling AWS', async () => {
    standIn.server.calls.reset()
    const result = await run({ 'as-of': '2062-03-10' })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain("::error::Input 'as-of': 2062-03-10 is after tomorrow")
    expect(standIn.server.calls.get('Glue.*')).toBe(0)
  })

  it('names the new account, the vanished series, the hole and the foreign partition, and groups the rest', async () => {
    standIn.server.calls.reset()
    const result = await run()
    if (result.exitCode !== 0) throw new Error(`action failed:\n${result.stdout}`)
    const summary = result.summary
    const exceptions = summary.slice(summary.indexOf('### Exceptions'), summary.indexOf('### What changed'))
    expect(exceptions).toContain(
      `| New account | ${NEW_ACCOUNT}: eu-west-1, us-east-1 | +2026-02-08..2026-03-11 |`
    )
    expect(exceptions).toContain(
      `| Folder gone from the bucket | ${GONE} eu-west-1 | −2026-02-07 (31 partitions in or after the window left alone) |`
    )
    expect(exceptions).toContain(`| Hole filled | ${HOLE.join(' ')} | +2026-02-27..2026-03-02 |`)
    expect(exceptions).toContain(
      `| Left alone: another form | 1 partition in 1 series: ${ACCOUNTS[1]} eu-west-1 |`
    )
    expect(exceptions).toContain('| Logs outside the allow-list | ap-south-1 |')
    // The other 299 series rolled by a day: one row.
    expect(summary).toContain('- 299 series · +2026-03-11 · −2026-02-07')
    expect(summary).toContain(
      `- 1 series · +2026-02-27..2026-03-02, 2026-03-11 · −2026-02-07 (${HOLE.join(' ')})`
    )
    expect(summary).toContain('**Added: 368 · Removed: 301 ·')
    // The exceptions are notices on the run page too.
    expect(result.stdout).toContain(
      `::notice title=CloudTrail partitions::New account ${NEW_ACCOUNT}: eu-west-1, us-east-1 got first partitions (+2026-02-08..2026-03-11).`
    )
    expect(result.stdout).toContain(
      "::notice title=CloudTrail partitions::Logs in ap-south-1, outside the 'regions' allow-list"
    )

    // And Glue holds what the report says.
    const after = partitions()
    for (const day of HOLE_DAYS) expect(after.has([...HOLE, ...day.split('-')].join('/'))).toBe(true)
    expect(after.has(`${NEW_ACCOUNT}/us-east-1/2026/02/08`)).toBe(true)
    expect(after.has(`${GONE}/eu-west-1/2026/02/07`)).toBe(false)
    expect(after.has(`${GONE}/eu-west-1/2026/02/08`)).toBe(true)
    expect(after.has(`${ACCOUNTS[1]}/eu-west-1/2026/3/1`)).toBe(true)
  })

  it('lets retention lowered on purpose through when max-remove-days is raised for that run', async () => {
    const result = await run({ 'retention-days': '20', 'max-remove-days': '10' })
    if (result.exitCode !== 0) throw new Error(`action failed:\n${result.stdout}`)
    // 2026-02-08..2026-02-17 go from 303 series: 300, the new account's two, and the vanished one.
    expect(result.outputs.removed).toBe(String(10 * 303))
    expect(result.summary).toContain('- 303 series · −2026-02-08..2026-02-17')
  })
})
