/**
 * End to end: the bundled check-queries estimates the partitions each query reads on a table of
 * just over a million partitions in the stand-in: a query over Athena's 1,000,000 per scan fails the
 * check quoting Athena's limit, a one-day query shows its estimate, and counting stops past the
 * limit instead of reading the table through.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cloudTrailTableInput } from '../../stand-in/cloudtrail-table.js'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { runAction } from '../../stand-in/run-action.js'

let standIn: StandIn
let workspace: string

/** 2,250 account-region series x 450 days from 2025-01-01: 1,012,500 partitions, all of 2025 or later. */
function seedMillion(): void {
  let batch: object[] = []
  for (let series = 0; series < 2250; series++) {
    const account = String(100_000_000_000 + (series >> 1))
    const region = series % 2 ? 'eu-west-1' : 'us-east-1'
    for (let d = 0; d < 450; d++) {
      const day = new Date(Date.UTC(2025, 0, 1) + d * 86_400_000)
      const values = [
        account,
        region,
        String(day.getUTCFullYear()),
        String(day.getUTCMonth() + 1).padStart(2, '0'),
        String(day.getUTCDate()).padStart(2, '0')
      ]
      batch.push({
        Values: values,
        StorageDescriptor: { Location: `s3://org-trail/AWSLogs/o-aaaaaaaaaa/${values.join('/')}/` }
      })
    }
    if (batch.length >= 10_000) {
      standIn.glue.addPartitionsDirect('security', 'cloudtrail', batch)
      batch = []
    }
  }
  standIn.glue.addPartitionsDirect('security', 'cloudtrail', batch)
}

beforeAll(async () => {
  standIn = await startStandIn()
  standIn.glue.createTableDirect(
    'security',
    cloudTrailTableInput({ name: 'cloudtrail', location: 's3://org-trail/AWSLogs/o-aaaaaaaaaa/' })
  )
  seedMillion()
  workspace = await mkdtemp(join(tmpdir(), 'ctp-estimate-'))
  await mkdir(join(workspace, 'queries'), { recursive: true })
  await writeFile(
    join(workspace, 'queries', 'since-2025.sql'),
    "SELECT count(*) FROM cloudtrail\nWHERE day BETWEEN '01' AND '31' AND month BETWEEN '01' AND '12' AND year >= '2025'\n"
  )
  await writeFile(
    join(workspace, 'queries', 'wide.sql'),
    "SELECT eventname FROM cloudtrail\nWHERE year >= '2025' AND month BETWEEN '01' AND '12' AND day BETWEEN '01' AND '31'\n"
  )
  await writeFile(
    join(workspace, 'queries', 'one-day.sql'),
    "SELECT eventname FROM cloudtrail WHERE year = '2025' AND month = '03' AND day = '01'\n"
  )
}, 120_000)

afterAll(async () => {
  await standIn.close()
  await rm(workspace, { recursive: true, force: true })
})

describe('the partition estimate on 1,012,500 partitions', () => {
  it("fails a scan over Athena's 1,000,000 with Athena's words, shows the others, and stops counting past the limit", async () => {
    expect(standIn.glue.partitionCount('security', 'cloudtrail')).toBe(1_012_500)
    standIn.server.calls.reset()
    const result = await runAction({
      inputs: {
        command: 'check-queries',
        table: 'cloudtrail',
        database: 'security',
        queries: 'queries/*.sql',
        'role-to-assume': 'arn:aws:iam::123456789012:role/check',
        'aws-region': 'eu-central-1'
      },
      env: standIn.env(),
      workspace
    })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(
      /::error title=partition-limit,file=queries\/wide.sql,line=1,col=23::this scan of cloudtrail selects more than 1,000,000 partitions, and "Athena cannot read more than 1 million partitions in a single scan"/
    )
    expect(result.summary).toContain('| `queries/one-day.sql` | 1 | reads about 2,250 partitions |')
    // The same condition in another order: the same expression, counted once.
    expect(result.stdout).toMatch(
      /::error title=partition-limit,file=queries\/since-2025.sql,line=1,col=22::/
    )
    expect(result.summary).toContain(
      'Partitions read: 3 queries estimated; the largest reads more than 1,000,000 partitions'
    )
    // About 100 pages to learn the table is large, 1,000 for the one count past 1,000,000, a few for the day.
    const calls = standIn.server.calls.get('Glue.GetPartitions')
    expect(calls).toBeGreaterThan(1_000)
    expect(calls).toBeLessThan(1_250)
  }, 240_000)
})
