/**
 * The EXPLAIN phase of a check: every statement that parsed is asked of Athena once, a few at a
 * time, within a count and a wall-clock budget (DESIGN.md section 12). A statement met again (same
 * text: the table and workgroup are the run's) shares the first one's answer. What the count or the
 * budget leaves out gets one `limit` finding per file; an EXPLAIN never waits past the budget.
 */
import { forEachConcurrent } from '../vocabulary/concurrency.js'
import type { Logger } from '../vocabulary/logger.js'
import type { ExplainOutcome } from './explain.js'
import type { Problem } from './findings.js'
import { notExplained, type QueryLimits } from './limits.js'
import type { Position } from './tree.js'

/** Asks Athena to EXPLAIN `sql`, answering by `deadline` (a `performance.now()` time) at the latest. */
export type ExplainFn = (sql: string, deadline: number) => Promise<ExplainOutcome>

interface Asker extends Position {
  file: string
}

interface Request {
  sql: string
  askers: Asker[]
}

interface LeftOut extends Position {
  count: number
  byCount: boolean
  byTime: boolean
}

export interface ExplainPhaseStats {
  /** Statements that parsed and were to be explained. */
  statements: number
  /** EXPLAIN requests sent to Athena. */
  requests: number
  /** Statements answered by an earlier request for the same text. */
  reused: number
  /** Statements not explained (count or budget), in `files` files. */
  leftOut: number
  leftOutFiles: number
  elapsedMs: number
}

export interface ExplainPhaseResult {
  /** Findings by file: Athena's errors (`athena-explain`) and one `limit` per file left incomplete. */
  problems: Map<string, Problem[]>
  stats: ExplainPhaseStats
}

/**
 * The statements to explain, gathered file by file. Only the first `maxExplains` distinct texts are
 * kept; the rest are only counted, so memory stays bounded whatever the files hold.
 */
export class ExplainPlan {
  private readonly requests = new Map<string, Request>()
  private readonly leftOut = new Map<string, LeftOut>()
  private statements = 0

  constructor(private readonly maxExplains: number) {}

  add(file: string, statement: Position & { text: string }): void {
    this.statements += 1
    const asker = { file, line: statement.line, column: statement.column }
    const known = this.requests.get(statement.text)
    if (known) known.askers.push(asker)
    else if (this.requests.size < this.maxExplains) {
      // A copy: a slice would keep the whole file's text alive as long as the plan.
      this.requests.set(statement.text, { sql: copyOf(statement.text), askers: [asker] })
    } else this.leave(asker, 'count')
  }

  /** Runs the plan: `limits.explainConcurrency` at a time, until done or `limits.explainBudgetMs` is spent. */
  async run(
    explain: ExplainFn,
    limits: Pick<QueryLimits, 'maxExplains' | 'explainBudgetMs' | 'explainConcurrency'>,
    logger: Logger
  ): Promise<ExplainPhaseResult> {
    const started = performance.now()
    const deadline = started + limits.explainBudgetMs
    // No request is started that could not finish: an EXPLAIN takes about a second.
    const lastStart = deadline - Math.min(1000, limits.explainBudgetMs / 10)
    const problems = new Map<string, Problem[]>()
    const add = (file: string, problem: Problem): void => {
      problems.set(file, [...(problems.get(file) ?? []), problem])
    }
    let sent = 0
    await forEachConcurrent(this.requests.values(), limits.explainConcurrency, async (request) => {
      if (performance.now() >= lastStart) {
        for (const asker of request.askers) this.leave(asker, 'time')
        return
      }
      sent += 1
      const outcome = await explain(request.sql, deadline)
      if (outcome.kind === 'passed') return
      if (outcome.kind === 'unfinished' && outcome.byDeadline) {
        // Cut off by the budget: not an answer about the query, so the statement counts as left out.
        if (outcome.stopFailure)
          logger.warning(`An EXPLAIN cut off by the time budget: ${outcome.stopFailure}`)
        for (const asker of request.askers) this.leave(asker, 'time')
        return
      }
      for (const asker of request.askers) {
        add(asker.file, {
          rule: 'athena-explain',
          line: asker.line,
          column: asker.column,
          message: inFile(outcome.message, asker)
        })
      }
    })
    let leftOut = 0
    for (const [file, left] of this.leftOut) {
      leftOut += left.count
      add(
        file,
        notExplained(left, left.count, {
          ...(left.byCount ? { maxExplains: limits.maxExplains } : {}),
          ...(left.byTime ? { budgetMs: limits.explainBudgetMs } : {})
        })
      )
    }
    const distinct = [...this.requests.values()].reduce((sum, request) => sum + request.askers.length, 0)
    return {
      problems,
      stats: {
        statements: this.statements,
        requests: sent,
        reused: distinct - this.requests.size,
        leftOut,
        leftOutFiles: this.leftOut.size,
        elapsedMs: performance.now() - started
      }
    }
  }

  private leave(asker: Asker, why: 'count' | 'time'): void {
    const left = this.leftOut.get(asker.file)
    if (!left) {
      this.leftOut.set(asker.file, {
        line: asker.line,
        column: asker.column,
        count: 1,
        byCount: why === 'count',
        byTime: why === 'time'
      })
      return
    }
    left.count += 1
    if (asker.line < left.line || (asker.line === left.line && asker.column < left.column)) {
      left.line = asker.line
      left.column = asker.column
    }
    if (why === 'count') left.byCount = true
    else left.byTime = true
  }
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

function copyOf(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8')
}
