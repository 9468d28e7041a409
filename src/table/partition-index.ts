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
  type BackfillError,
  type GlueClient,
  type PartitionIndexDescriptor,
  type Table
} from '@aws-sdk/client-glue'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Logger } from '../vocabulary/logger.js'
import { describeTable, tableParams, type TableRef } from '../vocabulary/table-ref.js'
import { setTableParameters, TABLE_WRITE_ATTEMPTS } from './parameters.js'

export const INDEX_NAME = 'cloudtrail_partitions_by_date'
export const INDEX_KEYS = ['year', 'month', 'day'] as const
/** Glue's most per table. */
export const MAX_INDEXES = 3
export const PARTITION_FILTERING = 'partition_filtering.enabled'

export type IndexAction = 'created' | 'existing' | 'would-create' | 'no-slot' | 'failed' | 'deleting'

export interface IndexState {
  action: IndexAction
  name?: string
  keys?: string[]
  /** CREATING, ACTIVE, FAILED, DELETING; absent when there is no index. */
  status?: string
  /** What a person has to do about the index (FAILED, still DELETING), for the log and the summary. */
  warning?: string
}

export interface IndexWait {
  /** How long to wait for a new index to become ACTIVE before reporting it still building. */
  timeoutMs: number
  /** The first wait between two looks; each next one is half as long again, up to `maxPollMs`. */
  pollMs: number
  /** The longest wait between two looks (default: `pollMs`, every look at the same pace). */
  maxPollMs?: number
}

/**
 * An index on a table with few partitions (a new one) is ACTIVE within seconds, a large backfill takes
 * minutes: look soon, then every few seconds.
 */
export const DEFAULT_INDEX_WAIT: IndexWait = { timeoutMs: 120_000, pollMs: 250, maxPollMs: 3_000 }

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

/**
 * An index Glue can use for date-filtered queries: its first key is the first date key (`year`, or
 * the one date key of a table like AWS's examples), and it is not going away.
 */
const usable =
  (keys: readonly string[]) =>
  (index: PartitionIndexDescriptor): boolean =>
    index.Keys?.[0]?.Name?.toLowerCase() === keys[0] &&
    index.IndexStatus !== 'FAILED' &&
    index.IndexStatus !== 'DELETING'

function stateOf(action: IndexAction, index: PartitionIndexDescriptor): IndexState {
  return {
    action,
    name: index.IndexName,
    keys: (index.Keys ?? []).map((key) => key.Name ?? ''),
    status: index.IndexStatus
  }
}

/** The usable index the table already has, if any: reported even when none was requested. */
export async function findUsableIndex(
  glue: GlueClient,
  ref: TableRef,
  keys: readonly string[] = INDEX_KEYS
): Promise<IndexState | undefined> {
  const index = (await listIndexes(glue, ref)).find(usable(keys))
  return index && stateOf('existing', index)
}

export async function ensurePartitionIndex(
  glue: GlueClient,
  ref: TableRef,
  dryRun: boolean,
  logger: Logger,
  wait: IndexWait = DEFAULT_INDEX_WAIT,
  keys: readonly string[] = INDEX_KEYS
): Promise<IndexState> {
  let indexes = await listIndexes(glue, ref)
  const existing = indexes.find(usable(keys))
  const own = indexes.find((index) => index.IndexName === INDEX_NAME)
  if (!existing && own?.IndexStatus === 'FAILED') {
    // Creating it again would only meet AlreadyExistsException: a person has to look at why.
    return failed(own, ref, logger)
  }
  if (!existing && own?.IndexStatus === 'DELETING' && dryRun) {
    // A look that writes nothing does not wait: the run that creates the index does.
    logger.info(
      `partition index ${INDEX_NAME} is being deleted (DELETING); a run that writes waits for it, then creates it`
    )
    return { action: 'would-create', name: INDEX_NAME, keys: [...keys] }
  }
  if (!existing && own?.IndexStatus === 'DELETING') {
    // Its name is taken until Glue has removed it: wait for that rather than create blindly.
    logger.info(`partition index ${INDEX_NAME} is being deleted (DELETING); waiting for Glue to remove it`)
    const gone = await waitFor(glue, ref, INDEX_NAME, wait, (status) => status === undefined)
    if (gone !== undefined) {
      const warning =
        `Partition index ${INDEX_NAME} is still being deleted (DELETING), so it was not created again. ` +
        `Run again once Glue has removed it (aws glue get-partition-indexes --database-name ${ref.database} ` +
        `--table-name ${ref.table} no longer lists it).`
      logger.warning(warning)
      return { ...stateOf('deleting', own), warning }
    }
    indexes = await listIndexes(glue, ref)
  }
  if (existing) {
    const state = stateOf('existing', existing)
    if (existing.IndexStatus !== 'CREATING') return state
    return settle(glue, ref, state, wait, logger)
  }
  if (indexes.length >= MAX_INDEXES) {
    logger.warning(
      `The table has ${indexes.length} partition indexes, Glue's most, and none starts with ${keys[0]}: no index added. ` +
        `Drop one you do not need to let this action add (${keys.join(', ')}).`
    )
    return { action: 'no-slot' }
  }
  const planned: IndexState = { action: 'would-create', name: INDEX_NAME, keys: [...keys] }
  if (dryRun) return planned
  try {
    await glue.send(
      new CreatePartitionIndexCommand({
        ...tableParams(ref),
        PartitionIndex: { IndexName: INDEX_NAME, Keys: [...keys] }
      })
    )
  } catch (error) {
    // Another run created it between our read and our write.
    if ((error as Error).name !== 'AlreadyExistsException') throw error
  }
  logger.info(`partition index ${INDEX_NAME} (${keys.join(', ')}) requested`)
  return settle(glue, ref, { ...planned, action: 'created' }, wait, logger)
}

