/**
 * `partition-literal`: values compared with the date partition keys must be written the way the
 * partitions are. A string key holds zero-padded text (`month = '03'`): `month = 3` fails on a
 * type mismatch and `month = '3'` matches nothing. An int key holds numbers (`month = 3`). A typed
 * literal (`day = DATE '2025-06-01'`) fails on either: Trino casts neither varchar nor integer to
 * date implicitly.
 */
import type { ParseTree } from 'antlr4ng'
import {
  PredicatedContext,
  QuerySpecificationContext,
  TypeConstructorContext,
  ValueExpressionDefaultContext,
  type ValueExpressionContext
} from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser.js'
import type { DateKeyType } from '../../vocabulary/keys.js'
import type { Problem } from '../findings.js'
import { columnPredicate, type ColumnPredicate } from '../predicates.js'
import {
  identifierName,
  literalOf,
  positionOf,
  sourceText,
  stringValue,
  walk,
  type Literal
} from '../tree.js'
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
    const typed = predicate.values.map(typedDate)
    const checked = predicate.values.map((value, i): Judgement | undefined => {
      const date = typed[i]
      if (date) return judgeTyped(date, dateKeyType, role)
      const literal = literalOf(value)
      return literal ? judge(literal, dateKeyType, role, excludes) : undefined
    })
    const firstWrong = checked.findIndex((entry) => entry?.reason !== undefined)
    const wrong = checked[firstWrong]
    const wrongNode = predicate.values[firstWrong]
    if (!wrong?.reason || !wrongNode) return true
    const values = predicate.values.map((value, i) => checked[i]?.fixed ?? sourceText(value))
    const fixable =
      checked.every((entry) => !entry?.reason || entry.fixed !== undefined) && sameDateAbove(typed, role)
    problems.push({
      rule: 'partition-literal',
      ...positionOf(wrongNode),
      message:
        `${sourceText(wrongNode)} ${wrong.reason} (${column} is ${dateKeyType === 'int' ? 'an' : 'a'} ` +
        `${dateKeyType} partition key)` +
        (fixable
          ? `; write ${rewrite(predicate, values)}`
          : typed[firstWrong]
            ? `; compare ${column} with ${dateKeyType === 'string' ? "a string such as '01'" : 'a number such as 1'}, and year and month with theirs`
            : '')
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

/** The date of `DATE '2025-06-01'` or `TIMESTAMP '2025-06-01 10:00:00'`; undefined for anything else. */
interface TypedDate {
  type: string
  year: number
  month: number
  day: number
}

function typedDate(value: ValueExpressionContext): TypedDate | undefined {
  if (!(value instanceof ValueExpressionDefaultContext)) return undefined
  const primary = value.primaryExpression()
  if (!(primary instanceof TypeConstructorContext)) return undefined
  const name = primary.identifier()
  const type = name ? identifierName(name) : ''
  if (type !== 'date' && type !== 'timestamp') return undefined
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(stringValue(primary.string().getText()))
  if (!match) return { type, year: 0, month: 0, day: 0 }
  return { type, year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
}

/** A date or timestamp is never comparable with the key: the fix is the date's year, month or day. */
function judgeTyped(date: TypedDate, keyType: DateKeyType, role: number): Judgement {
  const reason = `is a ${date.type}, and Athena does not compare a ${date.type} with ${keyType === 'string' ? 'varchar' : 'integer'}`
  const part = [date.year, date.month, date.day][role] ?? 0
  if (part === 0) return { reason }
  const canonical = keyType === 'string' ? part.toString().padStart(role === 0 ? 4 : 2, '0') : part.toString()
  return { reason, fixed: keyType === 'string' ? `'${canonical}'` : canonical }
}

/**
 * Whether the dates all fall in the same year (for a month key) or month (for a day key): only
 * then does each one's month or day say the same as the dates did.
 */
function sameDateAbove(dates: (TypedDate | undefined)[], role: number): boolean {
  const above = new Set(
    dates.filter((date) => date !== undefined).map((date) => [date.year, date.month].slice(0, role).join('-'))
  )
  return above.size <= 1
}

function rewrite(predicate: ColumnPredicate, values: string[]): string {
  const column = sourceText(predicate.columnNode)
  const not = predicate.negated ? 'NOT ' : ''
  if (predicate.kind === 'between') return `${column} ${not}BETWEEN ${values[0]} AND ${values[1]}`
  if (predicate.kind === 'in') return `${column} ${not}IN (${values.join(', ')})`
  return `${column} ${predicate.operator ?? '='} ${values[0]}`
}
