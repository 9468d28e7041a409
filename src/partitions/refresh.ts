/**
 * Partitions follow the table. Each partition gets a copy of the table's storage descriptor when it
 * is created, and Glue never updates that copy: after `ALTER TABLE ADD COLUMNS` (or a new SerDe),
 * every existing partition still has the old shape, and Athena reads it with the old columns or
 * fails with HIVE_PARTITION_SCHEMA_MISMATCH. This module finds the action's own partitions whose
 * shape differs from the table's and brings them in line with BatchUpdatePartition (1 to 100 entries
 * a call), the way creates are applied. Partitions that are not the action's own are counted and
 * described, never changed.
 *
 * Cost: only when the table's shape differs from the one recorded after the last refresh (a table
 * parameter, see vocabulary/storage.ts) does the read pass ask for columns; that run compares each
 * partition as it streams by and keeps the stale ones as day bitmaps, like what Glue has.
 */
import {
  BatchUpdatePartitionCommand,
  type BatchUpdatePartitionFailureEntry,
  type Partition,
  type PartitionInput
} from '@aws-sdk/client-glue'
import { logText } from '../vocabulary/escape.js'
import type { Logger } from '../vocabulary/logger.js'
import type { DayWindow } from '../vocabulary/dates.js'
import { partitionValues, type PartitionRef } from '../vocabulary/keys.js'
import {
  hasShape,
  shapeDifference,
  storageFingerprint,
  storageShape,
  type StorageLike,
  type StorageShape
} from '../vocabulary/storage.js'
import { tableParams } from '../vocabulary/table-ref.js'
import { chunks, partitionInput, runBatches, settle, type ApplyResult, type ApplyTarget } from './apply.js'
import type { SyncPlan } from './plan.js'
import { SeriesDays } from './series-days.js'
import type { SeriesId } from './series-index.js'

/** Glue's most per BatchUpdatePartition call (Entries 1..100). */
export const UPDATE_BATCH_SIZE = 100

/** How partitions differ from the table, over all of them. */
export interface StorageDrift {
  partitions: number
  added: Set<string>
  removed: Set<string>
  retyped: Set<string>
  reordered: boolean
  serde: boolean
  serdeParameters: boolean
  formats: boolean
}

function emptyDrift(): StorageDrift {
  return {
    partitions: 0,
    added: new Set(),
    removed: new Set(),
    retyped: new Set(),
    reordered: false,
    serde: false,
    serdeParameters: false,
    formats: false
  }
}

/** Differing shapes seen so far, by a key of the shape: a changed table usually leaves one or two. */
const MAX_CACHED_SHAPES = 64
/** Column names kept per kind of change: others' partitions may hold any names, in any number. */
export const MAX_DRIFT_NAMES = 100

function addNames(set: Set<string>, names: readonly string[]): void {
  for (const name of names) {
    if (set.size >= MAX_DRIFT_NAMES) return
    set.add(name)
  }
}

/**
 * Whether the read pass must compare: the table's shape against the one recorded when its
 * partitions were last brought in line. No record (an older table, the first run) compares once.
 */
export function needsComparison(tableDescriptor: StorageLike, recorded: string | undefined): boolean {
  return recorded !== storageFingerprint(tableDescriptor)
}

/** Collects, during the read pass, the partitions whose shape is not the table's. */
export class StaleStorage {
  readonly own = emptyDrift()
  readonly foreign = emptyDrift()
  readonly fingerprint: string
  private readonly shape: StorageShape
  /** The action's own stale partitions: days per series, as bits over the window (series-days.ts). */
  private readonly days: SeriesDays
  /** Parameters of stale partitions that have some (rare): an update must keep them. */
  private readonly parameters = new Map<string, Record<string, string>>()
  private readonly seen = new Map<string, ReturnType<typeof shapeDifference>>()
  private last: { shape: StorageShape; difference: ReturnType<typeof shapeDifference> } | undefined

  /** @param window the sync's window: where nearly every stale day falls, so where its bits go */
  constructor(tableDescriptor: StorageLike, window: DayWindow) {
    this.days = new SeriesDays(window)
    this.shape = storageShape(tableDescriptor)
    this.fingerprint = storageFingerprint(tableDescriptor)
  }

  /** Called by the read pass for each partition, with its ref and series when it is the action's own. */
  inspect(partition: Partition, own: PartitionRef | undefined, series: SeriesId | undefined): void {
    const descriptor = partition.StorageDescriptor ?? {}
    if (hasShape(descriptor, this.shape)) return
    const drift = own ? this.own : this.foreign
    drift.partitions += 1
    const difference = this.differenceOf(descriptor)
    addNames(drift.added, difference.added)
    addNames(drift.removed, difference.removed)
    addNames(drift.retyped, difference.retyped)
    drift.reordered ||= difference.reordered
    drift.serde ||= difference.serde
    drift.serdeParameters ||= difference.serdeParameters
    drift.formats ||= difference.formats
    if (!own || series === undefined) return
    this.days.add(series, own.day)
    if (partition.Parameters && Object.keys(partition.Parameters).length > 0) {
      this.parameters.set(valuesKey(partition.Values ?? []), partition.Parameters)
    }
  }

