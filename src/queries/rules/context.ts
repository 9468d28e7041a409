/** What every rule gets: the settings of the check and the file's text. */
import type { DateKeyType } from '../../partitions/keys.js'
import type { Problem } from '../findings.js'
import type { QueryBlock } from '../blocks.js'

export interface QueryCheckSettings {
  /** The CloudTrail table's name, as queries write it (`cloudtrail`). */
  table: string
  /** When set, the table qualified with another database is someone else's. */
  database?: string
  /** The date partition keys, year first: `['year', 'month', 'day']`. */
  partitionColumns: string[]
  dateKeyType: DateKeyType
}

export interface RuleContext {
  settings: QueryCheckSettings
  /** The whole file: parse-tree offsets index into it. */
  sql: string
}

export type BlockRule = (block: QueryBlock, context: RuleContext) => Problem[]
