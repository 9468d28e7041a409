/**
 * What a check of the team's SQL runs on, the same for the action and the command line: the files of
 * the pattern, the severities, the table's key type and columns (from Glue when it can be read), and
 * Athena's EXPLAIN when a workgroup is given.
 */
import type { Table } from '@aws-sdk/client-glue'
import type { createClients } from '../aws/clients.js'
import { DEFAULT_PARTITION_COLUMNS, type CheckSettings } from '../inputs.js'
import { explainStatement } from '../queries/explain.js'
import { findQueryFiles } from '../queries/files.js'
import { parseRuleSeverities } from '../queries/findings.js'
import { documentedTable } from '../table/documented-tables.js'
import type { SourceName } from '../logs/sources.js'
import { findTable, validateTable } from '../table/validate.js'
import { Inputs } from '../vocabulary/constants.js'
import { dateKeyNames, type DateKeyType } from '../vocabulary/keys.js'
import type { Logger } from '../vocabulary/logger.js'
import { splitQualifiedTable, type TableRef } from '../vocabulary/table-ref.js'
import type { CheckQueriesDeps, CheckQueriesOptions } from './check-queries.js'
import { PartitionCounter } from '../queries/partition-count.js'
import type { PartitionKey } from '../queries/partition-scan.js'

/**
 * What a check runs on, the same for the action and the command line: the files of the pattern, the
 * severities, and the table's key type and columns (from Glue when it can be read).
 */
/** `AWS's documented CloudTrail schema`, or what a schema AWS does not document is made from. */
function schemaOf(source: SourceName): string {
  return documentedTable(source).designedFrom
    ? `the ${source} schema made from AWS's documented record`
    : `AWS's documented ${source} schema`
}

export async function checkOptionsFor(
  settings: CheckSettings,
  aws: OptionalAws | undefined,
  logger: Logger
): Promise<CheckQueriesOptions> {
  const severities = parseRuleSeverities(settings.ruleSeverity)
  const files = await findQueryFiles(settings.queries)
  const table = await readTable(settings, aws, logger)
  const dateKeyType = settings.dateKeyType ?? table.dateKeyType ?? 'string'
  // A table with one date key (AWS's examples) is filtered by that key unless partition-columns says otherwise.
  const partitionColumns =
    settings.partitionColumns === DEFAULT_PARTITION_COLUMNS && table.dateKeys
      ? table.dateKeys
      : settings.partitionColumns
  const columnsFrom = table.columns ? 'columns from Glue' : `columns of ${schemaOf(settings.source)}`
  logger.info(
    `${files.length} SQL file(s); table ${settings.table}, date keys ${dateKeyType}, ${columnsFrom}`
  )
  return {
    files,
    table: settings.table,
    source: settings.source,
    ...(settings.database ? { database: settings.database } : {}),
    partitionColumns,
    dateKeyType,
    ...(table.columns ? { columns: table.columns } : {}),
    ...(table.partitionKeys ? { partitionKeys: table.partitionKeys } : {}),
    ...(table.estimateUnavailable ? { estimateUnavailable: table.estimateUnavailable } : {}),
    severities,
    limits: settings.limits
  }
}

export interface OptionalAws {
  clients: ReturnType<typeof createClients>
}

/** What the check uses of the table in Glue, when it can read it. */
interface TableFacts {
  dateKeyType?: DateKeyType
  /** The table's date partition keys (`year, month, day`, or AWS's one date key such as `timestamp`). */
  dateKeys?: string[]
  /** The table's columns and partition keys, as (name, Hive type). */
  columns?: (readonly [string, string])[]
  /** The partition keys in Glue's order, when each is a string or an integer (what the estimate counts). */
  partitionKeys?: PartitionKey[]
  /** Why the partitions each query reads cannot be estimated. */
  estimateUnavailable?: string
}

const NEEDS_AWS =
  `it needs AWS credentials ('${Inputs.RoleToAssume}' or ambient ones, and '${Inputs.AwsRegion}') ` +
  `and the table in Glue ('${Inputs.Database}'), to count the partitions through Glue`

/** The table's date keys when it has the five keys' year, month, day or AWS's one date key; else nothing. */
function dateKeysOf(found: Table, ref: TableRef, source: SourceName): { dateKeys?: string[] } {
  try {
    return { dateKeys: dateKeyNames({ date: validateTable(found, ref, documentedTable(source)).keys.date }) }
  } catch {
    return {}
  }
}

