/**
 * The plan: which partitions to create and which to drop, per (account, region), as day ranges.
 * Ranges keep the plan small however long the window is; apply.ts expands them lazily.
 *
 * What gets dropped: only days before the window of a series in scope of the allow-lists, whose
 * values are in this action's canonical form and whose location is CloudTrail's for this layout. Days inside or after the window, foreign values and
 * series outside the allow-lists are left alone: we never drop what we cannot prove is expired.
 */
import type { DayNumber, DayWindow } from '../vocabulary/dates.js'
import { daysOf } from '../vocabulary/dates.js'
import { DaySet, type ReadonlyDays } from './day-set.js'
import type { ExistingPartitions, ForeignCounts } from './existing.js'
import { seriesKey } from '../vocabulary/keys.js'

export interface DayRange {
  first: DayNumber
  last: DayNumber
}

/**
 * `new`: the bucket has the series and Glue none of its days (first partitions for an account or
 * region); `kept`: both have it; `gone`: Glue has it but the bucket's folder is gone.
 */
export type SeriesStatus = 'new' | 'kept' | 'gone'

export interface SeriesPlan {
  account: string
  region: string
  status: SeriesStatus
  add: DayRange[]
  remove: DayRange[]
  addCount: number
  removeCount: number
  unchanged: number
  /** Our partitions of this series left alone: after the window, or inside it when the folder is gone. */
  leftAlone: number
}

export interface PlanTotals {
  add: number
  remove: number
  unchanged: number
  /** Existing partitions left alone: outside the allow-lists, after the window, or foreign. */
  leftAlone: number
}

/** Why existing partitions were left alone (their sum is `totals.leftAlone`). */
export interface LeftAloneCounts {
  /** Our values at another location (another bucket, organization or folder). */
  otherLocation: number
  /** Values in another form (unpadded, not a day, extra keys). */
  otherForm: number
  /** Series outside the `accounts` or `regions` allow-list. */
  outsideAllowLists: number
  outsideSeries: number
  outsideAccounts: Set<string>
  outsideRegions: Set<string>
  /** Days after the window (not provably expired). */
  afterWindow: number
  /** Days inside the window of series whose folder is gone from the bucket. */
  folderGone: number
}

export interface SyncPlan {
  window: DayWindow
  /** Every series of the bucket in scope, and every series whose folder is gone; by account, region. */
  series: SeriesPlan[]
  totals: PlanTotals
  leftAlone: LeftAloneCounts
  /** Partitions of another location or form, by seriesKey (from ExistingPartitions). */
  foreignBySeries: ReadonlyMap<string, ForeignCounts>
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
  return collectRanges(days).ranges
}

/** Ranges and the number of days, from ascending days, without keeping the days. */
function collectRanges(days: Iterable<DayNumber>): { ranges: DayRange[]; count: number } {
  const ranges: DayRange[] = []
  let current: DayRange | undefined
  let count = 0
  for (const day of days) {
    count += 1
    if (current && day === current.last + 1) current.last = day
    else ranges.push((current = { first: day, last: day }))
  }
  return { ranges, count }
}

/** Number of days in some ranges. */
export function daysIn(ranges: readonly DayRange[]): number {
  return ranges.reduce((sum, range) => sum + range.last - range.first + 1, 0)
}

export function planSync(existing: ExistingPartitions, scope: PlanScope, window: DayWindow): SyncPlan {
  const series: SeriesPlan[] = []
  const totals: PlanTotals = { add: 0, remove: 0, unchanged: 0, leftAlone: existing.foreign }
  const leftAlone: LeftAloneCounts = {
    otherLocation: existing.foreignLocation,
    otherForm: existing.foreign - existing.foreignLocation,
    outsideAllowLists: 0,
    outsideSeries: 0,
    outsideAccounts: new Set(),
    outsideRegions: new Set(),
    afterWindow: 0,
    folderGone: 0
  }
  const planned = new Set<string>()
  const accountAllowed = (account: string): boolean =>
    scope.accounts.length === 0 || scope.accounts.includes(account)
  const regionAllowed = (region: string): boolean =>
    scope.regions.length === 0 || scope.regions.includes(region)

  const addSeries = (account: string, region: string, days: ReadonlyDays | undefined, desired: boolean) => {
    // A day another tool (or another location) already covers gets no second partition.
    const covered = existing.covered.get(seriesKey(account, region))
    let unchanged = 0
    let kept = 0
    const missing = collectRanges(
      desired ? filterDays(daysOf(window), (day) => !days?.has(day) && !covered?.has(day)) : []
    )
    // One pass over the days, ascending: expired ones become ranges, the others are counted.
    const expired = collectRanges(
      filterDays(sorted(days), (day) => {
        if (day < window.first) return true
        if (desired && day <= window.last) unchanged += 1
        else {
          kept += 1
          if (day > window.last) leftAlone.afterWindow += 1
          else leftAlone.folderGone += 1
        }
        return false
      })
    )
    totals.leftAlone += kept
    const status: SeriesStatus = !desired ? 'gone' : days?.size || covered?.size ? 'kept' : 'new'
    const plan: SeriesPlan = {
      account,
      region,
      status,
      add: missing.ranges,
      remove: expired.ranges,
      addCount: missing.count,
      removeCount: expired.count,
      unchanged,
      leftAlone: kept
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
    if (accountAllowed(account) && regionAllowed(region)) {
      addSeries(account, region, days, false)
      continue
    }
    totals.leftAlone += days.size
    leftAlone.outsideAllowLists += days.size
    leftAlone.outsideSeries += 1
    if (!accountAllowed(account)) leftAlone.outsideAccounts.add(account)
    else leftAlone.outsideRegions.add(region)
  }
  series.sort((a, b) => a.account.localeCompare(b.account) || a.region.localeCompare(b.region))
  return { window, series, totals, leftAlone, foreignBySeries: existing.foreignBySeries }
}

function* filterDays(days: Iterable<DayNumber>, keep: (day: DayNumber) => boolean): Generator<DayNumber> {
  for (const day of days) if (keep(day)) yield day
}

/** DaySets iterate ascending; any other set (tests) is sorted first. */
function sorted(days: ReadonlyDays | undefined): Iterable<DayNumber> {
  if (!days) return []
  return days instanceof DaySet ? days : [...days].sort((a, b) => a - b)
}
