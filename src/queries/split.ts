/**
 * One pass over a SQL file that cuts it into statements at the semicolons that Trino's lexer (the
 * grammar Athena's engine uses, `SqlBase.g4`) reads as semicolons: not inside a string (`'...'`,
 * `U&'...'`, `X'...'`), a quoted or backquoted name, a `--` comment (which ends at `\r` or `\n`) or
 * a `/* ... *\/` comment (which does not nest). Where a string, name or comment is left open, the
 * lexer falls back as ANTLR does (the longest token that did match, else one unrecognized
 * character) and so does this: the cut is the same, and the piece is a syntax error of its own.
 * Linear in the file: each statement is a slice of the file with the position where it starts, so
 * it can be parsed on its own and its positions still be the file's.
 */
import type { Position } from './tree.js'

export interface StatementSource extends Position {
  /** From the statement's first character that is not space or comment up to its semicolon, included. */
  text: string
  /** Where `text` starts in the file, in UTF-16 code units. */
  offset: number
  /** The deepest nesting of parentheses, brackets and CASE ... END in it. */
  depth: number
}

const SPACE = new Set([' ', '\t', '\r', '\n'])
const QUOTE = 39 // '

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
  const stepTo = (end: number): void => {
    while (i < end) step()
  }
  const begin = (): void => {
    if (start >= 0) return
    start = i
    startLine = line
    startColumn = column
  }
  const statement = (end: number): StatementSource => {
    const found = {
      text: sql.slice(start, end),
      offset: start,
      line: startLine,
      column: startColumn + 1,
      depth: deepest
    }
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
      // SIMPLE_COMMENT: '--' ~[\r\n]* '\r'? '\n'?; what follows the comment is read as space.
      while (i < sql.length && sql[i] !== '\n' && sql[i] !== '\r') step()
    } else if (character === '/' && next === '*' && sql.indexOf('*/', i + 2) >= 0) {
      stepTo(sql.indexOf('*/', i + 2) + 2)
    } else if (character === "'" || character === '"' || character === '`') {
      begin()
      stepTo(quotedEnd(sql, i, character))
    } else if (character === ';') {
      step()
      if (start >= 0) yield statement(i)
    } else if (isWordPart(sql.charCodeAt(i))) {
      // A name, keyword or number (Trino's IDENTIFIER, DIGIT_IDENTIFIER, INTEGER_VALUE): `1X` is one.
      begin()
      const from = i
      while (i < sql.length && isWordPart(sql.charCodeAt(i))) step()
      const length = i - from
      // X'...': a binary literal, which ends at the next quote (no doubled quotes in it).
      if (length === 1 && (sql[from] === 'X' || sql[from] === 'x') && sql.charCodeAt(i) === QUOTE) {
        const close = sql.indexOf("'", i + 1)
        if (close >= 0) stepTo(close + 1)
        continue
      }
      // CASE ... END nests as parentheses do.
      const word = length === 4 || length === 3 ? sql.slice(from, i).toLowerCase() : ''
      if (word === 'case') {
        depth += 1
        if (depth > deepest) deepest = depth
      } else if (word === 'end' && depth > 0) depth -= 1
    } else {
      // Anything else, an unrecognized character or an unclosed '/*' included, belongs to the statement.
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

/**
 * Where the string or name opened by the quote at `from` ends: after its closing quote, a doubled
 * quote standing for itself. Left open, ANTLR keeps the longest token that matched: up to the
 * first quote of the last doubled pair (which could have closed it), else the lone opening quote.
 */
function quotedEnd(sql: string, from: number, quote: string): number {
  let lastAccept = from + 1
  let at = from + 1
  for (;;) {
    const found = sql.indexOf(quote, at)
    if (found < 0) return lastAccept
    if (sql[found + 1] !== quote) return found + 1
    lastAccept = found + 1
    at = found + 2
  }
}

/** ASCII letters, digits and `_`. */
function isWordPart(unit: number): boolean {
  return (
    (unit >= 97 && unit <= 122) || (unit >= 65 && unit <= 90) || unit === 95 || (unit >= 48 && unit <= 57)
  )
}
