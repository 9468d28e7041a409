/**
 * The core's Logger on a terminal's stderr: warnings always, steps with --verbose. stdout is kept
 * for the report, so that `> plan.json` or `| jq` gets only the report. Every line passes through
 * logText: messages carry file names and AWS text that must not drive the terminal.
 */
import type { Logger } from '../vocabulary/logger.js'
import { logText } from '../vocabulary/escape.js'

export interface LineSink {
  write(text: string): unknown
}

export function terminalLogger(
  stderr: LineSink,
  verbose: boolean,
  /** Rewords the core's messages for this front door (inputs named as flags). */
  reword: (message: string) => string = (message) => message
): Logger {
  const line = (prefix: string, message: string): void => {
    for (const part of reword(message).split('\n')) stderr.write(`${prefix}${logText(part)}\n`)
  }
  return {
    info: (message) => {
      if (verbose) line('', message)
    },
    warning: (message) => line('warning: ', message),
    // The action's debug lines (one per partition left alone) are for a workflow's debug logging.
    debug: () => undefined,
    group: async (name, fn) => {
      if (verbose) line('== ', name)
      return fn()
    }
  }
}
