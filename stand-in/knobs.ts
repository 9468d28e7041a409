/**
 * The stand-in's knobs: added latency, throttling (a token bucket per operation, or the next n
 * calls), injected 5xx failures, and per-operation call counters. Operations are named
 * `Service.Operation` (`Glue.GetPartitions`); a setting for `Service.*` applies to every operation
 * of the service that has no setting of its own.
 */

import type { AwsError } from './types.js'

export interface ThrottleSetting {
  /** Sustained calls per second. */
  ratePerSecond: number
  /** Bucket size: calls that may come at once before throttling starts. */
  burst: number
}

class TokenBucket {
  private tokens: number
  private last = performance.now()
  constructor(private readonly setting: ThrottleSetting) {
    this.tokens = setting.burst
  }
  take(): boolean {
    const now = performance.now()
    const refill = ((now - this.last) / 1000) * this.setting.ratePerSecond
    this.tokens = Math.min(this.setting.burst, this.tokens + refill)
    this.last = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}

interface FailureSetting {
  /** Fail this many of the next calls. */
  remaining: number
  /** Fail every nth call (0: off). */
  every: number
  seen: number
}

function lookup<T>(map: Map<string, T>, operation: string): T | undefined {
  return map.get(operation) ?? map.get(`${operation.split('.')[0]}.*`)
}

export class Knobs {
  private readonly latency = new Map<string, number>()
  private readonly buckets = new Map<string, TokenBucket>()
  private readonly throttledNext = new Map<string, { remaining: number }>()
  private readonly failures = new Map<string, FailureSetting>()

  /** Adds `ms` of latency to each call of `operation` (`*` for every operation). */
  setLatency(operation: string, ms: number): void {
    this.latency.set(operation, ms)
  }

  latencyFor(operation: string): number {
    return lookup(this.latency, operation) ?? this.latency.get('*') ?? 0
  }

  /** Throttles `operation` with a token bucket; `undefined` removes the throttle. */
  setThrottle(operation: string, setting: ThrottleSetting | undefined): void {
    if (setting) this.buckets.set(operation, new TokenBucket(setting))
    else this.buckets.delete(operation)
  }

  /**
   * Throttles the next `count` calls of `operation`, whatever their timing: for a test that needs a
   * throttled call but not the seconds a sustained throttle costs the SDK's adaptive retry.
   */
  throttleNext(operation: string, count: number): void {
    this.throttledNext.set(operation, { remaining: count })
  }

  /** True when the call may go on; false when it is throttled. */
  admit(operation: string): boolean {
    const next = lookup(this.throttledNext, operation)
    if (next && next.remaining > 0) {
      next.remaining -= 1
      return false
    }
    const bucket = lookup(this.buckets, operation)
    return bucket ? bucket.take() : true
  }

  /** The next `count` calls of `operation` fail with the service's internal (5xx) error. */
  failNext(operation: string, count: number): void {
    this.failureFor(operation).remaining = count
  }

  /** Every `n`th call of `operation` fails with the service's internal (5xx) error (0: off). */
  failEvery(operation: string, n: number): void {
    this.failureFor(operation).every = n
  }

  shouldFail(operation: string): boolean {
    const setting = lookup(this.failures, operation)
    if (!setting) return false
    setting.seen += 1
    if (setting.remaining > 0) {
      setting.remaining -= 1
      return true
    }
    return setting.every > 0 && setting.seen % setting.every === 0
  }

  reset(): void {
    this.latency.clear()
    this.buckets.clear()
    this.throttledNext.clear()
    this.failures.clear()
  }

  private failureFor(operation: string): FailureSetting {
    let setting = this.failures.get(operation)
    if (!setting) {
      setting = { remaining: 0, every: 0, seen: 0 }
      this.failures.set(operation, setting)
    }
    return setting
  }
}

export type CallOutcome = 'ok' | 'error' | 'throttled' | 'failed'

/** Counts calls per operation and outcome; tests and the benchmark read it. */
export class CallCounter {
  private readonly counts = new Map<string, Record<CallOutcome, number>>()

  record(operation: string, outcome: CallOutcome): void {
    let entry = this.counts.get(operation)
    if (!entry) {
      entry = { ok: 0, error: 0, throttled: 0, failed: 0 }
      this.counts.set(operation, entry)
    }
    entry[outcome] += 1
  }

  /** Calls of `operation` (`Service.*` for a whole service), all outcomes, or one outcome. */
  get(operation: string, outcome?: CallOutcome): number {
    let total = 0
    for (const [name, entry] of this.counts) {
      const matches = operation.endsWith('.*') ? name.startsWith(operation.slice(0, -1)) : name === operation
      if (!matches) continue
      total += outcome ? entry[outcome] : entry.ok + entry.error + entry.throttled + entry.failed
    }
    return total
  }

  /** Every operation called so far with its outcome counts. */
  snapshot(): Record<string, Record<CallOutcome, number>> {
    return Object.fromEntries([...this.counts].map(([name, entry]) => [name, { ...entry }]))
  }

  reset(): void {
    this.counts.clear()
  }
}

/** When an injected fault fires: after `skip` calls, the next `count` calls; and/or every `every`th call. */
export interface FaultSchedule {
  skip?: number
  count?: number
  every?: number
}

interface ScheduledFault {
  error: AwsError
  skip: number
  remaining: number
  every: number
  seen: number
}

/**
 * A service's own errors on demand (a Glue `OperationTimeoutException` on the third GetPartitions
 * page, `AccessDeniedException` on CreatePartitionIndex), and hooks that change state right before
 * a call is handled (another person's UpdateTable between our read and our write). Operations are
 * named `Service.Operation`, as for the other knobs.
 */
export class Faults {
  private readonly faults = new Map<string, ScheduledFault[]>()
  private readonly hooks = new Map<string, (() => void)[]>()

  /** Answers `operation` with `error` as scheduled (default: the next call only). */
  inject(operation: string, error: AwsError, schedule: FaultSchedule = {}): void {
    const list = this.faults.get(operation) ?? []
    list.push({
      error,
      skip: schedule.skip ?? 0,
      remaining: schedule.count ?? (schedule.every ? 0 : 1),
      every: schedule.every ?? 0,
      seen: 0
    })
    this.faults.set(operation, list)
  }

  /** Runs `hook` once, right before the next call of `operation` is handled. */
  beforeNext(operation: string, hook: () => void): void {
    this.hooks.set(operation, [...(this.hooks.get(operation) ?? []), hook])
  }

  /** Called by the service before it handles `operation`: runs due hooks, throws a due fault. */
  intercept(operation: string): void {
    const hooks = this.hooks.get(operation)
    if (hooks) {
      this.hooks.delete(operation)
      for (const hook of hooks) hook()
    }
    for (const fault of this.faults.get(operation) ?? []) {
      fault.seen += 1
      if (fault.seen <= fault.skip) continue
      if (fault.remaining > 0) {
        fault.remaining -= 1
        throw fault.error
      }
      if (fault.every > 0 && (fault.seen - fault.skip) % fault.every === 0) throw fault.error
    }
  }

  reset(): void {
    this.faults.clear()
    this.hooks.clear()
  }
}
