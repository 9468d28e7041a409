/**
 * Query blocks of a parsed statement: every SELECT ... FROM ... WHERE (in CTEs, UNION branches,
 * subqueries and joins alike), with the sources it reads, the top-level AND terms of its WHERE, and
 * the column references it makes. The rules work on these, not on the raw tree.
 */
import type { ParserRuleContext, ParseTree } from 'antlr4ng'
import {
  AliasedRelationContext,
  AndContext,
  ColumnNameContext,
  ColumnRefContext,
  DereferenceContext,
  ExpressionSourceTableContext,
  IdentifierContext,
  JoinRelationContext,
  LambdaContext,
  LateralContext,
  NamedQueryContext,
  ParenthesizedExpressionContext,
  ParenthesizedRelationContext,
  PredicatedContext,
  QualifiedNameContext,
  QuerySpecificationContext,
  RelationDefaultContext,
  SampledRelationContext,
  SubqueryRelationContext,
  SubscriptContext,
  TableNameContext,
  UnnestContext,
  type BooleanExpressionContext,
  type RelationContext
} from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser.js'
import { ancestor, identifierName, walk } from './tree.js'

/** The CloudTrail table as the queries name it. */
export interface TableName {
  table: string
  /** When set, `other_db.cloudtrail` is not the CloudTrail table. */
  database?: string
}

export interface Source {
  kind: 'table' | 'subquery' | 'unnest' | 'other'
  /** The name columns are qualified with: the alias, or a table's own name. */
  qualifier?: string
  /** Columns the source defines by alias: `UNNEST(resources) AS t(r)` defines `r`. */
  columns: string[]
  isCloudTrail: boolean
  /** Where the source is named in FROM, for findings about it. */
  node: ParserRuleContext
}

export interface ColumnRef {
  /** `a.useridentity.arn` is `['a', 'useridentity', 'arn']`; subscripts are looked through. */
  path: string[]
  /** The identifier of each path element, for positions. */
  identifiers: IdentifierContext[]
  /** The whole reference, subscripts and field accesses included. */
  node: ParserRuleContext
}

export interface QueryBlock {
  node: QuerySpecificationContext
  parent: QueryBlock | undefined
  sources: Source[]
  /** The terms of the WHERE clause's top-level AND (one term when there is no AND). */
  conjuncts: BooleanExpressionContext[]
  columnRefs: ColumnRef[]
  /** Lambda parameters (`x` in `x -> x.arn`): never columns. */
  lambdaParameters: Set<string>
  /** Names given in the select list; Athena does not resolve them in WHERE, but ORDER BY may use them. */
  selectAliases: Set<string>
}

export function collectBlocks(statement: ParseTree, table: TableName): QueryBlock[] {
  const cteNames = new Set<string>()
  walk(statement, (node) => {
    if (node instanceof NamedQueryContext) cteNames.add(identifierName(node.identifier()))
  })
  const blocks = new Map<QuerySpecificationContext, QueryBlock>()
  walk(statement, (node) => {
    if (!(node instanceof QuerySpecificationContext)) return
    const parentNode = ancestor(
      node,
      (n): n is QuerySpecificationContext => n instanceof QuerySpecificationContext
    )
    blocks.set(node, {
      node,
      parent: parentNode && blocks.get(parentNode),
      sources: node.relation().flatMap((relation) => sourcesOf(relation, table, cteNames)),
      conjuncts: topLevelConjuncts(node.whereClause()?.booleanExpression()),
      ...referencesOf(node)
    })
  })
  return [...blocks.values()]
}

/** Splits `a AND (b AND c)` into `[a, b, c]`; anything else is a single term. */
export function topLevelConjuncts(
  expression: BooleanExpressionContext | null | undefined
): BooleanExpressionContext[] {
  if (!expression) return []
  if (expression instanceof AndContext) return expression.booleanExpression().flatMap(topLevelConjuncts)
  const inner = parenthesized(expression)
  return inner ? topLevelConjuncts(inner) : [expression]
}

/** The boolean expression inside `( ... )`, when `expression` is just that. */
export function parenthesized(expression: BooleanExpressionContext): BooleanExpressionContext | undefined {
  if (!(expression instanceof PredicatedContext) || expression.predicate()) return undefined
  const primary = expression.valueExpression().getChild(0)
  if (!(primary instanceof ParenthesizedExpressionContext)) return undefined
  return primary.expression().booleanExpression()
}

