/**
 * `cloudtrail-partitions ... | head` closes the pipe before the report is written out: the rest of
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
