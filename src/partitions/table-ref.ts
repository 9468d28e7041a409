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
export function tableParams(ref: TableRef): { CatalogId?: string; DatabaseName: string; TableName: string } {
  return {
    ...(ref.catalogId ? { CatalogId: ref.catalogId } : {}),
    DatabaseName: ref.database,
    TableName: ref.table
  }
}
