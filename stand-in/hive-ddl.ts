/**
 * A small reader of Hive's `CREATE EXTERNAL TABLE` as Athena accepts it, turning the statement into
 * the Glue TableInput that Athena stores for it: columns with nested `STRUCT`/`ARRAY`/`MAP` types,
 * `COMMENT`s, `PARTITIONED BY`, `ROW FORMAT SERDE … [WITH SERDEPROPERTIES (…)]`,
 * `ROW FORMAT DELIMITED FIELDS TERMINATED BY …`, `STORED AS INPUTFORMAT … OUTPUTFORMAT …`,
 * `LOCATION`, `TBLPROPERTIES`. Types are stored as Glue stores the ones Athena writes: lower case,
 * without spaces (`struct<type:string,arn:string>`). Grammar: Athena user guide, "CREATE TABLE"
 * (Hive DDL). Anything else is refused with its position, so a fixture that is not this DDL fails
 * loudly instead of turning into a different table.
 *
 * Two defaults Athena applies: `ROW FORMAT DELIMITED` is the LazySimpleSerDe, its clauses stored as
 * the SerDe parameters they correspond to ("Use a SerDe to create a table": `FIELDS TERMINATED BY`
 * is `field.delim` and `serialization.format`, `ESCAPED BY` `escape.delim`, `COLLECTION ITEMS
 * TERMINATED BY` `collection.delim`, `MAP KEYS TERMINATED BY` `mapkey.delim`); and a table without
 * `STORED AS` is Hive's default TEXTFILE (Apache Hive, "FileFormats": TextInputFormat and
 * HiveIgnoreKeyTextOutputFormat).
 */

export interface HiveColumn {
  Name: string
  Type: string
  Comment?: string
}

export interface HiveTable {
  name: string
  external: boolean
  columns: HiveColumn[]
  partitionKeys: HiveColumn[]
  comment?: string
  serde?: string
  serdeProperties: Record<string, string>
  inputFormat?: string
  outputFormat?: string
  location?: string
  tableProperties: Record<string, string>
}

type TokenKind = 'word' | 'string' | 'symbol'

interface Token {
  kind: TokenKind
  text: string
  at: number
}

const SYMBOLS = new Set(['(', ')', ',', '<', '>', ':', '=', ';', '.'])

export class HiveDdlError extends Error {}

function tokenize(sql: string): Token[] {
  const tokens: Token[] = []
  let at = 0
  while (at < sql.length) {
    const char = sql[at] as string
    if (/\s/.test(char)) at += 1
    else if (sql.startsWith('--', at)) at = sql.indexOf('\n', at) < 0 ? sql.length : sql.indexOf('\n', at)
    else if (sql.startsWith('/*', at)) {
      const end = sql.indexOf('*/', at + 2)
      if (end < 0) throw new HiveDdlError(`unclosed comment at ${at}`)
      at = end + 2
    } else if (char === "'" || char === '"') {
      let text = ''
      let i = at + 1
      while (i < sql.length && sql[i] !== char) {
        if (sql[i] === '\\' && i + 1 < sql.length) i += 1
        text += sql[i] as string
        i += 1
      }
      if (i >= sql.length) throw new HiveDdlError(`unclosed string at ${at}`)
      tokens.push({ kind: 'string', text, at })
      at = i + 1
    } else if (char === '`') {
      const end = sql.indexOf('`', at + 1)
      if (end < 0) throw new HiveDdlError(`unclosed quoted name at ${at}`)
      tokens.push({ kind: 'word', text: sql.slice(at + 1, end), at })
      at = end + 1
    } else if (SYMBOLS.has(char)) {
      tokens.push({ kind: 'symbol', text: char, at })
      at += 1
    } else {
      const word = /^[A-Za-z0-9_$]+/.exec(sql.slice(at))
      if (!word) throw new HiveDdlError(`unexpected ${JSON.stringify(char)} at ${at}`)
      tokens.push({ kind: 'word', text: word[0], at })
      at += word[0].length
    }
  }
  return tokens
}

