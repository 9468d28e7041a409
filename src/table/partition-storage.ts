/**
 * Records on the table the storage shape its partitions were last brought in line with
 * (PARTITION_STORAGE_PARAMETER), so that the next runs read partitions without their columns until
 * the table changes again. A role that may not UpdateTable loses nothing but that saving: the
 * sync warns and compares again on the next run.
 */
import type { GlueClient } from '@aws-sdk/client-glue'
import { explainDenied } from '../aws/clients.js'
import type { Logger } from '../vocabulary/logger.js'
import { PARTITION_STORAGE_PARAMETER } from '../vocabulary/storage.js'
import { describeTable, type TableRef } from '../vocabulary/table-ref.js'
import { setTableParameters } from './parameters.js'

export type RecordResult = 'recorded' | 'denied'

export async function recordPartitionStorage(
  glue: GlueClient,
  ref: TableRef,
  fingerprint: string,
  logger: Logger
): Promise<RecordResult> {
  try {
    await setTableParameters(glue, ref, (current) =>
      current.Parameters?.[PARTITION_STORAGE_PARAMETER] === fingerprint
        ? undefined
        : { [PARTITION_STORAGE_PARAMETER]: fingerprint }
    )
    return 'recorded'
  } catch (error) {
    const denied = explainDenied(error)
    if (!denied) throw error
    logger.warning(
      `The partitions of ${describeTable(ref)} are in line with the table, but the table parameter that says so ` +
        `(${PARTITION_STORAGE_PARAMETER}) could not be written: ${denied} Until it can, every run reads the ` +
        `partitions with their columns to compare them again (the same calls, bigger answers).`
    )
    return 'denied'
  }
}
