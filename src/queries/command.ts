/**
 * The `check-queries` command: checks the team's Athena SQL files, annotates the most important
 * findings, writes the report for the job summary and, on a pull request, keeps one comment with
 * it up to date. Needs no AWS credentials unless an EXPLAIN step is given.
 */
import { RefusedFileError } from '../errors.js'
import type { Logger } from '../logger.js'
import { logQuoted } from '../report/escape.js'
import type { DateKeyType } from '../partitions/keys.js'
import { selectAnnotations } from './annotations.js'
import { checkSql } from './check.js'
import type { Finding, Problem, RuleSeverities, Severity } from './findings.js'
import { upsertComment, type CommentOutcome, type PullRequestTarget } from './pr-comment.js'
import type { Position } from './tree.js'
import { COMMENT_MARKER, SUMMARY_MAX_CHARACTERS, renderComment, renderReport, truncate } from './report.js'

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
}

export interface CheckQueriesDeps {
  readFile(path: string): Promise<string>
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
  const findings: Finding[] = []
  await logger.group(`Checking ${options.files.length} SQL files`, async () => {
    for (const file of options.files) {
      const problems = await checkFile(file, options, deps)
      const ofFile = withSeverities(problems, file, options.severities)
      logger.info(`${logQuoted(file)}: ${ofFile.length === 0 ? 'no findings' : `${ofFile.length} findings`}`)
      findings.push(...ofFile)
    }
  })
  for (const { finding, kind } of selectAnnotations(findings)) deps.annotate(finding, kind)

  const report = renderReport({ files: options.files, findings })
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
    filesChecked: options.files.length,
    summaryMarkdown,
    comment
  }
}

async function checkFile(
  file: string,
  options: CheckQueriesOptions,
  deps: CheckQueriesDeps
): Promise<Problem[]> {
  let sql: string
  try {
    sql = await deps.readFile(file)
  } catch (error) {
    // A link or a file outside the workspace is reported, never read; the run goes on.
    if (!(error instanceof RefusedFileError)) throw error
    return [{ rule: 'not-a-regular-file', line: 1, column: 1, message: error.message }]
  }
  const { problems, statements } = checkSql(sql, options)
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
