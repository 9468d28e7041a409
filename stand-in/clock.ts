/**
 * The stand-in's time: real time plus an offset that tests move forward, so that a session expires
 * or a partition index becomes ACTIVE without a test sitting out a real wait (tests never sleep).
 * A test that checks a boundary to the millisecond freezes it first. Session expiry, index states
 * and Glue's timestamps read it; GitHub's OIDC tokens (oidc.ts) and the knobs' token buckets follow
 * real time.
 */
export class Clock {
  private offsetMs = 0
  private frozenAt: number | undefined

  /** Milliseconds since the epoch, as the stand-in sees it. */
  now(): number {
    return this.frozenAt ?? Date.now() + this.offsetMs
  }

  /** Epoch seconds (with fractions), as Glue and Athena answer timestamps. */
  nowSeconds(): number {
    return this.now() / 1000
  }

  /** Moves the stand-in's time forward by `ms` (a session expires, an index finishes building). */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`the stand-in's clock only moves forward, not by ${ms} ms`)
    if (this.frozenAt === undefined) this.offsetMs += ms
    else this.frozenAt += ms
  }

  /** Stops time where it is: from now on only `advance` moves it. */
  freeze(): void {
    this.frozenAt = this.now()
  }

  /** Back to real time. */
  reset(): void {
    this.offsetMs = 0
    this.frozenAt = undefined
  }
}