/** One GetTable: the date key type (unless set by input) and the columns of the table. */
async function readTable(
  settings: CheckSettings,
  aws: OptionalAws | undefined,
  logger: Logger
): Promise<TableFacts> {
  const split = splitQualifiedTable(settings.table)
  const database = split.database ?? settings.database
  const table = split.table
  if (!aws || !database) return { estimateUnavailable: NEEDS_AWS }
  const ref = { database, table, ...(settings.catalogId ? { catalogId: settings.catalogId } : {}) }
  let found: Table | undefined
  try {
    found = await findTable(aws.clients.glue, ref)
  } catch (error) {
    logger.warning(
      `Could not read ${database}.${table} from Glue (${(error as Error).message}); ` +
        `literals are checked as ${settings.dateKeyType ?? 'string'} date keys and columns against ${schemaOf(settings.source)}.` +
        (settings.dateKeyType ? '' : ` Set '${Inputs.DateKeyType}' to be explicit.`)
    )
    return { estimateUnavailable: `${database}.${table} could not be read from Glue` }
  }
  if (!found) {
    logger.warning(
      `${database}.${table} was not found in Glue; literals are checked as ${settings.dateKeyType ?? 'string'} ` +
        `date keys and columns against ${schemaOf(settings.source)}.`
    )
    return { estimateUnavailable: `${database}.${table} was not found in Glue` }
  }
  const columns = columnsOf(found)
  const keys = partitionKeysOf(found)
  const estimate = typeof keys === 'string' ? { estimateUnavailable: keys } : { partitionKeys: keys }
  if (settings.dateKeyType) return { columns, ...estimate, ...dateKeysOf(found, ref, settings.source) }
  try {
    const validated = validateTable(found, ref, documentedTable(settings.source))
    return {
      dateKeyType: validated.dateKeyType,
      dateKeys: dateKeyNames({ date: validated.keys.date }),
      columns,
      ...estimate
    }
  } catch (error) {
    logger.warning(
      `Could not read the date key type of ${database}.${table} (${(error as Error).message}); ` +
        `literals are checked as string date keys. Set '${Inputs.DateKeyType}' to be explicit.`
    )
    return { columns, ...estimate }
  }
}

const INTEGER_TYPES = new Set(['int', 'integer', 'bigint', 'smallint', 'tinyint'])

/** The table's partition keys as the estimate counts them, or why it cannot. */
function partitionKeysOf(table: Table): PartitionKey[] | string {
  const keys: PartitionKey[] = []
  for (const key of table.PartitionKeys ?? []) {
    const name = (key.Name ?? '').toLowerCase()
    const type = (key.Type ?? '').toLowerCase().replace(/\(.*\)$/, '')
    if (INTEGER_TYPES.has(type)) keys.push({ name, kind: 'integer' })
    else if (type === 'string' || type === 'varchar' || type === 'char') keys.push({ name, kind: 'string' })
    else return `partition key ${name} has type ${key.Type ?? '?'}, which the estimate does not count`
  }
  return keys.length > 0 ? keys : 'the table has no partition keys'
}

/** Counts partitions through Glue when the table's keys are known; else says why the estimate is missing. */
export function estimateDep(
  settings: CheckSettings,
  aws: OptionalAws | undefined,
  options: Pick<CheckQueriesOptions, 'partitionKeys' | 'estimateUnavailable'>,
  logger: Logger
): Partial<CheckQueriesDeps> {
  const keys = options.partitionKeys
  const database = splitQualifiedTable(settings.table).database ?? settings.database
  if (!aws || !keys || !database) return { estimateUnavailable: options.estimateUnavailable ?? NEEDS_AWS }
  const counter = new PartitionCounter(
    aws.clients.glue,
    {
      database,
      table: splitQualifiedTable(settings.table).table,
      ...(settings.catalogId ? { catalogId: settings.catalogId } : {})
    },
    keys,
    { logger }
  )
  return { countPartitions: (terms) => counter.count(terms) }
}

/** The table's columns, then its partition keys; none when Glue lists no columns. */
function columnsOf(table: Table): (readonly [string, string])[] | undefined {
  const columns = [...(table.StorageDescriptor?.Columns ?? []), ...(table.PartitionKeys ?? [])]
    .filter((column) => column.Name)
    .map((column) => [(column.Name ?? '').toLowerCase(), column.Type ?? ''] as const)
  return columns.length > 0 ? columns : undefined
}

export function explainDep(settings: CheckSettings, aws: OptionalAws | undefined): Partial<CheckQueriesDeps> {
  const workgroup = settings.workgroup
  if (!workgroup || !aws) return {}
  const database = settings.database ?? splitQualifiedTable(settings.table).database ?? 'default'
  return {
    explain: (sql, deadline) =>
      explainStatement(
        aws.clients.athena,
        {
          sql,
          database,
          workgroup,
          ...(settings.athenaCatalog ? { catalog: settings.athenaCatalog } : {}),
          ...(settings.athenaOutputLocation ? { outputLocation: settings.athenaOutputLocation } : {})
        },
        { deadline }
      )
  }
}
