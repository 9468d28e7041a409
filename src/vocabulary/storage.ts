/**
 * The part of a storage descriptor that decides how Athena reads a partition: the columns in order
 * (names and types; Athena validates JSON partitions by column position), the SerDe and its
 * parameters, the input and output formats. Not the location (each partition has its own), not
 * column comments. A partition whose shape differs from its table's fails in Athena with
 * HIVE_PARTITION_SCHEMA_MISMATCH or reads fields under the wrong names.
 */
import { createHash } from 'node:crypto'

/** What Glue's StorageDescriptor (table or partition) carries that matters here. */
export interface StorageLike {
  Columns?: readonly { Name?: string | undefined; Type?: string | undefined }[] | undefined
  SerdeInfo?:
    { SerializationLibrary?: string | undefined; Parameters?: Record<string, string> | undefined } | undefined
  InputFormat?: string | undefined
  OutputFormat?: string | undefined
}

export interface StorageShape {
  columns: readonly { name: string; type: string }[]
  serde: string
  /** Sorted by key. */
  serdeParameters: readonly [string, string][]
  inputFormat: string
  outputFormat: string
}

/**
 * The table parameter that records the shape the action's partitions were last brought in line
 * with (a fingerprint). While the table's own shape has the same fingerprint, the sync reads its
 * partitions without their columns, as cheaply as before.
 */
export const PARTITION_STORAGE_PARAMETER = 'cloudtrail-partitions.partition-storage'

const normalName = (name: string | undefined): string => (name ?? '').toLowerCase()
const normalType = (type: string | undefined): string => (type ?? '').replace(/\s+/g, '').toLowerCase()

export function storageShape(descriptor: StorageLike): StorageShape {
  return {
    columns: (descriptor.Columns ?? []).map((c) => ({ name: normalName(c.Name), type: normalType(c.Type) })),
    serde: descriptor.SerdeInfo?.SerializationLibrary ?? '',
    serdeParameters: Object.entries(descriptor.SerdeInfo?.Parameters ?? {}).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0
    ),
    inputFormat: descriptor.InputFormat ?? '',
    outputFormat: descriptor.OutputFormat ?? ''
  }
}

/** A short, stable name for a shape: `sha256:` and 22 characters of base64url. */
export function storageFingerprint(descriptor: StorageLike): string {
  const digest = createHash('sha256')
    .update(JSON.stringify(storageShape(descriptor)))
    .digest('base64url')
  return `sha256:${digest.slice(0, 22)}`
}

/**
 * True when a descriptor has exactly this shape. Walks the columns without building anything: the
 * read pass calls it for every partition of a table whose shape changed.
 */
export function hasShape(descriptor: StorageLike, shape: StorageShape): boolean {
  if ((descriptor.InputFormat ?? '') !== shape.inputFormat) return false
  if ((descriptor.OutputFormat ?? '') !== shape.outputFormat) return false
  if ((descriptor.SerdeInfo?.SerializationLibrary ?? '') !== shape.serde) return false
  const parameters = descriptor.SerdeInfo?.Parameters ?? {}
  const keys = Object.keys(parameters)
  if (keys.length !== shape.serdeParameters.length) return false
  for (const [key, value] of shape.serdeParameters) if (parameters[key] !== value) return false
  const columns = descriptor.Columns ?? []
  if (columns.length !== shape.columns.length) return false
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]
    const expected = shape.columns[i]
    if (!column || !expected) return false
    if (column.Name !== expected.name && normalName(column.Name) !== expected.name) return false
    if (column.Type !== expected.type && normalType(column.Type) !== expected.type) return false
  }
  return true
}

/** How a partition's shape differs from the table's, by name. */
export interface ShapeDifference {
  /** Columns the table has and the partition lacks. */
  added: string[]
  /** Columns the partition has and the table no longer does. */
  removed: string[]
  /** Columns of both whose type differs. */
  retyped: string[]
  /** Same columns, another order. */
  reordered: boolean
  serde: boolean
  serdeParameters: boolean
  formats: boolean
}

export function shapeDifference(from: StorageShape, to: StorageShape): ShapeDifference {
  const before = new Map(from.columns.map((c) => [c.name, c.type]))
  const after = new Map(to.columns.map((c) => [c.name, c.type]))
  const added = to.columns.filter((c) => !before.has(c.name)).map((c) => c.name)
  const removed = from.columns.filter((c) => !after.has(c.name)).map((c) => c.name)
  const retyped = to.columns
    .filter((c) => before.has(c.name) && before.get(c.name) !== c.type)
    .map((c) => c.name)
  const common = (columns: StorageShape['columns'], other: Map<string, string>): string =>
    columns
      .filter((c) => other.has(c.name))
      .map((c) => c.name)
      .join(',')
  return {
    added,
    removed,
    retyped,
    reordered: common(from.columns, after) !== common(to.columns, before),
    serde: from.serde !== to.serde,
    serdeParameters: JSON.stringify(from.serdeParameters) !== JSON.stringify(to.serdeParameters),
    formats: from.inputFormat !== to.inputFormat || from.outputFormat !== to.outputFormat
  }
}
