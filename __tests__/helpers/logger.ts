/** A Logger that keeps what it is told, for tests that check what a run says (and at what level). */
import type { Logger } from '../../src/vocabulary/logger.js'

export interface LoggedLine {
  level: 'info' | 'warning' | 'debug'
  message: string
}

export interface RecordingLogger extends Logger {
  lines: LoggedLine[]
  /** The messages logged at `level`. */
  at(level: LoggedLine['level']): string[]
}

export function recordingLogger(): RecordingLogger {
  const lines: LoggedLine[] = []
  return {
    lines,
    at: (level) => lines.filter((line) => line.level === level).map((line) => line.message),
    info: (message) => void lines.push({ level: 'info', message }),
    warning: (message) => void lines.push({ level: 'warning', message }),
    debug: (message) => void lines.push({ level: 'debug', message }),
    group: (_name, fn) => fn()
  }
}
