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
  OrContext,
  ParenthesizedExpressionContext,
  ParenthesizedRelationContext,
  PredicatedContext,
  QualifiedNameContext,
  QueryStatementContext,
  QuerySpecificationContext,
  RelationDefaultContext,
  SampledRelationContext,
  SubqueryRelationContext,
  SubscriptContext,
  TableAllColumnsContext,
  TableContext,
  TableNameContext,
  UnnestContext,
  type TableRefContext,
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
  /** Parameters of the lambdas the reference sits in (`x` in `x -> x.arn`): never columns. */
  lambdaParameters: Set<string>
}

/** A block: a SELECT, or `TABLE name` (which reads the whole table). */
export type BlockNode = QuerySpecificationContext | TableContext

export interface QueryBlock {
  node: BlockNode
  parent: QueryBlock | undefined
  sources: Source[]
  /** The terms of the WHERE clause's top-level AND (one term when there is no AND). */
  conjuncts: BooleanExpressionContext[]
  columnRefs: ColumnRef[]
  /** Names given in the select list; Athena does not resolve them in WHERE, but ORDER BY may use them. */
  selectAliases: Set<string>
}

export function collectBlocks(statement: ParseTree, table: TableName): QueryBlock[] {
  const blocks = new Map<BlockNode, QueryBlock>()
  // Most statements have no lambda: then no reference needs to look up through its ancestors.
  let hasLambda = false
  walk(statement, (node) => {
    if (node instanceof LambdaContext) hasLambda = true
    return !hasLambda
  })
  walk(statement, (node) => {
    if (!isBlockNode(node)) return
    const parentNode = ancestor(node, isBlockNode)
    const parent = parentNode && blocks.get(parentNode)
    if (node instanceof TableContext) {
      const source = tableSource(node.tableRef(), undefined, [], node.tableRef(), table)
      blocks.set(node, {
        node,
        parent,
        sources: [source],
        conjuncts: [],
        columnRefs: [],
        selectAliases: new Set()
      })
      return
    }
    blocks.set(node, {
      node,
      parent,
      sources: node.relation().flatMap((relation) => sourcesOf(relation, table)),
      conjuncts: topLevelConjuncts(node.whereClause()?.booleanExpression()),
      ...referencesOf(node, hasLambda)
    })
  })
  return [...blocks.values()]
}

function isBlockNode(node: ParseTree): node is BlockNode {
  return node instanceof QuerySpecificationContext || node instanceof TableContext
}

/**
 * Whether `name`, read where `node` is, is a CTE. A WITH names its CTEs for its own query: its
 * main query sees them all, the definition of one sees only those before it (and itself, under
 * WITH RECURSIVE). An inner query's WITH is not seen outside that query.
 */
function isCteName(node: ParseTree, name: string): boolean {
  let child: ParseTree = node
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (!(current instanceof QueryStatementContext)) continue
    const withClause = current.with()
    if (!withClause) continue
    const named = withClause.namedQuery()
    let visible = named
    if (child === withClause) {
      const inner = Math.max(
        0,
        named.findIndex((query) => isWithin(node, query))
      )
      visible = named.slice(0, withClause.KW_RECURSIVE() ? inner + 1 : inner)
    }
    if (visible.some((query) => identifierName(query.identifier()) === name)) return true
  }
  return false
}

function isWithin(node: ParseTree, container: ParseTree): boolean {
  for (let current: ParseTree | null = node; current; current = current.parent) {
    if (current === container) return true
  }
  return false
}

/** `a OR b OR c` as `[a, b, c]`: a chain of 1,500 ORs is a tree 1,500 deep, not walked by recursion. */
export function orBranches(term: OrContext): BooleanExpressionContext[] {
  const branches: BooleanExpressionContext[] = []
  const pending: BooleanExpressionContext[] = [term]
  for (let current = pending.pop(); current; current = pending.pop()) {
    if (current instanceof OrContext) pending.push(...[...current.booleanExpression()].reverse())
    else branches.push(current)
  }
  return branches
}

/** Splits `a AND (b AND c)` into `[a, b, c]`; anything else is a single term. */
export function topLevelConjuncts(
  expression: BooleanExpressionContext | null | undefined
): BooleanExpressionContext[] {
  // A stack of its own: a chain of 10,000 ANDs is a tree 10,000 deep.
  const terms: BooleanExpressionContext[] = []
  const pending = expression ? [expression] : []
  for (let current = pending.pop(); current; current = pending.pop()) {
    const inner = current instanceof AndContext ? current.booleanExpression() : parenthesized(current)
    if (Array.isArray(inner)) pending.push(...[...inner].reverse())
    else if (inner) pending.push(inner)
    else terms.push(current)
  }
  return terms
}

