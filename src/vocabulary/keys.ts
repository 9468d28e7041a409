/**
 * Partition keys and values. The default scheme, the one tables this action creates get, is the
 * five keys of AWS's CloudTrail table for organization trails: `account`, `region`, `year`, `month`,
 * `day`. Values are strings in Glue whatever the key type: zero-padded for `string` date keys (as
 * CloudTrail's path is, and whatever folder the source writes: Config's `2026/3/7` is `'03'`, `'07'`
 * too), canonical decimals for `int` keys.
 *
 * Tables made from AWS's own examples have one date key instead (KeyScheme): of type `date`, values
 * `2026-03-07` (the VPC Flow Logs table), or a string in a date format, values `2026/03/07` (the
 * CloudTrail and ALB projection tables' `yyyy/MM/dd`). Such a table may also leave out `account`
 * or `region` when it holds one account or Region: the scheme then carries that one value.
 */
import { calendarDateOf, dayNumberOf, isRealDate, pad2, type DayNumber } from './dates.js'

export const PARTITION_KEY_NAMES = ['account', 'region', 'year', 'month', 'day'] as const

export type DateKeyType = 'string' | 'int'

/** The date keys of a table: year, month and day, or one key holding the whole day. */
export type DateKeys =
  | { kind: 'parts'; type: DateKeyType }
  | { kind: 'date'; name: string }
  | { kind: 'formatted'; name: string; format: string }

export interface KeyScheme {
  date: DateKeys
  /** The table's one account, when it has no `account` key. */
  account?: string
  /** The table's one Region, when it has no `region` key. */
  region?: string
}

/** How values are written: a DateKeyType for the five keys, or a whole scheme. */
export type KeyForm = DateKeyType | KeyScheme

export function schemeOf(form: KeyForm): KeyScheme {
  return typeof form === 'string' ? { date: { kind: 'parts', type: form } } : form
}

/** One partition of the table, as the sync thinks of it. */
export interface PartitionRef {
  account: string
  region: string
  day: DayNumber
}

export const ACCOUNT_PATTERN = /^\d{12}$/
/** AWS region names: `eu-central-1`, `us-gov-west-1`, `eusc-de-east-1`. */
export const REGION_PATTERN = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/

/** The fields of a date format this action writes and reads (Java's letters, as Athena's projection). */
const FORMAT_FIELDS = /yyyy|MM|M|dd|d/g
/**
 * A format of one day: a year, a month and a day, and nothing finer (no `HH`). A letter run is one
 * field whole: Java reads `MMM` as the month's name and `ddd` as no day field, never as `MM` + `M`.
 */
