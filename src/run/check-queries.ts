/**
 * The `check-queries` command: checks the team's Athena SQL files, annotates the most important
 * findings, writes the report for the job summary and, on a pull request, keeps one comment with
 * it up to date. Needs no AWS credentials unless an EXPLAIN step is given.
 */
import { RefusedFileError } from '../vocabulary/errors.js'
import type { Logger } from '../vocabulary/logger.js'
import { logQuoted } from '../vocabulary/escape.js'
import type { DateKeyType } from '../vocabulary/keys.js'
import type { SourceName } from '../logs/sources.js'
import { selectAnnotations } from '../queries/annotations.js'
import { checkSql } from '../queries/check.js'
import type { Finding, Problem, RuleSeverities, Severity } from '../queries/findings.js'
import { DEFAULT_QUERY_LIMITS, fileTooLarge, tooManyFiles, type QueryLimits } from '../queries/limits.js'
import { upsertComment, type CommentOutcome, type PullRequestTarget } from '../queries/pr-comment.js'
import { ExplainPlan, type ExplainFn, type ExplainPhaseStats } from '../queries/explain-phase.js'
import { EstimatePlan, type CountFn } from '../queries/estimate-phase.js'
import type { PartitionKey } from '../queries/partition-scan.js'
import type { CheckedStatement } from '../queries/check.js'
import {
  COMMENT_MARKER,
  SUMMARY_MAX_CHARACTERS,
  renderComment,
  renderReport,
  truncate,
  type EstimateReport,
  type SourceLinks
} from '../report/query-check.js'

export interface CheckQueriesOptions {
  /** The SQL files, already globbed, as paths relative to the workspace. */
  files: string[]
  table: string
  /** Whose logs the table holds (default CloudTrail): its documented columns when Glue is not read. */
  source?: SourceName
  database?: string
  /** Date partition keys, year first. */
  partitionColumns: string[]
  dateKeyType: DateKeyType
  /** The table's columns as (name, Hive type), partition keys included, when read from Glue. */
  columns?: readonly (readonly [string, string])[]
  /** The table's partition keys in Glue's order, when read from Glue and countable. */
  partitionKeys?: readonly PartitionKey[]
  severities: RuleSeverities
  /** The limits of the check; defaults for those not given. */
  limits?: Partial<QueryLimits>
  /** Why the partitions each query reads cannot be estimated (no credentials, no table in Glue). */
  estimateUnavailable?: string
}

/** What readFile gives for a file over the size limit, without reading it. */
export interface FileTooLarge {
  bytes: number
}

export interface CheckQueriesDeps {
  /** The file's text, or its size when it has more than `maxBytes` bytes (then it is not read). */
  readFile(path: string, maxBytes: number): Promise<string | FileTooLarge>
  logger: Logger
  annotate(finding: Finding, kind: Severity): void
  /** Asks Athena to EXPLAIN a statement, answering by the deadline (a `performance.now()` time). */
  explain?: ExplainFn
  /** Writes the report to the job summary; called before the comment, which may fail. */
  writeSummary?: (markdown: string) => Promise<void>
  /** Set on pull requests: where the report comment goes. */
  pullRequest?: PullRequestTarget
  /** Set on pull requests: the head commit, so that each finding of the report links to its line. */
  links?: SourceLinks
  /** Counts the partitions of the table a scan selects (with credentials and the table's keys from Glue). */
  countPartitions?: CountFn
  /** Without `countPartitions`: why the partitions read are not estimated, for the report. */
  estimateUnavailable?: string
}

export interface CheckQueriesResult {
  findings: Finding[]
  errorCount: number
  warningCount: number
  filesChecked: number
  summaryMarkdown: string
  comment: CommentOutcome | 'skipped'
  /** Set when Athena was asked to EXPLAIN. */
  explain?: ExplainPhaseStats
}

