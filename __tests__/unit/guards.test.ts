import { ConfigurationError } from '../../src/vocabulary/errors.js'
import {
  daysOf,
  formatIsoDate,
  parseIsoDate,
  syncWindow,
  type DayWindow
} from '../../src/vocabulary/dates.js'
import { emptyExisting, type ExistingPartitions } from '../../src/partitions/existing.js'
import { existingOf } from '../helpers/existing.js'
import { checkAsOf, checkRemovals, describeRefusal, oneYearBefore } from '../../src/partitions/guards.js'
import { seriesKey } from '../../src/vocabulary/keys.js'
import { planSync, type SyncPlan } from '../../src/partitions/plan.js'

const day = (text: string) => parseIsoDate(text)!
const ACCOUNTS = ['111111111111', '222222222222', '333333333333']
const REGIONS = ['eu-west-1', 'us-east-1']

/** Every series holding every day of `had`. */
function glueHolding(had: DayWindow): ExistingPartitions {
  const series: [string, number[]][] = []
  for (const account of ACCOUNTS) {
    for (const region of REGIONS) series.push([seriesKey(account, region), [...daysOf(had)]])
  }
  return existingOf(had, series)
}

function plan(existing: ExistingPartitions, asOf: string, retentionDays: number): SyncPlan {
  const desired = new Map(ACCOUNTS.map((account) => [account, REGIONS]))
  return planSync(existing, { desired, accounts: [], regions: [] }, syncWindow(day(asOf), retentionDays, 1))
}

/** What yesterday's run (retention 90, one day ahead) left in Glue. */
const afterYesterday = () => glueHolding(syncWindow(day('2026-11-29'), 90, 1))

describe('removal guard', () => {
  it('lets a first run on an empty table through', () => {
    expect(
      checkRemovals(plan(emptyExisting(syncWindow(day('2026-11-30'), 90, 1)), '2026-11-30', 90), 7)
    ).toEqual({
      days: 0,
      max: 7,
      exceeded: false
    })
  })

  it('lets the daily roll through: one day, however many series lose it', () => {
    const check = checkRemovals(plan(afterYesterday(), '2026-11-30', 90), 7)
    expect(check).toEqual({
      days: 1,
      oldest: day('2026-08-31'),
      newest: day('2026-08-31'),
      max: 7,
      exceeded: false
    })
  })

  it("lets a week's pause through (seven days), and trips on the eighth", () => {
    expect(checkRemovals(plan(afterYesterday(), '2026-12-06', 90), 7)).toMatchObject({
      days: 7,
      exceeded: false
    })
    expect(checkRemovals(plan(afterYesterday(), '2026-12-07', 90), 7)).toMatchObject({
      days: 8,
      exceeded: true
    })
  })

  it('refuses a retention-days typo (9 for 90), with the totals and the days in the message', () => {
    const typo = plan(afterYesterday(), '2026-11-30', 9)
    const check = checkRemovals(typo, 7)
    expect(check).toEqual({
      days: 82,
      oldest: day('2026-08-31'),
      newest: day('2026-11-20'),
      max: 7,
      exceeded: true
    })
    const message = describeRefusal(check, typo, false)
    expect(message).toBe(
      "Input 'max-remove-days': this run would remove the partitions of 82 days (2026-08-31 to 2026-11-20), " +
        'more than max-remove-days (7). Stopped before writing anything: the plan adds 6, removes 492 and keeps ' +
        "60 partitions. If this is not meant, check 'retention-days' and 'as-of'. For a clean-up you mean, look at " +
        "the plan with 'dry-run: true' first, then set 'max-remove-days' to at least 82 for that run."
    )
    expect(describeRefusal(check, typo, true)).toContain('A run without dry-run would stop here')
    const large = { ...typo, totals: { ...typo.totals, remove: 40000, unchanged: 10000 } }
    expect(describeRefusal(check, large, false)).toContain('removes 40,000 and keeps 10,000 partitions')
  })

  it('lets retention lowered on purpose through when max-remove-days is raised for it', () => {
    const lowered = plan(afterYesterday(), '2026-11-30', 30)
    expect(checkRemovals(lowered, 7)).toMatchObject({ days: 61, exceeded: true })
    expect(checkRemovals(lowered, 61)).toMatchObject({ days: 61, exceeded: false })
  })

  it('trips on the first run over a table holding years of old partitions (a clean-up to confirm)', () => {
    const existing = glueHolding({ first: day('2021-01-01'), last: day('2026-11-30') })
    const check = checkRemovals(plan(existing, '2026-11-30', 90), 7)
    expect(check).toMatchObject({ oldest: day('2021-01-01'), newest: day('2026-08-31'), exceeded: true })
    expect(check.days).toBe(day('2026-08-31') - day('2021-01-01') + 1)
  })

  it('counts distinct days: series losing different days add up, the same day counts once', () => {
    const existing = existingOf(syncWindow(day('2026-11-30'), 90, 1), [
      [seriesKey(ACCOUNTS[0]!, 'eu-west-1'), [day('2026-01-01'), day('2026-01-02')]],
      [seriesKey(ACCOUNTS[1]!, 'eu-west-1'), [day('2026-01-02'), day('2026-03-01')]]
    ])
    const check = checkRemovals(plan(existing, '2026-11-30', 90), 7)
    expect(check).toEqual({
      days: 3,
      oldest: day('2026-01-01'),
      newest: day('2026-03-01'),
      max: 7,
      exceeded: false
    })
  })
})

describe('as-of guard', () => {
  const today = day('2026-11-30')

  it('accepts today, tomorrow and the past year (backfills)', () => {
    for (const asOf of ['2026-11-30', '2026-12-01', '2026-05-01', '2025-11-30'])
      expect(() => checkAsOf(day(asOf), today)).not.toThrow()
  })

  it('refuses a day more than a year back (ten years back: the typo of 2016 for 2026)', () => {
    expect(() => checkAsOf(day('2025-11-29'), today)).toThrow(
      /^Input 'as-of': 2025-11-29 is more than a year before today \(2026-11-30, UTC\)/
    )
    expect(() => checkAsOf(day('2016-11-30'), today)).toThrow(ConfigurationError)
  })

  it('counts a year back by the calendar, 29 February giving 28 February', () => {
    expect(formatIsoDate(oneYearBefore(day('2028-02-29')))).toBe('2027-02-28')
    expect(formatIsoDate(oneYearBefore(day('2027-03-01')))).toBe('2026-03-01')
  })

  it('refuses a day after tomorrow, as a ConfigurationError naming the input', () => {
    expect(() => checkAsOf(day('2062-03-10'), today)).toThrow(ConfigurationError)
    expect(() => checkAsOf(day('2026-12-02'), today)).toThrow(
      /^Input 'as-of': 2026-12-02 is after tomorrow \(2026-12-01, UTC\)/
    )
  })
})
