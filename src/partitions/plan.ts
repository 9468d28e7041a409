/**
 * The plan: which partitions to create and which to drop, per (account, region), as day ranges.
 *
 * The plan keeps no per-series objects: a series is an id (series-index.ts), what Glue has is bits
 * (series-days.ts), and the plan is the order of the series in scope plus one byte a series saying
 * whether the bucket has it. A series' days to add and drop are worked out from those bits when
 * asked (`seriesAt`, `series()`), as a short-lived SeriesPlan, so 110,000 series cost a few bytes
 * each between the phases instead of objects and arrays each.
 *
 * What gets dropped: only days before the window of a series in scope of the allow-lists, whose
 * values are in this action's canonical form and whose location is the day folder of the
 * source's layout.
 * Days inside or after the window, foreign values and series outside the allow-lists are left alone:
 * we never drop what we cannot prove is expired.
 */
import type { DayNumber, DayWindow } from '../vocabulary/dates.js'
import type { ExistingPartitions, ForeignCounts } from './existing.js'
import type { SeriesId, SeriesIndex } from './series-index.js'

export interface DayRange {
  first: DayNumber
  last: DayNumber
}

/**
 * `new`: the bucket has the series and Glue none of its days (first partitions for an account or
 * region); `kept`: both have it; `gone`: Glue has it but the bucket's folder is gone.
 */
export type SeriesStatus = 'new' | 'kept' | 'gone'

/** One series of the plan, worked out when asked; hold on to its `position`, not to it. */
export interface SeriesPlan {
  /** Place in the plan's order (by account, then region). */
  position: number
  id: SeriesId
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

export interface PlanScope {
  /** Account -> regions that should have partitions over the window. */
  desired: ReadonlyMap<string, readonly string[]>
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

/** Number of days in some ranges. */
export function daysIn(ranges: readonly DayRange[]): number {
  return ranges.reduce((sum, range) => sum + range.last - range.first + 1, 0)
}

/** Counts of one series, without its ranges. */
interface SeriesCounts {
  add: number
  remove: number
  unchanged: number
  afterWindow: number
  folderGone: number
}

export class SyncPlan {
  readonly totals: PlanTotals
  readonly leftAlone: LeftAloneCounts
  /** The names behind the series ids. */
  readonly index: SeriesIndex
  /** Partitions of another location or form, by series (from ExistingPartitions). */
  readonly foreignBySeries: ReadonlyMap<SeriesId, ForeignCounts>
  /** Series in scope that the bucket has: they get a partition every day of the window. */
  readonly inBucketCount: number
  /** 1 for a series in scope, by id. */
  private readonly inScope: Uint8Array

  /**
   * @param order series in scope, by account then region: every series of the bucket, and every
   *   series Glue has whose folder is gone, inside the allow-lists
   * @param inBucket 1 for a series the bucket has (its window is wanted), by id
   */
  constructor(
    readonly window: DayWindow,
    private readonly existing: ExistingPartitions,
    private readonly order: Int32Array,
    private readonly inBucket: Uint8Array,
    leftAlone: LeftAloneCounts,
    leftAloneTotal: number
  ) {
    this.index = existing.index
    this.foreignBySeries = existing.foreignBySeries
    this.leftAlone = leftAlone
    this.totals = { add: 0, remove: 0, unchanged: 0, leftAlone: leftAloneTotal }
    this.inScope = new Uint8Array(existing.index.size)
    let inBucketCount = 0
    for (const id of order) {
      this.inScope[id] = 1
      if (inBucket[id]) inBucketCount += 1
      const counts = this.countsOf(id)
      this.totals.add += counts.add
      this.totals.remove += counts.remove
      this.totals.unchanged += counts.unchanged
      this.totals.leftAlone += counts.afterWindow + counts.folderGone
      leftAlone.afterWindow += counts.afterWindow
      leftAlone.folderGone += counts.folderGone
    }
    this.inBucketCount = inBucketCount
  }

  /** Series in scope. */
  get seriesCount(): number {
    return this.order.length
  }

