/**
 * Predicates of the form `column op value`, `column [NOT] BETWEEN a AND b` and
 * `column [NOT] IN (a, b)` (either side of a comparison), on columns of the CloudTrail table.
 */
import type { ParseTree } from 'antlr4ng'
import {
  BetweenContext,
  ColumnNameContext,
  ColumnRefContext,
  ColumnReferenceContext,
  ComparisonContext,
  InListContext,
  PredicatedContext,
  QualifiedNameContext,
  QuerySpecificationContext,
  ValueExpressionDefaultContext,
  type ExpressionContext,
  type ValueExpressionContext
} from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser.js'
import type { ColumnRef, QueryBlock } from './blocks.js'
import { resolveColumn, type Resolved } from './resolve.js'
import { walk } from './tree.js'

export type Operator = '=' | '<>' | '!=' | '<' | '<=' | '>' | '>='

export interface ColumnPredicate {
  node: PredicatedContext
  /** The column side, as written. */
  columnNode: ValueExpressionContext
  column: Resolved
  kind: 'comparison' | 'between' | 'in'
  /** For comparisons, as if the column were on the left: `'2026' < year` reads `year > '2026'`. */
  operator?: Operator
  /** The other side: one value, BETWEEN's bounds, or IN's items. */
  values: ValueExpressionContext[]
  negated: boolean
}

const FLIPPED: Record<Operator, Operator> = {
  '=': '=',
  '<>': '<>',
  '!=': '!=',
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<='
}

/**
 * Reads `expression` as a predicate on one column of the CloudTrail table, picking the column side
 * with `isColumn` (a bare column by default; the eventtime rule also accepts functions of it).
 */
export function columnPredicate(
  block: QueryBlock,
  expression: ParseTree,
  columnOf: (block: QueryBlock, side: ValueExpressionContext) => Resolved | undefined = bareColumn
): ColumnPredicate | undefined {
  if (!(expression instanceof PredicatedContext)) return undefined
  const left = expression.valueExpression()
  const predicate = expression.predicate()
  if (predicate instanceof ComparisonContext) {
    const right = predicate.valueExpression()
    const operator = predicate.comparisonOperator().getText() as Operator
    const leftColumn = columnOf(block, left)
    if (leftColumn && isConstant(right)) {
      return {
        node: expression,
        columnNode: left,
        column: leftColumn,
        kind: 'comparison',
        operator,
        values: [right],
        negated: false
      }
    }
    const rightColumn = columnOf(block, right)
    if (rightColumn && isConstant(left)) {
      return {
        node: expression,
        columnNode: right,
        column: rightColumn,
        kind: 'comparison',
        operator: FLIPPED[operator],
        values: [left],
        negated: false
      }
    }
    return undefined
  }
  const column = columnOf(block, left)
  if (!column) return undefined
  if (predicate instanceof BetweenContext) {
    const values = predicate.valueExpression()
    if (!values.every(isConstant)) return undefined
    return {
      node: expression,
      columnNode: left,
      column,
      kind: 'between',
      values,
      negated: predicate.KW_NOT() !== null
    }
  }
  if (predicate instanceof InListContext) {
    const values = predicate.expression().map(valueOf)
    if (!values.every((value): value is ValueExpressionContext => value !== undefined && isConstant(value))) {
      return undefined
    }
    return {
      node: expression,
      columnNode: left,
      column,
      kind: 'in',
      values,
      negated: predicate.KW_NOT() !== null
    }
  }
  return undefined
}

/** The CloudTrail column that `side` is, when it is nothing but a column. */
export function bareColumn(block: QueryBlock, side: ValueExpressionContext): Resolved | undefined {
  if (!(side instanceof ValueExpressionDefaultContext)) return undefined
  const primary = side.primaryExpression()
  if (!(primary instanceof ColumnReferenceContext)) return undefined
  const ref = refsByNode(block).get(primary)
  const resolved = ref && resolveColumn(block, ref)
  return resolved && resolved.path.length === 1 ? resolved : undefined
}

const refsOfBlocks = new WeakMap<QueryBlock, Map<ParseTree, ColumnRef>>()

/** The block's column references by node, built once: a WHERE of 5,000 terms looks them up 5,000 times. */
function refsByNode(block: QueryBlock): Map<ParseTree, ColumnRef> {
  let refs = refsOfBlocks.get(block)
  if (!refs) {
    refs = new Map()
    for (const ref of block.columnRefs) if (!refs.has(ref.node)) refs.set(ref.node, ref)
    refsOfBlocks.set(block, refs)
  }
  return refs
}

/** A value known before the query reads any row: no column, no subquery. */
export function isConstant(node: ParseTree): boolean {
  let constant = true
  walk(node, (child) => {
    if (
      child instanceof QuerySpecificationContext ||
      (child instanceof QualifiedNameContext &&
        (child.parent instanceof ColumnNameContext || child.parent instanceof ColumnRefContext))
    ) {
      constant = false
    }
    return constant
  })
  return constant
}

/** The value expression an IN-list item is, when it is a plain value. */
function valueOf(expression: ExpressionContext): ValueExpressionContext | undefined {
  const inner = expression.booleanExpression()
  return inner instanceof PredicatedContext && !inner.predicate() ? inner.valueExpression() : undefined
}
