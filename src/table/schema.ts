/**
 * What every source's table shares: the storage descriptor made from a documented table
 * (documented-tables.ts), the partition keys of the organization-trail table AWS documents for
 * CloudTrail (`account`, `region`, `year`, `month`, `day`, used for every source), and the struct
 * fields of a column type, for the query check.
 */
import type { StorageDescriptor } from '@aws-sdk/client-glue'
import type { DateKeyType } from '../vocabulary/keys.js'
import { PARTITION_KEY_NAMES } from '../vocabulary/keys.js'
import type { DocumentedTable } from './documented-tables.js'

/** The table's storage descriptor as documented: columns, SerDe and formats, at `location`. */
export function documentedStorageDescriptor(table: DocumentedTable, location: string): StorageDescriptor {
  return {
    Columns: table.columns.map(([Name, Type]) => ({ Name, Type })),
    Location: location,
    InputFormat: table.inputFormat,
    OutputFormat: table.outputFormat,
    SerdeInfo: { SerializationLibrary: table.serde, Parameters: { ...table.serdeParameters } },
    Compressed: false,
    NumberOfBuckets: -1,
    StoredAsSubDirectories: false
  }
}

export function partitionKeyColumns(dateKeyType: DateKeyType): { Name: string; Type: string }[] {
  return PARTITION_KEY_NAMES.map((name, index) => ({ Name: name, Type: index < 2 ? 'string' : dateKeyType }))
}

/** A Hive type split into its struct fields, for checking `useridentity.sessioncontext.x` paths. */
export type FieldTree = Map<string, FieldTree | null>

/**
 * Parses `struct<a:string,b:struct<c:int>>` (and arrays or maps of structs) into a tree of field
 * names; null marks a leaf. Arrays and maps are looked through, as `resources[1].arn` reads them.
 */
export function fieldsOf(type: string): FieldTree | null {
  const text = type.replace(/\s+/g, '').toLowerCase()
  let position = 0
  const parseType = (): FieldTree | null => {
    if (text.startsWith('struct<', position)) {
      position += 'struct<'.length
      const fields: FieldTree = new Map()
      while (text[position] !== '>') {
        const colon = text.indexOf(':', position)
        const name = text.slice(position, colon)
        position = colon + 1
        fields.set(name, parseType())
        if (text[position] === ',') position += 1
      }
      position += 1
      return fields
    }
    for (const wrapper of ['array<', 'map<']) {
      if (text.startsWith(wrapper, position)) {
        position += wrapper.length
        let inner = parseType()
        if (wrapper === 'map<') {
          position += 1 // the comma between key and value types
          inner = parseType()
        }
        position += 1
        return inner
      }
    }
    const end = text.slice(position).search(/[,>]|$/)
    position += end
    return null
  }
  return parseType()
}
