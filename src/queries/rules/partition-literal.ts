/**
 * `partition-literal`: values compared with the date partition keys must be written the way the
 * partitions are. A string key holds zero-padded text (`month = '03'`): `month = 3` fails on a
 * type mismatch and `month = '3'` matches nothing. An int key holds numbers (`month = 3`).
 */
import type { ParseTree } from 'antlr4ng'
import { PredicatedContext, QuerySpecificationContext } from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser.js'
import type { DateKeyType } from '../../partitions/keys.js'
import type { Problem } from '../findings.js'
import { columnPredicate, type ColumnPredicate } from '../predicates.js'
import { literalOf, positionOf, sourceText, walk, type Literal } from '../tree.js'
import type { BlockRule } from './context.js'

export const checkPartitionLiterals: BlockRule = (block, context) => {
  const { partitionColumns, dateKeyType } = context.settings
  const problems: Problem[] = []
  walk(block.node, (node: ParseTree) => {
    if (node !== block.node && node instanceof QuerySpecificationContext) return false
    if (!(node instanceof PredicatedContext)) return true
    const predicate = columnPredicate(block, node)
    const column = predicate?.column.path[0]
    // Keys have a year, month or day format only as the configured year, month, day triple.
    const role = column === undefined || partitionColumns.length !== 3 ? -1 : partitionColumns.indexOf(column)
    if (!predicate || role < 0) return true
    // A value no partition has excludes nothing: harmless in `day <> '00'`.
    const excludes = predicate.negated || predicate.operator === '<>' || predicate.operator === '!='
    const checked = predicate.values.map((value) => {
      const literal = literalOf(value)
      return literal ? { literal, ...judge(literal, dateKeyType, role, excludes) } : undefined
    })
    const firstWrong = checked.findIndex((entry) => entry?.reason !== undefined)
    const wrong = checked[firstWrong]
    const wrongNode = predicate.values[firstWrong]
    if (!wrong?.reason || !wrongNode) return true
    const values = predicate.values.map((value, i) => checked[i]?.fixed ?? sourceText(value))
    const fixable = checked.every((entry) => !entry?.reason || entry.fixed !== undefined)
    problems.push({
      rule: 'partition-literal',
      ...positionOf(wrongNode),
      message:
        `${sourceText(wrongNode)} ${wrong.reason} (${column} is ${dateKeyType === 'int' ? 'an' : 'a'} ` +
        `${dateKeyType} partition key)` +
        (fixable ? `; write ${rewrite(predicate, values)}` : '')
    })
    return true
  })
  return problems
}

interface Judgement {
  /** Why the literal is wrong; undefined when it is right. */
  reason?: string
  /** The literal as it should be written, when there is one. */
  fixed?: string
}

/** `role` is 0 for the year key, 1 for the month, 2 for the day. */
function judge(literal: Literal, keyType: DateKeyType, role: number, excludes: boolean): Judgement {
  const width = role === 0 ? 4 : 2
  const digits = /^\d+$/.test(literal.value)
  const number = Number(literal.value)
  if (role === 0 && digits && number.toString().length !== 4) {
    return excludes ? {} : { reason: 'is not a year: a year has 4 digits' }
  }
  const max = [9999, 12, 31][role] ?? 31
  const inRange = digits && number >= 1 && number <= max
  if (!inRange) return excludes ? {} : { reason: 'is never a value of this key' }
  const canonical = keyType === 'string' ? number.toString().padStart(width, '0') : number.toString()
  const fixed = keyType === 'string' ? `'${canonical}'` : canonical
  if (keyType === 'string' && literal.kind === 'number') return { reason: 'is a number', fixed }
  if (keyType === 'int' && literal.kind === 'string') return { reason: 'is a string', fixed }
  if (keyType === 'string' && literal.value !== canonical) {
    const how =
      literal.value.length > width
        ? `has more than ${width} digits (leading zeros)`
        : `is not zero-padded to ${width} digits`
    return { reason: `${how}, so it matches no partition`, fixed }
  }
  return {}
}

function rewrite(predicate: ColumnPredicate, values: string[]): string {
  const column = sourceText(predicate.columnNode)
  const not = predicate.negated ? 'NOT ' : ''
  if (predicate.kind === 'between') return `${column} ${not}BETWEEN ${values[0]} AND ${values[1]}`
  if (predicate.kind === 'in') return `${column} ${not}IN (${values.join(', ')})`
  return `${column} ${predicate.operator ?? '='} ${values[0]}`
}
