/** What every rule gets: the settings of the check and the file's text. */
import type { SourceName } from '../../logs/sources.js'
import type { DateKeyType } from '../../vocabulary/keys.js'
import type { Problem } from '../findings.js'
import type { QueryBlock } from '../blocks.js'
import type { PartitionKey } from '../partition-scan.js'

export interface QueryCheckSettings {
  /** The checked table's name, as queries write it (`cloudtrail`). */
  table: string
  /** Whose logs the table holds: its documented columns stand in for the table's own when Glue is not read. Default CloudTrail. */
  source?: SourceName
  /** When set, the table qualified with another database is someone else's. */
  database?: string
  /** The date partition keys, year first: `['year', 'month', 'day']`. */
  partitionColumns: string[]
  dateKeyType: DateKeyType
  /**
   * The table's columns as (name, Hive type), partition keys included, when read from Glue. Without
   * them, `unknown-column` checks against the source's documented schema and the partition keys.
   */
  columns?: readonly (readonly [string, string])[]
  /** The table's partition keys in Glue's order, when read from Glue and all countable (string or integer). */
  partitionKeys?: readonly PartitionKey[]
}

export interface RuleContext {
  settings: QueryCheckSettings
  /** The whole file (each statement's tree has offsets of its own: see tree.ts sourceText). */
  sql: string
}

export type BlockRule = (block: QueryBlock, context: RuleContext) => Problem[]