function sourcesOf(relation: ParseTree, table: TableName, cteNames: Set<string>): Source[] {
  if (relation instanceof JoinRelationContext) {
    const parts: ParseTree[] = [...relation.relation()]
    const right = relation.sampledRelation()
    if (right) parts.push(right)
    return parts.flatMap((part) => sourcesOf(part, table, cteNames))
  }
  if (relation instanceof RelationDefaultContext)
    return sourcesOf(relation.sampledRelation(), table, cteNames)
  if (relation instanceof SampledRelationContext) {
    return sourceOfAliased(relation.patternRecognition().aliasedRelation(), table, cteNames)
  }
  return []
}

function sourceOfAliased(aliased: AliasedRelationContext, table: TableName, cteNames: Set<string>): Source[] {
  const alias = aliased.identifier()
  const qualifier = alias ? identifierName(alias) : undefined
  const columns = aliased.columnAliases()?.identifier().map(identifierName) ?? []
  const primary = aliased.relationPrimary()
  if (primary instanceof ParenthesizedRelationContext) {
    return sourcesOf(primary.relation() as RelationContext, table, cteNames)
  }
  if (primary instanceof TableNameContext) {
    const ref = primary.tableOrViewName().tableRef()
    const parts = ref ? ref.identifier().map(identifierName) : []
    const name = parts[parts.length - 1]
    const isCloudTrail =
      name === table.table.toLowerCase() &&
      (parts.length === 1
        ? !cteNames.has(name)
        : table.database === undefined || parts[parts.length - 2] === table.database.toLowerCase())
    return [{ kind: 'table', qualifier: qualifier ?? name, columns, isCloudTrail, node: primary }]
  }
  const sourceTable =
    primary instanceof ExpressionSourceTableContext ? primary.relationSourceTable() : undefined
  const kind =
    sourceTable instanceof UnnestContext
      ? 'unnest'
      : sourceTable instanceof SubqueryRelationContext || sourceTable instanceof LateralContext
        ? 'subquery'
        : 'other'
  return [{ kind, qualifier, columns, isCloudTrail: false, node: primary }]
}

/**
 * Column references and local names of one block. Nested blocks (subqueries) keep their own; the
 * ORDER BY of a query sits outside its blocks and is not checked.
 */
function referencesOf(
  block: QuerySpecificationContext
): Pick<QueryBlock, 'columnRefs' | 'lambdaParameters' | 'selectAliases'> {
  const columnRefs: ColumnRef[] = []
  const lambdaParameters = new Set<string>()
  const selectAliases = new Set<string>()
  for (const item of block.selectList().selectItem()) {
    const alias = item.identifier()
    if (alias) selectAliases.add(identifierName(alias))
    for (const name of item.columnAliases()?.identifier() ?? []) selectAliases.add(identifierName(name))
  }
  walk(block, (node) => {
    if (node !== block && node instanceof QuerySpecificationContext) return false
    if (node instanceof LambdaContext) {
      for (const parameter of node.identifier()) lambdaParameters.add(identifierName(parameter))
    }
    if (
      node instanceof QualifiedNameContext &&
      (node.parent instanceof ColumnNameContext || node.parent instanceof ColumnRefContext)
    ) {
      columnRefs.push(columnRefOf(node))
      return false
    }
    return true
  })
  return { columnRefs, lambdaParameters, selectAliases }
}

/** Extends `resources` in `resources[1].arn` or `x` in `(x).y` by the fields read after it. */
function columnRefOf(name: QualifiedNameContext): ColumnRef {
  const identifiers = [...name.identifier()]
  // From the column name up to the expression it stands in (ColumnReference, JoinColumnReference).
  let node = name.parent as ParserRuleContext
  if (node instanceof ColumnNameContext && node.parent) node = node.parent as ParserRuleContext
  for (;;) {
    const parent = node.parent
    if (parent instanceof SubscriptContext && parent.primaryExpression() === node) node = parent
    else if (parent instanceof DereferenceContext && parent.primaryExpression() === node) {
      identifiers.push(parent.identifier())
      node = parent
    } else break
  }
  return { path: identifiers.map(identifierName), identifiers, node }
}
