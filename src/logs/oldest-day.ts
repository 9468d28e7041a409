/**
 * The oldest day with logs, from a few delimiter listings instead of one per series: a sample of
 * series spread over the accounts, their year folders, then the months and days of the oldest year,
 * each folder read as the layout spells it (`2026/03/07`, Config's `2026/3/7`, `year=2026/…`).
 * An organization trail starts every account present at its creation on the same day, so a sample
 * of accounts almost always holds one of them; the refusal says how to narrow the sample when not.
 * Used only for a backfill (`as-of` given, a month or more back), never by the daily run.
 */
import type { S3Client } from '@aws-sdk/client-s3'
import { Inputs } from '../vocabulary/constants.js'
import { dayNumberOf, formatIsoDate, isRealDate, type DayNumber } from '../vocabulary/dates.js'
import { ConfigurationError } from '../vocabulary/errors.js'
import { mapConcurrent } from '../vocabulary/concurrency.js'
import { listFolders } from './discover.js'
import { dateSegment, regionFolder, regionsRoot, type DatePart, type Layout } from './layout.js'
import { fill, read } from './path.js'

/** Series looked at: at most three listings each. */
export const SAMPLED_SERIES = 8
/** A given `as-of` at least this many days back is checked against the bucket. */
export const BACKFILL_CHECK_DAYS = 28

export interface OldestLogs {
  day: DayNumber
  /** Series the day was looked for in. */
  sampled: number
}

/** One region of `count` accounts spread evenly (us-east-1 where the account has it: it always has logs). */
export function sampleSeries(
  series: ReadonlyMap<string, readonly string[]>,
  count = SAMPLED_SERIES
): [string, string][] {
  const accounts = [...series.keys()]
  const step = Math.max(1, accounts.length / count)
  const picked: [string, string][] = []
  for (let at = 0; at < accounts.length && picked.length < count; at += step) {
    const account = accounts[Math.floor(at)] as string
    const regions = series.get(account) ?? []
    const region = regions.includes('us-east-1') ? 'us-east-1' : regions[0]
    if (region) picked.push([account, region])
  }
  return picked
}

/** What a year, month or day folder may name; Date.UTC would turn 0000, 13 or 40 into another day. */
const RANGES: Readonly<Record<DatePart, readonly [number, number]>> = {
  year: [1970, 9999],
  month: [1, 12],
  day: [1, 31]
}

/** The numbers of the folders that are this layout's year, month or day folders. */
const numbered = (layout: Layout, part: DatePart, names: readonly string[]): number[] =>
  names.flatMap((name) => {
    const value = read(dateSegment(layout, part), name)
    const number = Number(value)
    const [low, high] = RANGES[part]
    return value === undefined || number < low || number > high ? [] : [number]
  })

/** The oldest day folder among a sample of series; undefined when none has one. */
export async function oldestLogDay(
  s3: S3Client,
  layout: Layout,
  series: ReadonlyMap<string, readonly string[]>,
  concurrency: number
): Promise<OldestLogs | undefined> {
  const sample = sampleSeries(series)
  const root = ([account, region]: [string, string]): string =>
    `${regionsRoot(layout, account)}${regionFolder(layout, region)}/`
  const oldest = async (part: DatePart, folder: string): Promise<number> =>
    Math.min(...numbered(layout, part, await listFolders(s3, layout.bucket, folder)))
  const years = await mapConcurrent(sample, concurrency, (entry) => oldest('year', root(entry)))
  const oldestYear = Math.min(...years)
  if (!Number.isFinite(oldestYear)) return undefined
  const inOldestYear = sample.filter((_, index) => years[index] === oldestYear)
  const days = await mapConcurrent(inOldestYear, concurrency, async (entry) => {
    const yearFolder = `${root(entry)}${fill(dateSegment(layout, 'year'), oldestYear)}/`
    const month = await oldest('month', yearFolder)
    if (!Number.isFinite(month)) return Infinity
    const day = await oldest('day', `${yearFolder}${fill(dateSegment(layout, 'month'), month)}/`)
    const date = { year: oldestYear, month, day }
    return Number.isFinite(day) && isRealDate(date) ? dayNumberOf(date) : Infinity
  })
  const day = Math.min(...days)
  return Number.isFinite(day) ? { day, sampled: sample.length } : undefined
}

/** A backfill's `as-of` before any log of the sample: the window would hold only empty days. */
export function checkAsOfAgainstLogs(asOf: DayNumber, oldest: OldestLogs | undefined): void {
  if (!oldest || asOf >= oldest.day) return
  throw new ConfigurationError(
    `Input '${Inputs.AsOf}': ${formatIsoDate(asOf)} is before the bucket's oldest logs (${formatIsoDate(oldest.day)}, ` +
      `the oldest day folder of ${oldest.sampled} account/region series looked at). A sync then creates partitions ` +
      `for days without logs, and the next run would stop at the removal guard. Give an '${Inputs.AsOf}' from ` +
      `${formatIsoDate(oldest.day)} on, or leave it empty for today. If other accounts have older logs, set ` +
      `'${Inputs.Accounts}' to them for this backfill.`
  )
}
