/**
 * `partition-filter`: a query block that reads the CloudTrail table (`TABLE cloudtrail` included)
 * must constrain each date partition key in a top-level AND term of its WHERE, or Athena reads (and
 * bills) every partition.
 */
import type { ParseTree } from 'antlr4ng'
import {
  HavingClauseContext,
  JoinCriteriaContext,
  LogicalNotContext,
  OrContext,
  PredicatedContext,
  QuerySpecificationContext
} from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser.js'
import { orBranches, topLevelConjuncts, type ColumnRef, type QueryBlock, type Source } from '../blocks.js'
import { eventTimeRange, proposePartitionPredicates } from '../eventtime.js'
import type { Problem } from '../findings.js'
import { columnPredicate, type ColumnPredicate } from '../predicates.js'
import { resolveColumn } from '../resolve.js'
import { positionOf } from '../tree.js'
import type { BlockRule, RuleContext } from './context.js'

export const checkPartitionFilter: BlockRule = (block, context) => {
  const problems: Problem[] = []
  const { partitionColumns } = context.settings
  for (const source of block.sources.filter((candidate) => candidate.isCloudTrail)) {
    const constraints = constraintsOf(block.conjuncts, block, source)
    const missing = partitionColumns.filter((column) => !counts(constraints, column, partitionColumns))
    if (missing.length === 0) continue
    const named = source.qualifier === context.settings.table.toLowerCase() ? '' : ` (as ${source.qualifier})`
    const why = missing
      .map((column) => whyNotCounted(block, source, column, constraints, partitionColumns))
      .filter((reason) => reason !== undefined)
    problems.push({
      rule: 'partition-filter',
      ...positionOf(source.node),
      message:
        `This query reads ${source.node.getText()}${named} without a condition on partition ` +
        `${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')} in a top-level AND of ` +
        `its WHERE${why.length ? ` (${why.join('; ')})` : ''}, so Athena scans every partition. ` +
        `Add ${missing.length === 1 ? 'it' : 'them'} with AND at the top level of the WHERE clause.` +
        proposalNote(block, source, context)
    })
  }
  return problems
}

/**
 * How a column is limited: `full` by =, IN, BETWEEN or a range comparison; `excluding` by NOT
 * BETWEEN, which limits a month or day only once the year is limited (the shape of the eventtime
 * proposals). <>, != and NOT IN exclude values but leave every other partition: they do not count.
 */
type Strength = 'full' | 'excluding'
type Constraints = Map<string, Strength>

function counts(constraints: Constraints, column: string, partitionColumns: readonly string[]): boolean {
  const strength = constraints.get(column)
  if (strength === 'full') return true
  const [year] = partitionColumns
  return (
    strength === 'excluding' &&
    partitionColumns.length === 3 &&
    column !== year &&
    year !== undefined &&
    constraints.get(year) === 'full'
  )
}

/** Constraints of AND terms: each column as strongly as its strongest term limits it. */
function constraintsOf(terms: ParseTree[], block: QueryBlock, source: Source): Constraints {
  const result: Constraints = new Map()
  for (const term of terms) {
    for (const [column, strength] of constrainedBy(term, block, source)) {
      if (result.get(column) !== 'full') result.set(column, strength)
    }
  }
  return result
}

/**
 * Partition columns that one WHERE term limits: `year = '2026'`, `day BETWEEN ...`,
 * `month IN (...)`, or an OR whose every branch limits the column.
 */
function constrainedBy(term: ParseTree, block: QueryBlock, source: Source): Constraints {
  if (term instanceof OrContext) {
    // A column is limited as weakly as its weakest branch limits it, and not at all if one does not.
    const [first, ...others] = orBranches(term).map((branch) =>
      constraintsOf(topLevelConjuncts(branch), block, source)
    )
    const result: Constraints = new Map(first)
    for (const branch of others) {
      for (const [column, strength] of result) {
        const other = branch.get(column)
        if (!other) result.delete(column)
        else if (other !== 'full' || strength !== 'full') result.set(column, 'excluding')
      }
    }
    return result
  }
  const predicate = columnPredicate(block, term)
  const column = predicate?.column.path[0]
  if (!predicate || predicate.column.source !== source || column === undefined) return new Map()
  const strength = strengthOf(predicate)
  return strength ? new Map([[column, strength]]) : new Map()
}

