/**
 * Applies a plan: BatchCreatePartition in batches of 100 and BatchDeletePartition in batches of 25,
 * a few batches in flight, inputs generated lazily from the plan's ranges. Entries another run
 * already created or dropped count as done; any other failed entry is collected, and a failed call
 * stops new batches so that the report shows exactly what was applied.
 */
import {
  BatchCreatePartitionCommand,
  BatchDeletePartitionCommand,
  type GlueClient,
  type PartitionError,
  type PartitionInput,
  type StorageDescriptor
} from '@aws-sdk/client-glue'
import { DEFAULT_BACKOFF, withBackoff, type BackoffOptions, type RetryContext } from '../aws/retry.js'
import { forEachConcurrent } from '../vocabulary/concurrency.js'
import type { Logger } from '../vocabulary/logger.js'
import { partitionLocation, type Layout } from '../logs/layout.js'
import { partitionValues, type KeyForm, type PartitionRef } from '../vocabulary/keys.js'
import type { DayNumber } from '../vocabulary/dates.js'
import type { SeriesId } from './series-index.js'
import type { SyncPlan } from './plan.js'
import { tableParams, type TableRef } from '../vocabulary/table-ref.js'

/** Glue's most per call (BatchCreatePartition 0..100, BatchDeletePartition 0..25). */
export const CREATE_BATCH_SIZE = 100
export const DELETE_BATCH_SIZE = 25

export interface ApplyTarget {
  glue: GlueClient
  table: TableRef
  layout: Layout
  /** How the table's keys hold a partition (its date key type, or one of AWS's one-key schemes). */
  dateKeyType: KeyForm
  /** The table's storage descriptor; each partition gets a copy with its own Location. */
  storageDescriptor: StorageDescriptor
  concurrency: number
  /** Retries of whole calls on throttling and timeouts, after the SDK's own. */
  backoff?: BackoffOptions
  /** Told after each batch: changes settled (done, raced or failed) of all planned. */
  onProgress?: ProgressCallback
}

export type ProgressCallback = (settled: number, total: number) => void

export interface EntryFailure {
  values: string[]
  code: string
  message: string
}

export interface ApplyResult {
  created: number
  deleted: number
  /** Brought in line with the table's storage descriptor (partitions/refresh.ts). */
  refreshed: number
  /** Created or dropped by someone else meanwhile: counted as done. */
  alreadyDone: number
  failed: number
  /** The first failures, for the report (all are counted in `failed`). */
  failures: EntryFailure[]
  /** Per series: partitions actually created and deleted. */
  bySeries: AppliedBySeries
  /** Planned changes never attempted because the run stopped. */
  skipped: number
  /** Set when a call or an entry failed and no further batches were started. */
  stoppedBy?: string
}

const MAX_REPORTED_FAILURES = 20

/** Partitions created and deleted per series id: two numbers a series, in typed arrays. */
export class AppliedBySeries {
  private created: Int32Array
  private deleted: Int32Array

  constructor(seriesCount: number) {
    this.created = new Int32Array(seriesCount)
    this.deleted = new Int32Array(seriesCount)
  }

  get(id: SeriesId): { created: number; deleted: number } {
    return { created: this.created[id] ?? 0, deleted: this.deleted[id] ?? 0 }
  }

  count(id: SeriesId, field: 'created' | 'deleted'): void {
    if (id >= this.created.length) this.grow(id + 1)
    this[field][id] = (this[field][id] ?? 0) + 1
  }

  private grow(size: number): void {
    const grow = (array: Int32Array): Int32Array => {
      const bigger = new Int32Array(Math.max(size, array.length * 2))
      bigger.set(array)
      return bigger
    }
    this.created = grow(this.created)
    this.deleted = grow(this.deleted)
  }
}

/** A partition to write, with the series it counts for. */
interface PlannedRef extends PartitionRef {
  series: SeriesId
}

export function* chunks<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = []
  for (const item of items) {
    batch.push(item)
    if (batch.length === size) {
      yield batch
      batch = []
    }
  }
  if (batch.length) yield batch
}

/** The plan's days, series by series in the plan's order, generated as the batches need them. */
function* refsOf(
  plan: SyncPlan,
  pick: (plan: SyncPlan, id: SeriesId) => Iterable<DayNumber>
): Generator<PlannedRef> {
  for (let position = 0; position < plan.seriesCount; position++) {
    const series = plan.idAt(position)
    const account = plan.index.account(series)
    const region = plan.index.region(series)
    for (const day of pick(plan, series)) yield { account, region, day, series }
  }
}

export function partitionInput(target: ApplyTarget, ref: PartitionRef): PartitionInput {
  return {
    Values: partitionValues(ref, target.dateKeyType),
    StorageDescriptor: { ...target.storageDescriptor, Location: partitionLocation(target.layout, ref) }
  }
}

/** More work of the same kind after the plan's creates and removals (the refresh of stale partitions). */
export interface FollowUp {
  planned: number
  run(result: ApplyResult, progress: () => void): Promise<void>
}

