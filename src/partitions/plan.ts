/**
 * The plan: which partitions to create and which to drop, per (account, region), as day ranges.
 * Ranges keep the plan small however long the window is; apply.ts expands them lazily.
 *
 * What gets dropped: only days before the window of a series in scope of the allow-lists, whose
 * values are in this action's canonical form and whose location is CloudTrail's for this layout. Days inside or after the window, foreign values and
 * series outside the allow-lists are left alone: we never drop what we cannot prove is expired.
 */
import type { DayNumber, DayWindow } from './dates.js'
import { daysOf } from './dates.js'
import type { ReadonlyDays } from './day-set.js'
import type { ExistingPartitions } from './existing.js'
import { seriesKey } from './keys.js'

export interface DayRange {
  first: DayNumber
  last: DayNumber
}

export interface SeriesPlan {
  account: string
  region: string
  add: DayRange[]
  remove: DayRange[]
  addCount: number
  removeCount: number
  unchanged: number
}

export interface PlanTotals {
  add: number
  remove: number
  unchanged: number
  /** Existing partitions left alone: outside the allow-lists, after the window, or foreign. */
  leftAlone: number
}

export interface SyncPlan {
  window: DayWindow
  series: SeriesPlan[]
  totals: PlanTotals
}

export interface PlanScope {
  /** Account -> regions that should have partitions over the window. */
  desired: Map<string, readonly string[]>
  /** Allow-lists (empty: all) deciding which existing series retention may touch. */
  accounts: readonly string[]
  regions: readonly string[]
}

/** Groups ascending days into contiguous ranges. */
export function toRanges(days: Iterable<DayNumber>): DayRange[] {
  const ranges: DayRange[] = []
  let current: DayRange | undefined
  for (const day of days) {
    if (current && day === current.last + 1) current.last = day
    else ranges.push((current = { first: day, last: day }))
  }
  return ranges
}

export function planSync(existing: ExistingPartitions, scope: PlanScope, window: DayWindow): SyncPlan {
  const series: SeriesPlan[] = []
  const totals: PlanTotals = { add: 0, remove: 0, unchanged: 0, leftAlone: existing.foreign }
  const planned = new Set<string>()
  const inScope = (account: string, region: string): boolean =>
    (scope.accounts.length === 0 || scope.accounts.includes(account)) &&
    (scope.regions.length === 0 || scope.regions.includes(region))

  const addSeries = (account: string, region: string, days: ReadonlyDays | undefined, desired: boolean) => {
    // A day another tool (or another location) already covers gets no second partition.
    const covered = existing.covered.get(seriesKey(account, region))
    const missing = desired ? [...daysOf(window)].filter((day) => !days?.has(day) && !covered?.has(day)) : []
    const expired: DayNumber[] = []
    let unchanged = 0
    for (const day of days ?? []) {
      if (day < window.first) expired.push(day)
      else if (desired && day <= window.last) unchanged += 1
      else totals.leftAlone += 1
    }
    if (!desired && expired.length === 0) return
    expired.sort((a, b) => a - b)
    const plan: SeriesPlan = {
      account,
      region,
      add: toRanges(missing),
      remove: toRanges(expired),
      addCount: missing.length,
      removeCount: expired.length,
      unchanged
    }
    totals.add += plan.addCount
    totals.remove += plan.removeCount
    totals.unchanged += unchanged
    series.push(plan)
  }

  for (const [account, regions] of scope.desired) {
    for (const region of regions) {
      const key = seriesKey(account, region)
      planned.add(key)
      addSeries(account, region, existing.bySeries.get(key), true)
    }
  }
  // Series Glue has but the bucket no longer shows (or no longer in scope): retention only.
  for (const [key, days] of existing.bySeries) {
    if (planned.has(key)) continue
    const [account, region] = key.split('/') as [string, string]
    if (inScope(account, region)) addSeries(account, region, days, false)
    else totals.leftAlone += days.size
  }
  series.sort((a, b) => a.account.localeCompare(b.account) || a.region.localeCompare(b.region))
  return { window, series, totals }
}
