/**
 * A CloudTrail table as users create it from AWS's Athena documentation for organization trails,
 * as a Glue TableInput, for seeding the stand-in in tests, the demo and the benchmark. The table is
 * AWS's DDL itself (`cloudtrail-table.sql`, with its source), read by the stand-in's own Hive DDL
 * reader: nothing here comes from the product, so the product's schema is checked against AWS's.
 */
import { readFileSync } from 'node:fs'
import { readCreateTable, tableInputOf } from './hive-ddl.js'

/** Type of the year, month and day keys: AWS documents `string`; `int` tables exist too. */
export type DateKeyType = 'string' | 'int'

export interface CloudTrailTableOptions {
  name: string
  /** `s3://bucket/[prefix/]AWSLogs/[o-id/]` */
  location: string
  dateKeyType?: DateKeyType
  /** Extra table parameters (for example `projection.enabled`). */
  parameters?: Record<string, string>
  /** Replaces the partition keys (for tables made by other tools). */
  partitionKeys?: [string, string][]
}

const DDL_FILE = new URL('./cloudtrail-table.sql', import.meta.url)
const DATE_KEYS = new Set(['year', 'month', 'day'])

/** AWS's documented DDL for an organization trail's table, as text. */
export function cloudTrailDdl(): string {
  return readFileSync(DDL_FILE, 'utf8')
}

/** AWS's table as Athena stores it in Glue (the DDL's own name and location). */
export function documentedCloudTrailTable(): Record<string, unknown> {
  return tableInputOf(readCreateTable(cloudTrailDdl()))
}

export function cloudTrailTableInput(options: CloudTrailTableOptions): Record<string, unknown> {
  const table = readCreateTable(cloudTrailDdl())
  table.name = options.name.toLowerCase()
  table.location = options.location
  if (options.partitionKeys) {
    table.partitionKeys = options.partitionKeys.map(([Name, Type]) => ({ Name, Type }))
  } else if (options.dateKeyType === 'int') {
    table.partitionKeys = table.partitionKeys.map((key) =>
      DATE_KEYS.has(key.Name) ? { ...key, Type: 'int' } : key
    )
  }
  Object.assign(table.tableProperties, options.parameters)
  return tableInputOf(table)
}
