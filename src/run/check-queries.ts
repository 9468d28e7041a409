/**
 * The `check-queries` command: checks the team's Athena SQL files, annotates the most important
 * findings, writes the report for the job summary and, on a pull request, keeps one comment with
 * it up to date. Needs no AWS credentials unless an EXPLAIN step is given.
 */
import { RefusedFileError } from '../vocabulary/errors.js'
import type { Logger } from '../vocabulary/logger.js'
import { logQuoted } from '../vocabulary/escape.js'
import type { DateKeyType } from '../vocabulary/keys.js'
import { selectAnnotations } from '../queries/annotations.js'
import { checkSql } from '../queries/check.js'
import type { Finding, Problem, RuleSeverities, Severity } from '../queries/findings.js'
import { DEFAULT_QUERY_LIMITS, fileTooLarge, tooManyFiles, type QueryLimits } from '../queries/limits.js'
import { upsertComment, type CommentOutcome, type PullRequestTarget } from '../queries/pr-comment.js'
import type { Position } from '../queries/tree.js'
import {
  COMMENT_MARKER,
  SUMMARY_MAX_CHARACTERS,
  renderComment,
  renderReport,
  truncate
} from '../report/query-check.js'

export interface CheckQueriesOptions {
  /** The SQL files, already globbed, as paths relative to the workspace. */
  files: string[]
  table: string
  database?: string
  /** Date partition keys, year first. */
  partitionColumns: string[]
  dateKeyType: DateKeyType
  /** The table's columns as (name, Hive type), partition keys included, when read from Glue. */
  columns?: readonly (readonly [string, string])[]
  severities: RuleSeverities
  /** The limits of the check; defaults for those not given. */
  limits?: Partial<QueryLimits>
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
  /** Asks Athena to EXPLAIN a statement; resolves to Athena's error message, or undefined when fine. */
  explain?: (sql: string, file: string) => Promise<string | undefined>
  /** Writes the report to the job summary; called before the comment, which may fail. */
  writeSummary?: (markdown: string) => Promise<void>
  /** Set on pull requests: where the report comment goes. */
  pullRequest?: PullRequestTarget
}

export interface CheckQueriesResult {
  findings: Finding[]
  errorCount: number
  warningCount: number
  filesChecked: number
  summaryMarkdown: string
  comment: CommentOutcome | 'skipped'
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
  await logger.group(`Checking ${checked.length} SQL files`, async () => {
    for (const file of checked) {
      const problems = await checkFile(file, options, limits, deps)
      const ofFile = withSeverities(problems, file, options.severities)
      logger.info(`${logQuoted(file)}: ${ofFile.length === 0 ? 'no findings' : `${ofFile.length} findings`}`)
      findings.push(...ofFile)
    }
  })
  if (firstSkipped !== undefined) {
    const skipped = options.files.length - checked.length
    findings.push(
      ...withSeverities([tooManyFiles(skipped, limits.maxFiles)], firstSkipped, options.severities)
    )
    logger.warning(`${skipped} SQL file(s) beyond the limit of ${limits.maxFiles} were not checked.`)
  }
  for (const { finding, kind } of selectAnnotations(findings)) deps.annotate(finding, kind)

  const reported = firstSkipped === undefined ? checked : [...checked, firstSkipped]
  const report = renderReport({ files: reported, findings, checkedCount: checked.length })
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
    comment
  }
}

async function checkFile(
  file: string,
  options: CheckQueriesOptions,
  limits: QueryLimits,
  deps: CheckQueriesDeps
): Promise<Problem[]> {
  let sql: string | { bytes: number }
  try {
    sql = await deps.readFile(file, limits.maxFileBytes)
  } catch (error) {
    // A link or a file outside the workspace is reported, never read; the run goes on.
    if (!(error instanceof RefusedFileError)) throw error
    return [{ rule: 'not-a-regular-file', line: 1, column: 1, message: error.message }]
  }
  if (typeof sql !== 'string') return [fileTooLarge(sql.bytes, limits.maxFileBytes)]
  // Whatever the reader did: the text is in memory already, its size is cheap to know.
  const bytes = Buffer.byteLength(sql)
  if (bytes > limits.maxFileBytes) return [fileTooLarge(bytes, limits.maxFileBytes)]
  const { problems, statements } = checkSql(sql, options, limits)
  if (deps.explain && options.severities['athena-explain'] !== 'off') {
    for (const statement of statements) {
      const message = await deps.explain(statement.text, file)
      if (message !== undefined) {
        problems.push({
          rule: 'athena-explain',
          line: statement.line,
          column: statement.column,
          message: inFile(message, statement)
        })
      }
    }
  }
  return problems
}

/**
 * Athena's `line L:C` counts in the statement's text; moved by where the statement starts, it
 * points into the file.
 */
function inFile(message: string, start: Position): string {
  return message.replace(/\bline (\d+):(\d+)/g, (_all, line: string, column: string) => {
    const l = Number(line)
    const c = Number(column) + (l === 1 ? start.column - 1 : 0)
    return `line ${l + start.line - 1}:${c}`
  })
}

function withSeverities(problems: Problem[], file: string, severities: RuleSeverities): Finding[] {
  const findings: Finding[] = []
  for (const problem of problems) {
    const severity = severities[problem.rule]
    if (severity !== 'off') findings.push({ ...problem, severity, file })
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column)
}
