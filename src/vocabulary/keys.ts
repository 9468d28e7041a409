/**
 * Partition keys and values of every source's table: `account`, `region`, `year`, `month`, `day`
 * (the keys of AWS's CloudTrail table for organization trails). Values are strings in Glue whatever
 * the key type: zero-padded for `string` date keys (as CloudTrail's path is, and whatever folder
 * the source writes: Config's `2026/3/7` is `'03'`, `'07'` too), canonical decimals for `int` keys.
 */
import { calendarDateOf, dayNumberOf, isRealDate, pad2, type DayNumber } from './dates.js'

export const PARTITION_KEY_NAMES = ['account', 'region', 'year', 'month', 'day'] as const

export type DateKeyType = 'string' | 'int'

/** One partition of the table, as the sync thinks of it. */
export interface PartitionRef {
  account: string
  region: string
  day: DayNumber
}

export const ACCOUNT_PATTERN = /^\d{12}$/
/** AWS region names: `eu-central-1`, `us-gov-west-1`, `eusc-de-east-1`. */
export const REGION_PATTERN = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/

export function partitionValues(ref: PartitionRef, dateKeyType: DateKeyType): string[] {
  const { year, month, day } = calendarDateOf(ref.day)
  const format = dateKeyType === 'string' ? pad2 : (n: number) => n.toString()
  return [ref.account, ref.region, year.toString(), format(month), format(day)]
}

/**
 * Reads values written in this table's canonical form back into a PartitionRef. Anything else
 * (unpadded strings in a string table, a day that does not exist, extra keys) is not ours: undefined.
 */
export function parsePartitionValues(
  values: readonly string[],
  dateKeyType: DateKeyType
): PartitionRef | undefined {
  if (values.length !== PARTITION_KEY_NAMES.length) return undefined
  const [account, region, yearText, monthText, dayText] = values as [string, string, string, string, string]
  if (!ACCOUNT_PATTERN.test(account) || !REGION_PATTERN.test(region)) return undefined
  const date = { year: Number(yearText), month: Number(monthText), day: Number(dayText) }
  if (!/^\d+$/.test(yearText + monthText + dayText) || !isRealDate(date)) return undefined
  const ref = { account, region, day: dayNumberOf(date) }
  const canonical = partitionValues(ref, dateKeyType)
  return canonical[2] === yearText && canonical[3] === monthText && canonical[4] === dayText ? ref : undefined
}

/**
 * Reads any form that still names a day (`'3'` or `'03'`, int or string), so that a day another tool
 * already partitioned is not given a second partition over the same folder.
 */
export function parseAnyDayForm(values: readonly string[]): PartitionRef | undefined {
  if (values.length !== PARTITION_KEY_NAMES.length) return undefined
  const [account, region, year, month, day] = values as [string, string, string, string, string]
  if (!ACCOUNT_PATTERN.test(account) || !REGION_PATTERN.test(region)) return undefined
  if (![year, month, day].every((part) => /^\d{1,4}$/.test(part))) return undefined
  const date = { year: Number(year), month: Number(month), day: Number(day) }
  return isRealDate(date) ? { account, region, day: dayNumberOf(date) } : undefined
}

/** Key of an (account, region) pair in maps and reports. */
export function seriesKey(account: string, region: string): string {
  return `${account}/${region}`
}
