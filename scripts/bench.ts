/**
 * `npm run bench`: syncs a synthetic organization of 1,000 accounts x 5 regions x 90 days
 * (~450,000 partitions) from empty, then again (no change), then after the table gained a column
 * (every partition refreshed) and once more, against the stand-in with a few milliseconds of latency
 * per call, and prints wall time, peak RSS of the action process and calls per operation, checked
 * against the targets. Options: --accounts N --regions N --latency MS.
 */
import { parseArgs } from 'node:util'
import { cloudTrailTableInput } from '../stand-in/cloudtrail-table.js'
import { startStandIn } from '../stand-in/index.js'
import { runAction, type ActionRun } from '../stand-in/run-action.js'
import { buildSyntheticBucket } from '../stand-in/synthetic-bucket.js'

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '1000' },
    regions: { type: 'string', default: '5' },
    latency: { type: 'string', default: '3' }
  }
})
const ACCOUNTS = Number(values.accounts)
const LATENCY_MS = Number(values.latency)
const REGIONS = ['eu-central-1', 'eu-west-1', 'us-east-1', 'us-west-2', 'ap-southeast-2'].slice(
  0,
  Number(values.regions)
)
const ORG = 'o-bench0example'
const BUCKET = 'org-cloudtrail-logs'
const AS_OF = '2026-11-25'
const RETENTION_DAYS = 89 // with future-days 0: a window of 90 days
const RSS_TARGET_MB = 300
const CHANGE_HEAP_MB = 100

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0)
const standIn = await startStandIn()
let failed = false
try {
  standIn.s3.createBucket(BUCKET)
  const started = performance.now()
  // One log file per account and region is enough: discovery never looks below the region level.
  const bucket = buildSyntheticBucket(standIn.s3, {
    bucket: BUCKET,
    layout: 'organization',
    organizationId: ORG,
    accounts: Array.from({ length: ACCOUNTS }, (_, i) => String(100000000000 + i)),
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
  console.log(
    `bucket: ${bucket.objects} objects, ${ACCOUNTS} accounts x ${REGIONS.length} regions; ` +
      `built in ${((performance.now() - started) / 1000).toFixed(1)} s; latency ${LATENCY_MS} ms per call`
  )
  standIn.server.knobs.setLatency('*', LATENCY_MS)

  const inputs = {
    'role-to-assume': 'arn:aws:iam::123456789012:role/cloudtrail-partitions',
    'aws-region': 'eu-central-1',
    bucket: BUCKET,
    database: 'security',
    table: 'cloudtrail',
    'retention-days': String(RETENTION_DAYS),
    'future-days': '0',
    'as-of': AS_OF
  }
  const expected = ACCOUNTS * REGIONS.length * (RETENTION_DAYS + 1)
  const sync = async (
    title: string,
    nodeOptions?: string
  ): Promise<{ run: ActionRun; calls: Record<string, number> }> => {
    standIn.server.calls.reset()
    // The action's today is the bench's as-of: the as-of guards look no further.
    const run = await runAction({
      inputs,
      env: { ...standIn.env(), CLOUDTRAIL_PARTITIONS_TODAY: AS_OF },
      ...(nodeOptions ? { nodeOptions } : {})
    })
    if (run.exitCode !== 0) throw new Error(`${title} failed:\n${run.stdout}\n${run.stderr}`)
    const calls = Object.fromEntries(
      Object.entries(standIn.server.calls.snapshot()).map(([op, c]) => [
        op,
        c.ok + c.error + c.throttled + c.failed
      ])
    )
    console.log(`\n${title}: ${(run.wallMs / 1000).toFixed(1)} s wall, peak RSS ${mb(run.peakRssBytes)} MB`)
    console.log(
      `  outputs: added ${run.outputs.added}, removed ${run.outputs.removed}, unchanged ${run.outputs.unchanged}`
    )
    for (const [op, count] of Object.entries(calls).sort()) console.log(`  ${op.padEnd(28)} ${count}`)
    return { run, calls }
  }
  const check = (ok: boolean, text: string): void => {
    console.log(`  ${ok ? 'ok  ' : 'MISS'} ${text}`)
    if (!ok) failed = true
  }

  const first = await sync('First sync (from empty)')
  check(Number(first.run.outputs.added) === expected, `added ${expected} partitions`)
  check(first.run.peakRssBytes < RSS_TARGET_MB * 1024 * 1024, `peak RSS under ${RSS_TARGET_MB} MB`)
  check(
    (first.calls['S3.ListObjectsV2'] ?? 0) <= ACCOUNTS + 2 + Math.ceil(ACCOUNTS / 1000),
    'S3 calls grow with accounts (one listing per account, plus two), not with days'
  )
  check(standIn.glue.partitionCount('security', 'cloudtrail') === expected, 'Glue holds every partition')

  const writesOf = (calls: Record<string, number>): number =>
    ['BatchCreatePartition', 'BatchDeletePartition', 'BatchUpdatePartition', 'UpdateTable'].reduce(
      (sum, op) => sum + (calls[`Glue.${op}`] ?? 0),
      0
    )
  const second = await sync('Second sync (no change)')
  check(writesOf(second.calls) === 0, 'no write call')
  const pages = second.calls['Glue.GetPartitions'] ?? 0
  check(
    pages <= Math.ceil(expected / 1000) + 10,
    `GetPartitions calls ${pages} <= ceil(${expected}/1000) + 10`
  )

  // The table gains a column (ALTER TABLE ADD COLUMNS): every partition is brought in line once.
  standIn.glue.updateTableDirect('security', 'cloudtrail', (input) => {
    const descriptor = input.StorageDescriptor as { Columns: { Name: string; Type: string }[] }
    descriptor.Columns.push({ Name: 'inboundcallerid', Type: 'string' })
  })
  // With the heap capped: what the run holds must not grow with the partitions it compares and
  // refreshes (left to itself, V8 lets garbage of the bigger pages pile up to about 300 MB).
  const changed = await sync(
    `Third sync (the table gained a column; heap capped at ${CHANGE_HEAP_MB} MB)`,
    `--max-old-space-size=${CHANGE_HEAP_MB}`
  )
  check(
    (changed.calls['Glue.BatchUpdatePartition'] ?? 0) === Math.ceil(expected / 100),
    `BatchUpdatePartition calls = ceil(${expected}/100): every partition refreshed, 100 a call`
  )
  check(
    (changed.calls['Glue.GetPartitions'] ?? 0) === pages,
    'the same GetPartitions calls as an unchanged run (columns come in the same pages)'
  )
  check(changed.run.peakRssBytes < RSS_TARGET_MB * 1024 * 1024, `peak RSS under ${RSS_TARGET_MB} MB`)
  const after = await sync('Fourth sync (no change again)')
  check(writesOf(after.calls) === 0, 'no write call')
  check(
    (after.calls['Glue.GetPartitions'] ?? 0) === pages,
    'the same GetPartitions calls as before the change'
  )
} finally {
  await standIn.close()
}
process.exit(failed ? 1 : 0)
