/** Where the partitions live: the Glue table the sync keeps. */
export interface TableRef {
  catalogId?: string
  database: string
  table: string
}

export function describeTable(ref: TableRef): string {
  return `${ref.catalogId ? `${ref.catalogId}:` : ''}${ref.database}.${ref.table}`
}

/** The Glue request fields that name the table. */
/** `CatalogId` only when one is set: Glue takes the caller's account otherwise. */
export function catalogParam(ref: Pick<TableRef, 'catalogId'>): { CatalogId?: string } {
  return ref.catalogId ? { CatalogId: ref.catalogId } : {}
}

export function tableParams(ref: TableRef): { CatalogId?: string; DatabaseName: string; TableName: string } {
  return {
    ...catalogParam(ref),
    DatabaseName: ref.database,
    TableName: ref.table
  }
}

/**
 * Reads a table input that may be qualified: `cloudtrail`, `security.cloudtrail` or
 * `awsdatacatalog.security.cloudtrail` (the catalog is dropped).
 */
export function splitQualifiedTable(name: string): { database?: string; table: string } {
  const parts = name.split('.')
  const table = parts.at(-1) ?? name
  return parts.length > 1 ? { database: parts.at(-2) as string, table } : { table }
}
