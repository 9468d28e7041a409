/**
 * Checks one SQL file: syntax first, then the rules on every query block of each statement that
 * parsed. Pure and synchronous; command.ts does the I/O and the reporting.
 */
import { splitQualifiedTable } from '../partitions/table-ref.js'
import { collectBlocks } from './blocks.js'
import type { Problem } from './findings.js'
import type { BlockRule, QueryCheckSettings } from './rules/context.js'
import { checkPartitionFilter } from './rules/partition-filter.js'
import { checkPartitionLiterals } from './rules/partition-literal.js'
import { checkUnknownColumns } from './rules/unknown-column.js'
import { parseSqlFile, type ParsedStatement } from './statements.js'

export type { QueryCheckSettings } from './rules/context.js'

const BLOCK_RULES: BlockRule[] = [checkPartitionFilter, checkPartitionLiterals, checkUnknownColumns]

export interface SqlCheck {
  problems: Problem[]
  /** Statements that parsed, for checks that need them one by one (EXPLAIN). */
  statements: ParsedStatement[]
}

export function checkSql(sql: string, input: QueryCheckSettings): SqlCheck {
  const settings = withDatabaseSplit(input)
  const { statements, syntaxErrors } = parseSqlFile(sql)
  const problems: Problem[] = syntaxErrors.map((error) => ({ rule: 'syntax', ...error }))
  const table = { table: settings.table, database: settings.database }
  const context = { settings, sql }
  for (const statement of statements) {
    for (const block of collectBlocks(statement.tree, table)) {
      for (const rule of BLOCK_RULES) problems.push(...rule(block, context))
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
