/**
 * UTC calendar days as integers (days since 1970-01-01), so windows, month ends and leap years come
 * from Date arithmetic and a day costs 8 bytes, not a string.
 */
const MS_PER_DAY = 86_400_000

export type DayNumber = number

export interface CalendarDate {
  year: number
  month: number
  day: number
}

export function dayNumberOf(date: CalendarDate): DayNumber {
  return Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY
}

export function calendarDateOf(day: DayNumber): CalendarDate {
  const date = new Date(day * MS_PER_DAY)
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
}

/** The UTC day of an instant (default: now). */
export function todayUtc(now: Date = new Date()): DayNumber {
  return Math.floor(now.getTime() / MS_PER_DAY)
}

/** Parses a strict `YYYY-MM-DD` that names a real day; undefined otherwise (2026-02-30 included). */
export function parseIsoDate(text: string): DayNumber | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return undefined
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
  return isRealDate(date) ? dayNumberOf(date) : undefined
}

/** True when year, month and day name a day that exists (no 2026-02-29, no month 13). */
export function isRealDate(date: CalendarDate): boolean {
  if (!Number.isInteger(date.year) || date.year < 1970 || date.year > 9999) return false
  const back = calendarDateOf(dayNumberOf(date))
  return back.year === date.year && back.month === date.month && back.day === date.day
}

export function formatIsoDate(day: DayNumber): string {
  const { year, month, day: dayOfMonth } = calendarDateOf(day)
  return `${year}-${pad2(month)}-${pad2(dayOfMonth)}`
}

export function pad2(value: number): string {
  return value.toString().padStart(2, '0')
}

/** The inclusive range of days a sync keeps: from `asOf - retentionDays` to `asOf + futureDays`. */
export interface DayWindow {
  first: DayNumber
  last: DayNumber
}

export function syncWindow(asOf: DayNumber, retentionDays: number, futureDays: number): DayWindow {
  return { first: asOf - retentionDays, last: asOf + futureDays }
}

export function* daysOf(window: DayWindow): Generator<DayNumber> {
  for (let day = window.first; day <= window.last; day++) yield day
}
