/**
 * A CloudTrail table as users create it from AWS's Athena documentation for organization trails
 * (CloudTrail SerDe, partition keys account, region, year, month, day), as Glue TableInput JSON,
 * for seeding the stand-in in tests, the demo and the benchmark.
 */
import { cloudTrailStorageDescriptor, partitionKeyColumns } from '../src/table/schema.js'
import type { DateKeyType } from '../src/vocabulary/keys.js'

export type { DateKeyType }

export interface CloudTrailTableOptions {
  name: string
  /** `s3://bucket/[prefix/]AWSLogs/[o-id/]` */
  location: string
  dateKeyType?: DateKeyType
  /** Extra table parameters (for example `projection.enabled`). */
  parameters?: Record<string, string>
  /** Replaces the partition keys (for tables made by other tools). */
  partitionKeys?: [string, string][]
}

export function cloudTrailTableInput(options: CloudTrailTableOptions): Record<string, unknown> {
  const partitionKeys = options.partitionKeys
    ? options.partitionKeys.map(([Name, Type]) => ({ Name, Type }))
    : partitionKeyColumns(options.dateKeyType ?? 'string')
  return {
    Name: options.name,
    TableType: 'EXTERNAL_TABLE',
    Parameters: { classification: 'cloudtrail', EXTERNAL: 'TRUE', ...options.parameters },
    PartitionKeys: partitionKeys,
    StorageDescriptor: cloudTrailStorageDescriptor(options.location)
  }
}
