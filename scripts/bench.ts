/**
 * `npm run bench`: syncs a synthetic organization (default 1,000 accounts x 5 regions x 90 days,
 * 450,000 partitions; `--accounts 22000` is Glue's largest table, 9,900,000) from empty, then
 * again (no change), then after the table gained a column (every partition refreshed, the heap
 * capped) and once more, against the stand-in with a few milliseconds of latency per call, and prints
 * for each sync the wall time, the peak RSS of the action process, the calls per operation and the
 * bytes of peak RSS per series above a one-series sync, checked against the targets: peak RSS under
 * 300 MB and every Glue call count at its floor.
 * Options: --accounts N --regions N --days N --latency MS --skip-column-change.
 *
 * The stand-in runs in this process and holds every partition, off the heap (about 60 bytes each:
 * 10 million fit Node's default heap). The bench prints its own peak RSS and heap at the end.
 */
import { getHeapStatistics } from 'node:v8'
import { parseArgs } from 'node:util'
import { cloudTrailTableInput } from '../stand-in/cloudtrail-table.js'
import { startStandIn, type StandIn } from '../stand-in/index.js'
import { runAction, type ActionRun } from '../stand-in/run-action.js'
import { buildSyntheticBucket } from '../stand-in/synthetic-bucket.js'

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '1000' },
    regions: { type: 'string', default: '5' },
    days: { type: 'string', default: '90' },
    latency: { type: 'string', default: '3' },
    // The column change refreshes every partition (one BatchUpdatePartition per 100): at Glue's
    // largest table that is 99,000 calls, so a run about the first two syncs may leave it out.
    'skip-column-change': { type: 'boolean', default: false }
  }
})
const ACCOUNTS = Number(values.accounts)
const DAYS = Number(values.days)
const LATENCY_MS = Number(values.latency)
const REGIONS = ['eu-central-1', 'eu-west-1', 'us-east-1', 'us-west-2', 'ap-southeast-2'].slice(
  0,
  Number(values.regions)
)
const ORG = 'o-bench0example'
const BUCKET = 'org-cloudtrail-logs'
const AS_OF = '2026-11-25'
const RSS_TARGET_MB = 300
const CHANGE_HEAP_MB = 100
const SERIES = ACCOUNTS * REGIONS.length
const PARTITIONS = SERIES * DAYS

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0)
const accounts = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => String(100000000000 + i))

interface Sync {
  run: ActionRun
  calls: Record<string, number>
}

/** A stand-in with a bucket of `accountCount` accounts x REGIONS and an empty table. */
async function organization(accountCount: number): Promise<StandIn> {
  const standIn = await startStandIn()
  standIn.s3.createBucket(BUCKET)
  // One log file per account and region is enough: discovery never looks below the region level.
  buildSyntheticBucket(standIn.s3, {
    bucket: BUCKET,
    layout: 'organization',
    organizationId: ORG,
    accounts: accounts(accountCount),
    regions: REGIONS,
    from: AS_OF,
    to: AS_OF,
    filesPerDay: 1,
    recordsPerFile: 1,
    digest: false,
    compressedBodies: 'shared'
  })
  standIn.glue.createTableDirect(
    'security',
    cloudTrailTableInput({ name: 'cloudtrail', location: `s3://${BUCKET}/AWSLogs/${ORG}/` })
  )
  standIn.server.knobs.setLatency('*', LATENCY_MS)
  return standIn
}

async function sync(standIn: StandIn, nodeOptions?: string): Promise<Sync> {
  standIn.server.calls.reset()
  const run = await runAction({
    inputs: {
      'role-to-assume': 'arn:aws:iam::123456789012:role/cloudtrail-partitions',
      'aws-region': 'eu-central-1',
      bucket: BUCKET,
      database: 'security',
      table: 'cloudtrail',
      'retention-days': String(DAYS - 1), // with future-days 0: a window of DAYS days
      'future-days': '0',
      'as-of': AS_OF
    },
    // The action's today is the bench's as-of: the as-of guards look no further.
    env: { ...standIn.env(), CLOUDTRAIL_PARTITIONS_TODAY: AS_OF },
    ...(nodeOptions ? { nodeOptions } : {})
  })
  if (run.exitCode !== 0) throw new Error(`sync failed:\n${run.stdout}\n${run.stderr}`)
  const calls = Object.fromEntries(
    Object.entries(standIn.server.calls.snapshot()).map(([op, c]) => [
      op,
      c.ok + c.error + c.throttled + c.failed
    ])
  )
  return { run, calls }
}

const writesOf = (calls: Record<string, number>): number =>
  ['BatchCreatePartition', 'BatchDeletePartition', 'BatchUpdatePartition', 'UpdateTable'].reduce(
    (sum, op) => sum + (calls[`Glue.${op}`] ?? 0),
    0
  )

let failed = false
const check = (ok: boolean, text: string): void => {
  console.log(`  ${ok ? 'ok  ' : 'MISS'} ${text}`)
  if (!ok) failed = true
}

// What the action process costs with one series: the rest of its peak RSS is what the series cost.
const small = await organization(1)
const baseline = await sync(small).finally(() => small.close())
const baselineRss = baseline.run.peakRssBytes

