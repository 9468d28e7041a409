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

export function parseSqlFile(sql: string): ParsedFile {
  const result: ParsedFile = { statements: [], syntaxErrors: [] }
  for (const range of statementRanges(sql)) {
    // Blank out what precedes the statement (keeping line breaks) so lines, columns and token
    // offsets in the tree are the file's.
    const padded = sql.slice(0, range.from).replace(/[^\n]/g, ' ') + sql.slice(range.from, range.to)
    const errors: SyntaxProblem[] = []
    const tree = trino.parse(padded, (error) => {
      errors.push({ line: error.startLine, column: error.startColumn, message: error.message })
    })
    const first = errors[0]
    if (first) result.syntaxErrors.push(first)
    else result.statements.push({ tree, text: sql.slice(range.textStart, range.textEnd), ...range.start })
  }
  return result
}

interface StatementRange {
  from: number
  /** End of the statement, semicolon included. */
  to: number
  /** The statement's text, from its first token to its last (comments around it and the semicolon excluded). */
  textStart: number
  textEnd: number
  start: Position
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
  const close = (to: number): void => {
    if (first && last) {
      const start = { line: first.line, column: first.column + 1 }
      ranges.push({ from, to, textStart: first.start, textEnd: last.stop + 1, start })
    }
    from = to
    first = undefined
    last = undefined
  }
  for (const token of tokens) {
    if (token.type === TrinoSqlLexer.SEMICOLON) close(token.stop + 1)
    else if (token.channel === 0) {
      first ??= token
      last = token
    }
  }
  close(sql.length)
  return ranges
}
