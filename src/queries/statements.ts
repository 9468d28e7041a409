/**
 * Splits a SQL file into statements and parses each with the Trino grammar Athena's engine uses.
 * Each statement is parsed on its own, so a syntax error in one does not hide the others, and
 * positions stay those of the file.
 */
import type { Token } from 'antlr4ng'
import { TrinoSQL } from 'dt-sql-parser'
import { TrinoSqlLexer } from 'dt-sql-parser/dist/lib/trino/TrinoSqlLexer.js'
import type { ProgramContext } from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser.js'
import type { Position } from './tree.js'

export interface ParsedStatement extends Position {
  /** Parse tree whose token offsets are those of the whole file. */
  tree: ProgramContext
  /** The statement's text, without the trailing semicolon. */
  text: string
}

export interface SyntaxProblem extends Position {
  message: string
}

export interface ParsedFile {
  /** Statements that parsed cleanly, in file order. */
  statements: ParsedStatement[]
  /** The first syntax error of each statement that did not parse. */
  syntaxErrors: SyntaxProblem[]
}

const trino = new TrinoSQL()
const ignoreErrors = (): void => undefined

export function parseSqlFile(file: string): ParsedFile {
  // A byte order mark is not part of the text: editors show the line after it from column 1.
  const sql = file.replace(/^\uFEFF/, '')
  const result: ParsedFile = { statements: [], syntaxErrors: [] }
  // The lexer and parser count code points, strings are indexed by UTF-16 code units: they differ
  // after a character outside the Basic Multilingual Plane (an emoji in a comment).
  const unitOffset = utf16Offsets(sql)
  for (const range of statementRanges(sql)) {
    // Athena's Hive DDL: no query, no partitions read, and a grammar of its own.
    if (isHiveDdl(range.tokens)) continue
    const query = unloadQuery(range.tokens)
    if (query && 'message' in query) {
      result.syntaxErrors.push(query)
      continue
    }
    const tokens = query?.tokens ?? range.tokens
    const [first, last] = [tokens[0], tokens.at(-1)]
    if (!first || !last) continue
    // Blank out what precedes the statement (keeping line breaks, one space per code point) so
    // lines, columns and token offsets in the tree are the file's. An UNLOAD's query is parsed
    // on its own, up to its closing parenthesis.
    const from = unitOffset(query ? first.start : range.from)
    const to = unitOffset(query ? last.stop + 1 : range.to)
    const padded = sql.slice(0, from).replace(/[^\n]/gu, ' ') + sql.slice(from, to)
    const errors: SyntaxProblem[] = []
    const tree = trino.parse(padded, (error) => {
      errors.push({ line: error.startLine, column: error.startColumn, message: error.message })
    })
    const firstError = errors[0] ?? backquotedIn(tokens)
    if (firstError) result.syntaxErrors.push(firstError)
    else {
      const text = sql.slice(unitOffset(first.start), unitOffset(last.stop + 1))
      result.statements.push({ tree, text, ...positionOfToken(first) })
    }
  }
  return result
}

/**
 * The Hive DDL statements Athena runs but the Trino grammar does not parse (or parses without
 * their backquotes), recognised by their leading keywords: each is a sequence of words, `*`
 * standing for the table name (any tokens up to the next word).
 */
const HIVE_DDL: readonly (readonly string[])[] = [
  ['MSCK', 'REPAIR', 'TABLE'],
  ['ALTER', 'TABLE', '*', 'ADD', 'PARTITION'],
  ['ALTER', 'TABLE', '*', 'ADD', 'IF', 'NOT', 'EXISTS', 'PARTITION'],
  ['ALTER', 'TABLE', '*', 'ADD', 'COLUMNS'],
  ['ALTER', 'TABLE', '*', 'DROP', 'PARTITION'],
  ['ALTER', 'TABLE', '*', 'DROP', 'IF', 'EXISTS', 'PARTITION'],
  ['SHOW', 'PARTITIONS'],
  ['SHOW', 'CREATE', 'TABLE'],
  ['CREATE', 'EXTERNAL', 'TABLE'],
  ['DESCRIBE']
]

function isHiveDdl(tokens: readonly Token[]): boolean {
  const words = tokens.map((token) => (token.text ?? '').toUpperCase())
  return HIVE_DDL.some((pattern) => {
    let at = 0
    for (const [i, word] of pattern.entries()) {
      if (word === '*') {
        const next = pattern[i + 1]
        // The name: at least one token, up to the next word of the pattern.
        const found = next === undefined ? -1 : words.indexOf(next, at + 1)
        if (found < 0) return false
        at = found
      } else if (words[at] === word) at += 1
      else return false
    }
    return true
  })
}

