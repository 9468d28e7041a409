/**
 * `partition-filter`: a query block that reads the CloudTrail table must constrain each date
 * partition key in a top-level AND term of its WHERE, or Athena reads (and bills) every partition.
 */
import type { ParseTree } from 'antlr4ng'
import { OrContext, type BooleanExpressionContext } from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser.js'
import { topLevelConjuncts, type QueryBlock, type Source } from '../blocks.js'
import { eventTimeRange, proposePartitionPredicates } from '../eventtime.js'
import type { Problem } from '../findings.js'
import { columnPredicate } from '../predicates.js'
import { positionOf } from '../tree.js'
import type { BlockRule, RuleContext } from './context.js'

export const checkPartitionFilter: BlockRule = (block, context) => {
  const problems: Problem[] = []
  for (const source of block.sources.filter((candidate) => candidate.isCloudTrail)) {
    const constrained = new Set(block.conjuncts.flatMap((term) => [...constrainedBy(term, block, source)]))
    const missing = context.settings.partitionColumns.filter((column) => !constrained.has(column))
    if (missing.length === 0) continue
    const named = source.qualifier === context.settings.table.toLowerCase() ? '' : ` (as ${source.qualifier})`
    problems.push({
      rule: 'partition-filter',
      ...positionOf(source.node),
      message:
        `This query reads ${source.node.getText()}${named} without a WHERE condition on partition ` +
        `${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')}, so Athena scans every ` +
        `partition. Add ${missing.length === 1 ? 'it' : 'them'} with AND at the top level of the WHERE clause.` +
        proposalNote(block, source, context)
    })
  }
  return problems
}

/**
 * Partition columns that one WHERE term limits to known values: `year = '2026'`, `day BETWEEN ...`,
 * `month IN (...)`, or an OR whose every branch limits the column.
 */
function constrainedBy(term: ParseTree, block: QueryBlock, source: Source): Set<string> {
  if (term instanceof OrContext) {
    const [left, right] = term.booleanExpression().map((branch) => constrainedByAll(branch, block, source))
    return new Set([...(left ?? [])].filter((column) => right?.has(column)))
  }
  const predicate = columnPredicate(block, term)
  return predicate?.column.source === source ? new Set(predicate.column.path) : new Set()
}

function constrainedByAll(
  expression: BooleanExpressionContext,
  block: QueryBlock,
  source: Source
): Set<string> {
  return new Set(topLevelConjuncts(expression).flatMap((term) => [...constrainedBy(term, block, source)]))
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
