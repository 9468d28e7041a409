/**
 * Counts the partitions of the table that a scan's predicate selects, cheaply. A table of at most
 * `localMax` partitions is read once (values only) and every predicate is counted in memory: no
 * call per query. A larger table is counted per predicate through Glue: its `Expression` (which a
 * partition index serves), parallel segments, pages of 1000 without the column schema, stopping as
 * soon as the count passes `limit`; each expression is counted once per run.
 */
import { GetPartitionsCommand, type GlueClient } from '@aws-sdk/client-glue'
import { withBackoff, type BackoffOptions } from '../aws/retry.js'
import { silentLogger, type Logger } from '../vocabulary/logger.js'
import { tableParams, type TableRef } from '../vocabulary/table-ref.js'
import { glueExpression, matches, type PartitionKey, type Term } from './partition-scan.js'

/** "Athena cannot read more than 1 million partitions in a single scan" (limits.md). */
export const ATHENA_MAX_PARTITIONS_PER_SCAN = 1_000_000

/** Glue's most: GetPartitions Segment.TotalSegments is 1..10, MaxResults 1..1000 (limits.md). */
const SEGMENTS = 10
const PAGE_SIZE = 1000
/** Glue's Expression is at most 2048 characters (limits.md). */
const MAX_EXPRESSION = 2048
const BACKOFF: BackoffOptions = { attempts: 5, baseMs: 500, maxMs: 10_000 }

export interface PartitionCount {
  /** Partitions selected; when `over`, the count stopped just past the limit. */
  count: number
  /** More than the limit: the count stopped there. */
  over: boolean
  /** False when the predicate had to be widened to reach Glue (an expression too long): an upper bound. */
  exact: boolean
}

/** Thrown by count() once the run's GetPartitions calls are used up. */
export class CountBudgetExceeded extends Error {
  constructor(readonly maxCalls: number) {
    super(`the estimate's ${maxCalls.toLocaleString('en-US')} GetPartitions calls for this run are used up`)
  }
}

export interface PartitionCounterOptions {
  /** GetPartitions calls per run at most (default 5,000: five million partitions read, about a minute). */
  maxCalls?: number
  /** Counting stops past this many (default Athena's 1,000,000). */
  limit?: number
  /** A table of at most this many partitions is read whole once and counted in memory (default 100,000). */
  localMax?: number
  segments?: number
  /** Retries of a page (timeouts, throttling) after the SDK's own. */
  backoff?: BackoffOptions
  /** Where retries of a page are said (debug). */
  logger?: Logger
}

export class PartitionCounter {
  /** GetPartitions calls made. */
  calls = 0
  private readonly limit: number
  private readonly localMax: number
  private readonly segments: number
  private readonly maxCalls: number
  private readonly logger: Logger
  private readonly backoff: BackoffOptions
  /** The table's partition values, when it is small enough to hold; null once known to be larger. */
  private local: Promise<string[][] | null> | undefined
  private readonly counted = new Map<string, Promise<{ count: number; over: boolean }>>()

  constructor(
    private readonly glue: GlueClient,
    private readonly table: TableRef,
    private readonly keys: readonly PartitionKey[],
    options: PartitionCounterOptions = {}
  ) {
    this.limit = options.limit ?? ATHENA_MAX_PARTITIONS_PER_SCAN
    this.localMax = options.localMax ?? 100_000
    this.segments = options.segments ?? SEGMENTS
    this.maxCalls = options.maxCalls ?? 5_000
    this.logger = options.logger ?? silentLogger
    this.backoff = options.backoff ?? BACKOFF
  }

  async count(terms: readonly Term[]): Promise<PartitionCount> {
    this.local ??= this.readSmallTable()
    const local = await this.local
    if (local) {
      let count = 0
      for (const values of local) if (matches(terms, this.keys, values)) count += 1
      return { count, over: count > this.limit, exact: true }
    }
    // In one order whatever the query's, so that the same condition is counted once.
    const text = (term: Term): string => glueExpression([term], this.keys)
    let kept = [...terms].sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0))
    // Too long for Glue: drop the longest terms (wider, so still an upper bound) until it fits.
    let expression = glueExpression(kept, this.keys)
    while (expression.length > MAX_EXPRESSION && kept.length > 0) {
      const longest = kept.reduce((a, b) => (text(a).length >= text(b).length ? a : b))
      kept = kept.filter((term) => term !== longest)
      expression = glueExpression(kept, this.keys)
    }
    let counting = this.counted.get(expression)
    if (!counting) {
      counting = this.countInGlue(expression, this.limit)
      this.counted.set(expression, counting)
    }
    return { ...(await counting), exact: kept.length === terms.length }
  }

  /** The whole table's values when it has at most `localMax` partitions, else null (reading stops there). */
  private async readSmallTable(): Promise<string[][] | null> {
    const values: string[][] = []
    const state = { total: 0, stop: false }
    await Promise.all(
      Array.from({ length: this.segments }, (_, segment) =>
        this.readSegment('', segment, this.localMax, state, (page) => {
          for (const partition of page) values.push(partition)
        })
      )
    )
    return state.total > this.localMax ? null : values
  }

  private async countInGlue(expression: string, limit: number): Promise<{ count: number; over: boolean }> {
    const state = { total: 0, stop: false }
    await Promise.all(
      Array.from({ length: this.segments }, (_, segment) =>
        this.readSegment(expression, segment, limit, state)
      )
    )
    return { count: state.total, over: state.total > limit }
  }

  /** Pages through one segment, adding to the shared total; every segment stops once it passes `limit`. */
  private async readSegment(
    expression: string,
    segment: number,
    limit: number,
    state: { total: number; stop: boolean },
    keep?: (page: string[][]) => void
  ): Promise<void> {
    let token: string | undefined
    do {
      // A pull request of many wide queries cannot make the check read the catalog for ever.
      if (this.calls >= this.maxCalls) throw new CountBudgetExceeded(this.maxCalls)
      const page = await withBackoff(
        () => {
          this.calls += 1
          return this.glue.send(
            new GetPartitionsCommand({
              ...tableParams(this.table),
              ...(expression ? { Expression: expression } : {}),
              Segment: { SegmentNumber: segment, TotalSegments: this.segments },
              MaxResults: PAGE_SIZE,
              ExcludeColumnSchema: true,
              ...(token ? { NextToken: token } : {})
            })
          )
        },
        { operation: 'Glue.GetPartitions', logger: this.logger },
        this.backoff
      )
      const partitions = page.Partitions ?? []
      state.total += partitions.length
      keep?.(partitions.map((partition) => partition.Values ?? []))
      if (state.total > limit) state.stop = true
      token = page.NextToken
    } while (token && !state.stop)
  }
}
