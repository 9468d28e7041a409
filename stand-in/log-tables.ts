/**
 * The tables users make from AWS's documentation, one per source (`tables/<source>.sql`, each with
 * its source), as Glue TableInputs for seeding the stand-in in tests, the demo and the benchmark.
 * Each is AWS's DDL read by the stand-in's own Hive DDL reader: nothing here comes from the product,
 * so the product's tables are checked against AWS's.
 *
 * AWS's tables differ in their partition keys (CloudTrail's organization trail: account, region,
 * year, month, day; VPC Flow Logs: accid, region, day; Config and ELB: none). A seeded table gets
 * the organization trail's five keys unless the test gives its own: that is the scheme the action
 * writes for every source.
 */
import { readFileSync } from 'node:fs'
import { readCreateTable, tableInputOf, type HiveTable } from './hive-ddl.js'

/** The folder AWS writes under each account, which names the source. */
export const LOG_SOURCES = [
  'CloudTrail',
  'CloudTrail-Insight',
  'Config',
  'vpcflowlogs',
  'elasticloadbalancing'
] as const
export type LogSource = (typeof LOG_SOURCES)[number]

/** Type of the year, month and day keys: AWS documents `string`; `int` tables exist too. */
export type DateKeyType = 'string' | 'int'

export interface LogTableOptions {
  /** Default CloudTrail. */
  source?: LogSource
  name: string
  /** `s3://bucket/[prefix/]AWSLogs/[o-id/]` */
  location: string
  dateKeyType?: DateKeyType
  /** Extra table parameters (for example `projection.enabled`). */
  parameters?: Record<string, string>
  /** Replaces the partition keys (for tables made by other tools, or AWS's own examples). */
  partitionKeys?: [string, string][]
}

const ORGANIZATION_TRAIL_KEYS: [string, string][] = [
  ['account', 'string'],
  ['region', 'string'],
  ['year', 'string'],
  ['month', 'string'],
  ['day', 'string']
]
const DATE_KEYS = new Set(['year', 'month', 'day'])
/** Projection properties of AWS's DDLs: Glue partitions replace them in a table the action syncs. */
const PROJECTION = /^(projection\.|storage\.location\.template$)/

/** AWS's documented DDL for the source, as text. */
export function logTableDdl(source: LogSource): string {
  return readFileSync(new URL(`./tables/${source}.sql`, import.meta.url), 'utf8')
}

/** AWS's table for the source as Athena stores it in Glue (the DDL's own name, keys and location). */
export function documentedLogTable(source: LogSource): Record<string, unknown> {
  return tableInputOf(readCreateTable(logTableDdl(source)))
}

function withoutProjection(table: HiveTable): void {
  for (const key of Object.keys(table.tableProperties)) {
    if (PROJECTION.test(key)) delete table.tableProperties[key]
  }
}

export function logTableInput(options: LogTableOptions): Record<string, unknown> {
  const table = readCreateTable(logTableDdl(options.source ?? 'CloudTrail'))
  table.name = options.name.toLowerCase()
  table.location = options.location
  withoutProjection(table)
  const keys = options.partitionKeys ?? ORGANIZATION_TRAIL_KEYS
  table.partitionKeys = keys.map(([Name, Type]) => ({
    Name,
    Type: !options.partitionKeys && options.dateKeyType === 'int' && DATE_KEYS.has(Name) ? 'int' : Type
  }))
  Object.assign(table.tableProperties, options.parameters)
  return tableInputOf(table)
}
