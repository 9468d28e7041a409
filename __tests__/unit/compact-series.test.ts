/**
 * The compact per-series state (interned ids, day bits over a span with the rest aside, a plan of
 * ids worked out on demand) against the simple form it replaced (Map of `account/region` strings to
 * Sets of days, a plan of objects), on random organizations and windows, many seeds.
 */
import { SeriesDays } from '../../src/partitions/series-days.js'
import { SeriesIndex } from '../../src/partitions/series-index.js'
import { planSync, toRanges, type DayRange, type SeriesStatus } from '../../src/partitions/plan.js'
import { checkRemovals } from '../../src/partitions/guards.js'
import { seriesKey } from '../../src/vocabulary/keys.js'
import type { DayWindow } from '../../src/vocabulary/dates.js'
import { existingOf } from '../helpers/existing.js'
import { seededRandom } from '../helpers/random.js'

const random = seededRandom
const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1)
const REGIONS = [
  'eu-central-1',
  'eu-west-1',
  'us-east-1',
  'ap-southeast-2',
  'us-gov-west-1',
  'eusc-de-east-1'
]
const BASE_DAY = 20_500

function randomWindow(next: () => number): DayWindow {
  const first = BASE_DAY + Math.floor(next() * 400)
  return { first, last: first + Math.floor(next() * 120) }
}

/** A day near the window most of the time, sometimes years away on either side. */
function randomDay(next: () => number, window: DayWindow): number {
  const roll = next()
  if (roll < 0.05) return window.first - 200 - Math.floor(next() * 3000)
  if (roll < 0.08) return window.last + 40 + Math.floor(next() * 500)
  return window.first - 40 + Math.floor(next() * (window.last - window.first + 80))
}

describe('SeriesIndex', () => {
  it.each(SEEDS)(
    'gives each pair one dense id and its names back, as a Map of strings would (seed %i)',
    (seed) => {
      const next = random(seed)
      const index = new SeriesIndex()
      const simple = new Map<string, number>()
      for (let i = 0; i < 300; i++) {
        const account = String(100000000000 + Math.floor(next() * 40))
        const region = REGIONS[Math.floor(next() * REGIONS.length)] as string
        const key = seriesKey(account, region)
        if (next() < 0.2) {
          expect(index.find(account, region)).toBe(simple.get(key))
          continue
        }
        const id = index.id(account, region)
        if (!simple.has(key)) simple.set(key, simple.size)
        expect(id).toBe(simple.get(key))
      }
      expect(index.size).toBe(simple.size)
      for (const [key, id] of simple) expect(seriesKey(index.account(id), index.region(id))).toBe(key)
      // Sorted by account, then region, as the plan always listed them.
      const expected = [...simple.keys()].sort((a, b) => {
        const [accountA, regionA] = a.split('/') as [string, string]
        const [accountB, regionB] = b.split('/') as [string, string]
        return accountA.localeCompare(accountB) || regionA.localeCompare(regionB)
      })
      expect(
        [...index.sorted(simple.values())].map((id) => seriesKey(index.account(id), index.region(id)))
      ).toEqual(expected)
    }
  )

  it('keeps ids apart past the small-key range (many regions, many accounts)', () => {
    const index = new SeriesIndex()
    const ids = new Set<number>()
    for (let region = 0; region < 4200; region += 7) ids.add(index.id('111111111111', `xx-test-${region}`))
    expect(ids.size).toBe(600)
    expect(index.find('111111111111', 'xx-test-4193')).toBe(599)
    expect(index.find('111111111111', 'xx-test-1')).toBeUndefined()
  })
})

describe('SeriesDays', () => {
  it.each(SEEDS)('holds the same days as a Map of Sets, inside and outside its span (seed %i)', (seed) => {
    const next = random(seed)
    const window = randomWindow(next)
    const days = new SeriesDays(window, Math.floor(next() * 40))
    const simple = new Map<number, Set<number>>()
    const wrongAdds: [number, number][] = []
    for (let i = 0; i < 2000; i++) {
      const series = Math.floor(next() * 50)
      const day = randomDay(next, window)
      let set = simple.get(series)
      if (!set) simple.set(series, (set = new Set()))
      const isNew = !set.has(day)
      set.add(day)
      if (days.add(series, day) !== isNew) wrongAdds.push([series, day])
    }
    expect(wrongAdds).toEqual([])
    const actual: unknown[] = []
    const expected: unknown[] = []
    for (let series = 0; series < 60; series++) {
      const set = simple.get(series) ?? new Set<number>()
      const probes = Array.from({ length: 30 }, () => randomDay(next, window))
      actual.push(
        days.size(series),
        [...days.days(series)],
        probes.map((day) => days.has(series, day))
      )
      expected.push(
        set.size,
        [...set].sort((a, b) => a - b),
        probes.map((day) => set.has(day))
      )
    }
    expect(actual).toEqual(expected)
    expect([...days.series()]).toEqual([...simple.keys()].sort((a, b) => a - b))
    expect(days.total).toBe([...simple.values()].reduce((n, set) => n + set.size, 0))
  })
})

/** The plan as it was computed from Maps and Sets, per series: the reference. */
interface SimpleSeries {
  key: string
  status: SeriesStatus
  add: DayRange[]
  remove: DayRange[]
  unchanged: number
  leftAlone: number
}