export const DAY_FORMAT = /^(?=.*yyyy)(?=.*M)(?=.*d)(?:yyyy(?!y)|MM(?!M)|M(?!M)|dd(?!d)|d(?!d)|[^A-Za-z'])+$/

export function formatDay(format: string, day: DayNumber): string {
  const { year, month, day: date } = calendarDateOf(day)
  const fields: Record<string, string> = {
    yyyy: String(year).padStart(4, '0'),
    MM: pad2(month),
    M: String(month),
    dd: pad2(date),
    d: String(date)
  }
  return format.replace(FORMAT_FIELDS, (field) => fields[field] ?? field)
}

function dateValues(date: DateKeys, day: DayNumber): string[] {
  if (date.kind === 'date') return [formatDay('yyyy-MM-dd', day)]
  if (date.kind === 'formatted') return [formatDay(date.format, day)]
  const { year, month, day: dayOfMonth } = calendarDateOf(day)
  const format = date.type === 'string' ? pad2 : (n: number) => n.toString()
  return [year.toString(), format(month), format(dayOfMonth)]
}

export function partitionValues(ref: PartitionRef, form: KeyForm): string[] {
  const scheme = schemeOf(form)
  return [
    ...(scheme.account === undefined ? [ref.account] : []),
    ...(scheme.region === undefined ? [ref.region] : []),
    ...dateValues(scheme.date, ref.day)
  ]
}

/** The account, the region and the date values of a partition, by the scheme; undefined when the count is wrong. */
function split(
  values: readonly string[],
  scheme: KeyScheme
): { account: string; region: string; date: readonly string[] } | undefined {
  const rest = [...values]
  const account = scheme.account ?? rest.shift()
  const region = scheme.region ?? rest.shift()
  const count = scheme.date.kind === 'parts' ? 3 : 1
  if (account === undefined || region === undefined || rest.length !== count) return undefined
  if (!ACCOUNT_PATTERN.test(account) || !REGION_PATTERN.test(region)) return undefined
  return { account, region, date: rest }
}

/** A day read from a one-key value in any padding of the format (`2026/3/7` for `yyyy/MM/dd`). */
function readFormatted(format: string, text: string): DayNumber | undefined {
  const order: string[] = []
  const escaped = format.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = escaped.replace(FORMAT_FIELDS, (field) => {
    order.push(field[0] as string)
    return field === 'yyyy' ? '(\\d{4})' : '(\\d{1,2})'
  })
  const match = new RegExp(`^${pattern}$`).exec(text)
  if (!match) return undefined
  const parts: Record<string, number> = {}
  order.forEach((field, index) => (parts[field] = Number(match[index + 1])))
  const date = { year: parts.y ?? NaN, month: parts.M ?? NaN, day: parts.d ?? NaN }
  return isRealDate(date) ? dayNumberOf(date) : undefined
}

function anyDay(date: DateKeys, values: readonly string[]): DayNumber | undefined {
  if (date.kind === 'date') return readFormatted('yyyy-MM-dd', values[0] ?? '')
  if (date.kind === 'formatted') return readFormatted(date.format, values[0] ?? '')
  const [year = '', month = '', day = ''] = values
  if (![year, month, day].every((part) => /^\d{1,4}$/.test(part))) return undefined
  const parts = { year: Number(year), month: Number(month), day: Number(day) }
  return isRealDate(parts) ? dayNumberOf(parts) : undefined
}

/**
 * Reads values written in this table's canonical form back into a PartitionRef. Anything else
 * (unpadded strings in a string table, a day that does not exist, extra keys) is not ours: undefined.
 */
export function parsePartitionValues(values: readonly string[], form: KeyForm): PartitionRef | undefined {
  const scheme = schemeOf(form)
  const parts = split(values, scheme)
  if (!parts) return undefined
  const day = anyDay(scheme.date, parts.date)
  if (day === undefined) return undefined
  const canonical = dateValues(scheme.date, day)
  return canonical.every((value, index) => value === parts.date[index])
    ? { account: parts.account, region: parts.region, day }
    : undefined
}

/**
 * Reads any form that still names a day (`'3'` or `'03'`, int or string, `2026/3/7`), so that a day
 * another tool already partitioned is not given a second partition over the same folder.
 */
export function parseAnyDayForm(
  values: readonly string[],
  form: KeyForm = 'string'
): PartitionRef | undefined {
  const scheme = schemeOf(form)
  const parts = split(values, scheme)
  if (!parts) return undefined
  const day = anyDay(scheme.date, parts.date)
  return day === undefined ? undefined : { account: parts.account, region: parts.region, day }
}

/** The names of the date keys: `year, month, day`, or the one key (`timestamp`). */
export function dateKeyNames(form: KeyForm): string[] {
  const { date } = schemeOf(form)
  return date.kind === 'parts' ? ['year', 'month', 'day'] : [date.name]
}

/** How a person reads the scheme: `string`, `int`, `` `date` date ``, `` `timestamp` string yyyy/MM/dd ``. */
export function describeKeys(form: KeyForm): string {
  const scheme = schemeOf(form)
  const date =
    scheme.date.kind === 'parts'
      ? scheme.date.type
      : scheme.date.kind === 'date'
        ? `${scheme.date.name} date`
        : `${scheme.date.name} string ${scheme.date.format}`
  const fixed = [
    ...(scheme.account === undefined ? [] : [`account ${scheme.account}`]),
    ...(scheme.region === undefined ? [] : [`region ${scheme.region}`])
  ]
  return fixed.length ? `${date} (one ${fixed.join(', one ')}, no key)` : date
}

/** Key of an (account, region) pair in maps and reports. */
export function seriesKey(account: string, region: string): string {
  return `${account}/${region}`
}