  /** The stale partitions of the action's own to refresh: all but those the plan removes. */
  *toRefresh(plan: SyncPlan): Generator<PartitionRef> {
    for (const series of this.days.series()) {
      const account = plan.index.account(series)
      const region = plan.index.region(series)
      for (const day of this.days.days(series)) {
        if (!plan.removes(series, day)) yield { account, region, day }
      }
    }
  }

  /** How many `toRefresh` yields; only the days before the window are looked at one by one. */
  countToRefresh(plan: SyncPlan): number {
    let count = this.days.total
    for (const series of this.days.series()) {
      for (const day of this.days.days(series)) {
        if (day >= plan.window.first) break
        if (plan.removes(series, day)) count -= 1
      }
    }
    return count
  }

  /** The update of one stale partition: the table's descriptor, its own location and parameters. */
  inputFor(target: ApplyTarget, ref: PartitionRef): PartitionInput {
    const input = partitionInput(target, ref)
    const parameters = this.parameters.get(valuesKey(input.Values ?? []))
    return parameters ? { ...input, Parameters: parameters } : input
  }

  private differenceOf(descriptor: StorageLike): ReturnType<typeof shapeDifference> {
    // Stale partitions mostly share one old shape: checked without building anything.
    if (this.last && hasShape(descriptor, this.last.shape)) return this.last.difference
    const from = storageShape(descriptor)
    const key = JSON.stringify(from)
    let difference = this.seen.get(key)
    if (!difference) {
      difference = shapeDifference(from, this.shape)
      if (this.seen.size < MAX_CACHED_SHAPES) this.seen.set(key, difference)
    }
    this.last = { shape: from, difference }
    return difference
  }
}

function valuesKey(values: readonly string[]): string {
  return values.join('\u0001')
}

/** What the report shows about the partitions' shape. */
export interface RefreshOutcome {
  /** The read pass compared shapes (the table's shape was not the one recorded). */
  compared: boolean
  /** The table's fingerprint, as recorded in PARTITION_STORAGE_PARAMETER. */
  fingerprint: string
  own: StorageDrift
  foreign: StorageDrift
  /** The action's partitions to refresh (or that a dry run would refresh). */
  planned: number
  /** After the run: whether the table now records its shape for the next run. */
  recorded?: 'recorded' | 'denied' | 'not-yet'
}

export function refreshOutcome(
  fingerprint: string,
  stale: StaleStorage | undefined,
  plan: SyncPlan
): RefreshOutcome {
  return {
    compared: stale !== undefined,
    fingerprint,
    own: stale?.own ?? emptyDrift(),
    foreign: stale?.foreign ?? emptyDrift(),
    planned: stale ? stale.countToRefresh(plan) : 0
  }
}

/**
 * Sends the refreshes in batches of 100, a few in flight, after the creates and removals of the
 * plan. Entries settle as creates do: a partition removed meanwhile needs no refresh
 * (EntityNotFoundException counts as done by someone else); any other failed entry stops new batches.
 */
export async function refreshPartitions(
  target: ApplyTarget,
  stale: StaleStorage,
  plan: SyncPlan,
  result: ApplyResult,
  progress: () => void,
  logger: Logger
): Promise<void> {
  logger.info(`refreshing the storage descriptor of the action's stale partitions`)
  const retry = { operation: 'Glue.BatchUpdatePartition', logger }
  await runBatches(target, result, chunks(stale.toRefresh(plan), UPDATE_BATCH_SIZE), retry, async (batch) => {
    const response = await target.glue.send(
      new BatchUpdatePartitionCommand({
        ...tableParams(target.table),
        Entries: batch.map((ref) => ({
          PartitionValueList: partitionValues(ref, target.dateKeyType),
          PartitionInput: stale.inputFor(target, ref)
        }))
      })
    )
    // BatchUpdatePartition names the failed entry PartitionValueList, not PartitionValues.
    const errors = (response.Errors ?? []).map((error: BatchUpdatePartitionFailureEntry) => ({
      PartitionValues: error.PartitionValueList ?? [],
      ...(error.ErrorDetail ? { ErrorDetail: error.ErrorDetail } : {})
    }))
    settle(result, batch, errors, 'EntityNotFoundException', target.dateKeyType, () => {
      result.refreshed += 1
    })
    progress()
  })
}

/** The read pass's comparison, for the log (column names from Glue escaped for it). */
export function describeComparison(refresh: RefreshOutcome, recorded: string | undefined): string {
  const { own, foreign } = refresh
  const columns = [...own.added, ...own.removed, ...own.retyped]
  const why = recorded
    ? "the table's storage descriptor changed since its partitions were last brought in line"
    : 'no storage shape recorded on the table yet'
  return (
    `storage descriptor: ${why}; ${own.partitions} of the action's partition(s) differ from the table's ` +
    `(${refresh.planned} to refresh${columns.length ? `; columns ${logText(columns.join(', '))}` : ''}), ` +
    `${foreign.partitions} other partition(s) differ and are left alone`
  )
}
