/**
 * Reads the table and checks, before any write, that the sync can keep it: partition keys
 * `account`, `region`, then `year`, `month`, `day` (all string or all integer) or one date key as
 * AWS's examples have it (type `date`, or `string` in the format of `projection.<key>.format`, else
 * `yyyy/MM/dd`); `account` and `region` may be absent from a one-account or one-Region table. No
 * partition projection, a SerDe that reads the source's files. The location and missing newer
 * columns are warnings: the table works, but a person should know.
 */
import {
  GetTableCommand,
  type Column,
  type GlueClient,
  type StorageDescriptor,
  type Table
} from '@aws-sdk/client-glue'
import { ConfigurationError } from '../vocabulary/errors.js'
import { DAY_FORMAT, type DateKeys, type DateKeyType } from '../vocabulary/keys.js'
import { catalogParam, describeTable, type TableRef } from '../vocabulary/table-ref.js'
import type { Columns, DocumentedTable } from './documented-tables.js'

const INTEGER_TYPES = new Set(['int', 'integer', 'bigint', 'smallint', 'tinyint'])

/** The table's key scheme as read from Glue: its date keys, and whether it has account and region keys. */
export interface TableKeys {
  date: DateKeys
  hasAccount: boolean
  hasRegion: boolean
}

/** AWS's string date keys without a projection format hold `yyyy/MM/dd` (all of AWS's examples). */
export const DEFAULT_DATE_FORMAT = 'yyyy/MM/dd'

export interface ValidatedTable {
  /** The type of year, month and day; `string` for a one-key table. */
  dateKeyType: DateKeyType
  keys: TableKeys
  storageDescriptor: StorageDescriptor
  /**
   * Columns of the documented schema the table lacks (older tables miss newer fields); only for
   * sources whose files are read by column name.
   */
  missingColumns: (readonly [string, string])[]
  /** Things a person should know that do not stop the sync. */
  warnings: string[]
}

/** The table, or undefined when it (or its database) does not exist. */
export async function findTable(glue: GlueClient, ref: TableRef): Promise<Table | undefined> {
  try {
    const response = await glue.send(
      new GetTableCommand({
        ...catalogParam(ref),
        DatabaseName: ref.database,
        Name: ref.table
      })
    )
    return response.Table
  } catch (error) {
    if ((error as Error).name === 'EntityNotFoundException') return undefined
    throw error
  }
}

export function validateTable(
  table: Table,
  ref: TableRef,
  documented: DocumentedTable,
  expectedLocation?: string
): ValidatedTable {
  const name = describeTable(ref)
  if (table.Parameters?.['projection.enabled']?.toLowerCase() === 'true') {
    throw new ConfigurationError(
      `${name} uses partition projection (projection.enabled=true): Athena ignores Glue partitions for it, ` +
        `so this action has nothing to do. Use a table without projection, or keep projection and drop this action.`
    )
  }
  const keys = (table.PartitionKeys ?? []).map((key) => ({
    name: (key.Name ?? '').toLowerCase(),
    type: (key.Type ?? '').toLowerCase()
  }))
  const tableKeys = keysOf(keys, table.Parameters ?? {}, name)
  const dateKeyType = tableKeys.date.kind === 'parts' ? tableKeys.date.type : 'string'
  const descriptor = table.StorageDescriptor
  if (!descriptor) {
    throw new ConfigurationError(
      `${name} has no storage descriptor; partitions copy it, so the table needs one.`
    )
  }
  const serde = descriptor.SerdeInfo?.SerializationLibrary ?? ''
  if (!documented.acceptedSerdes.includes(serde)) {
    throw new ConfigurationError(
      `${name} uses the SerDe '${serde || 'none'}', which does not read ${documented.source}'s log files; ` +
        `partitions copy it. Use ${documented.acceptedSerdes.join(' or ')} (the table documented for ${documented.source} uses the first).`
    )
  }
  const warnings: string[] = []
  const allKeys = tableKeys.hasAccount && tableKeys.hasRegion
  if (
    allKeys &&
    expectedLocation &&
    descriptor.Location &&
    !sameLocation(descriptor.Location, expectedLocation)
  ) {
    warnings.push(
      `${name} has LOCATION ${descriptor.Location}; the logs' root for this layout is ${expectedLocation}. ` +
        `Partitions carry their own locations, so queries work, but check that this is the table you meant.`
    )
  }
  return {
    dateKeyType,
    keys: tableKeys,
    storageDescriptor: descriptor,
    missingColumns: documented.columnsByName
      ? missingColumns(descriptor.Columns ?? [], documented.columns)
      : [],
    warnings
  }
}

