/**
 * How much work the query check does at most, so that a file in a pull request cannot hold the
 * runner: bytes per file, statements per file, files per run and time per file are inputs with
 * defaults; nesting depth is fixed. A file over a limit gets one `limit` finding and the run goes on.
 */
import { formatCount } from '../vocabulary/format.js'
import { Inputs } from '../vocabulary/constants.js'
import type { Problem } from './findings.js'
import type { Position } from './tree.js'

export interface QueryLimits {
  maxFileBytes: number
  maxStatementsPerFile: number
  maxFiles: number
  /** Milliseconds of parsing and checking per file. */
  fileTimeBudgetMs: number
  /** EXPLAIN requests per run (a statement met twice is asked once). */
  maxExplains: number
  /** Milliseconds of wall-clock time for the whole EXPLAIN phase. */
  explainBudgetMs: number
  /** EXPLAINs in flight at once. */
  explainConcurrency: number
  /** A query estimated to read more partitions than this gets a `partition-count` warning. */
  maxQueryPartitions: number
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxFileBytes: 256 * 1024,
  maxStatementsPerFile: 1_000,
  maxFiles: 2_000,
  fileTimeBudgetMs: 5_000,
  maxExplains: 500,
  // Half of the example workflow's `timeout-minutes: 10`: the rest is start-up, parsing and the report.
  explainBudgetMs: 300_000,
  // Athena's active-query quota counts running and queued queries of the whole account and varies by
  // Region (its user guide's example is 25): the check takes a few, the analysts keep the rest.
  explainConcurrency: 4,
  // A tenth of Athena's per-scan limit: planning that many partitions takes Athena a while already.
  maxQueryPartitions: 100_000
}

/**
 * Parentheses, brackets and CASE ... END nested deeper are not parsed: the parser's time grows
 * with the depth (about a second per 30 levels on a loaded 2-core runner, more for the first
 * statement of a run) and its stack runs out a few hundred levels deep.
 */
export const MAX_NESTING = 64

const count = formatCount

function limit(at: Position, message: string): Problem {
  return { rule: 'limit', line: at.line, column: at.column, message }
}

export function fileTooLarge(bytes: number, max: number): Problem {
  return limit(
    { line: 1, column: 1 },
    `the file has ${count(bytes)} bytes, more than the ${count(max)} the check reads; it was not checked ` +
      `(split it, or raise the input '${Inputs.MaxFileBytes}')`
  )
}

export function tooManyStatements(at: Position, total: number, max: number): Problem {
  return limit(
    at,
    `the file has ${count(total)} statements, more than the ${count(max)} the check reads; this one and ` +
      `the ${count(total - max - 1)} after it were not checked (split the file, or raise the input '${Inputs.MaxStatementsPerFile}')`
  )
}

export function outOfTime(at: Position, budgetMs: number): Problem {
  return limit(
    at,
    `the check of this file ran out of its ${count(budgetMs / 1000)} s here; this statement and those after ` +
      `it were not checked (simplify or split the file, or raise the input '${Inputs.FileTimeBudgetSeconds}')`
  )
}

export function nestedTooDeep(at: Position, depth: number): Problem {
  return limit(
    at,
    `this statement nests parentheses, brackets or CASE ${count(depth)} deep; the check parses statements nested ` +
      `at most ${MAX_NESTING} deep, so it was not checked`
  )
}

export function outOfStack(at: Position): Problem {
  return limit(
    at,
    'this statement is nested too deeply for the parser (it ran out of stack), so it was not checked; ' +
      'simplify it (for example an IN list instead of a long chain of OR)'
  )
}

/**
 * Statements of a file that the EXPLAIN phase did not ask Athena about: its count of requests was
 * used up, or its time budget ran out (an EXPLAIN cut off by it included).
 */
export function notExplained(
  at: Position,
  statements: number,
  why: { maxExplains?: number; budgetMs?: number }
): Problem {
  const reasons: string[] = []
  if (why.maxExplains !== undefined)
    reasons.push(
      `the run's ${count(why.maxExplains)} EXPLAIN requests were used up (raise the input '${Inputs.MaxExplains}')`
    )
  if (why.budgetMs !== undefined)
    reasons.push(
      `the EXPLAIN phase ran out of its ${count(why.budgetMs / 1000)} s (raise the input '${Inputs.ExplainTimeBudgetSeconds}', or '${Inputs.ExplainConcurrency}')`
    )
  return limit(
    at,
    `${statements === 1 ? 'this statement was' : `${count(statements)} statements of this file, the first here, were`} ` +
      `not checked by Athena's EXPLAIN: ${reasons.join('; and ')}`
  )
}

export function tooManyFiles(skipped: number, max: number): Problem {
  return limit(
    { line: 1, column: 1 },
    `${count(max + skipped)} .sql files match the input '${Inputs.Queries}', more than the ${count(max)} the ` +
      `check reads; this file and the ${count(skipped - 1)} after it (in path order) were not checked ` +
      `(raise the input '${Inputs.MaxFiles}')`
  )
}
