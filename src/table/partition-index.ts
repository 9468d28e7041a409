/**
 * Fast Athena planning: a Glue partition index on (year, month, day) and the table property
 * `partition_filtering.enabled=true`, without which Athena does not use indexes.
 *
 * Why year, month, day: Glue uses an index only when the query constrains the index's first key with
 * =, <, <=, >, >= or BETWEEN joined by AND; every query that passes this project's query check
 * constrains year, month and day, while account and region are often left open. One index leaves
 * two of the table's three for the team's own needs.
 */
import {
  CreatePartitionIndexCommand,
  paginateGetPartitionIndexes,
  UpdateTableCommand,
  type GlueClient,
  type PartitionIndexDescriptor,
  type Table,
  type TableInput
} from '@aws-sdk/client-glue'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Logger } from '../logger.js'
import { tableParams, type TableRef } from '../partitions/table-ref.js'

export const INDEX_NAME = 'cloudtrail_partitions_by_date'
export const INDEX_KEYS = ['year', 'month', 'day'] as const
/** Glue's most per table. */
export const MAX_INDEXES = 3
export const PARTITION_FILTERING = 'partition_filtering.enabled'

export type IndexAction = 'created' | 'existing' | 'would-create' | 'no-slot' | 'failed'

export interface IndexState {
  action: IndexAction
  name?: string
  keys?: string[]
  /** CREATING, ACTIVE, FAILED, DELETING; absent when there is no index. */
  status?: string
}

export interface IndexWait {
  /** How long to wait for a new index to become ACTIVE before reporting it still building. */
  timeoutMs: number
  pollMs: number
}

export const DEFAULT_INDEX_WAIT: IndexWait = { timeoutMs: 120_000, pollMs: 3_000 }

async function listIndexes(glue: GlueClient, ref: TableRef): Promise<PartitionIndexDescriptor[]> {
  const indexes: PartitionIndexDescriptor[] = []
  const { CatalogId, DatabaseName, TableName } = tableParams(ref)
  for await (const page of paginateGetPartitionIndexes(
    { client: glue },
    { CatalogId, DatabaseName, TableName }
  )) {
    indexes.push(...(page.PartitionIndexDescriptorList ?? []))
  }
  return indexes
}

/** An index Glue can use for date-filtered queries: its first key is `year`, and it is not going away. */
function usable(index: PartitionIndexDescriptor): boolean {
  return (
    index.Keys?.[0]?.Name?.toLowerCase() === 'year' &&
    index.IndexStatus !== 'FAILED' &&
    index.IndexStatus !== 'DELETING'
  )
}

function stateOf(action: IndexAction, index: PartitionIndexDescriptor): IndexState {
  return {
    action,
    name: index.IndexName,
    keys: (index.Keys ?? []).map((key) => key.Name ?? ''),
    status: index.IndexStatus
  }
}

/** The usable index the table already has, if any: reported even when none was requested. */
export async function findUsableIndex(glue: GlueClient, ref: TableRef): Promise<IndexState | undefined> {
  const index = (await listIndexes(glue, ref)).find(usable)
  return index && stateOf('existing', index)
}

export async function ensurePartitionIndex(
  glue: GlueClient,
  ref: TableRef,
  dryRun: boolean,
  logger: Logger,
  wait: IndexWait = DEFAULT_INDEX_WAIT
): Promise<IndexState> {
  const indexes = await listIndexes(glue, ref)
  const existing = indexes.find(usable)
  const ownFailed = indexes.find((index) => index.IndexName === INDEX_NAME && index.IndexStatus === 'FAILED')
  if (!existing && ownFailed) {
    // Creating it again would only meet AlreadyExistsException: a person has to look at why.
    const errors = (ownFailed.BackfillErrors ?? []).map((error) => error.Code).join(', ')
    logger.warning(
      `Partition index ${INDEX_NAME} FAILED${errors ? ` (${errors})` : ''}. Delete it (aws glue delete-partition-index ` +
        `--database-name ${ref.database} --table-name ${ref.table} --index-name ${INDEX_NAME}) and run again.`
    )
    return stateOf('failed', ownFailed)
  }
  if (existing) {
    const state = stateOf('existing', existing)
    return existing.IndexStatus === 'CREATING'
      ? { ...state, status: await waitActive(glue, ref, state, wait) }
      : state
  }
  if (indexes.length >= MAX_INDEXES) {
    logger.warning(
      `The table has ${indexes.length} partition indexes, Glue's most, and none starts with year: no index added. ` +
        `Drop one you do not need to let this action add (year, month, day).`
    )
    return { action: 'no-slot' }
  }
  const planned: IndexState = { action: 'would-create', name: INDEX_NAME, keys: [...INDEX_KEYS] }
  if (dryRun) return planned
  try {
    await glue.send(
      new CreatePartitionIndexCommand({
        ...tableParams(ref),
        PartitionIndex: { IndexName: INDEX_NAME, Keys: [...INDEX_KEYS] }
      })
    )
  } catch (error) {
    // Another run created it between our read and our write.
    if ((error as Error).name !== 'AlreadyExistsException') throw error
  }
  logger.info(`partition index ${INDEX_NAME} (${INDEX_KEYS.join(', ')}) requested`)
  return { ...planned, action: 'created', status: await waitActive(glue, ref, planned, wait) }
}

async function waitActive(
  glue: GlueClient,
  ref: TableRef,
  index: IndexState,
  wait: IndexWait
): Promise<string> {
  const deadline = Date.now() + wait.timeoutMs
  for (;;) {
    const status =
      (await listIndexes(glue, ref)).find((i) => i.IndexName === index.name)?.IndexStatus ?? 'UNKNOWN'
    if (status !== 'CREATING' || Date.now() >= deadline) return status
    await sleep(wait.pollMs)
  }
}

export type FilteringState = 'enabled' | 'enabled-now' | 'would-enable'

/** Sets `partition_filtering.enabled=true` on the table, keeping everything else as it is. */
export async function ensurePartitionFiltering(
  glue: GlueClient,
  ref: TableRef,
  table: Table,
  dryRun: boolean
): Promise<FilteringState> {
  if (table.Parameters?.[PARTITION_FILTERING]?.toLowerCase() === 'true') return 'enabled'
  if (dryRun) return 'would-enable'
  const { CatalogId, DatabaseName } = tableParams(ref)
  await glue.send(
    new UpdateTableCommand({
      CatalogId,
      DatabaseName,
      TableInput: {
        ...tableInputOf(table),
        Parameters: { ...table.Parameters, [PARTITION_FILTERING]: 'true' }
      }
    })
  )
  return 'enabled-now'
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