  /** The series at `position` of the plan's order. */
  seriesAt(position: number): SeriesPlan {
    const id = this.idAt(position)
    const add = this.inBucket[id] ? toRanges(this.addDays(id)) : []
    const remove = toRanges(this.removeDays(id))
    const counts = this.countsOf(id)
    return {
      position,
      id,
      account: this.index.account(id),
      region: this.index.region(id),
      status: this.statusOf(id),
      add,
      remove,
      addCount: counts.add,
      removeCount: counts.remove,
      unchanged: counts.unchanged,
      leftAlone: counts.afterWindow + counts.folderGone
    }
  }

  /** Every series in scope, in order, each worked out as it is reached. */
  *series(): Generator<SeriesPlan> {
    for (let position = 0; position < this.order.length; position++) yield this.seriesAt(position)
  }

  /** The id of the series at `position`. */
  idAt(position: number): SeriesId {
    const id = this.order[position]
    if (id === undefined) throw new RangeError(`no series at ${position} of ${this.order.length}`)
    return id
  }

  /** A series' status, without working out its days. */
  statusAt(position: number): SeriesStatus {
    return this.statusOf(this.idAt(position))
  }

  accountAt(position: number): string {
    return this.index.account(this.idAt(position))
  }

  /** Days of the window the series lacks, ascending; a day another tool covers gets no second partition. */
  *addDays(id: SeriesId): Generator<DayNumber> {
    if (!this.inBucket[id]) return
    const { bySeries, covered } = this.existing
    for (let day = this.window.first; day <= this.window.last; day++) {
      if (!bySeries.has(id, day) && !covered.has(id, day)) yield day
    }
  }

  /** Whether the plan removes this day of the series (ours, before the window, in scope). */
  removes(id: SeriesId, day: DayNumber): boolean {
    return this.inScope[id] === 1 && day < this.window.first && this.existing.bySeries.has(id, day)
  }

  /** Our days before the window, ascending. */
  *removeDays(id: SeriesId): Generator<DayNumber> {
    for (const day of this.existing.bySeries.days(id)) {
      if (day >= this.window.first) return
      yield day
    }
  }

  private statusOf(id: SeriesId): SeriesStatus {
    if (!this.inBucket[id]) return 'gone'
    return this.existing.bySeries.size(id) || this.existing.covered.size(id) ? 'kept' : 'new'
  }

  private countsOf(id: SeriesId): SeriesCounts {
    const { first, last } = this.window
    const wanted = this.inBucket[id] === 1
    const counts: SeriesCounts = { add: 0, remove: 0, unchanged: 0, afterWindow: 0, folderGone: 0 }
    for (const day of this.existing.bySeries.days(id)) {
      if (day < first) counts.remove += 1
      else if (day > last) counts.afterWindow += 1
      else if (wanted) counts.unchanged += 1
      else counts.folderGone += 1
    }
    if (wanted) for (const _ of this.addDays(id)) counts.add += 1
    return counts
  }
}

export function planSync(existing: ExistingPartitions, scope: PlanScope, window: DayWindow): SyncPlan {
  const { index, bySeries } = existing
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
  const wanted: SeriesId[] = []
  for (const [account, regions] of scope.desired) {
    for (const region of regions) wanted.push(index.id(account, region))
  }
  const inBucket = new Uint8Array(index.size)
  const inScope: SeriesId[] = []
  for (const id of wanted) {
    if (inBucket[id]) continue
    inBucket[id] = 1
    inScope.push(id)
  }

  const allowAccounts = new Set(scope.accounts)
  const allowRegions = new Set(scope.regions)
  // Series Glue has but the bucket no longer shows (or no longer in scope): retention only.
  let outside = 0
  for (const id of bySeries.series()) {
    if (inBucket[id]) continue
    const account = index.account(id)
    const region = index.region(id)
    const accountAllowed = allowAccounts.size === 0 || allowAccounts.has(account)
    if (accountAllowed && (allowRegions.size === 0 || allowRegions.has(region))) {
      inScope.push(id)
      continue
    }
    const days = bySeries.size(id)
    outside += days
    leftAlone.outsideAllowLists += days
    leftAlone.outsideSeries += 1
    if (!accountAllowed) leftAlone.outsideAccounts.add(account)
    else leftAlone.outsideRegions.add(region)
  }
  return new SyncPlan(
    window,
    existing,
    index.sorted(inScope),
    inBucket,
    leftAlone,
    existing.foreign + outside
  )
}
