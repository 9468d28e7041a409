/**
 * Measures the Glue stand-in's partition store: memory per partition and the time to hold N
 * partitions of one CloudTrail table (22,000 accounts x 5 regions x days, as the largest table Glue
 * allows), the way the product creates them (the table's storage descriptor, CloudTrail locations).
 * A measurement, not a test:
 *
 *   node --expose-gc --import tsx scripts/measure-partition-store.ts [--partitions 10000000]
 */
import { parseArgs } from 'node:util'
import { cloudTrailTableInput } from '../stand-in/cloudtrail-table.js'
import { GlueService } from '../stand-in/glue.js'

const { values } = parseArgs({ options: { partitions: { type: 'string', default: '1000000' } } })
const total = Number(values.partitions)
const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with node --expose-gc')

const memory = (): { heap: number; buffers: number; rss: number } => {
  gc()
  const usage = process.memoryUsage()
  return { heap: usage.heapUsed, buffers: usage.arrayBuffers, rss: usage.rss }
}

const BUCKET_ROOT = 's3://org-cloudtrail-logs/AWSLogs/o-abcdefghij/'
const table = cloudTrailTableInput({ name: 'cloudtrail', location: BUCKET_ROOT }) as {
  StorageDescriptor: Record<string, unknown>
}
const glue = new GlueService()
glue.createTableDirect('security', table)
const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2']
const before = memory()
const started = performance.now()
const batch: object[] = []
let made = 0
outer: for (let day = 0; ; day++) {
  const date = new Date(Date.UTC(2026, 0, 1 + day))
  const [year, month, dd] = date.toISOString().slice(0, 10).split('-') as [string, string, string]
  for (let account = 0; account < 22_000; account++) {
    const id = String(100_000_000_000 + account)
    for (const region of regions) {
      batch.push({
        Values: [id, region, year, month, dd],
        StorageDescriptor: {
          ...table.StorageDescriptor,
          Location: `${BUCKET_ROOT}${id}/CloudTrail/${region}/${year}/${month}/${dd}/`
        }
      })
      made += 1
      if (batch.length === 10_000 || made === total) {
        glue.addPartitionsDirect('security', 'cloudtrail', batch)
        batch.length = 0
      }
      if (made === total) break outer
    }
  }
}
const seconds = (performance.now() - started) / 1000
const after = memory()
const perPartition = (after.heap + after.buffers - before.heap - before.buffers) / total
console.log(
  JSON.stringify({
    partitions: glue.partitionCount('security', 'cloudtrail'),
    seconds: Number(seconds.toFixed(1)),
    heapMB: Math.round((after.heap - before.heap) / 1e6),
    arrayBuffersMB: Math.round((after.buffers - before.buffers) / 1e6),
    rssMB: Math.round(after.rss / 1e6),
    bytesPerPartition: Math.round(perPartition)
  })
)

// At Glue's per-table quota, one more partition is refused with Glue's own error.
if (total >= glue.partitionQuotaPerTable) {
  const one = {
    Values: ['999999999999', 'us-east-1', '2030', '01', '01'],
    StorageDescriptor: table.StorageDescriptor
  }
  try {
    glue.addPartitionsDirect('security', 'cloudtrail', [one])
    console.log('one past the quota: accepted (wrong)')
  } catch (error) {
    console.log(`one past the quota: ${(error as Error).name}: ${(error as Error).message}`)
  }
}
