/**
 * A set of days per series, as bits. Days inside a span given up front (the window and the weeks
 * around it, where nearly every partition falls) sit in one byte array shared by all series,
 * `stride` bytes each: 110,000 series over a 90-day window cost under 2 MB. Any other day of a
 * series (strays years old, a partition far ahead) goes to a DaySet of its own.
 */
import type { DayNumber, DayWindow } from '../vocabulary/dates.js'
import { DaySet, type ReadonlyDays } from './day-set.js'
import type { SeriesId } from './series-index.js'

/** Days of the span kept before and after the given one: a pause of a few weeks stays in it. */
export const SPAN_MARGIN_DAYS = 31

export class SeriesDays {
  /** First day of the span; a multiple of 8. */
  readonly base: DayNumber
  /** Bytes per series. */
  readonly stride: number
  private bits: Uint8Array
  private counts: Int32Array
  private readonly outside = new Map<SeriesId, DaySet>()
  private totalDays = 0

  constructor(span: DayWindow, margin = SPAN_MARGIN_DAYS) {
    this.base = Math.floor((span.first - margin) / 8) * 8
    this.stride = Math.max(1, Math.ceil((span.last + margin + 1 - this.base) / 8))
    this.bits = new Uint8Array(0)
    this.counts = new Int32Array(0)
  }

  /** Days over all series. */
  get total(): number {
    return this.totalDays
  }

  /** Adds a day; false when the series had it already. */
  add(series: SeriesId, day: DayNumber): boolean {
    this.reserve(series)
    const offset = day - this.base
    if (offset >= 0 && offset < this.stride * 8) {
      const at = series * this.stride + (offset >> 3)
      const mask = 1 << (offset & 7)
      const byte = this.bits[at] ?? 0
      if (byte & mask) return false
      this.bits[at] = byte | mask
    } else {
      let days = this.outside.get(series)
      if (!days) this.outside.set(series, (days = new DaySet()))
      const before = days.size
      days.add(day)
      if (days.size === before) return false
    }
    this.counts[series] = (this.counts[series] ?? 0) + 1
    this.totalDays += 1
    return true
  }

  has(series: SeriesId, day: DayNumber): boolean {
    if (series >= this.counts.length) return false
    const offset = day - this.base
    if (offset >= 0 && offset < this.stride * 8) {
      return ((this.bits[series * this.stride + (offset >> 3)] ?? 0) & (1 << (offset & 7))) !== 0
    }
    return this.outside.get(series)?.has(day) ?? false
  }

  size(series: SeriesId): number {
    return this.counts[series] ?? 0
  }

  /** The series' days, ascending. */
  *days(series: SeriesId): Generator<DayNumber> {
    if (this.size(series) === 0) return
    const outside = this.outside.get(series)
    const end = this.base + this.stride * 8
    if (outside) for (const day of outside) if (day < this.base) yield day
    const start = series * this.stride
    for (let byte = 0; byte < this.stride; byte++) {
      const value = this.bits[start + byte] ?? 0
      if (value === 0) continue
      for (let bit = 0; bit < 8; bit++) if (value & (1 << bit)) yield this.base + byte * 8 + bit
    }
    if (outside) for (const day of outside) if (day >= end) yield day
  }

  /** Series with at least one day, by id. */
  *series(): Generator<SeriesId> {
    for (let id = 0; id < this.counts.length; id++) if ((this.counts[id] ?? 0) > 0) yield id
  }

  /** One series' days as a read-only set (for code that takes a set). */
  of(series: SeriesId): ReadonlyDays {
    return {
      has: (day) => this.has(series, day),
      size: this.size(series),
      [Symbol.iterator]: () => this.days(series)
    }
  }

  private reserve(series: SeriesId): void {
    if (series < this.counts.length) return
    const capacity = Math.max(1024, this.counts.length * 2, series + 1)
    const counts = new Int32Array(capacity)
    counts.set(this.counts)
    const bits = new Uint8Array(capacity * this.stride)
    bits.set(this.bits)
    this.counts = counts
    this.bits = bits
  }
}
