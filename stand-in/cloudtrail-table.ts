/**
 * The CloudTrail table as users create it from AWS's Athena documentation for organization trails
 * (`tables/CloudTrail.sql`), as a Glue TableInput: the CloudTrail case of log-tables.ts, which most
 * tests, the demo and the benchmark seed.
 */
import { documentedLogTable, logTableDdl, logTableInput, type LogTableOptions } from './log-tables.js'

export type { DateKeyType } from './log-tables.js'
export type CloudTrailTableOptions = Omit<LogTableOptions, 'source'>

/** AWS's documented DDL for an organization trail's table, as text. */
export function cloudTrailDdl(): string {
  return logTableDdl('CloudTrail')
}

/** AWS's table as Athena stores it in Glue (the DDL's own name and location). */
export function documentedCloudTrailTable(): Record<string, unknown> {
  return documentedLogTable('CloudTrail')
}

export function cloudTrailTableInput(options: CloudTrailTableOptions): Record<string, unknown> {
  return logTableInput({ ...options, source: 'CloudTrail' })
}
