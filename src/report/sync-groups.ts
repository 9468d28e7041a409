/**
 * What happened in a sync, sorted for a reader: the routine (every series rolled by the same days) as
 * a few patterns with their count, and the exceptions, each named: new series, series whose folder is
 * gone, holes filled, removals apart from the daily roll. Works on the plan's day ranges (a compact
 * signature per series), never on lists of days, and keeps series as their positions in the plan (a
 * number each), so 110,000 series over years cost a few megabytes.
 */
import { formatIsoDate, type DayWindow } from '../vocabulary/dates.js'
import type { DayRange, SeriesPlan, SyncPlan } from '../partitions/plan.js'

/** Series that changed the same way: the same days added and removed. */
export interface PatternGroup {
  add: readonly DayRange[]
  remove: readonly DayRange[]
  /** Positions in the plan's order, ascending. */
  series: number[]
}

export interface SyncExceptions {
  /** No series of the bucket had partitions of ours before: every series is new, nothing to single out. */
  firstRun: boolean
  /** Accounts none of whose series had partitions, with the positions of their new series. */
  newAccounts: Map<string, number[]>
  /** New series (regions) of accounts that already had partitions, by the days they got. */
  newRegions: PatternGroup[]
  /** Series Glue has whose folder is gone from the bucket, by the days removed. */
  gone: PatternGroup[]
  /** Days added inside the window, between days Glue had: holes filled. */
  holes: PatternGroup[]
  /** Days added at the window's start, older than any Glue had (retention raised, or a backfill). */
  olderDays: PatternGroup[]
  /** Days removed that are not next to the window (strays older than the day that just expired). */
  strayRemovals: PatternGroup[]
}

const rangeKey = (ranges: readonly DayRange[]): string =>
  ranges.map((range) => `${range.first}-${range.last}`).join(',')

/** Same added and removed days, same signature. */
export function signatureOf(add: readonly DayRange[], remove: readonly DayRange[]): string {
  return `${rangeKey(add)}|${rangeKey(remove)}`
}

/** Collects series into groups of the same pattern. */
export class PatternGroups {
  private readonly groups = new Map<string, PatternGroup>()

  add(position: number, add: readonly DayRange[], remove: readonly DayRange[]): void {
    const key = signatureOf(add, remove)
    let group = this.groups.get(key)
    if (!group) this.groups.set(key, (group = { add, remove, series: [] }))
    group.series.push(position)
  }

  /** Largest group first (ties: earliest series first, as the plan orders them). */
  sorted(): PatternGroup[] {
    return [...this.groups.values()].sort(
      (a, b) => b.series.length - a.series.length || (a.series[0] ?? 0) - (b.series[0] ?? 0)
    )
  }
}

/** The changed series by pattern (series with nothing added or removed are left out). */
export function changePatterns(plan: SyncPlan): PatternGroup[] {
  const groups = new PatternGroups()
  for (const series of plan.series()) {
    if (series.addCount + series.removeCount > 0) groups.add(series.position, series.add, series.remove)
  }
  return groups.sorted()
}

export function findExceptions(plan: SyncPlan): SyncExceptions {
  const { window } = plan
  const accountsWithPartitions = new Set<string>()
  for (let position = 0; position < plan.seriesCount; position++) {
    if (plan.statusAt(position) !== 'new') accountsWithPartitions.add(plan.accountAt(position))
  }
  const firstRun = accountsWithPartitions.size === 0
  const newAccounts = new Map<string, number[]>()
  const newRegions = new PatternGroups()
  const gone = new PatternGroups()
  const holes = new PatternGroups()
  const olderDays = new PatternGroups()
  const strayRemovals = new PatternGroups()

  for (const series of plan.series()) {
    if (series.status === 'new') {
      if (firstRun) continue
      if (accountsWithPartitions.has(series.account)) {
        newRegions.add(series.position, series.add, [])
      } else {
        let list = newAccounts.get(series.account)
        if (!list) newAccounts.set(series.account, (list = []))
        list.push(series.position)
      }
      continue
    }
    if (series.status === 'gone') gone.add(series.position, [], series.remove)
    const notNewest = series.add.filter((range) => !isNewestDays(range, window))
    const older = notNewest.filter((range) => range.first === window.first)
    const holeRanges = notNewest.filter((range) => range.first !== window.first)
    if (holeRanges.length) holes.add(series.position, holeRanges, [])
    if (older.length) olderDays.add(series.position, older, [])
    const strays = series.remove.filter((range) => range.last !== window.first - 1)
    if (strays.length) strayRemovals.add(series.position, [], strays)
  }
  return {
    firstRun,
    newAccounts,
    newRegions: newRegions.sorted(),
    gone: gone.sorted(),
    holes: holes.sorted(),
    olderDays: olderDays.sorted(),
    strayRemovals: strayRemovals.sorted()
  }
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

/** The name of the series at a position of the plan. */
export function nameAt(plan: SyncPlan, position: number): string {
  const id = plan.idAt(position)
  return `${plan.index.account(id)} ${plan.index.region(id)}`
}

/**
 * Series names grouped by account, one piece an account: `111111111111: eu-west-1, us-east-1`, then
 * `222222222222: …`. Pieces are made as they are read, so a reader that stops early (a size budget)
 * never builds the rest. Accounts and regions are validated names (12 digits, AWS region form), safe
 * to write as they are.
 */
export function* seriesByAccount(plan: SyncPlan, positions: readonly number[]): Generator<string> {
  let account: string | undefined
  let regions: string[] = []
  for (const position of positions) {
    const id = plan.idAt(position)
    const next = plan.index.account(id)
    if (next !== account) {
      if (account !== undefined) yield `${account}: ${regions.join(', ')}`
      account = next
      regions = []
    }
    regions.push(plan.index.region(id))
  }
  if (account !== undefined) yield `${account}: ${regions.join(', ')}`
}

/** The plan's series at some positions, worked out one at a time. */
export function* seriesAtPositions(plan: SyncPlan, positions: readonly number[]): Generator<SeriesPlan> {
  for (const position of positions) yield plan.seriesAt(position)
}
