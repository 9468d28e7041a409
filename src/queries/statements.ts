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
    // Blank out what precedes the statement (keeping line breaks, one space per code point) so
    // lines, columns and token offsets in the tree are the file's.
    const from = unitOffset(range.from)
    const padded = sql.slice(0, from).replace(/[^\n]/gu, ' ') + sql.slice(from, unitOffset(range.to))
    const errors: SyntaxProblem[] = []
    const tree = trino.parse(padded, (error) => {
      errors.push({ line: error.startLine, column: error.startColumn, message: error.message })
    })
    const first = errors[0] ?? range.backquoted
    if (first) result.syntaxErrors.push(first)
    else {
      const text = sql.slice(unitOffset(range.textStart), unitOffset(range.textEnd))
      result.statements.push({ tree, text, ...range.start })
    }
  }
  return result
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
  /** The statement's text, from its first token to its last (comments around it and the semicolon excluded). */
  textStart: number
  textEnd: number
  start: Position
  /** Athena's DML takes no `backquoted` names (only its DDL does): the first one is a syntax error. */
  backquoted?: SyntaxProblem
}

/**
 * Statement boundaries from the lexer, so semicolons in strings, quoted names and comments do not
 * split. Stretches with only comments or spaces are not statements.
 */
function statementRanges(sql: string): StatementRange[] {
  const tokens = trino.createLexer(sql, ignoreErrors).getAllTokens()
  const ranges: StatementRange[] = []
  let from = 0
  let first: Token | undefined
  let last: Token | undefined
  let backquoted: SyntaxProblem | undefined
  const close = (to: number): void => {
    if (first && last) {
      const start = { line: first.line, column: first.column + 1 }
      ranges.push({ from, to, textStart: first.start, textEnd: last.stop + 1, start, backquoted })
    }
    from = to
    first = undefined
    last = undefined
    backquoted = undefined
  }
  for (const token of tokens) {
    if (token.type === TrinoSqlLexer.SEMICOLON) close(token.stop + 1)
    else if (token.channel === 0) {
      first ??= token
      last = token
      if (token.type === TrinoSqlLexer.BACKQUOTED_IDENTIFIER) {
        backquoted ??= {
          line: token.line,
          column: token.column + 1,
          message: `backquoted identifiers are not supported; use double quotes: ${doubleQuoted(token.text ?? '')}`
        }
      }
    }
  }
  close(sql.length)
  return ranges
}

/** `` `a``b` `` as `"a`b"`. */
function doubleQuoted(backquoted: string): string {
  const name = backquoted.slice(1, -1).replaceAll('``', '`')
  return `"${name.replaceAll('"', '""')}"`
}