export const LAZY_SIMPLE_SERDE = 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'
export const TEXT_INPUT_FORMAT = 'org.apache.hadoop.mapred.TextInputFormat'
export const TEXT_OUTPUT_FORMAT = 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'

class Reader {
  private position = 0
  constructor(private readonly tokens: Token[]) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.position + offset]
  }

  done(): boolean {
    return this.position >= this.tokens.length
  }

  /** True (and consumed) when the next tokens are these keywords, case-insensitively. */
  accept(...words: string[]): boolean {
    const matches = words.every((word, i) => {
      const token = this.peek(i)
      return token !== undefined && token.kind !== 'string' && token.text.toUpperCase() === word
    })
    if (matches) this.position += words.length
    return matches
  }

  expect(...words: string[]): void {
    if (!this.accept(...words)) this.fail(words.join(' '))
  }

  name(): string {
    const token = this.next('a name')
    if (token.kind !== 'word') this.fail('a name', token)
    return token.text
  }

  string(): string {
    const token = this.next('a quoted string')
    if (token.kind !== 'string') this.fail('a quoted string', token)
    return token.text
  }

  fail(wanted: string, token = this.peek()): never {
    const found = token ? `${JSON.stringify(token.text)} at ${token.at}` : 'the end'
    throw new HiveDdlError(`expected ${wanted}, found ${found}`)
  }

  private next(wanted: string): Token {
    const token = this.peek()
    if (!token) this.fail(wanted)
    this.position += 1
    return token
  }
}

/** A column type, normalized as Glue stores it: lower case, no spaces. */
function readType(reader: Reader): string {
  const base = reader.name().toLowerCase()
  if (base === 'array') {
    reader.expect('<')
    const element = readType(reader)
    reader.expect('>')
    return `array<${element}>`
  }
  if (base === 'map') {
    reader.expect('<')
    const key = readType(reader)
    reader.expect(',')
    const value = readType(reader)
    reader.expect('>')
    return `map<${key},${value}>`
  }
  if (base === 'struct') {
    reader.expect('<')
    const fields: string[] = []
    do {
      const field = reader.name().toLowerCase()
      reader.expect(':')
      fields.push(`${field}:${readType(reader)}`)
      if (reader.accept('COMMENT')) reader.string()
    } while (reader.accept(','))
    reader.expect('>')
    return `struct<${fields.join(',')}>`
  }
  // decimal(10,2), varchar(64), char(3)
  if (reader.accept('(')) {
    const sizes = [reader.name()]
    while (reader.accept(',')) sizes.push(reader.name())
    reader.expect(')')
    return `${base}(${sizes.join(',')})`
  }
  return base
}

function readColumns(reader: Reader): HiveColumn[] {
  reader.expect('(')
  const columns: HiveColumn[] = []
  do {
    const column: HiveColumn = { Name: reader.name().toLowerCase(), Type: readType(reader) }
    if (reader.accept('COMMENT')) column.Comment = reader.string()
    columns.push(column)
  } while (reader.accept(','))
  reader.expect(')')
  return columns
}

function readProperties(reader: Reader): Record<string, string> {
  reader.expect('(')
  const properties: Record<string, string> = {}
  do {
    const key = reader.string()
    reader.expect('=')
    properties[key] = reader.string()
  } while (reader.accept(','))
  reader.expect(')')
  return properties
}

/** The clauses of `ROW FORMAT DELIMITED`, as the LazySimpleSerDe's parameters. */
function readDelimited(reader: Reader): Record<string, string> {
  const parameters: Record<string, string> = {}
  for (;;) {
    if (reader.accept('FIELDS', 'TERMINATED', 'BY')) {
      const delimiter = reader.string()
      parameters['field.delim'] = delimiter
      parameters['serialization.format'] = delimiter
      if (reader.accept('ESCAPED', 'BY')) parameters['escape.delim'] = reader.string()
    } else if (reader.accept('COLLECTION', 'ITEMS', 'TERMINATED', 'BY')) {
      parameters['collection.delim'] = reader.string()
    } else if (reader.accept('MAP', 'KEYS', 'TERMINATED', 'BY')) {
      parameters['mapkey.delim'] = reader.string()
    } else return parameters
  }
}

