/**
 * Writes table parameters without reverting anyone's change: the table is read again and written
 * at that `VersionId`, so that a change made meanwhile (a column added while the index was being
 * built) makes Glue refuse the write with ConcurrentModificationException; it is then redone on a
 * fresh read. Everything else of the table is written back as read.
 */
import { UpdateTableCommand, type GlueClient, type Table, type TableInput } from '@aws-sdk/client-glue'
import { describeTable, tableParams, type TableRef } from '../vocabulary/table-ref.js'
import { findTable } from './validate.js'

/** Attempts of a parameter write when others change the table between our read and our write. */
export const TABLE_WRITE_ATTEMPTS = 5

/**
 * Sets the parameters `wanted` returns for the table as it is now; undefined means nothing to do.
 * True when it wrote, false when there was nothing to do.
 */
export async function setTableParameters(
  glue: GlueClient,
  ref: TableRef,
  wanted: (current: Table) => Record<string, string> | undefined
): Promise<boolean> {
  const { CatalogId, DatabaseName } = tableParams(ref)
  for (let attempt = 1; ; attempt++) {
    const current = await findTable(glue, ref)
    if (!current) throw new Error(`${describeTable(ref)} disappeared before its parameters were written`)
    const parameters = wanted(current)
    if (!parameters) return false
    try {
      await glue.send(
        new UpdateTableCommand({
          CatalogId,
          DatabaseName,
          TableInput: { ...tableInputOf(current), Parameters: { ...current.Parameters, ...parameters } },
          ...(current.VersionId !== undefined ? { VersionId: current.VersionId } : {})
        })
      )
      return true
    } catch (error) {
      if ((error as Error).name !== 'ConcurrentModificationException' || attempt >= TABLE_WRITE_ATTEMPTS)
        throw error
    }
  }
}

/** The fields of a Table that UpdateTable's TableInput takes (the rest are read-only). */
const WRITABLE_TABLE_FIELDS = [
  'Name',
  'Description',
  'Owner',
  'LastAccessTime',
  'LastAnalyzedTime',
  'Retention',
  'StorageDescriptor',
  'PartitionKeys',
  'ViewOriginalText',
  'ViewExpandedText',
  'TableType',
  'Parameters',
  'TargetTable'
] as const satisfies readonly (keyof TableInput & keyof Table)[]

/** The writable part of a Table, as UpdateTable takes it. */
export function tableInputOf(table: Table): TableInput {
  const entries = WRITABLE_TABLE_FIELDS.filter((field) => table[field] !== undefined).map((f) => [
    f,
    table[f]
  ])
  return Object.fromEntries(entries) as TableInput
}