const started = performance.now()
const standIn = await organization(ACCOUNTS)
console.log(
  `${ACCOUNTS.toLocaleString('en')} accounts x ${REGIONS.length} regions x ${DAYS} days: ` +
    `${SERIES.toLocaleString('en')} series, ${PARTITIONS.toLocaleString('en')} partitions; bucket built in ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s; ${LATENCY_MS} ms latency per call; ` +
    `one-series sync: peak RSS ${mb(baselineRss)} MB`
)
const report = (title: string, { run, calls }: Sync): void => {
  const perSeries = Math.max(0, run.peakRssBytes - baselineRss) / SERIES
  console.log(
    `\n${title}: ${(run.wallMs / 1000).toFixed(1)} s wall, peak RSS ${mb(run.peakRssBytes)} MB ` +
      `(${perSeries.toFixed(0)} bytes per series above the one-series sync)`
  )
  console.log(
    `  outputs: added ${run.outputs.added}, removed ${run.outputs.removed}, unchanged ${run.outputs.unchanged}`
  )
  for (const [op, count] of Object.entries(calls).sort()) console.log(`  ${op.padEnd(28)} ${count}`)
}

try {
  const first = await sync(standIn)
  report('First sync (from empty)', first)
  check(Number(first.run.outputs.added) === PARTITIONS, `added ${PARTITIONS} partitions`)
  check(first.run.peakRssBytes < RSS_TARGET_MB * 2 ** 20, `peak RSS under ${RSS_TARGET_MB} MB`)
  check(
    first.calls['Glue.BatchCreatePartition'] === Math.ceil(PARTITIONS / 100),
    `BatchCreatePartition calls = ceil(${PARTITIONS}/100)`
  )
  check(
    first.calls['Glue.GetPartitions'] === 10,
    'GetPartitions calls 10 on an empty table (one page per segment)'
  )
  const listings = 1 + Math.max(1, Math.ceil(ACCOUNTS / 1000)) + ACCOUNTS + 3
  check(
    first.calls['S3.ListObjectsV2'] === listings,
    `ListObjectsV2 calls ${listings}: one for AWSLogs/, a page per 1,000 accounts, one per account, ` +
      "three down one series' newest date folders; none per day"
  )
  check(standIn.glue.partitionCount('security', 'cloudtrail') === PARTITIONS, 'Glue holds every partition')

  const second = await sync(standIn)
  report('Second sync (no change)', second)
  check(second.run.peakRssBytes < RSS_TARGET_MB * 2 ** 20, `peak RSS under ${RSS_TARGET_MB} MB`)
  check(writesOf(second.calls) === 0, 'no write call')
  const pages = second.calls['Glue.GetPartitions'] ?? 0
  check(
    pages <= Math.ceil(PARTITIONS / 1000) + 10,
    `GetPartitions calls ${pages} <= ceil(${PARTITIONS}/1000) + 10 (10 segments)`
  )
  check(
    (second.calls['S3.ListObjectsV2'] ?? 0) === (first.calls['S3.ListObjectsV2'] ?? 0),
    'the same S3 listings as the first sync'
  )
  // Both plans are complete: every series is named in the first sync's plan file.
  const plan = first.run.plan as { series?: unknown[] } | undefined
  check(plan?.series?.length === SERIES, `the first sync's plan file names all ${SERIES} series`)
  check(
    /CloudTrail partitions: sync/.test(first.run.summary) &&
      /CloudTrail partitions: sync/.test(second.run.summary),
    'both job summaries written'
  )
  if (!values['skip-column-change']) {
    // The table gains a column (ALTER TABLE ADD COLUMNS): every partition is brought in line once.
    standIn.glue.updateTableDirect('security', 'cloudtrail', (input) => {
      const descriptor = input.StorageDescriptor as { Columns: { Name: string; Type: string }[] }
      descriptor.Columns.push({ Name: 'inboundcallerid', Type: 'string' })
    })
    // With the heap capped: what the run holds must not grow with the partitions it compares and
    // refreshes (left to itself, V8 lets garbage of the bigger pages pile up).
    const changed = await sync(standIn, `--max-old-space-size=${CHANGE_HEAP_MB}`)
    report(`Third sync (the table gained a column; heap capped at ${CHANGE_HEAP_MB} MB)`, changed)
    check(
      (changed.calls['Glue.BatchUpdatePartition'] ?? 0) === Math.ceil(PARTITIONS / 100),
      `BatchUpdatePartition calls = ceil(${PARTITIONS}/100): every partition refreshed, 100 a call`
    )
    check(
      (changed.calls['Glue.GetPartitions'] ?? 0) === pages,
      'the same GetPartitions calls as an unchanged run (columns come in the same pages)'
    )
    check(changed.run.peakRssBytes < RSS_TARGET_MB * 2 ** 20, `peak RSS under ${RSS_TARGET_MB} MB`)
    const after = await sync(standIn)
    report('Fourth sync (no change again)', after)
    check(writesOf(after.calls) === 0, 'no write call')
    check(
      (after.calls['Glue.GetPartitions'] ?? 0) === pages,
      'the same GetPartitions calls as before the change'
    )
  }
} finally {
  console.log(
    `\nbench process (the stand-in): peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB, ` +
      `heap ${mb(getHeapStatistics().used_heap_size)} of ${mb(getHeapStatistics().heap_size_limit)} MB`
  )
  await standIn.close()
}
process.exit(failed ? 1 : 0)
