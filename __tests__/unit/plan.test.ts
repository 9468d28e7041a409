import { formatIsoDate, parseIsoDate, syncWindow } from '../../src/vocabulary/dates.js'
import type { ExistingPartitions } from '../../src/partitions/existing.js'
import { seriesKey } from '../../src/vocabulary/keys.js'
import { planSync, toRanges, type DayRange } from '../../src/partitions/plan.js'
import { existingOf } from '../helpers/existing.js'

const day = (text: string) => parseIsoDate(text)!
const iso = (ranges: DayRange[]) => ranges.map((r) => [formatIsoDate(r.first), formatIsoDate(r.last)])
const A = '111111111111'
const B = '222222222222'

function existing(entries: Record<string, string[]>, foreign = 0): ExistingPartitions {
  const days = Object.entries(entries).map(([key, list]): [string, number[]] => [key, list.map(day)])
  return existingOf(syncWindow(day('2026-03-01'), 2, 1), days, foreign)
}

describe('toRanges', () => {
  it('groups ascending days into contiguous ranges', () => {
    expect(toRanges([1, 2, 3, 5, 7, 8])).toEqual([
      { first: 1, last: 3 },
      { first: 5, last: 5 },
      { first: 7, last: 8 }
    ])
    expect(toRanges([])).toEqual([])
  })
})

describe('planSync', () => {
  const window = syncWindow(day('2026-03-01'), 2, 1) // 02-27 .. 03-02

  it('adds every missing day of the window for each discovered series', () => {
    const plan = planSync(
      existing({}),
      { desired: new Map([[A, ['eu-west-1', 'us-east-1']]]), accounts: [], regions: [] },
      window
    )
    expect(plan.totals).toEqual({ add: 8, remove: 0, unchanged: 0, leftAlone: 0 })
    expect(iso(plan.seriesAt(0).add)).toEqual([['2026-02-27', '2026-03-02']])
  })

  it('keeps what exists, fills gaps, and removes only days before the window', () => {
    const have = existing({
      [seriesKey(A, 'eu-west-1')]: ['2026-02-25', '2026-02-26', '2026-02-27', '2026-03-01', '2026-03-09']
    })
    const plan = planSync(have, { desired: new Map([[A, ['eu-west-1']]]), accounts: [], regions: [] }, window)
    const series = plan.seriesAt(0)
    expect(iso(series.add)).toEqual([
      ['2026-02-28', '2026-02-28'],
      ['2026-03-02', '2026-03-02']
    ])
    expect(iso(series.remove)).toEqual([['2026-02-25', '2026-02-26']])
    expect(series.unchanged).toBe(2)
    // 03-09 lies after the window: not provably expired, left alone.
    expect(plan.totals).toEqual({ add: 2, remove: 2, unchanged: 2, leftAlone: 1 })
  })

  it('applies retention to series Glue has but the bucket no longer shows, inside the allow-lists only', () => {
    const have = existing(
      {
        [seriesKey(B, 'eu-west-1')]: ['2026-01-01', '2026-02-28'],
        [seriesKey(B, 'ap-south-1')]: ['2026-01-01']
      },
      3
    )
    const plan = planSync(have, { desired: new Map(), accounts: [], regions: ['eu-west-1'] }, window)
    expect(plan.seriesCount).toBe(1)
    expect(plan.seriesAt(0)).toMatchObject({ account: B, region: 'eu-west-1', removeCount: 1, addCount: 0 })
    // In-window day of an undiscovered series, the out-of-scope region, and 3 foreign partitions.
    expect(plan.totals).toEqual({ add: 0, remove: 1, unchanged: 0, leftAlone: 5 })
  })

  it('plans nothing when Glue already matches', () => {
    const have = existing({
      [seriesKey(A, 'eu-west-1')]: ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']
    })
    const plan = planSync(have, { desired: new Map([[A, ['eu-west-1']]]), accounts: [], regions: [] }, window)
    expect(plan.totals).toEqual({ add: 0, remove: 0, unchanged: 4, leftAlone: 0 })
  })
})
