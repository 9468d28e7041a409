/**
 * Small helpers over dt-sql-parser's Trino parse tree: walking it, reading identifiers as Athena
 * reads them, positions, the source text of a node, and literals.
 */
import type { ParserRuleContext, ParseTree } from 'antlr4ng'
import {
  IdentifierContext,
  NumericLiteralContext,
  StringLiteralContext,
  ValueExpressionDefaultContext,
  type ValueExpressionContext
} from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser.js'

/** Visits `node` and its descendants depth first; `visit` returns false to skip a node's children. */
export function walk(node: ParseTree, visit: (node: ParseTree) => boolean | void): void {
  // A stack of its own, not the call stack: a chain of 10,000 ORs is a tree 10,000 deep.
  const pending: ParseTree[] = [node]
  for (let current = pending.pop(); current; current = pending.pop()) {
    if (visit(current) === false) continue
    for (let i = current.getChildCount() - 1; i >= 0; i--) {
      const child = current.getChild(i)
      if (child) pending.push(child)
    }
  }
}

/** The nearest ancestor of `node` (not `node` itself) that satisfies `test`. */
export function ancestor<T extends ParseTree>(
  node: ParseTree,
  test: (node: ParseTree) => node is T
): T | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (test(current)) return current
  }
  return undefined
}

/**
 * An identifier as Athena resolves it: unquoted, `"quoted"` or `` `backquoted` ``, always lower
 * case (the Glue catalog stores lower-case names).
 */
export function identifierName(identifier: IdentifierContext): string {
  const text = identifier.getText()
  const quote = text[0]
  if ((quote === '"' || quote === '`') && text.endsWith(quote) && text.length >= 2) {
    return text
      .slice(1, -1)
      .replaceAll(quote + quote, quote)
      .toLowerCase()
  }
  return text.toLowerCase()
}

export interface Position {
  line: number
  column: number
}

/** 1-based line and column of the node's first token. */
export function positionOf(node: ParserRuleContext): Position {
  return { line: node.start?.line ?? 1, column: (node.start?.column ?? 0) + 1 }
}

/**
 * The node's text as written, comments and spacing included. Read from the parser's input, whose
 * offsets count code points (not UTF-16 units, as string indexes do).
 */
export function sourceText(node: ParserRuleContext): string {
  const from = node.start?.start ?? 0
  const to = node.stop?.stop ?? from
  return node.start?.inputStream?.getText(from, to) ?? node.getText()
}

export type Literal = { kind: 'string'; value: string } | { kind: 'number'; value: string }

/** The value of `'text'` or `42`; undefined for anything else. */
export function literalOf(expression: ValueExpressionContext | null | undefined): Literal | undefined {
  if (!(expression instanceof ValueExpressionDefaultContext)) return undefined
  const primary = expression.primaryExpression()
  if (primary instanceof StringLiteralContext)
    return { kind: 'string', value: stringValue(primary.getText()) }
  if (primary instanceof NumericLiteralContext) return { kind: 'number', value: primary.getText() }
  return undefined
}

/** The content of a SQL string literal: `'it''s'` is `it's`. */
export function stringValue(literal: string): string {
  return literal.slice(1, -1).replaceAll("''", "'")
}