/** Reads one `CREATE [EXTERNAL] TABLE` statement; throws a HiveDdlError naming what it met instead. */
export function readCreateTable(sql: string): HiveTable {
  const reader = new Reader(tokenize(sql))
  reader.expect('CREATE')
  const external = reader.accept('EXTERNAL')
  reader.expect('TABLE')
  reader.accept('IF', 'NOT', 'EXISTS')
  let name = reader.name()
  if (reader.accept('.')) name = reader.name() // database.table: the database is the caller's choice
  const table: HiveTable = {
    name: name.toLowerCase(),
    external,
    columns: readColumns(reader),
    partitionKeys: [],
    serdeProperties: {},
    tableProperties: {}
  }
  while (!reader.done() && !reader.accept(';')) {
    if (reader.accept('COMMENT')) table.comment = reader.string()
    else if (reader.accept('PARTITIONED', 'BY')) table.partitionKeys = readColumns(reader)
    else if (reader.accept('ROW', 'FORMAT', 'SERDE')) {
      table.serde = reader.string()
      if (reader.accept('WITH', 'SERDEPROPERTIES')) table.serdeProperties = readProperties(reader)
    } else if (reader.accept('ROW', 'FORMAT', 'DELIMITED')) {
      table.serde = LAZY_SIMPLE_SERDE
      table.serdeProperties = readDelimited(reader)
    } else if (reader.accept('STORED', 'AS', 'INPUTFORMAT')) {
      table.inputFormat = reader.string()
      reader.expect('OUTPUTFORMAT')
      table.outputFormat = reader.string()
    } else if (reader.accept('LOCATION')) table.location = reader.string()
    else if (reader.accept('TBLPROPERTIES')) table.tableProperties = readProperties(reader)
    else reader.fail('COMMENT, PARTITIONED BY, ROW FORMAT, STORED AS, LOCATION or TBLPROPERTIES')
  }
  if (!reader.done()) reader.fail('the end of the statement')
  if (table.inputFormat === undefined) {
    table.inputFormat = TEXT_INPUT_FORMAT
    table.outputFormat = TEXT_OUTPUT_FORMAT
  }
  return table
}

/**
 * The Glue TableInput that Athena's DDL makes of the statement: an external table gets
 * `TableType: EXTERNAL_TABLE` and the Hive metastore's `EXTERNAL: TRUE` parameter; a table without
 * buckets has `NumberOfBuckets: -1` (Hive's "no buckets").
 */
export function tableInputOf(table: HiveTable): Record<string, unknown> {
  const column = ({ Name, Type, Comment }: HiveColumn): Record<string, string> =>
    Comment === undefined ? { Name, Type } : { Name, Type, Comment }
  const input: Record<string, unknown> = {
    Name: table.name,
    TableType: table.external ? 'EXTERNAL_TABLE' : 'MANAGED_TABLE',
    Parameters: { ...(table.external ? { EXTERNAL: 'TRUE' } : {}), ...table.tableProperties },
    PartitionKeys: table.partitionKeys.map(column),
    StorageDescriptor: {
      Columns: table.columns.map(column),
      ...(table.location === undefined ? {} : { Location: table.location }),
      ...(table.inputFormat === undefined ? {} : { InputFormat: table.inputFormat }),
      ...(table.outputFormat === undefined ? {} : { OutputFormat: table.outputFormat }),
      SerdeInfo: {
        ...(table.serde === undefined ? {} : { SerializationLibrary: table.serde }),
        Parameters: { ...table.serdeProperties }
      },
      Compressed: false,
      NumberOfBuckets: -1,
      StoredAsSubDirectories: false
    }
  }
  if (table.comment !== undefined) input.Description = table.comment
  return input
}