function simplePlan(
  ours: Map<string, Set<number>>,
  covered: Map<string, Set<number>>,
  desired: Map<string, string[]>,
  accounts: string[],
  regions: string[],
  window: DayWindow
): { series: SimpleSeries[]; outside: number } {
  const series: SimpleSeries[] = []
  const planned = new Set<string>()
  const one = (key: string, days: Set<number> | undefined, wanted: boolean): SimpleSeries => {
    const sorted = [...(days ?? [])].sort((a, b) => a - b)
    const other = covered.get(key)
    const add: number[] = []
    if (wanted) {
      for (let day = window.first; day <= window.last; day++)
        if (!days?.has(day) && !other?.has(day)) add.push(day)
    }
    return {
      key,
      status: !wanted ? 'gone' : days?.size || other?.size ? 'kept' : 'new',
      add: toRanges(add),
      remove: toRanges(sorted.filter((day) => day < window.first)),
      unchanged: wanted ? sorted.filter((day) => day >= window.first && day <= window.last).length : 0,
      leftAlone: sorted.filter((day) => day > window.last || (!wanted && day >= window.first)).length
    }
  }
  for (const [account, list] of desired) {
    for (const region of list) {
      planned.add(seriesKey(account, region))
      series.push(one(seriesKey(account, region), ours.get(seriesKey(account, region)), true))
    }
  }
  let outside = 0
  for (const [key, days] of ours) {
    if (planned.has(key)) continue
    const [account, region] = key.split('/') as [string, string]
    if (
      (accounts.length === 0 || accounts.includes(account)) &&
      (regions.length === 0 || regions.includes(region))
    )
      series.push(one(key, days, false))
    else outside += days.size
  }
  series.sort((a, b) => {
    const [accountA, regionA] = a.key.split('/') as [string, string]
    const [accountB, regionB] = b.key.split('/') as [string, string]
    return accountA.localeCompare(accountB) || regionA.localeCompare(regionB)
  })
  return { series, outside }
}

describe('planSync over compact state', () => {
  it.each(SEEDS)('plans what the simple Map/Set plan plans, series by series (seed %i)', (seed) => {
    const next = random(seed)
    const window = randomWindow(next)
    const accounts = Array.from({ length: 1 + Math.floor(next() * 12) }, (_, i) =>
      String(100000000000 + i * 7)
    )
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
    const ours = new Map<string, Set<number>>()
    for (let i = 0; i < 60; i++) {
      const key = seriesKey(pick(accounts), pick(REGIONS))
      let set = ours.get(key)
      if (!set) ours.set(key, (set = new Set()))
      const runStart = randomDay(next, window)
      const length = Math.floor(next() * 20)
      for (let day = runStart; day < runStart + length; day++) set.add(day)
    }
    for (const [key, set] of ours) if (set.size === 0) ours.delete(key)
    // Days another tool's partitions (another form or place) already cover.
    const covered = new Map<string, Set<number>>()
    for (let i = 0; i < 8; i++) {
      const key = seriesKey(pick(accounts), pick(REGIONS))
      let set = covered.get(key)
      if (!set) covered.set(key, (set = new Set()))
      set.add(randomDay(next, window))
    }
    const desired = new Map<string, string[]>()
    for (const account of accounts) {
      if (next() < 0.2) continue
      const list = REGIONS.filter(() => next() < 0.5).sort()
      if (list.length) desired.set(account, list)
    }
    const allowAccounts = next() < 0.3 ? accounts.filter(() => next() < 0.5) : []
    const allowRegions = next() < 0.3 ? REGIONS.filter(() => next() < 0.5) : []

    // Any span: the bits' layout must not change the answer.
    const span = next() < 0.5 ? window : randomWindow(next)
    const existing = existingOf(
      span,
      [...ours].map(([key, set]): [string, Set<number>] => [key, set])
    )
    for (const [key, set] of covered) {
      const [account, region] = key.split('/') as [string, string]
      for (const day of set) existing.covered.add(existing.index.id(account, region), day)
    }
    const plan = planSync(existing, { desired, accounts: allowAccounts, regions: allowRegions }, window)
    const expected = simplePlan(ours, covered, desired, allowAccounts, allowRegions, window)

    const actual = [...plan.series()].map((series) => ({
      key: seriesKey(series.account, series.region),
      status: series.status,
      add: series.add,
      remove: series.remove,
      unchanged: series.unchanged,
      leftAlone: series.leftAlone
    }))
    expect(actual).toEqual(expected.series)
    const sum = (pick: (s: SimpleSeries) => number): number =>
      expected.series.reduce((n, s) => n + pick(s), 0)
    const days = (ranges: DayRange[]): number => ranges.reduce((n, r) => n + r.last - r.first + 1, 0)
    expect(plan.totals).toEqual({
      add: sum((s) => days(s.add)),
      remove: sum((s) => days(s.remove)),
      unchanged: sum((s) => s.unchanged),
      leftAlone: sum((s) => s.leftAlone) + expected.outside
    })
    expect(plan.leftAlone.outsideAllowLists).toBe(expected.outside)
    // The removal guard counts distinct days over all series.
    const removed = new Set(expected.series.flatMap((s) => s.remove.flatMap((r) => rangeDays(r))))
    expect(checkRemovals(plan, 7).days).toBe(removed.size)
  })
})

function rangeDays(range: DayRange): number[] {
  return Array.from({ length: range.last - range.first + 1 }, (_, i) => range.first + i)
}
