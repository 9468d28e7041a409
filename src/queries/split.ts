/**
 * One pass over a SQL file that cuts it into statements at the semicolons outside strings, quoted
 * and backquoted names and comments, as Trino's lexer reads them. Linear in the file: each
 * statement is a slice of the file with the position where it starts, so it can be parsed on its
 * own and its positions still be the file's.
 */
import type { Position } from './tree.js'

export interface StatementSource extends Position {
  /** From the statement's first character that is not space or comment up to its semicolon, included. */
  text: string
  /** The deepest nesting of parentheses, brackets and CASE ... END in it. */
  depth: number
}

const QUOTES = new Set(["'", '"', '`'])
const SPACE = new Set([' ', '\t', '\r', '\n'])

/**
 * Lines count line feeds and columns count code points from 0, as the ANTLR lexer does, so the
 * lexer of a statement can start where the statement is.
 */
export function* splitStatements(sql: string): Generator<StatementSource> {
  let line = 1
  let column = 0
  let i = 0
  // The statement being read: where it starts (-1 while only spaces and comments were seen).
  let start = -1
  let startLine = 1
  let startColumn = 0
  let depth = 0
  let deepest = 0

  /** Moves over one code point, keeping line and column. */
  const step = (): void => {
    const unit = sql.charCodeAt(i)
    if (unit === 10) {
      line += 1
      column = 0
    } else column += 1
    const isPair = unit >= 0xd800 && unit <= 0xdbff && (sql.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    i += isPair ? 2 : 1
  }
  const begin = (): void => {
    if (start >= 0) return
    start = i
    startLine = line
    startColumn = column
  }
  const statement = (end: number): StatementSource => {
    const found = { text: sql.slice(start, end), line: startLine, column: startColumn + 1, depth: deepest }
    start = -1
    depth = 0
    deepest = 0
    return found
  }

  while (i < sql.length) {
    const character = sql[i] as string
    const next = sql[i + 1]
    if (SPACE.has(character)) step()
    else if (character === '-' && next === '-') {
      while (i < sql.length && sql[i] !== '\n') step()
    } else if (character === '/' && next === '*') {
      const close = sql.indexOf('*/', i + 2)
      // Left open, it is a syntax error of the statement it is in: keep it there.
      if (close < 0) begin()
      const end = close < 0 ? sql.length : close + 2
      while (i < end) step()
    } else if (QUOTES.has(character)) {
      begin()
      step()
      // A doubled quote stands for itself; the name or string ends at a single one (or the file's end).
      while (i < sql.length) {
        if (sql[i] !== character) step()
        else if (sql[i + 1] === character) {
          step()
          step()
        } else break
      }
      if (i < sql.length) step()
    } else if (character === ';') {
      step()
      if (start >= 0) yield statement(i)
    } else if (isWordStart(sql.charCodeAt(i))) {
      begin()
      const from = i
      while (i < sql.length && isWordPart(sql.charCodeAt(i))) step()
      // CASE ... END nests as parentheses do.
      const word = i - from === 4 || i - from === 3 ? sql.slice(from, i).toLowerCase() : ''
      if (word === 'case') {
        depth += 1
        if (depth > deepest) deepest = depth
      } else if (word === 'end' && depth > 0) depth -= 1
    } else {
      begin()
      if (character === '(' || character === '[') {
        depth += 1
        if (depth > deepest) deepest = depth
      } else if ((character === ')' || character === ']') && depth > 0) depth -= 1
      step()
    }
  }
  if (start >= 0) yield statement(sql.length)
}

/** ASCII letters and `_`: where a keyword or an unquoted name starts. */
function isWordStart(unit: number): boolean {
  return (unit >= 97 && unit <= 122) || (unit >= 65 && unit <= 90) || unit === 95
}

function isWordPart(unit: number): boolean {
  return isWordStart(unit) || (unit >= 48 && unit <= 57)
}
