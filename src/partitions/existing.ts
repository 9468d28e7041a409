/**
 * Reads what Glue already has into compact form: per (account, region), a set of day numbers.
 * Parallel GetPartitions segments, 1000 a page, without the column schema, so a million partitions
 * cost a thousand calls and a few megabytes (a day bitmap per account and region).
 *
 * Only partitions in exactly the form this action writes (canonical values for the table's key
 * type, and CloudTrail's location for this layout) are "ours", the only ones retention may drop.
 * Others that still name a day (other padding, another bucket or organization sharing the table)
 * are "covered" days: never dropped, and never given a second partition for the same day.
 */
import { GetPartitionsCommand, type GlueClient, type Partition } from '@aws-sdk/client-glue'
import { withBackoff, type BackoffOptions } from '../aws/retry.js'
import type { Logger } from '../vocabulary/logger.js'
import { DaySet, type ReadonlyDays } from './day-set.js'
import {
  parseAnyDayForm,
  parsePartitionValues,
  seriesKey,
  type DateKeyType,
  type PartitionRef
} from '../vocabulary/keys.js'
import { tableParams, type TableRef } from '../vocabulary/table-ref.js'

/** Glue's most: GetPartitions Segment.TotalSegments is 1..10, MaxResults 1..1000. */
export const MAX_SEGMENTS = 10
export const PAGE_SIZE = 1000

/** Pages are retried too: OperationTimeoutException is a 400 the SDK does not retry. */
const PAGE_BACKOFF: BackoffOptions = { attempts: 5, baseMs: 500, maxMs: 10_000 }

export type SeriesDays = Map<string, ReadonlyDays>

export interface ExistingPartitions {
  /** Ours: seriesKey(account, region) -> days. */
  bySeries: SeriesDays
  /** Days that have a partition in another form or location. */
  covered: SeriesDays
  total: number
  /** Partitions not in this action's form or location: never touched. */
  foreign: number
  /** Of `foreign`: our form of values, at another location (another bucket, organization or folder). */
  foreignLocation: number
  /** Foreign partitions that name a day, by seriesKey: for the report's "left alone" list. */
  foreignBySeries: Map<string, ForeignCounts>
  foreignSamples: string[][]
}

export interface ForeignCounts {
  location: number
  form: number
}

export function emptyExisting(): ExistingPartitions {
  return {
    bySeries: new Map(),
    covered: new Map(),
    total: 0,
    foreign: 0,
    foreignLocation: 0,
    foreignBySeries: new Map(),
    foreignSamples: []
  }
}

export interface ExistingReadOptions {
  dateKeyType: DateKeyType
  /** Where this action puts a partition's data; other locations are not ours. */
  locationOf: (ref: PartitionRef) => string
  segments?: number
  backoff?: BackoffOptions
  /** Ask for each partition's columns too (same pages, bigger): only when the table's shape changed. */
  withColumns?: boolean
  /** Sees every partition as it streams by, with its ref when it is this action's own (refresh.ts). */
  inspect?: (partition: Partition, own: PartitionRef | undefined) => void
}

export async function readExistingPartitions(
  glue: GlueClient,
  table: TableRef,
  options: ExistingReadOptions,
  logger: Logger
): Promise<ExistingPartitions> {
  const existing = emptyExisting()
  const segments = options.segments ?? MAX_SEGMENTS
  const readSegment = async (segmentNumber: number): Promise<void> => {
    let nextToken: string | undefined
    do {
      const token = nextToken
      const page = await withBackoff(
        () =>
          glue.send(
            new GetPartitionsCommand({
              ...tableParams(table),
              ExcludeColumnSchema: !options.withColumns,
              MaxResults: PAGE_SIZE,
              Segment: { SegmentNumber: segmentNumber, TotalSegments: segments },
              ...(token ? { NextToken: token } : {})
            })
          ),
        { operation: 'Glue.GetPartitions', logger },
        options.backoff ?? PAGE_BACKOFF
      )
      for (const partition of page.Partitions ?? []) record(existing, partition, options)
      nextToken = page.NextToken
    } while (nextToken)
  }
  await Promise.all(Array.from({ length: segments }, (_, n) => readSegment(n)))
  logger.info(
    `${existing.total} partition(s) in Glue (${existing.foreign} not in this action's form or location)`
  )
  return existing
}

function addDay(map: SeriesDays, ref: PartitionRef): void {
  const key = seriesKey(ref.account, ref.region)
  // Every set this module puts in the maps is a DaySet.
  let days = map.get(key) as DaySet | undefined
  if (!days) map.set(key, (days = new DaySet()))
  days.add(ref.day)
}

function record(existing: ExistingPartitions, partition: Partition, options: ExistingReadOptions): void {
  existing.total += 1
  const values = partition.Values ?? []
  const ours = parsePartitionValues(values, options.dateKeyType)
  const own = ours && sameLocation(partition.StorageDescriptor?.Location, options.locationOf(ours))
  options.inspect?.(partition, own ? ours : undefined)
  if (own) {
    addDay(existing.bySeries, ours)
    return
  }
  existing.foreign += 1
  if (ours) existing.foreignLocation += 1
  if (existing.foreignSamples.length < 5) existing.foreignSamples.push(values)
  const day = ours ?? parseAnyDayForm(values)
  if (!day) return
  addDay(existing.covered, day)
  const key = seriesKey(day.account, day.region)
  let counts = existing.foreignBySeries.get(key)
  if (!counts) existing.foreignBySeries.set(key, (counts = { location: 0, form: 0 }))
  counts[ours ? 'location' : 'form'] += 1
}

function sameLocation(actual: string | undefined, expected: string): boolean {
  return (actual ?? '').replace(/\/+$/, '') === expected.replace(/\/+$/, '')
}
