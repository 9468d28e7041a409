/**
 * End to end: the bundled check-queries estimates the partitions each query reads, through Glue,
 * on a table of 150,000 partitions in the stand-in: past the 100,000 it reads whole, so it counts
 * each condition through Glue (once, whatever the order of its terms), warns on a scan over
 * max-query-partitions and shows each estimate. Athena's 1,000,000 per scan (the error and counting
 * that stops past it) is in queries/command.test.ts and queries/partition-estimate.test.ts, and on
 * 1,012,500 partitions in `npm run bench:queries`: a million partitions through HTTP costs a minute.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cloudTrailTableInput } from '../../stand-in/cloudtrail-table.js'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { runAction } from '../../stand-in/run-action.js'
import { tearDown } from '../helpers/worlds.js'

let standIn: StandIn
let workspace: string

const SERIES = 300
const DAYS = 500

/** 300 account-region series x 500 days from 2025-01-01: 150,000 partitions, all of 2025 or later. */
function seed(): void {
  let batch: object[] = []
  for (let series = 0; series < SERIES; series++) {
    const account = String(100_000_000_000 + (series >> 1))
    const region = series % 2 ? 'eu-west-1' : 'us-east-1'
    for (let d = 0; d < DAYS; d++) {
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
  seed()
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

afterAll(() => tearDown(standIn, workspace))

describe('the partition estimate on 150,000 partitions', () => {
  it('warns on the scans over max-query-partitions, shows the others, and counts each condition once', async () => {
    expect(standIn.glue.partitionCount('security', 'cloudtrail')).toBe(SERIES * DAYS)
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
    expect(result.exitCode).toBe(0)
    for (const [file, column] of [
      ['wide.sql', 1],
      ['since-2025.sql', 1]
    ] as const) {
      expect(result.stdout).toMatch(
        new RegExp(
          `::warning title=partition-count,file=queries/${file.replace('.', '\\.')},line=1,col=${column}::.*about 150,000 partitions of cloudtrail, more than the 100,000 of input 'max-query-partitions'`
        )
      )
    }
    expect(result.summary).toContain('| `queries/one-day.sql` | 1 | reads about 300 partitions |')
    expect(result.summary).toContain(
      'Partitions read: 3 queries estimated; the largest reads about 150,000 partitions'
    )
    // About 100 pages to learn the table is over 100,000, 150 for the one count of the wide
    // condition (the same in another order is not counted again), a page a segment for the day.
    const calls = standIn.server.calls.get('Glue.GetPartitions')
    expect(calls).toBeGreaterThan(250)
    expect(calls).toBeLessThan(320)
  }, 120_000)
})
