/**
 * Partition predicates equivalent to a query's bounds on `eventtime`, so a finding can say what to
 * add. CloudTrail writes eventtime in UTC (`2026-03-01T12:34:56Z`) and files under the UTC day, so
 * a time bound maps to a range of days. Proposals are supersets of that range: correct before tight.
 */
import type { ParseTree } from 'antlr4ng'
import {
  CastContext,
  FunctionCallContext,
  PredicatedContext,
  StringLiteralContext,
  TypeConstructorContext,
  ValueExpressionDefaultContext,
  type ValueExpressionContext
} from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser.js'
import { calendarDateOf, dayNumberOf, isRealDate, pad2, type DayNumber } from '../vocabulary/dates.js'
import type { DateKeyType } from '../vocabulary/keys.js'
import type { QueryBlock, Source } from './blocks.js'
import { bareColumn, columnPredicate } from './predicates.js'
import type { Resolved } from './resolve.js'
import { stringValue } from './tree.js'

export interface DayRange {
  first?: DayNumber
  last?: DayNumber
}

/** Functions that keep eventtime's instant: `date(from_iso8601_timestamp(eventtime))`. */
const TIME_FUNCTIONS = new Set([
  'from_iso8601_timestamp',
  'from_iso8601_timestamp_nanos',
  'from_iso8601_date',
  'date',
  'parse_datetime',
  'date_parse',
  'to_timestamp'
])

/** The days the top-level AND terms of `block` allow for `source`'s eventtime. */
export function eventTimeRange(block: QueryBlock, source: Source): DayRange {
  const range: DayRange = {}
  const narrow = (bound: 'first' | 'last', day: DayNumber): void => {
    const current = range[bound]
    range[bound] =
      current === undefined ? day : bound === 'first' ? Math.max(current, day) : Math.min(current, day)
  }
  for (const conjunct of block.conjuncts) {
    const predicate = columnPredicate(block, conjunct, eventTimeColumn)
    if (!predicate || predicate.column.source !== source || predicate.negated) continue
    const times = predicate.values.map(timeLiteral)
    if (predicate.kind === 'between' && times[0] && times[1]) {
      narrow('first', times[0].day - times[0].slack)
      narrow('last', times[1].day + times[1].slack)
    } else if (predicate.kind === 'comparison' && times[0]) {
      const { day, slack, midnight } = times[0]
      const operator = predicate.operator
      if (operator === '=' || operator === '>' || operator === '>=') narrow('first', day - slack)
      if (operator === '=' || operator === '<=') narrow('last', day + slack)
      // Before midnight of a day is the day before.
      if (operator === '<') narrow('last', day + slack - (midnight ? 1 : 0))
    }
  }
  return range
}

/** eventtime, bare or inside the conversions people wrap it in. */
function eventTimeColumn(block: QueryBlock, side: ValueExpressionContext): Resolved | undefined {
  const column = bareColumn(block, side)
  if (column) return column.path[0] === 'eventtime' ? column : undefined
  const inner = innerValue(side, (name) => TIME_FUNCTIONS.has(name))
  return inner ? eventTimeColumn(block, inner) : undefined
}

interface TimeLiteral {
  day: DayNumber
  /** Whether the time of day is 00:00:00 (or not given). */
  midnight: boolean
  /** 1 when the literal has a UTC offset: its UTC day may be the one before or after. */
  slack: number
}

const TIME_LITERAL =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i

/** A date or time written as a literal: `'2026-03-01T00:00:00Z'`, `timestamp '...'`, `date '...'`. */
function timeLiteral(value: ValueExpressionContext): TimeLiteral | undefined {
  const text = literalText(value)
  const match = text === undefined ? null : TIME_LITERAL.exec(text.trim())
  if (!match) return undefined
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
  if (!isRealDate(date)) return undefined
  const offset = match[7]?.toUpperCase()
  return {
    day: dayNumberOf(date),
    midnight: [match[4], match[5], match[6]].every((part) => part === undefined || Number(part) === 0),
    slack: offset === undefined || offset === 'Z' || offset === 'UTC' || /^[+-]00:?00$/.test(offset) ? 0 : 1
  }
}