export async function applyPlan(
  target: ApplyTarget,
  plan: SyncPlan,
  logger: Logger,
  followUp?: FollowUp
): Promise<ApplyResult> {
  const result: ApplyResult = {
    created: 0,
    deleted: 0,
    refreshed: 0,
    alreadyDone: 0,
    failed: 0,
    failures: [],
    bySeries: new AppliedBySeries(plan.index.size),
    skipped: 0
  }
  const tally = (ref: PlannedRef, field: 'created' | 'deleted'): void =>
    result.bySeries.count(ref.series, field)

  // The caller wraps this in a log group; GitHub does not nest groups, so none here.
  logger.info(`creating ${plan.totals.add} partition(s)`)
  const reportCreated = progressLogger(logger, 'created', plan.totals.add)
  const total = plan.totals.add + plan.totals.remove + (followUp?.planned ?? 0)
  const settled = (): number =>
    result.created + result.deleted + result.refreshed + result.alreadyDone + result.failed
  await runBatches(
    target,
    result,
    chunks(
      refsOf(plan, (p, id) => p.addDays(id)),
      CREATE_BATCH_SIZE
    ),
    { operation: 'Glue.BatchCreatePartition', logger },
    async (batch) => {
      const response = await target.glue.send(
        new BatchCreatePartitionCommand({
          ...tableParams(target.table),
          PartitionInputList: batch.map((ref) => partitionInput(target, ref))
        })
      )
      settle(result, batch, response.Errors ?? [], 'AlreadyExistsException', target.dateKeyType, (ref) => {
        result.created += 1
        tally(ref, 'created')
      })
      reportCreated(result.created + result.alreadyDone + result.failed)
      target.onProgress?.(settled(), total)
    }
  )
  logger.info(`removing ${plan.totals.remove} expired partition(s)`)
  await runBatches(
    target,
    result,
    chunks(
      refsOf(plan, (p, id) => p.removeDays(id)),
      DELETE_BATCH_SIZE
    ),
    { operation: 'Glue.BatchDeletePartition', logger },
    async (batch) => {
      const response = await target.glue.send(
        new BatchDeletePartitionCommand({
          ...tableParams(target.table),
          PartitionsToDelete: batch.map((ref) => ({ Values: partitionValues(ref, target.dateKeyType) }))
        })
      )
      settle(result, batch, response.Errors ?? [], 'EntityNotFoundException', target.dateKeyType, (ref) => {
        result.deleted += 1
        tally(ref, 'deleted')
      })
      target.onProgress?.(settled(), total)
    }
  )
  if (followUp?.planned) await followUp.run(result, () => target.onProgress?.(settled(), total))
  result.skipped = Math.max(0, total - settled())
  logger.info(
    `created ${result.created}, removed ${result.deleted}, ` +
      (followUp?.planned ? `refreshed ${result.refreshed}, ` : '') +
      `already done ${result.alreadyDone}, failed ${result.failed}, not attempted ${result.skipped}`
  )
  return result
}

export async function runBatches<Ref extends PartitionRef>(
  target: ApplyTarget,
  result: ApplyResult,
  batches: Iterable<Ref[]>,
  retry: RetryContext,
  send: (batch: Ref[]) => Promise<void>
): Promise<void> {
  // Stop pulling batches once a call has failed (after the SDK's own retries).
  const gated = (function* () {
    for (const batch of batches) {
      if (result.stoppedBy) return
      yield batch
    }
  })()
  await forEachConcurrent(gated, target.concurrency, async (batch) => {
    try {
      await withBackoff(() => send(batch), retry, target.backoff ?? DEFAULT_BACKOFF)
    } catch (error) {
      const { name, message } = error as Error
      result.stoppedBy ??= `${name}: ${message}`
      for (const ref of batch) {
        addFailure(result, { values: partitionValues(ref, target.dateKeyType), code: name, message })
      }
    }
  })
}

/**
 * Sorts one batch's entries into done, done by someone else (`raceCode`), and failed. A failed
 * entry stops new batches, as a failed call does: the cause (permissions, a quota) is rarely
 * limited to one partition.
 */
export function settle<Ref extends PartitionRef>(
  result: ApplyResult,
  batch: readonly Ref[],
  errors: readonly PartitionError[],
  raceCode: string,
  dateKeyType: KeyForm,
  done: (ref: Ref) => void
): void {
  const keyOf = (values: readonly string[]): string => values.join('\u0001')
  const errorsByValues = new Map(errors.map((error) => [keyOf(error.PartitionValues ?? []), error]))
  const fail = (values: string[], error: PartitionError): void => {
    const failure = {
      values,
      code: error.ErrorDetail?.ErrorCode ?? 'Unknown',
      message: error.ErrorDetail?.ErrorMessage ?? ''
    }
    addFailure(result, failure)
    result.stoppedBy ??= `${failure.code}: ${failure.message}`
  }
  const sent = new Set<string>()
  for (const ref of batch) {
    const values = partitionValues(ref, dateKeyType)
    sent.add(keyOf(values))
    const error = errorsByValues.get(keyOf(values))
    if (!error) done(ref)
    else if (error.ErrorDetail?.ErrorCode === raceCode) result.alreadyDone += 1
    else fail(values, error)
  }
  // An error Glue did not tie to a partition we sent still means something failed.
  for (const error of errors) {
    if (!sent.has(keyOf(error.PartitionValues ?? []))) fail(error.PartitionValues ?? [], error)
  }
}

/** Logs `done of total` each time another tenth of the work is done. */
function progressLogger(logger: Logger, verb: string, total: number): (done: number) => void {
  let nextTenth = 1
  return (done) => {
    if (total === 0 || done * 10 < nextTenth * total) return
    while (done * 10 >= nextTenth * total) nextTenth += 1
    logger.info(`${verb} ${done} of ${total} (${Math.floor((done * 100) / total)}%)`)
  }
}

function addFailure(result: ApplyResult, failure: EntryFailure): void {
  result.failed += 1
  if (result.failures.length < MAX_REPORTED_FAILURES) result.failures.push(failure)
}
