import {
  calendarDateOf,
  daysOf,
  formatIsoDate,
  isRealDate,
  parseIsoDate,
  syncWindow,
  todayUtc
} from '../../src/vocabulary/dates.js'

describe('UTC day arithmetic', () => {
  it('rolls over month ends, leap days and year ends', () => {
    const day = (text: string) => parseIsoDate(text)!
    expect(formatIsoDate(day('2026-01-31') + 1)).toBe('2026-02-01')
    expect(formatIsoDate(day('2028-02-28') + 1)).toBe('2028-02-29')
    expect(formatIsoDate(day('2026-02-28') + 1)).toBe('2026-03-01')
    expect(formatIsoDate(day('2100-02-28') + 1)).toBe('2100-03-01')
    expect(formatIsoDate(day('2000-02-28') + 1)).toBe('2000-02-29')
    expect(formatIsoDate(day('2026-12-31') + 1)).toBe('2027-01-01')
    expect(formatIsoDate(day('2027-01-01') - 1)).toBe('2026-12-31')
  })

  it('refuses days that do not exist and malformed text', () => {
    expect(parseIsoDate('2026-02-29')).toBeUndefined()
    expect(parseIsoDate('2028-02-29')).toBeDefined()
    expect(parseIsoDate('2026-13-01')).toBeUndefined()
    expect(parseIsoDate('2026-04-31')).toBeUndefined()
    expect(parseIsoDate('2026-4-1')).toBeUndefined()
    expect(parseIsoDate('20260401')).toBeUndefined()
    expect(isRealDate({ year: 2026, month: 0, day: 1 })).toBe(false)
  })

  it('takes today from the UTC clock, not the local one', () => {
    expect(formatIsoDate(todayUtc(new Date('2026-03-01T23:59:59.999Z')))).toBe('2026-03-01')
    expect(formatIsoDate(todayUtc(new Date('2026-03-02T00:30:00+02:00')))).toBe('2026-03-01')
    expect(calendarDateOf(parseIsoDate('2026-03-07')!)).toEqual({ year: 2026, month: 3, day: 7 })
  })

  it('builds an inclusive window of retention days back and future days ahead', () => {
    const window = syncWindow(parseIsoDate('2026-03-01')!, 2, 1)
    expect([...daysOf(window)].map(formatIsoDate)).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02'
    ])
  })
})