export function missingColumns(
  columns: readonly Column[],
  documented: Columns
): (readonly [string, string])[] {
  const present = new Set(columns.map((column) => (column.Name ?? '').toLowerCase()))
  return documented.filter(([name]) => !present.has(name))
}

/** The one Athena statement that adds the missing columns. */
export function addColumnsStatement(ref: TableRef, columns: readonly (readonly [string, string])[]): string {
  const list = columns.map(([name, type]) => `${name} ${type}`).join(', ')
  // Backquotes: Athena's DDL needs them for names such as cloudtrail-logs.
  return `ALTER TABLE \`${ref.database}\`.\`${ref.table}\` ADD COLUMNS (${list})`
}

function sameLocation(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '')
}

interface Key {
  name: string
  type: string
}

/**
 * The key scheme of the table's partition keys: an optional string `account`, an optional string
 * `region`, then `year`, `month`, `day` or one date key. Anything else is refused with the forms
 * the action reads.
 */
function keysOf(keys: readonly Key[], parameters: Record<string, string>, name: string): TableKeys {
  const actual = keys.map((key) => `${key.name} ${key.type}`).join(', ') || 'none'
  const refuse = (why: string): never => {
    throw new ConfigurationError(
      `${name} has partition keys (${actual})${why}. This action writes (account, region, year, month, day) ` +
        `(those of AWS's CloudTrail table for organization trails), and reads tables whose date is one key of ` +
        `type date or a string such as yyyy/MM/dd (AWS's examples), account and region optional. ` +
        `Create the table with such keys, or let the action create a new one (create-table: true with another table name).`
    )
  }
  let rest = [...keys]
  const hasAccount = rest[0]?.name === 'account'
  if (hasAccount) rest = rest.slice(1)
  const hasRegion = rest[0]?.name === 'region'
  if (hasRegion) rest = rest.slice(1)
  if (keys.some((key) => (key.name === 'account' || key.name === 'region') && key.type !== 'string')) {
    throw new ConfigurationError(
      `${name}: partition keys account and region must be string (found ${actual}).`
    )
  }
  const names = rest.map((key) => key.name).join(',')
  if (names === 'year,month,day') {
    const type = dateKeyTypeOf(rest.map((key) => key.type))
    if (!type) {
      throw new ConfigurationError(
        `${name}: partition keys year, month, day must all be string or all int (found ${actual}).`
      )
    }
    return { date: { kind: 'parts', type }, hasAccount, hasRegion }
  }
  const [only, ...more] = rest
  // (region, account): the key left is account, which holds accounts, never the date.
  if (!only || more.length > 0 || only.name === 'account' || only.name === 'region') return refuse('')
  if (only.type === 'date') return { date: { kind: 'date', name: only.name }, hasAccount, hasRegion }
  if (only.type !== 'string') return refuse(`; a one-key date must be of type date or string`)
  const property = `projection.${only.name}.format`
  const format = parameters[property] ?? DEFAULT_DATE_FORMAT
  if (!DAY_FORMAT.test(format)) {
    throw new ConfigurationError(
      `${name}: the table property ${property} is '${format}', which is not a format of one day ` +
        `(yyyy, MM or M, dd or d, and separators; a partition per hour is not what this action writes).`
    )
  }
  return { date: { kind: 'formatted', name: only.name, format }, hasAccount, hasRegion }
}

function dateKeyTypeOf(types: string[]): DateKeyType | undefined {
  if (types.every((type) => type === 'string')) return 'string'
  if (types.every((type) => INTEGER_TYPES.has(type))) return 'int'
  return undefined
}
