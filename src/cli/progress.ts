/**
 * Progress of the apply phase on stderr, with an ETA from the rate so far. On a terminal, one line
 * redrawn in place (a bar), at most every `redrawMs`; elsewhere (a CI log, a file), a plain line at
 * each further tenth, which reads well in a log and stays short for a long run.
 */
import { formatCount } from '../vocabulary/format.js'

export interface ProgressStream {
  isTTY?: boolean
  columns?: number
  write(text: string): unknown
}

export interface ProgressOptions {
  /** Milliseconds since some fixed point (performance.now by default). */
  now?: () => number
  redrawMs?: number
  label?: string
}

export interface Progress {
  update(settled: number, total: number): void
  /** Ends the bar's line; a plain stream gets its last line if it was not printed yet. */
  finish(): void
}

/** `0:42`, `12:05`, `1:02:03`; `--:--` while unknown. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '--:--'
  const total = Math.round(ms / 1000)
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}

/** Time left at the average rate so far; unknown before anything settled. */
export function estimateRemaining(settled: number, total: number, elapsedMs: number): number | undefined {
  if (settled <= 0 || elapsedMs <= 0) return undefined
  return ((total - settled) * elapsedMs) / settled
}

const count = formatCount

export function createProgress(stream: ProgressStream, options: ProgressOptions = {}): Progress {
  const now = options.now ?? (() => performance.now())
  const label = options.label ?? 'applying'
  const redrawMs = options.redrawMs ?? 100
  const started = now()
  let lastDraw = Number.NEGATIVE_INFINITY
  let nextTenth = 1
  let last: { settled: number; total: number } | undefined
  let drawn = false
  let drawnSettled = -1
  let lastLinePrinted = false

  const status = (settled: number, total: number): string => {
    const percent = total > 0 ? Math.floor((settled * 100) / total) : 100
    const eta =
      settled >= total ? 'done' : `ETA ${formatDuration(estimateRemaining(settled, total, now() - started))}`
    return `${count(settled)}/${count(total)} (${percent}%), ${eta}`
  }

  const drawBar = (settled: number, total: number): void => {
    const text = `${label} ${status(settled, total)}`
    const columns = stream.columns ?? 80
    const barWidth = Math.max(10, Math.min(40, columns - text.length - 4))
    const filled = total > 0 ? Math.round((settled / total) * barWidth) : barWidth
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]`
    // \r and erase-line redraw in place; the bar never exceeds the terminal's width.
    stream.write(`\r\u001b[2K${`${bar} ${text}`.slice(0, columns - 1)}`)
    drawn = true
    drawnSettled = settled
  }

  return {
    update(settled, total) {
      last = { settled, total }
      if (stream.isTTY) {
        if (now() - lastDraw >= redrawMs || settled >= total) {
          lastDraw = now()
          drawBar(settled, total)
        }
        return
      }
      if (total === 0 || settled * 10 < nextTenth * total) return
      while (settled * 10 >= nextTenth * total) nextTenth += 1
      stream.write(`${label} ${status(settled, total)}\n`)
      lastLinePrinted = settled >= total
    },
    finish() {
      if (stream.isTTY) {
        // The last state, unless it is on screen already.
        if (last && last.settled !== drawnSettled) drawBar(last.settled, last.total)
        if (drawn) stream.write('\n')
      } else if (last && !lastLinePrinted && last.settled < last.total) {
        // A run that stopped early: say where it stopped.
        stream.write(`${label} stopped at ${status(last.settled, last.total)}\n`)
      }
    }
  }
}