export async function runCheckQueries(
  options: CheckQueriesOptions,
  deps: CheckQueriesDeps
): Promise<CheckQueriesResult> {
  const { logger } = deps
  const limits = { ...DEFAULT_QUERY_LIMITS, ...options.limits }
  const findings: Finding[] = []
  // Files are sorted: the first ones are checked, the rest get one finding on the first of them.
  const checked = options.files.slice(0, limits.maxFiles)
  const firstSkipped = options.files[limits.maxFiles]
  const explaining = deps.explain && options.severities['athena-explain'] !== 'off' ? deps.explain : undefined
  const plan = new ExplainPlan(limits.maxExplains)
  const estimating =
    options.severities['partition-limit'] !== 'off' || options.severities['partition-count'] !== 'off'
      ? deps.countPartitions
      : undefined
  const estimates = new EstimatePlan()
  const problemsOf = new Map<string, Problem[]>()
  await logger.group(`Checking ${checked.length} SQL files`, async () => {
    for (const file of checked) {
      const { problems, statements } = await checkFile(file, options, limits, deps)
      problemsOf.set(file, problems)
      for (const statement of statements) {
        if (explaining && statement.explainable) plan.add(file, statement)
        if (estimating) estimates.add(file, statement)
      }
      if (!explaining && !estimating)
        logFile(file, withSeverities(problems, file, options.severities), logger)
    }
  })
  let explainStats: ExplainPhaseStats | undefined
  if (explaining) {
    const phase = await logger.group('Asking Athena to EXPLAIN each statement', async () => {
      const result = await plan.run(explaining, limits, logger)
      const { stats } = result
      logger.info(
        `${stats.requests} EXPLAIN request(s) for ${stats.statements} statement(s) (${stats.reused} repeated) ` +
          `in ${(stats.elapsedMs / 1000).toFixed(1)} s` +
          (stats.leftOut ? `; ${stats.leftOut} not explained (limits), in ${stats.leftOutFiles} file(s)` : '')
      )
      return result
    })
    explainStats = phase.stats
    for (const file of checked) {
      problemsOf.set(file, [...(problemsOf.get(file) ?? []), ...(phase.problems.get(file) ?? [])])
    }
  }
  let estimate: EstimateReport | undefined = deps.estimateUnavailable
    ? { unavailable: deps.estimateUnavailable }
    : undefined
  if (estimating) {
    const result = await logger.group('Estimating the partitions each query reads', async () => {
      const counted = await estimates.run(
        estimating,
        {
          table: options.table,
          warnAbove: limits.maxQueryPartitions
        },
        logger
      )
      logger.info(
        `${counted.queries.length} query(ies) estimated in ${(counted.elapsedMs / 1000).toFixed(1)} s` +
          (counted.notEstimated ? `; ${counted.notEstimated} not estimated` : '')
      )
      return counted
    })
    estimate = { queries: result.queries, notEstimated: result.notEstimated, elapsedMs: result.elapsedMs }
    for (const file of checked) {
      problemsOf.set(file, [...(problemsOf.get(file) ?? []), ...(result.problems.get(file) ?? [])])
    }
  }
  if (explaining || estimating) {
    for (const file of checked) {
      logFile(file, withSeverities(problemsOf.get(file) ?? [], file, options.severities), logger)
    }
  }
  for (const file of checked)
    findings.push(...withSeverities(problemsOf.get(file) ?? [], file, options.severities))
  if (firstSkipped !== undefined) {
    const skipped = options.files.length - checked.length
    findings.push(
      ...withSeverities([tooManyFiles(skipped, limits.maxFiles)], firstSkipped, options.severities)
    )
    logger.warning(`${skipped} SQL file(s) beyond the limit of ${limits.maxFiles} were not checked.`)
  }
  for (const { finding, kind } of selectAnnotations(findings)) deps.annotate(finding, kind)

  const reported = firstSkipped === undefined ? checked : [...checked, firstSkipped]
  const report = renderReport({
    files: reported,
    findings,
    checkedCount: checked.length,
    ...(explainStats ? { explain: explainStats } : {}),
    ...(deps.links ? { links: deps.links } : {}),
    ...(estimate ? { estimate } : {})
  })
  const summaryMarkdown = truncate(
    report,
    SUMMARY_MAX_CHARACTERS,
    'the findings are annotated in the log of this step'
  )
  await deps.writeSummary?.(summaryMarkdown)
  const comment = deps.pullRequest
    ? await upsertComment(deps.pullRequest, COMMENT_MARKER, renderComment(report), logger)
    : 'skipped'
  const errorCount = findings.filter((finding) => finding.severity === 'error').length
  return {
    findings,
    errorCount,
    warningCount: findings.length - errorCount,
    filesChecked: checked.length,
    summaryMarkdown,
    comment,
    ...(explainStats ? { explain: explainStats } : {})
  }
}

function logFile(file: string, findings: readonly Finding[], logger: Logger): void {
  logger.info(`${logQuoted(file)}: ${findings.length === 0 ? 'no findings' : `${findings.length} findings`}`)
}

async function checkFile(
  file: string,
  options: CheckQueriesOptions,
  limits: QueryLimits,
  deps: CheckQueriesDeps
): Promise<{ problems: Problem[]; statements: CheckedStatement[] }> {
  let sql: string | { bytes: number }
  try {
    sql = await deps.readFile(file, limits.maxFileBytes)
  } catch (error) {
    // A link or a file outside the workspace is reported, never read; the run goes on.
    if (!(error instanceof RefusedFileError)) throw error
    return {
      problems: [{ rule: 'not-a-regular-file', line: 1, column: 1, message: error.message }],
      statements: []
    }
  }
  if (typeof sql !== 'string')
    return { problems: [fileTooLarge(sql.bytes, limits.maxFileBytes)], statements: [] }
  // Whatever the reader did: the text is in memory already, its size is cheap to know.
  const bytes = Buffer.byteLength(sql)
  if (bytes > limits.maxFileBytes)
    return { problems: [fileTooLarge(bytes, limits.maxFileBytes)], statements: [] }
  return checkSql(sql, options, limits)
}

function withSeverities(problems: Problem[], file: string, severities: RuleSeverities): Finding[] {
  const findings: Finding[] = []
  for (const problem of problems) {
    const severity = severities[problem.rule]
    if (severity !== 'off') findings.push({ ...problem, severity, file })
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column)
}