function strengthOf(predicate: ColumnPredicate): Strength | undefined {
  if (predicate.kind === 'between') return predicate.negated ? 'excluding' : 'full'
  if (predicate.kind === 'in') return predicate.negated ? undefined : 'full'
  return predicate.operator === '<>' || predicate.operator === '!=' ? undefined : 'full'
}

/** Why a condition the query has on `column` does not count, when it has one. */
function whyNotCounted(
  block: QueryBlock,
  source: Source,
  column: string,
  constraints: Constraints,
  partitionColumns: readonly string[]
): string | undefined {
  const onColumn = (ref: ColumnRef, scope: QueryBlock): boolean => {
    const resolved = resolveColumn(scope, ref)
    return resolved ? resolved.source === source && resolved.path[0] === column : ref.path.at(-1) === column
  }
  const refs = block.columnRefs.filter((ref) => onColumn(ref, block))
  const where = block.node instanceof QuerySpecificationContext ? block.node.whereClause() : null
  const inWhere = refs.find((ref) => where && isInside(ref.node, where))
  if (inWhere && where) {
    const its = `its condition on ${column}`
    if (constraints.get(column) === 'excluding') {
      return column === partitionColumns[0] || partitionColumns.length !== 3
        ? `${its} is NOT BETWEEN, which excludes values but reads all others`
        : `${its} is NOT BETWEEN, which counts only with a condition on ${partitionColumns[0] ?? 'year'}`
    }
    for (let node = inWhere.node.parent; node && node !== where; node = node.parent) {
      if (node instanceof OrContext) return `${its} is under OR`
      if (node instanceof LogicalNotContext) return `${its} is under NOT`
    }
    const predicated = enclosing(inWhere.node, PredicatedContext)
    const predicate = predicated && columnPredicate(block, predicated)
    if (predicate?.column.source === source) {
      if (predicate.kind === 'in') return `${its} is NOT IN, which excludes values but reads all others`
      if (predicate.kind === 'comparison') {
        return `${its} is ${predicate.operator ?? '<>'}, which excludes a value but reads all others`
      }
    }
    return `${its} does not compare the column itself with a constant value`
  }
  const inJoin = refs.find((ref) => enclosing(ref.node, JoinCriteriaContext))
  if (inJoin) return `its condition on ${column} is in a JOIN ON clause`
  const inHaving = refs.find((ref) => enclosing(ref.node, HavingClauseContext))
  if (inHaving) return `its condition on ${column} is in HAVING`
  for (let outer = block.parent; outer; outer = outer.parent) {
    const scope = outer
    const outerWhere = scope.node instanceof QuerySpecificationContext ? scope.node.whereClause() : null
    const mentioned = (ref: ColumnRef): boolean =>
      outerWhere !== null &&
      isInside(ref.node, outerWhere) &&
      ref.path.at(-1) === column &&
      onColumn(ref, scope)
    if (scope.columnRefs.some(mentioned)) {
      return `its condition on ${column} is in an enclosing query`
    }
  }
  return undefined
}

function isInside(node: ParseTree, container: ParseTree): boolean {
  for (let current: ParseTree | null = node; current; current = current.parent) {
    if (current === container) return true
  }
  return false
}

/** The nearest ancestor of `node` of class `type`, not beyond `node`'s query block. */
function enclosing<T extends ParseTree>(
  node: ParseTree,
  type: abstract new (...args: never[]) => T
): T | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current instanceof type) return current
    if (current instanceof QuerySpecificationContext) return undefined
  }
  return undefined
}

function proposalNote(block: QueryBlock, source: Source, context: RuleContext): string {
  const { first, last } = eventTimeRange(block, source)
  if (first === undefined && last === undefined) return ''
  if (first === undefined || last === undefined) {
    return ' Its eventtime condition has only one bound; with both, this check proposes the partition condition.'
  }
  const { partitionColumns, dateKeyType } = context.settings
  // With other sources in the block, name the columns as this source's.
  const prefix = block.sources.length > 1 && source.qualifier ? `${source.qualifier}.` : ''
  const columns = partitionColumns.map((column) => prefix + column)
  const proposal = proposePartitionPredicates(first, last, columns, dateKeyType)
  if (!proposal) return ''
  const wide = proposal.unconstrained.length
    ? ` (${proposal.unconstrained.join(' and ')} cannot narrow a range this long)`
    : ''
  return ` Matching its eventtime condition: ${proposal.text}${wide}.`
}
