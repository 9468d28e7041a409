/**
 * Creates the database and the source's table when `create-table` asks for it. An existing
 * table is never replaced; a table someone else created between our read and our write counts as
 * existing (AlreadyExistsException), and is then validated like any other.
 */
import {
  CreateDatabaseCommand,
  CreateTableCommand,
  GetDatabaseCommand,
  type GlueClient,
  type Table,
  type TableInput
} from '@aws-sdk/client-glue'
import type { DateKeyType } from '../vocabulary/keys.js'
import { catalogParam, type TableRef } from '../vocabulary/table-ref.js'
import { tableLocation, type Layout } from '../logs/layout.js'
import { SOURCES } from '../logs/sources.js'
import { PARTITION_STORAGE_PARAMETER, storageFingerprint } from '../vocabulary/storage.js'
import { documentedTable } from './documented-tables.js'
import { documentedStorageDescriptor, partitionKeyColumns } from './schema.js'

/**
 * The table parameter that marks a table as created by this action. Such a table gets its partition
 * index and partition filtering on every run (unless `partition-index: false`), so a first run
 * denied halfway is completed by the next one.
 */
export const CREATED_BY_PARAMETER = 'created-by'
export const CREATED_BY_VALUE = 'cloudtrail-partitions'

export function createdByThisAction(table: Table): boolean {
  return table.Parameters?.[CREATED_BY_PARAMETER] === CREATED_BY_VALUE
}

/** The source's documented table with the action's partition keys, at the layout's root. */
export function tableInputFor(ref: TableRef, layout: Layout, dateKeyType: DateKeyType): TableInput {
  const documented = documentedTable(layout.source)
  const storageDescriptor = documentedStorageDescriptor(documented, tableLocation(layout))
  const of = layout.organizationId ? ` of ${layout.organizationId}` : ''
  return {
    Name: ref.table,
    Description: `${SOURCES[layout.source].title}${of}, partitioned by cloudtrail-partitions`,
    TableType: 'EXTERNAL_TABLE',
    Parameters: {
      EXTERNAL: 'TRUE',
      ...documented.tableParameters,
      ...(documented.classification ? { classification: documented.classification } : {}),
      [CREATED_BY_PARAMETER]: CREATED_BY_VALUE,
      // A new table has no partitions: all it gets are created in its shape.
      [PARTITION_STORAGE_PARAMETER]: storageFingerprint(storageDescriptor)
    },
    PartitionKeys: partitionKeyColumns(dateKeyType),
    StorageDescriptor: storageDescriptor
  }
}

/** True when it created the database. */
export async function ensureDatabase(glue: GlueClient, ref: TableRef): Promise<boolean> {
  try {
    await glue.send(new GetDatabaseCommand({ ...catalogParam(ref), Name: ref.database }))
    return false
  } catch (error) {
    if ((error as Error).name !== 'EntityNotFoundException') throw error
  }
  try {
    await glue.send(
      new CreateDatabaseCommand({ ...catalogParam(ref), DatabaseInput: { Name: ref.database } })
    )
    return true
  } catch (error) {
    if ((error as Error).name === 'AlreadyExistsException') return false
    throw error
  }
}

/** True when it created the table; false when it already existed. */
export async function createTable(glue: GlueClient, ref: TableRef, input: TableInput): Promise<boolean> {
  try {
    await glue.send(
      new CreateTableCommand({ ...catalogParam(ref), DatabaseName: ref.database, TableInput: input })
    )
    return true
  } catch (error) {
    if ((error as Error).name === 'AlreadyExistsException') return false
    throw error
  }
}