/** The boolean expression inside `( ... )`, when `expression` is just that. */
export function parenthesized(expression: BooleanExpressionContext): BooleanExpressionContext | undefined {
  if (!(expression instanceof PredicatedContext) || expression.predicate()) return undefined
  const primary = expression.valueExpression().getChild(0)
  if (!(primary instanceof ParenthesizedExpressionContext)) return undefined
  return primary.expression().booleanExpression()
}

function sourcesOf(relation: ParseTree, table: TableName): Source[] {
  if (relation instanceof JoinRelationContext) {
    const parts: ParseTree[] = [...relation.relation()]
    const right = relation.sampledRelation()
    if (right) parts.push(right)
    return parts.flatMap((part) => sourcesOf(part, table))
  }
  if (relation instanceof RelationDefaultContext) return sourcesOf(relation.sampledRelation(), table)
  if (relation instanceof SampledRelationContext) {
    return sourceOfAliased(relation.patternRecognition().aliasedRelation(), table)
  }
  return []
}

function sourceOfAliased(aliased: AliasedRelationContext, table: TableName): Source[] {
  const alias = aliased.identifier()
  const qualifier = alias ? identifierName(alias) : undefined
  const columns = aliased.columnAliases()?.identifier().map(identifierName) ?? []
  const primary = aliased.relationPrimary()
  if (primary instanceof ParenthesizedRelationContext) {
    return sourcesOf(primary.relation() as RelationContext, table)
  }
  if (primary instanceof TableNameContext) {
    return [tableSource(primary.tableOrViewName().tableRef(), qualifier, columns, primary, table)]
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

function tableSource(
  ref: TableRefContext | null,
  alias: string | undefined,
  columns: string[],
  node: ParserRuleContext,
  table: TableName
): Source {
  const parts = ref ? ref.identifier().map(identifierName) : []
  const name = parts[parts.length - 1]
  const isCloudTrail =
    name === table.table.toLowerCase() &&
    (parts.length === 1
      ? !isCteName(node, name)
      : table.database === undefined || parts[parts.length - 2] === table.database.toLowerCase())
  return { kind: 'table', qualifier: alias ?? name, columns, isCloudTrail, node }
}

/**
 * Column references and local names of one block. Nested blocks (subqueries) keep their own; the
 * ORDER BY of a query sits outside its blocks and is not checked.
 */
function referencesOf(
  block: QuerySpecificationContext,
  hasLambda: boolean
): Pick<QueryBlock, 'columnRefs' | 'selectAliases'> {
  const columnRefs: ColumnRef[] = []
  const selectAliases = new Set<string>()
  for (const item of block.selectList().selectItem()) {
    const alias = item.identifier()
    if (alias) selectAliases.add(identifierName(alias))
    for (const name of item.columnAliases()?.identifier() ?? []) selectAliases.add(identifierName(name))
  }
  walk(block, (node) => {
    if (node !== block && node instanceof QuerySpecificationContext) return false
    // `ct.*` and `cloudtrail.*` name a source, not a column.
    if (node instanceof TableAllColumnsContext) return false
    if (
      node instanceof QualifiedNameContext &&
      (node.parent instanceof ColumnNameContext || node.parent instanceof ColumnRefContext)
    ) {
      columnRefs.push(columnRefOf(node, hasLambda))
      return false
    }
    return true
  })
  return { columnRefs, selectAliases }
}

/** Parameters of the lambdas whose body holds `node`, in this block or an enclosing one. */
function lambdaParametersAround(node: ParseTree): Set<string> {
  const parameters = new Set<string>()
  for (let current = node.parent; current; current = current.parent) {
    if (current instanceof LambdaContext) {
      for (const parameter of current.identifier()) parameters.add(identifierName(parameter))
    }
  }
  return parameters
}

/** Extends `resources` in `resources[1].arn` or `x` in `(x).y` by the fields read after it. */
function columnRefOf(name: QualifiedNameContext, hasLambda: boolean): ColumnRef {
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
  return {
    path: identifiers.map(identifierName),
    identifiers,
    node,
    lambdaParameters: hasLambda ? lambdaParametersAround(name) : new Set()
  }
}