function literalText(value: ValueExpressionContext): string | undefined {
  if (!(value instanceof ValueExpressionDefaultContext)) return undefined
  const primary = value.primaryExpression()
  if (primary instanceof StringLiteralContext) return stringValue(primary.getText())
  if (primary instanceof TypeConstructorContext) return stringValue(primary.string().getText())
  const inner = innerValue(value, (name) => TIME_FUNCTIONS.has(name))
  return inner ? literalText(inner) : undefined
}

/** The first argument of `f(x, ...)` when `accepts(f)`, or the operand of `CAST(x AS ...)`. */
function innerValue(
  value: ValueExpressionContext,
  accepts: (name: string) => boolean
): ValueExpressionContext | undefined {
  if (!(value instanceof ValueExpressionDefaultContext)) return undefined
  const primary = value.primaryExpression()
  let argument: ParseTree | null = null
  if (primary instanceof CastContext) argument = primary.expression().booleanExpression()
  else if (
    primary instanceof FunctionCallContext &&
    accepts(primary.functionName().getText().toLowerCase())
  ) {
    argument = primary.expression(0)?.booleanExpression() ?? null
  }
  return argument instanceof PredicatedContext && !argument.predicate()
    ? argument.valueExpression()
    : undefined
}

export interface Proposal {
  /** `year = '2026' AND month = '03' AND day BETWEEN '01' AND '15'` */
  text: string
  /** Partition columns that cannot narrow this range (it spans all their values). */
  unconstrained: string[]
}

/**
 * Partition predicates for the days `first` to `last`. `columns` are the year, month and day keys
 * in that order. Across a month or year boundary the day (month) condition is the complement of
 * the days (months) the range skips, which only exists when the range touches two months (years).
 */
export function proposePartitionPredicates(
  first: DayNumber,
  last: DayNumber,
  columns: readonly string[],
  keyType: DateKeyType
): Proposal | undefined {
  const [yearColumn, monthColumn, dayColumn] = columns
  if (!yearColumn || columns.length !== 3 || first > last) return undefined
  const a = calendarDateOf(first)
  const b = calendarDateOf(last)
  const value = (n: number, width: number): string =>
    keyType === 'int' ? n.toString() : `'${width === 2 ? pad2(n) : n.toString().padStart(width, '0')}'`
  const range = (column: string, from: number, to: number, width: number): string =>
    from === to
      ? `${column} = ${value(from, width)}`
      : `${column} BETWEEN ${value(from, width)} AND ${value(to, width)}`
  const excluding = (column: string, from: number, to: number): string =>
    `${column} NOT BETWEEN ${value(from, 2)} AND ${value(to, 2)}`

  const parts = [range(yearColumn, a.year, b.year, 4)]
  const unconstrained: string[] = []
  const sameYear = a.year === b.year
  const sameMonth = sameYear && a.month === b.month
  if (monthColumn) {
    if (sameYear) parts.push(range(monthColumn, a.month, b.month, 2))
    else if (b.year === a.year + 1 && b.month < a.month - 1)
      parts.push(excluding(monthColumn, b.month + 1, a.month - 1))
    else unconstrained.push(monthColumn)
  }
  if (dayColumn) {
    const nextMonth = a.month === 12 ? { year: a.year + 1, month: 1 } : { year: a.year, month: a.month + 1 }
    const adjacentMonths = b.year === nextMonth.year && b.month === nextMonth.month
    if (sameMonth) parts.push(range(dayColumn, a.day, b.day, 2))
    else if (adjacentMonths && b.day < a.day - 1) parts.push(excluding(dayColumn, b.day + 1, a.day - 1))
    else unconstrained.push(dayColumn)
  }
  return { text: parts.join(' AND '), unconstrained }
}