/** Waits while the index is CREATING; one that ends FAILED is reported with its backfill errors. */
async function settle(
  glue: GlueClient,
  ref: TableRef,
  state: IndexState,
  wait: IndexWait,
  logger: Logger
): Promise<IndexState> {
  const name = state.name ?? INDEX_NAME
  const final = await waitFor(glue, ref, name, wait, (status) => status !== 'CREATING')
  if (final?.IndexStatus === 'FAILED') return failed(final, ref, logger)
  return { ...state, status: final?.IndexStatus ?? 'UNKNOWN' }
}

/** Polls until `done` holds for the index's status (undefined: gone) or the wait is over; the last descriptor. */
async function waitFor(
  glue: GlueClient,
  ref: TableRef,
  name: string,
  wait: IndexWait,
  done: (status: string | undefined) => boolean
): Promise<PartitionIndexDescriptor | undefined> {
  const deadline = Date.now() + wait.timeoutMs
  const maxPollMs = Math.max(wait.pollMs, wait.maxPollMs ?? wait.pollMs)
  for (let pollMs = wait.pollMs; ; pollMs = Math.min(maxPollMs, Math.round(pollMs * 1.5))) {
    const index = (await listIndexes(glue, ref)).find((i) => i.IndexName === name)
    if (done(index?.IndexStatus) || Date.now() >= deadline) return index
    await sleep(pollMs)
  }
}

/** Backfill errors as a person reads them: each code, how many partitions, the first few. */
export function describeBackfillErrors(errors: readonly BackfillError[]): string {
  return errors
    .map((error) => {
      const partitions = (error.Partitions ?? []).map((p) => (p.Values ?? []).join('/'))
      const sample = partitions.slice(0, 3).join(', ')
      const more = partitions.length > 3 ? `, ${partitions.length - 3} more` : ''
      return `${error.Code ?? 'UNKNOWN'}${partitions.length ? ` (${partitions.length} partition(s): ${sample}${more})` : ''}`
    })
    .join('; ')
}

function failed(index: PartitionIndexDescriptor, ref: TableRef, logger: Logger): IndexState {
  const errors = describeBackfillErrors(index.BackfillErrors ?? [])
  const name = index.IndexName ?? INDEX_NAME
  const warning =
    `Partition index ${name} of ${describeTable(ref)} FAILED${errors ? `: ${errors}` : ''}. Fix or drop those ` +
    `partitions, delete the index (aws glue delete-partition-index --database-name ${ref.database} ` +
    `--table-name ${ref.table} --index-name ${name}) and run again.`
  logger.warning(warning)
  return { ...stateOf('failed', index), warning }
}

export type FilteringState = 'enabled' | 'enabled-now' | 'would-enable'

/** Attempts of the filtering UpdateTable when others change the table between our read and our write. */
export const FILTERING_ATTEMPTS = TABLE_WRITE_ATTEMPTS

const filteringOn = (table: Table): boolean =>
  table.Parameters?.[PARTITION_FILTERING]?.toLowerCase() === 'true'

/**
 * Sets `partition_filtering.enabled=true` on the table, keeping everything else as it is. `table`
 * is the table as read earlier; the write reads it again and never reverts a change made meanwhile
 * (table/parameters.ts).
 */
export async function ensurePartitionFiltering(
  glue: GlueClient,
  ref: TableRef,
  table: Table,
  dryRun: boolean
): Promise<FilteringState> {
  if (filteringOn(table)) return 'enabled'
  if (dryRun) return 'would-enable'
  const written = await setTableParameters(glue, ref, (current) =>
    filteringOn(current) ? undefined : { [PARTITION_FILTERING]: 'true' }
  )
  return written ? 'enabled-now' : 'enabled'
}
