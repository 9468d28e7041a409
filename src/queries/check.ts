/**
 * Checks one SQL file: syntax first, then the rules on every query block of each statement that
 * parsed. Pure and synchronous; command.ts does the I/O and the reporting. Statements are parsed
 * and checked one at a time (no tree outlives its statement) within the limits of limits.ts.
 */
import { splitQualifiedTable } from '../vocabulary/table-ref.js'
import { collectBlocks } from './blocks.js'
import type { Problem } from './findings.js'
import { scansOf, type ScanPredicate } from './partition-scan.js'
import {
  DEFAULT_QUERY_LIMITS,
  MAX_NESTING,
  nestedTooDeep,
  outOfStack,
  outOfTime,
  tooManyStatements,
  type QueryLimits
} from './limits.js'
import type { BlockRule, QueryCheckSettings } from './rules/context.js'
import { checkPartitionFilter } from './rules/partition-filter.js'
import { checkPartitionLiterals } from './rules/partition-literal.js'
import { checkUnknownColumns } from './rules/unknown-column.js'
import {
  ParseDeadlineExceeded,
  parseStatement,
  sqlStatements,
  warmUpParser,
  type ParsedStatement
} from './statements.js'

export type { QueryCheckSettings } from './rules/context.js'

const BLOCK_RULES: BlockRule[] = [checkPartitionFilter, checkPartitionLiterals, checkUnknownColumns]

/** A statement that parsed: where it is, its text (for EXPLAIN), and its scans of the table (for the estimate). */
export type CheckedStatement = Omit<ParsedStatement, 'tree'> & {
  /** With the table's partition keys known: what each scan of the table reads of its partitions. */
  scans?: ScanPredicate[]
}

export interface SqlCheck {
  problems: Problem[]
  /** Statements that parsed, for checks that need them one by one (EXPLAIN). */
  statements: CheckedStatement[]
}

export function checkSql(
  sql: string,
  input: QueryCheckSettings,
  limits: Pick<QueryLimits, 'maxStatementsPerFile' | 'fileTimeBudgetMs'> = DEFAULT_QUERY_LIMITS
): SqlCheck {
  const settings = withDatabaseSplit(input)
  const problems: Problem[] = []
  const statements: CheckedStatement[] = []
  const table = { table: settings.table, database: settings.database }
  const context = { settings, sql }
  warmUpParser()
  const deadline = performance.now() + limits.fileTimeBudgetMs
  const sources = sqlStatements(sql)
  let seen = 0
  for (const source of sources) {
    seen += 1
    if (seen > limits.maxStatementsPerFile) {
      // Counting the rest is one cheap pass of the splitter.
      let total = seen
      for (const _ of sources) total += 1
      problems.push(tooManyStatements(source, total, limits.maxStatementsPerFile))
      break
    }
    if (performance.now() >= deadline) {
      problems.push(outOfTime(source, limits.fileTimeBudgetMs))
      break
    }
    if (source.depth > MAX_NESTING) {
      problems.push(nestedTooDeep(source, source.depth))
      continue
    }
    try {
      const outcome = parseStatement(source, deadline)
      if (outcome.kind === 'syntax-error') problems.push({ rule: 'syntax', ...outcome.problem })
      if (outcome.kind !== 'parsed') continue
      const { tree, ...statement } = outcome.statement
      const found: Problem[] = []
      const blocks = collectBlocks(tree, table)
      for (const block of blocks) {
        for (const rule of BLOCK_RULES) {
          if (performance.now() >= deadline) throw new ParseDeadlineExceeded()
          found.push(...rule(block, context))
        }
      }
      problems.push(...found)
      const keys = settings.partitionKeys
      statements.push(keys ? { ...statement, scans: scansOf(blocks, keys) } : statement)
    } catch (error) {
      if (error instanceof ParseDeadlineExceeded) {
        problems.push(outOfTime(source, limits.fileTimeBudgetMs))
        break
      }
      // Deep nesting the depth count does not see (a chain of NOT or of unary minus, nested CASE).
      if (error instanceof RangeError) {
        problems.push(outOfStack(source))
        continue
      }
      throw error
    }
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column)
  return { problems, statements }
}

/** `table: security.cloudtrail` is read as database `security`, table `cloudtrail`. */
function withDatabaseSplit(settings: QueryCheckSettings): QueryCheckSettings {
  const { database, table } = splitQualifiedTable(settings.table)
  return database ? { ...settings, database, table } : settings
}
