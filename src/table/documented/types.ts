/**
 * A table for one source's logs as the product creates it and checks it: the columns (in order,
 * types as Glue stores them: lower case, no spaces), the SerDe with its parameters, the input and
 * output formats, the table parameters AWS's DDL sets, and where AWS documents it.
 */
import type { SourceName } from '../../logs/sources.js'

export type Columns = readonly (readonly [string, string])[]

export interface DocumentedTable {
  source: SourceName
  columns: Columns
  serde: string
  serdeParameters: Readonly<Record<string, string>>
  inputFormat: string
  outputFormat: string
  /** TBLPROPERTIES of AWS's DDL that reading depends on (`skip.header.line.count`). */
  tableParameters: Readonly<Record<string, string>>
  /** Glue's classification of the data, where one fits. */
  classification?: string
  /** SerDes that read the source's files; the first is the documented one. */
  acceptedSerdes: readonly string[]
  /**
   * Columns read by name (JSON): a table that lacks some of AWS's can add them. Positional formats
   * (space-delimited text, a regular expression) cannot: their columns follow the file's fields.
   */
  columnsByName: boolean
  /** AWS's page the table comes from. */
  documentation: string
  /** Set when AWS documents no such table: what it is designed from. */
  designedFrom?: string
}

/** Hive's default storage (STORED AS TEXTFILE), which a DDL without STORED AS gets. */
export const TEXT_INPUT_FORMAT = 'org.apache.hadoop.mapred.TextInputFormat'
export const TEXT_OUTPUT_FORMAT = 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
export const HCATALOG_JSON_SERDE = 'org.apache.hive.hcatalog.data.JsonSerDe'
export const OPENX_JSON_SERDE = 'org.openx.data.jsonserde.JsonSerDe'
