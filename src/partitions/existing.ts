/**
 * Reads what Glue already has into compact form: per (account, region), a set of day numbers.
 * Parallel GetPartitions segments, 1000 a page, without the column schema, so a million partitions
 * cost a few hundred calls and a few tens of megabytes.
 */
import { paginateGetPartitions, type GlueClient } from '@aws-sdk/client-glue'
import type { Logger } from '../logger.js'
import type { DayNumber } from './dates.js'
import { parsePartitionValues, seriesKey, type DateKeyType } from './keys.js'
import { tableParams, type TableRef } from './table-ref.js'

/** Glue's most: GetPartitions Segment.TotalSegments is 1..10, MaxResults 1..1000. */
export const MAX_SEGMENTS = 10
export const PAGE_SIZE = 1000

export interface ExistingPartitions {
  /** seriesKey(account, region) -> days that have a partition. */
  bySeries: Map<string, Set<DayNumber>>
  total: number
  /** Partitions whose values are not in this table's canonical form: never touched. */
  foreign: number
  foreignSamples: string[][]
}

export async function readExistingPartitions(
  glue: GlueClient,
  table: TableRef,
  dateKeyType: DateKeyType,
  logger: Logger,
  segments = MAX_SEGMENTS
): Promise<ExistingPartitions> {
  const existing: ExistingPartitions = { bySeries: new Map(), total: 0, foreign: 0, foreignSamples: [] }
  const readSegment = async (segmentNumber: number): Promise<void> => {
    const pages = paginateGetPartitions(
      { client: glue, pageSize: PAGE_SIZE },
      {
        ...tableParams(table),
        ExcludeColumnSchema: true,
        Segment: { SegmentNumber: segmentNumber, TotalSegments: segments }
      }
    )
    for await (const page of pages) {
      for (const partition of page.Partitions ?? []) record(existing, partition.Values ?? [], dateKeyType)
    }
  }
  await Promise.all(Array.from({ length: segments }, (_, n) => readSegment(n)))
  logger.info(`${existing.total} partition(s) in Glue (${existing.foreign} not in this action's form)`)
  return existing
}

function record(existing: ExistingPartitions, values: string[], dateKeyType: DateKeyType): void {
  existing.total += 1
  const ref = parsePartitionValues(values, dateKeyType)
  if (!ref) {
    existing.foreign += 1
    if (existing.foreignSamples.length < 5) existing.foreignSamples.push(values)
    return
  }
  const key = seriesKey(ref.account, ref.region)
  let days = existing.bySeries.get(key)
  if (!days) existing.bySeries.set(key, (days = new Set()))
  days.add(ref.day)
}
