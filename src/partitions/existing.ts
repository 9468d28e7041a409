/**
 * Reads what Glue already has into compact form: per (account, region), a set of day numbers.
 * Parallel GetPartitions segments, 1000 a page, without the column schema, so a million partitions
 * cost a thousand calls; each page is folded into bits as it arrives (series-days.ts) and dropped,
 * so 10 million partitions of 110,000 series are held in a few megabytes.
 *
 * Only partitions in exactly the form this action writes (canonical values for the table's key
 * type, and the day folder of the source's layout) are "ours", the only ones retention may drop.
 * Others that still name a day (other padding, another bucket or organization sharing the table)
 * are "covered" days: never dropped, and never given a second partition for the same day.
 */
import { GetPartitionsCommand, type GlueClient, type Partition } from '@aws-sdk/client-glue'
import { withBackoff, type BackoffOptions } from '../aws/retry.js'
import type { Logger } from '../vocabulary/logger.js'
import type { DayWindow } from '../vocabulary/dates.js'
import { SeriesDays } from './series-days.js'
import { SeriesIndex, type SeriesId } from './series-index.js'
import { parseAnyDayForm, parsePartitionValues, type KeyForm, type PartitionRef } from '../vocabulary/keys.js'
import { tableParams, type TableRef } from '../vocabulary/table-ref.js'

/** Glue's most: GetPartitions Segment.TotalSegments is 1..10, MaxResults 1..1000. */
export const MAX_SEGMENTS = 10
export const PAGE_SIZE = 1000

/** Pages are retried too: OperationTimeoutException is a 400 the SDK does not retry. */
const PAGE_BACKOFF: BackoffOptions = { attempts: 5, baseMs: 500, maxMs: 10_000 }

export interface ExistingPartitions {
  /** The series ids the day sets below (and the plan after them) are indexed by. */
  index: SeriesIndex
  /** Ours: days per series. */
  bySeries: SeriesDays
  /** Days that have a partition in another form or location. */
  covered: SeriesDays
  total: number
  /** Partitions not in this action's form or location: never touched. */
  foreign: number
  /** Of `foreign`: our form of values, at another location (another bucket, organization or folder). */
  foreignLocation: number
  /** Foreign partitions that name a day, by series: for the report's "left alone" list. */
  foreignBySeries: Map<SeriesId, ForeignCounts>
  foreignSamples: string[][]
}

export interface ForeignCounts {
  location: number
  form: number
}

/** Nothing yet; `span` is where the days are expected (the window): other days cost more. */
export function emptyExisting(span: DayWindow, index = new SeriesIndex()): ExistingPartitions {
  return {
    index,
    bySeries: new SeriesDays(span),
    covered: new SeriesDays(span),
    total: 0,
    foreign: 0,
    foreignLocation: 0,
    foreignBySeries: new Map(),
    foreignSamples: []
  }
}

export interface ExistingReadOptions {
  /** The sync's window: the span the day bits are laid out over. */
  window: DayWindow
  /** How the table's keys hold a partition (its date key type, or one of AWS's one-key schemes). */
  dateKeyType: KeyForm
  /** Where this action puts a partition's data; other locations are not ours. */
  locationOf: (ref: PartitionRef) => string
  segments?: number
  backoff?: BackoffOptions
  /** Ask for each partition's columns too (same pages, bigger): only when the table's shape changed. */
  withColumns?: boolean
  /**
   * Sees every partition as it streams by, with its ref and series id when it is this action's own
   * (refresh.ts).
   */
  inspect?: (partition: Partition, own: PartitionRef | undefined, series: SeriesId | undefined) => void
}

export async function readExistingPartitions(
  glue: GlueClient,
  table: TableRef,
  options: ExistingReadOptions,
  logger: Logger
): Promise<ExistingPartitions> {
  const existing = emptyExisting(options.window)
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

function record(existing: ExistingPartitions, partition: Partition, options: ExistingReadOptions): void {
  existing.total += 1
  const values = partition.Values ?? []
  const ours = parsePartitionValues(values, options.dateKeyType)
  const own = ours && sameLocation(partition.StorageDescriptor?.Location, options.locationOf(ours))
  if (own) {
    const id = existing.index.id(ours.account, ours.region)
    options.inspect?.(partition, ours, id)
    existing.bySeries.add(id, ours.day)
    return
  }
  options.inspect?.(partition, undefined, undefined)
  existing.foreign += 1
  if (ours) existing.foreignLocation += 1
  if (existing.foreignSamples.length < 5) existing.foreignSamples.push(values)
  const day = ours ?? parseAnyDayForm(values, options.dateKeyType)
  if (!day) return
  const id = existing.index.id(day.account, day.region)
  existing.covered.add(id, day.day)
  let counts = existing.foreignBySeries.get(id)
  if (!counts) existing.foreignBySeries.set(id, (counts = { location: 0, form: 0 }))
  counts[ours ? 'location' : 'form'] += 1
}

function sameLocation(actual: string | undefined, expected: string): boolean {
  return (actual ?? '').replace(/\/+$/, '') === expected.replace(/\/+$/, '')
}
