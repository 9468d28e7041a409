/**
 * The partition estimate of a check: for each statement, the partitions each of its scans of the
 * table selects, counted through Glue (partition-count.ts). A scan over Athena's 1,000,000 is a
 * `partition-limit` finding; a query over `max-query-partitions` a `partition-count` one.
 */
import { forEachConcurrent } from '../vocabulary/concurrency.js'
import type { Logger } from '../vocabulary/logger.js'
import { formatCount } from '../vocabulary/format.js'
import { Inputs } from '../vocabulary/constants.js'
import type { CheckedStatement } from './check.js'
import type { Problem } from './findings.js'
import { ATHENA_MAX_PARTITIONS_PER_SCAN, type PartitionCount } from './partition-count.js'
import { sizeOf, type ScanPredicate, type Term } from './partition-scan.js'
import type { Position } from './tree.js'

export type CountFn = (terms: readonly Term[]) => Promise<PartitionCount>

/** Statements estimated per run at most; the rest are counted as not estimated. */
export const MAX_ESTIMATED_STATEMENTS = 5_000
/**
 * A scan whose condition holds more terms than this (ORs of ORs written out) is not estimated:
 * each partition of a small table is tested against every term.
 */
export const MAX_TERMS_PER_SCAN = 256
/** Statements counted at a time (each count reads up to 10 Glue segments at once). */
const CONCURRENCY = 2

export interface EstimatedQuery extends Position {
  file: string
  /** All its scans together. */
  partitions: number
  /** A scan stopped counting past the limit: `partitions` is a lower bound. */
  over: boolean
  /** False when a condition could not be counted: `partitions` is an upper bound. */
  exact: boolean
}

export interface EstimateResult {
  problems: Map<string, Problem[]>
  queries: EstimatedQuery[]
  /** Statements reading the table that were not estimated (over MAX_ESTIMATED_STATEMENTS, or Glue refused the count). */
  notEstimated: number
  elapsedMs: number
}

interface Planned extends Position {
  file: string
  scans: ScanPredicate[]
}

export class EstimatePlan {
  private readonly planned: Planned[] = []
  private notEstimated = 0

  add(file: string, statement: CheckedStatement): void {
    if (!statement.scans || statement.scans.length === 0) return
    const tooComplex = statement.scans.some((scan) => sizeOf(scan.terms) > MAX_TERMS_PER_SCAN)
    if (tooComplex || this.planned.length >= MAX_ESTIMATED_STATEMENTS) this.notEstimated += 1
    else this.planned.push({ file, line: statement.line, column: statement.column, scans: statement.scans })
  }

  get size(): number {
    return this.planned.length
  }

  async run(
    count: CountFn,
    settings: { table: string; warnAbove: number },
    logger: Logger
  ): Promise<EstimateResult> {
    const started = performance.now()
    const problems = new Map<string, Problem[]>()
    const add = (file: string, problem: Problem): void => {
      problems.set(file, [...(problems.get(file) ?? []), problem])
    }
    const queries: EstimatedQuery[] = []
    const refusals = new Set<string>()
    let notEstimated = this.notEstimated
    await forEachConcurrent(this.planned, CONCURRENCY, async (query) => {
      let partitions = 0
      let over = false
      let exact = true
      const counts: PartitionCount[] = []
      try {
        for (const scan of query.scans) counts.push(await count(scan.terms))
      } catch (error) {
        // An estimate is extra: a refused or exhausted count leaves this query unestimated, the check goes on.
        const why =
          error instanceof Error
            ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`
            : String(error)
        if (!refusals.has(why)) logger.warning(`Could not estimate the partitions a query reads: ${why}`)
        refusals.add(why)
        notEstimated += 1
        return
      }
      for (const [i, scan] of query.scans.entries()) {
        const counted = counts[i] as PartitionCount
        const scanExact = counted.exact && scan.exact
        partitions += counted.count
        over ||= counted.over
        exact &&= scanExact
        if (counted.over || counted.count > ATHENA_MAX_PARTITIONS_PER_SCAN) {
          add(query.file, overAthenaLimit(scan, counted, scanExact, settings.table))
        }
      }
      queries.push({ file: query.file, line: query.line, column: query.column, partitions, over, exact })
      if (!over && exact && partitions > settings.warnAbove) {
        add(query.file, {
          rule: 'partition-count',
          line: query.line,
          column: query.column,
          message:
            `this query reads about ${formatCount(partitions)} partitions of ${settings.table}, more than the ` +
            `${formatCount(settings.warnAbove)} of input '${Inputs.MaxQueryPartitions}': narrow its condition on ` +
            'the partition keys, or raise the input'
        })
      }
    })
    const order = (a: EstimatedQuery, b: EstimatedQuery): number =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column
    return {
      problems,
      queries: queries.sort(order),
      notEstimated,
      elapsedMs: performance.now() - started
    }
  }
}

/** How an estimate reads: "about 4,500", "more than 1,000,000", "at most 12,000". */
export function describeEstimate(query: Pick<EstimatedQuery, 'partitions' | 'over' | 'exact'>): string {
  if (query.over) return `more than ${formatCount(ATHENA_MAX_PARTITIONS_PER_SCAN)}`
  return `${query.exact ? 'about' : 'at most'} ${formatCount(query.partitions)}`
}

function overAthenaLimit(
  scan: ScanPredicate,
  counted: PartitionCount,
  exact: boolean,
  table: string
): Problem {
  const selects = counted.over
    ? `more than ${formatCount(ATHENA_MAX_PARTITIONS_PER_SCAN)}`
    : `about ${formatCount(counted.count)}`
  const athena = 'Athena cannot read more than 1 million partitions in a single scan'
  if (!exact) {
    // An upper bound: a condition the estimate could not count may narrow it. Worth a look, not a failure.
    return {
      rule: 'partition-count',
      line: scan.line,
      column: scan.column,
      message:
        `this scan of ${table} may select up to ${selects.replace(/^about /, '')} partitions (a condition on a ` +
        `partition key could not be counted, so this is an upper bound); "${athena}"`
    }
  }
  return {
    rule: 'partition-limit',
    line: scan.line,
    column: scan.column,
    message:
      `this scan of ${table} selects ${selects} partitions, and "${athena}": the query would fail when it runs. ` +
      'Narrow its condition on the partition keys (a shorter range of days, or an account or region)'
  }
}
