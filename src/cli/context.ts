/** What each command of the command line runs with: its flags, streams and environment. */
import type { InputReader } from '../inputs.js'
import type { Logger } from '../vocabulary/logger.js'
import type { CliOptions } from './args.js'
import type { InputName } from './inputs.generated.js'

export interface OutputStream {
  isTTY?: boolean
  columns?: number
  write(text: string): unknown
}

export interface CliIo {
  stdout: OutputStream
  stderr: OutputStream
  env: NodeJS.ProcessEnv
  cwd: string
  /**
   * Once everything is written: the error stdout met, if any (a closed pipe is none: the reader
   * went away, as `| head` does).
   */
  outputFailure?: () => Promise<Error | undefined>
}

export interface CliContext extends CliIo {
  /** Inputs given on the command line. */
  given: ReadonlyMap<InputName, string>
  read: InputReader
  options: CliOptions
  logger: Logger
  version: string
  /**
   * Records what the run changed in AWS, as a clause (`the sync's changes were applied and stand:
   * ...`), for the line that reports a report stdout could not take.
   */
  changed: (what: string) => void
}

/** Columns for the plain-text report: the terminal's, or 80 for files and pipes (read in a terminal later). */
export function widthOf(stream: OutputStream): number {
  return stream.isTTY && stream.columns ? Math.max(40, stream.columns) : 80
}

/** Exit codes scripts can rely on. */
export const ExitCode = { Done: 0, Failed: 1, Usage: 2 } as const
