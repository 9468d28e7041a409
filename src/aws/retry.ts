/**
 * A second line of retries around whole Glue batch calls, after the SDK's own: Glue throttles per
 * account and Region, so a long sync can outlast the SDK's attempts; and Glue's
 * OperationTimeoutException is a 400 that the SDK does not retry at all.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import type { Logger } from '../vocabulary/logger.js'

export interface BackoffOptions {
  attempts: number
  baseMs: number
  maxMs: number
}

export const DEFAULT_BACKOFF: BackoffOptions = { attempts: 5, baseMs: 1000, maxMs: 30_000 }

/** What is being retried, and where each retry is said (at debug level). */
export interface RetryContext {
  /** `Service.Operation`, as the report's table of calls names it. */
  operation: string
  logger: Logger
}

const RETRYABLE_CODES = new Set([
  'ThrottlingException',
  'OperationTimeoutException',
  'InternalServiceException',
  'ConcurrentModificationException'
])

/**
 * Set by the call counter (aws/clients.ts) on a failed call's error: called when this module tries
 * the call again, so the report counts it as a retry of one call rather than a failed call.
 */
export const NOTE_RETRY = Symbol.for('cloudtrail-partitions.note-retry')

function noteRetry(error: unknown): void {
  const note = (error as { [NOTE_RETRY]?: () => void } | undefined)?.[NOTE_RETRY]
  if (typeof note === 'function') note()
}

export function isRetryable(error: unknown): boolean {
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } }
  return RETRYABLE_CODES.has(name ?? '') || ($metadata?.httpStatusCode ?? 0) >= 500
}

/** The error's AWS code (`ThrottlingException`), else Node's (`ECONNRESET`), else its name. */
export function errorCode(error: unknown): string {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown }
  if (typeof name === 'string' && name !== '' && name !== 'Error') return name
  if (typeof code === 'string' && code !== '') return code
  return typeof name === 'string' && name !== '' ? name : 'unknown error'
}

/**
 * Calls `fn` until it succeeds, a non-retryable error, or `attempts`; full-jitter exponential waits.
 * Each retry is logged at debug level with the operation and the error's code, so a slow run says why.
 */
export async function withBackoff<T>(
  fn: () => Promise<T>,
  context: RetryContext,
  options: BackoffOptions = DEFAULT_BACKOFF,
  retryable: (error: unknown) => boolean = isRetryable
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn()
    } catch (error) {
      if (attempt >= options.attempts || !retryable(error)) throw error
      noteRetry(error)
      const waitMs = Math.round(Math.random() * Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 1)))
      context.logger.debug(
        `retrying ${context.operation} after ${errorCode(error)} (attempt ${attempt + 1} of ${options.attempts} in ${waitMs} ms)`
      )
      await sleep(waitMs)
    }
  }
}
