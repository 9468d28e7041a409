/**
 * Failures of the output streams. `cloudtrail-partitions ... | head` closes the pipe before the report is written out: the rest of
 * the output has nowhere to go, which is no failure of the command. Without a listener Node throws
 * the EPIPE as an unhandled 'error' event and prints its stack; the exit code stays the command's.
 */
import type { EventEmitter } from 'node:events'

const CLOSED = new Set(['EPIPE', 'ERR_STREAM_DESTROYED'])

export function ignoreClosedPipe(stream: EventEmitter): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (!CLOSED.has(error.code ?? '')) throw error
  })
}

/**
 * Watches stdout for a write that failed for another reason than a closed pipe (a full disk,
 * `> /dev/full`: ENOSPC). Without this the error event would end the process with a stack trace,
 * after a sync had applied its changes. Returns what runCli asks once everything is written.
 */
export function watchOutput(stream: NodeJS.WritableStream & EventEmitter): () => Promise<Error | undefined> {
  let failure: Error | undefined
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (!CLOSED.has(error.code ?? '')) failure ??= error
  })
  return async () => {
    // A write's callback runs once the writes before it are done (or failed); the error event follows.
    await new Promise<void>((resolve) => stream.write('', () => resolve()))
    await new Promise((resolve) => setImmediate(resolve))
    return failure
  }
}
