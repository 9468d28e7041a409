/**
 * Gets the table ready for the sync: finds it (or creates it with `create-table`), validates it,
 * and with `partition-index` sets up the index and partition filtering. Returns what the report
 * shows about the table. Nothing is written on a dry run; nothing existing is ever replaced.
 */
import type { GlueClient, StorageDescriptor } from '@aws-sdk/client-glue'
import { Inputs } from '../vocabulary/constants.js'
import { ConfigurationError } from '../vocabulary/errors.js'
import type { Logger } from '../vocabulary/logger.js'
import { dateKeyNames, type DateKeyType } from '../vocabulary/keys.js'
import { describeTable, type TableRef } from '../vocabulary/table-ref.js'
import { PARTITION_STORAGE_PARAMETER } from '../vocabulary/storage.js'
import { tableLocation, type Layout } from '../logs/layout.js'
import { explainDenied } from '../aws/clients.js'
import { createdByThisAction, createTable, ensureDatabase, tableInputFor } from './create.js'
import { documentedTable } from './documented-tables.js'
import {
  DEFAULT_INDEX_WAIT,
  ensurePartitionFiltering,
  ensurePartitionIndex,
  findUsableIndex,
  PARTITION_FILTERING,
  type FilteringState,
  type IndexState,
  type IndexWait
} from './partition-index.js'
import { addColumnsStatement, findTable, validateTable, type TableKeys } from './validate.js'

export interface TableOptions {
  createTable: boolean
  /** The `date-key-type` input: the type of a created table, and a check on an existing one. */
  dateKeyType?: DateKeyType
  /** The `partition-index` input; undefined: on for a table this action created (now or before), else off. */
  partitionIndex?: boolean
  dryRun: boolean
  indexWait?: IndexWait
}

export interface TableState {
  action: 'validated' | 'created' | 'would-create'
  databaseCreated: boolean
  dateKeyType: DateKeyType
  /** The table's key scheme: five keys, or one date key (AWS's examples), account and region optional. */
  keys: TableKeys
  storageDescriptor: StorageDescriptor
  /** The shape the partitions were last brought in line with (PARTITION_STORAGE_PARAMETER), if recorded. */
  partitionStorage?: string
  missingColumns: string[]
  addColumnsStatement?: string
  warnings: string[]
  /** Undefined when the table has no usable index and none was requested. */
  index?: IndexState
  partitionFiltering: FilteringState | 'off'
}

export async function prepareTable(
  glue: GlueClient,
  ref: TableRef,
  layout: Layout,
  options: TableOptions,
  logger: Logger
): Promise<TableState> {
  const name = describeTable(ref)
  let table = await findTable(glue, ref)
  let action: TableState['action'] = 'validated'
  let databaseCreated = false

  if (!table) {
    if (!options.createTable) {
      throw new ConfigurationError(
        `Inputs '${Inputs.Database}' and '${Inputs.Table}': ${name} was not found in Glue. Check the names and ` +
          `'${Inputs.AwsRegion}', or set '${Inputs.CreateTable}: true' to create it as AWS documents the ${layout.source} table.`
      )
    }
    const dateKeyType = options.dateKeyType ?? 'string'
    const input = tableInputFor(ref, layout, dateKeyType)
    if (options.dryRun) {
      logger.info(`dry run: would create ${name} (date keys ${dateKeyType}) at ${tableLocation(layout)}`)
      const wantIndex = options.partitionIndex ?? true
      const recorded = input.Parameters?.[PARTITION_STORAGE_PARAMETER]
      return {
        action: 'would-create',
        databaseCreated: false,
        dateKeyType,
        keys: { date: { kind: 'parts', type: dateKeyType }, hasAccount: true, hasRegion: true },
        storageDescriptor: input.StorageDescriptor ?? {},
        ...(recorded ? { partitionStorage: recorded } : {}),
        missingColumns: [],
        warnings: [],
        ...(wantIndex ? { index: { action: 'would-create' } } : {}),
        partitionFiltering: wantIndex ? 'would-enable' : 'off'
      }
    }
    databaseCreated = await ensureDatabase(glue, ref)
    if (await createTable(glue, ref, input)) {
      action = 'created'
      logger.info(`created ${name} (date keys ${dateKeyType}) at ${tableLocation(layout)}`)
    }
    table = await findTable(glue, ref)
    if (!table) throw new Error(`${name} is missing right after it was created`)
  }

  const validated = validateTable(table, ref, documentedTable(layout.source), tableLocation(layout))
  if (options.dateKeyType && options.dateKeyType !== validated.dateKeyType) {
    throw new ConfigurationError(
      `Input '${Inputs.DateKeyType}' is ${options.dateKeyType}, but ${name} has ${validated.dateKeyType} date keys. ` +
        `Set '${Inputs.DateKeyType}' to ${validated.dateKeyType} or leave it empty to use the table's type.`
    )
  }
  for (const warning of validated.warnings) logger.warning(warning)
  const missing = validated.missingColumns
  const statement = missing.length ? addColumnsStatement(ref, missing) : undefined
  if (statement) {
    logger.warning(
      `${name} lacks ${missing.length} column(s) of AWS's current ${layout.source} schema (${missing.map(([n]) => n).join(', ')}). ` +
        `Add them in Athena with: ${statement}`
    )
  }

  // A table this action created is completed on every run: a first run denied halfway is no silent skip.
  const ours = action === 'created' || createdByThisAction(table)
  const wantIndex = options.partitionIndex ?? ours
  let index: IndexState | undefined
  let partitionFiltering: TableState['partitionFiltering'] =
    table.Parameters?.[PARTITION_FILTERING]?.toLowerCase() === 'true' ? 'enabled' : 'off'
  const warnings = [...validated.warnings]
  if (wantIndex) {
    try {
      index = await ensurePartitionIndex(
        glue,
        ref,
        options.dryRun,
        logger,
        options.indexWait ?? DEFAULT_INDEX_WAIT,
        dateKeyNames({ date: validated.keys.date })
      )
      partitionFiltering = await ensurePartitionFiltering(glue, ref, table, options.dryRun)
    } catch (error) {
      throw indexDenied(error, name, ours && options.partitionIndex === undefined) ?? error
    }
    if (index.warning) warnings.push(index.warning)
    logger.info(
      `partition index: ${index.name ?? 'none'} ${index.status ?? index.action}; partition filtering ${partitionFiltering}`
    )
  } else {
    index = await findUsableIndex(glue, ref, dateKeyNames({ date: validated.keys.date }))
  }

  const recorded = table.Parameters?.[PARTITION_STORAGE_PARAMETER]
  return {
    action,
    databaseCreated,
    dateKeyType: validated.dateKeyType,
    keys: validated.keys,
    storageDescriptor: validated.storageDescriptor,
    ...(recorded ? { partitionStorage: recorded } : {}),
    missingColumns: missing.map(([column]) => column),
    ...(statement ? { addColumnsStatement: statement } : {}),
    warnings,
    ...(index ? { index } : {}),
    partitionFiltering
  }
}

/**
 * A denied CreatePartitionIndex or UpdateTable as the user's to fix: which IAM action, which
 * statement of the documented policy, and why this run wanted the index at all.
 */
function indexDenied(error: unknown, name: string, becauseOurs: boolean): ConfigurationError | undefined {
  const denied = explainDenied(error)
  if (!denied) return undefined
  const why = becauseOurs
    ? `${name} was created by this action, so every run completes its partition index and partition filtering. `
    : ''
  return new ConfigurationError(
    `${why}${denied} Or set '${Inputs.PartitionIndex}: false' to go without the index and partition filtering.`
  )
}
