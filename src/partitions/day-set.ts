/**
 * A set of day numbers as a bitmap: one bit a day from the earliest day seen. Reading what Glue has
 * keeps one of these per account and region, so 90 days cost 12 bytes of bits instead of 90 Set
 * entries (about 30 bytes each): memory stays small at Glue's 10 million partitions per table.
 */
import type { DayNumber } from '../vocabulary/dates.js'

/** What the plan reads; a Set<number> has the same shape (tests use one). */
export interface ReadonlyDays extends Iterable<DayNumber> {
  has(day: DayNumber): boolean
  readonly size: number
}

export class DaySet implements ReadonlyDays {
  /** Day of bit 0; a multiple of 8, so that re-basing moves whole bytes. */
  private base = 0
  private bits = new Uint8Array(0)
  private count = 0

  get size(): number {
    return this.count
  }

  has(day: DayNumber): boolean {
    const offset = day - this.base
    if (offset < 0 || offset >= this.bits.length * 8) return false
    return ((this.bits[offset >> 3] ?? 0) & (1 << (offset & 7))) !== 0
  }

  add(day: DayNumber): void {
    if (this.bits.length === 0) {
      this.base = Math.floor(day / 8) * 8
      this.bits = new Uint8Array(16)
    }
    if (day < this.base) this.rebase(Math.floor(day / 8) * 8)
    const offset = day - this.base
    if (offset >= this.bits.length * 8) this.grow((offset >> 3) + 1)
    const byte = offset >> 3
    const mask = 1 << (offset & 7)
    if (((this.bits[byte] ?? 0) & mask) === 0) {
      this.bits[byte] = (this.bits[byte] ?? 0) | mask
      this.count += 1
    }
  }

  /** Ascending. */
  *[Symbol.iterator](): Iterator<DayNumber> {
    for (let byte = 0; byte < this.bits.length; byte++) {
      const value = this.bits[byte] ?? 0
      if (value === 0) continue
      for (let bit = 0; bit < 8; bit++) if (value & (1 << bit)) yield this.base + byte * 8 + bit
    }
  }

  private grow(minimumBytes: number): void {
    const bits = new Uint8Array(Math.max(minimumBytes, this.bits.length * 2))
    bits.set(this.bits)
    this.bits = bits
  }

  private rebase(newBase: DayNumber): void {
    const shift = (this.base - newBase) >> 3
    const bits = new Uint8Array(this.bits.length + shift)
    bits.set(this.bits, shift)
    this.bits = bits
    this.base = newBase
  }
}
