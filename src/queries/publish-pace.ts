/**
 * Client-side pacing of Athena calls. Athena's named-query APIs allow 5 calls per second per account
 * (burst 10 to 20); the SDK only retries once throttled, so a large publish is paced below the quota
 * up front, one lane per operation (each has its own quota).
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { withBackoff, type BackoffOptions } from '../aws/retry.js'
import type { Logger } from '../vocabulary/logger.js'

export class Pacer {
  private readonly next = new Map<string, number>()

  constructor(private readonly callsPerSecond: number) {}

  /** Waits until `operation` may be called again. */
  async wait(operation: string): Promise<void> {
    const interval = 1000 / this.callsPerSecond
    const now = performance.now()
    const at = Math.max(now, this.next.get(operation) ?? now)
    this.next.set(operation, at + interval)
    if (at > now) await sleep(at - now)
  }
}

/** Sends one Athena call: paced, and retried on throttling and 5xx beyond the SDK's own attempts. */
export type Send = <T>(operation: string, call: () => Promise<T>) => Promise<T>

export function pacedSender(pacer: Pacer, backoff: BackoffOptions, logger: Logger): Send {
  return (operation, call) =>
    withBackoff(
      async () => {
        await pacer.wait(operation)
        return call()
      },
      { operation: `Athena.${operation}`, logger },
      backoff
    )
}
