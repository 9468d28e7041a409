/**
 * Reads the table and checks, before any write, that the sync can keep it: partition keys
 * `account`, `region`, `year`, `month`, `day` in that order (string account and region, date keys
 * all string or all integer), no partition projection, a SerDe that reads the source's files. The
 * location and missing newer columns are warnings: the table works, but a person should know.
 */
import {
  GetTableCommand,
  type Column,
  type GlueClient,
  type StorageDescriptor,
  type Table
} from '@aws-sdk/client-glue'
import { ConfigurationError } from '../vocabulary/errors.js'
import { PARTITION_KEY_NAMES, type DateKeyType } from '../vocabulary/keys.js'
import { catalogParam, describeTable, type TableRef } from '../vocabulary/table-ref.js'
import type { Columns, DocumentedTable } from './documented-tables.js'

const INTEGER_TYPES = new Set(['int', 'integer', 'bigint', 'smallint', 'tinyint'])

export interface ValidatedTable {
  dateKeyType: DateKeyType
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
  const expected = PARTITION_KEY_NAMES.join(', ')
  const actual = keys.map((key) => `${key.name} ${key.type}`).join(', ') || 'none'
  const namesMatch =
    keys.length === PARTITION_KEY_NAMES.length && keys.every((key, i) => key.name === PARTITION_KEY_NAMES[i])
  if (!namesMatch) {
    throw new ConfigurationError(
      `${name} has partition keys (${actual}); this action writes (${expected}) in that order. ` +
        `Create the table with those partition keys (those of AWS's CloudTrail table for organization trails), ` +
        `or let the action create a new one (create-table: true with another table name).`
    )
  }
  const [account, region, ...dateKeys] = keys as [(typeof keys)[0], (typeof keys)[0], ...typeof keys]
  if (account.type !== 'string' || region.type !== 'string') {
    throw new ConfigurationError(
      `${name}: partition keys account and region must be string (found ${actual}).`
    )
  }
  const dateKeyType = dateKeyTypeOf(dateKeys.map((key) => key.type))
  if (!dateKeyType) {
    throw new ConfigurationError(
      `${name}: partition keys year, month, day must all be string or all int (found ${actual}).`
    )
  }
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
  if (expectedLocation && descriptor.Location && !sameLocation(descriptor.Location, expectedLocation)) {
    warnings.push(
      `${name} has LOCATION ${descriptor.Location}; the logs' root for this layout is ${expectedLocation}. ` +
        `Partitions carry their own locations, so queries work, but check that this is the table you meant.`
    )
  }
  return {
    dateKeyType,
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

function dateKeyTypeOf(types: string[]): DateKeyType | undefined {
  if (types.every((type) => type === 'string')) return 'string'
  if (types.every((type) => INTEGER_TYPES.has(type))) return 'int'
  return undefined
}