/**
 * The query of `UNLOAD (<query>) TO 's3://...' [WITH (property = value, ...)]`: its tokens, or a
 * syntax problem when the statement is an UNLOAD of another shape; undefined for other statements.
 */
function unloadQuery(tokens: readonly Token[]): { tokens: Token[] } | SyntaxProblem | undefined {
  if (tokens[0]?.text?.toUpperCase() !== 'UNLOAD') return undefined
  const problem = (at: Token | undefined, message: string): SyntaxProblem => {
    const token = at ?? tokens.at(-1) ?? (tokens[0] as Token)
    return { ...positionOfToken(token), message }
  }
  if (tokens[1]?.text !== '(')
    return problem(tokens[1], 'UNLOAD takes its query in parentheses: UNLOAD (SELECT ...) TO ...')
  const close = matchingParenthesis(tokens, 1)
  if (close === undefined) return problem(tokens[1], "the query of UNLOAD has no closing ')'")
  const query = tokens.slice(2, close)
  if (query.length === 0) return problem(tokens[close], 'UNLOAD has no query between its parentheses')
  let at = close + 1
  if (tokens[at]?.text?.toUpperCase() !== 'TO')
    return problem(tokens[at], "UNLOAD needs TO 's3://...' after its query")
  at += 1
  const location = tokens[at]
  if (location?.type !== TrinoSqlLexer.STRING)
    return problem(location, "UNLOAD writes TO an S3 location in a string: TO 's3://...'")
  at += 1
  if (tokens[at]?.text?.toUpperCase() === 'WITH') {
    at += 1
    if (tokens[at]?.text !== '(')
      return problem(
        tokens[at],
        "UNLOAD's WITH takes its properties in parentheses: WITH (format = 'PARQUET')"
      )
    const end = matchingParenthesis(tokens, at)
    if (end === undefined) return problem(tokens[at], "UNLOAD's WITH has no closing ')'")
    at = end + 1
  }
  if (at < tokens.length)
    return problem(tokens[at], `'${tokens[at]?.text ?? ''}' is not valid at this position`)
  return { tokens: query }
}

/** Index of the `)` that closes the `(` at `open`. */
function matchingParenthesis(tokens: readonly Token[], open: number): number | undefined {
  let depth = 0
  for (let i = open; i < tokens.length; i += 1) {
    const text = tokens[i]?.text
    if (text === '(') depth += 1
    else if (text === ')') {
      depth -= 1
      if (depth === 0) return i
    }
  }
  return undefined
}

function positionOfToken(token: Token): Position {
  return { line: token.line, column: token.column + 1 }
}

/** Athena's DML takes no `backquoted` names (only its DDL does): the first one is a syntax error. */
function backquotedIn(tokens: readonly Token[]): SyntaxProblem | undefined {
  const token = tokens.find((candidate) => candidate.type === TrinoSqlLexer.BACKQUOTED_IDENTIFIER)
  if (!token) return undefined
  return {
    ...positionOfToken(token),
    message: `backquoted identifiers are not supported; use double quotes: ${doubleQuoted(token.text ?? '')}`
  }
}

/** Maps a code point offset in `sql` to its UTF-16 offset. */
function utf16Offsets(sql: string): (offset: number) => number {
  if (!/[\uD800-\uDFFF]/.test(sql)) return (offset) => offset
  const units: number[] = []
  let unit = 0
  for (const character of sql) {
    units.push(unit)
    unit += character.length
  }
  units.push(unit)
  return (offset) => units[Math.min(offset, units.length - 1)] ?? unit
}

interface StatementRange {
  from: number
  /** End of the statement, semicolon included. */
  to: number
  /** The statement's tokens, comments and spaces left out. */
  tokens: Token[]
}

/**
 * Statement boundaries from the lexer, so semicolons in strings, quoted names and comments do not
 * split. Stretches with only comments or spaces are not statements.
 */
function statementRanges(sql: string): StatementRange[] {
  const all = trino.createLexer(sql, ignoreErrors).getAllTokens()
  const ranges: StatementRange[] = []
  let from = 0
  let tokens: Token[] = []
  const close = (to: number): void => {
    if (tokens.length > 0) ranges.push({ from, to, tokens })
    from = to
    tokens = []
  }
  for (const token of all) {
    if (token.type === TrinoSqlLexer.SEMICOLON) close(token.stop + 1)
    else if (token.channel === 0) tokens.push(token)
  }
  close(sql.length)
  return ranges
}

/** `` `a``b` `` as `"a`b"`. */
function doubleQuoted(backquoted: string): string {
  const name = backquoted.slice(1, -1).replaceAll('``', '`')
  return `"${name.replaceAll('"', '""')}"`
}
