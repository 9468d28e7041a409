/**
 * Reads the table and checks, before any write, that its partition keys are the ones the sync
 * writes: `account`, `region`, `year`, `month`, `day`, in that order; `string` account and region;
 * date keys all `string` or all integer. The date key type decides the values written.
 */
import { GetTableCommand, type GlueClient, type StorageDescriptor, type Table } from '@aws-sdk/client-glue'
import { ConfigurationError } from '../errors.js'
import { PARTITION_KEY_NAMES, type DateKeyType } from '../partitions/keys.js'
import { describeTable, type TableRef } from '../partitions/table-ref.js'

const INTEGER_TYPES = new Set(['int', 'integer', 'bigint', 'smallint', 'tinyint'])

export interface ValidatedTable {
  dateKeyType: DateKeyType
  storageDescriptor: StorageDescriptor
  location?: string
}

export async function readTable(glue: GlueClient, ref: TableRef): Promise<Table> {
  try {
    const response = await glue.send(
      new GetTableCommand({
        ...(ref.catalogId ? { CatalogId: ref.catalogId } : {}),
        DatabaseName: ref.database,
        Name: ref.table
      })
    )
    if (!response.Table) throw new Error(`GetTable returned no table for ${describeTable(ref)}`)
    return response.Table
  } catch (error) {
    if ((error as Error).name === 'EntityNotFoundException') {
      throw new ConfigurationError(
        `Inputs 'database' and 'table': ${describeTable(ref)} was not found in Glue (${(error as Error).message}). ` +
          `Create the CloudTrail table first (AWS documents it under "Querying AWS CloudTrail logs" in the Athena guide), or check the names and aws-region.`
      )
    }
    throw error
  }
}

export function validateTable(table: Table, ref: TableRef): ValidatedTable {
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
        `Create the table with those partition keys, as AWS documents the CloudTrail table for organization trails.`
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
  if (!table.StorageDescriptor) {
    throw new ConfigurationError(
      `${name} has no storage descriptor; partitions copy it, so the table needs one.`
    )
  }
  return {
    dateKeyType,
    storageDescriptor: table.StorageDescriptor,
    location: table.StorageDescriptor.Location
  }
}

function dateKeyTypeOf(types: string[]): DateKeyType | undefined {
  if (types.every((type) => type === 'string')) return 'string'
  if (types.every((type) => INTEGER_TYPES.has(type))) return 'int'
  return undefined
}
