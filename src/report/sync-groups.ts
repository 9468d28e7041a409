/**
 * What happened in a sync, sorted for a reader: the routine (every series rolled by the same days) as
 * a few patterns with their count, and the exceptions, each named: new series, series whose folder is
 * gone, holes filled, removals apart from the daily roll. Works on the plan's day ranges (a compact
 * signature per series), never on lists of days, so 10,000 series over years cost a few megabytes.
 */
import { formatIsoDate, type DayWindow } from '../vocabulary/dates.js'
import type { DayRange, SeriesPlan, SyncPlan } from '../partitions/plan.js'

/** Series that changed the same way: the same days added and removed. */
export interface PatternGroup {
  add: readonly DayRange[]
  remove: readonly DayRange[]
  series: SeriesPlan[]
}

/** One exception of a series: which days make it one. */
export interface SeriesException {
  series: SeriesPlan
  add: readonly DayRange[]
  remove: readonly DayRange[]
}

export interface SyncExceptions {
  /** No series of the bucket had partitions of ours before: every series is new, nothing to single out. */
  firstRun: boolean
  /** Accounts none of whose series had partitions, with their new series. */
  newAccounts: Map<string, SeriesPlan[]>
  /** New series (regions) of accounts that already had partitions. */
  newRegions: SeriesException[]
  /** Series Glue has whose folder is gone from the bucket. */
  gone: SeriesException[]
  /** Days added inside the window, between days Glue had: holes filled. */
  holes: SeriesException[]
  /** Days added at the window's start, older than any Glue had (retention raised, or a backfill). */
  olderDays: SeriesException[]
  /** Days removed that are not next to the window (strays older than the day that just expired). */
  strayRemovals: SeriesException[]
}

const rangeKey = (ranges: readonly DayRange[]): string =>
  ranges.map((range) => `${range.first}-${range.last}`).join(',')

/** Same added and removed days, same signature. */
export function signatureOf(add: readonly DayRange[], remove: readonly DayRange[]): string {
  return `${rangeKey(add)}|${rangeKey(remove)}`
}

/** Groups by pattern, largest group first (ties: earliest series first, as the plan sorts them). */
export function groupByPattern(
  entries: Iterable<{ series: SeriesPlan; add: readonly DayRange[]; remove: readonly DayRange[] }>
): PatternGroup[] {
  const groups = new Map<string, PatternGroup>()
  for (const { series, add, remove } of entries) {
    const key = signatureOf(add, remove)
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { add, remove, series: [] }))
    group.series.push(series)
  }
  return [...groups.values()].sort((a, b) => b.series.length - a.series.length)
}

/** The changed series by pattern (series with nothing added or removed are left out). */
export function changePatterns(plan: SyncPlan): PatternGroup[] {
  return groupByPattern(
    (function* () {
      for (const series of plan.series) {
        if (series.addCount + series.removeCount > 0) {
          yield { series, add: series.add, remove: series.remove }
        }
      }
    })()
  )
}

export function findExceptions(plan: SyncPlan): SyncExceptions {
  const { window } = plan
  const firstRun = !plan.series.some((series) => series.status !== 'new')
  const exceptions: SyncExceptions = {
    firstRun,
    newAccounts: new Map(),
    newRegions: [],
    gone: [],
    holes: [],
    olderDays: [],
    strayRemovals: []
  }
  const accountsWithPartitions = new Set<string>()
  for (const series of plan.series) if (series.status !== 'new') accountsWithPartitions.add(series.account)

  for (const series of plan.series) {
    if (series.status === 'new') {
      if (firstRun) continue
      if (accountsWithPartitions.has(series.account)) {
        exceptions.newRegions.push({ series, add: series.add, remove: [] })
      } else {
        let list = exceptions.newAccounts.get(series.account)
        if (!list) exceptions.newAccounts.set(series.account, (list = []))
        list.push(series)
      }
      continue
    }
    if (series.status === 'gone') exceptions.gone.push({ series, add: [], remove: series.remove })
    const notNewest = series.add.filter((range) => !isNewestDays(range, window))
    const older = notNewest.filter((range) => range.first === window.first)
    const holes = notNewest.filter((range) => range.first !== window.first)
    if (holes.length) exceptions.holes.push({ series, add: holes, remove: [] })
    if (older.length) exceptions.olderDays.push({ series, add: older, remove: [] })
    const strays = series.remove.filter((range) => range.last !== window.first - 1)
    if (strays.length) exceptions.strayRemovals.push({ series, add: [], remove: strays })
  }
  return exceptions
}

/** The days that entered the window at its end: the daily roll (a longer range after a pause). */
function isNewestDays(range: DayRange, window: DayWindow): boolean {
  return range.last === window.last
}

export function formatRange(range: DayRange): string {
  return range.first === range.last
    ? formatIsoDate(range.first)
    : `${formatIsoDate(range.first)}..${formatIsoDate(range.last)}`
}

/** At most this many ranges are written out per pattern; the rest are counted. */
export const MAX_RANGES_SHOWN = 8

/** `2026-09-01..2026-09-30, 2026-10-03`, the tail counted when there are many. */
export function formatRanges(ranges: readonly DayRange[]): string {
  const shown = ranges.slice(0, MAX_RANGES_SHOWN).map(formatRange)
  const rest = ranges.slice(MAX_RANGES_SHOWN)
  if (rest.length) {
    const days = rest.reduce((sum, range) => sum + range.last - range.first + 1, 0)
    shown.push(`… ${rest.length} more ranges (${days} days)`)
  }
  return shown.join(', ')
}

/** `+2026-12-03 · −2026-09-01`: what a pattern adds and removes. */
export function formatPattern(add: readonly DayRange[], remove: readonly DayRange[]): string {
  const parts: string[] = []
  if (add.length) parts.push(`+${formatRanges(add)}`)
  if (remove.length) parts.push(`−${formatRanges(remove)}`)
  return parts.join(' · ') || 'no change'
}

/** `111111111111 eu-west-1`. */
export const seriesName = (series: { account: string; region: string }): string =>
  `${series.account} ${series.region}`

/**
 * Series names grouped by account, compact: `111111111111: eu-west-1, us-east-1 · 222222222222: …`.
 * Accounts and regions are validated names (12 digits, AWS region form), safe to write as they are.
 */
export function seriesByAccount(series: readonly SeriesPlan[]): string {
  const parts: string[] = []
  let account: string | undefined
  let regions: string[] = []
  const close = (): void => {
    if (account !== undefined) parts.push(`${account}: ${regions.join(', ')}`)
  }
  for (const one of series) {
    if (one.account !== account) {
      close()
      account = one.account
      regions = []
    }
    regions.push(one.region)
  }
  close()
  return parts.join(' · ')
}
