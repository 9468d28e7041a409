/**
 * The machine-readable plan: per (account, region), the day ranges added and removed, so a later
 * step (or a person reviewing a dry run) sees exactly what the run did or would do.
 *
 * At Glue's largest table the plan names 110,000 series (tens of megabytes of JSON), so it is never
 * built whole: the document is written as a stream of text, one series at a time, worked out from
 * the plan's bits as it goes. The file is written to a temporary file beside it and renamed, so a
 * reader never sees half a plan; and a path that is not a regular file (a FIFO would block the run,
 * a device such as /dev/full fails midway) is refused before the sync writes anything.
 */
import { randomBytes } from 'node:crypto'
import { constants, createWriteStream } from 'node:fs'
import { access, realpath, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { Inputs } from '../vocabulary/constants.js'
import { ConfigurationError } from '../vocabulary/errors.js'
import { formatIsoDate } from '../vocabulary/dates.js'
import { describeKeys } from '../vocabulary/keys.js'
import type { DayRange, SeriesPlan } from '../partitions/plan.js'
import type { SyncReport } from './sync-outcome.js'
import { totalsOf } from './summary.js'
import { upkeepPlanFields } from './sync-upkeep.js'

export const PLAN_FILE_VERSION = 1

/** Text is handed on in pieces of about this size. */
const CHUNK_CHARS = 64 * 1024

const isoRange = (range: DayRange): [string, string] => [
  formatIsoDate(range.first),
  formatIsoDate(range.last)
]

/** Everything but the series: small, whatever the size of the organization. */
function planHead(report: SyncReport): object {
  const { plan, applied, settings } = report
  return {
    version: PLAN_FILE_VERSION,
    dryRun: settings.dryRun,
    table: report.tableName,
    dateKeyType: report.dateKeyType,
    ...(report.keys && report.keys.date.kind !== 'parts' ? { keys: describeKeys(report.keys) } : {}),
    layout: {
      source: report.layout.source,
      kind: report.layout.kind,
      organizationId: report.layout.organizationId,
      bucket: settings.bucket,
      prefix: settings.prefix
    },
    asOf: formatIsoDate(settings.asOf),
    window: isoRange(plan.window),
    totals: { ...totalsOf(report), leftAlone: plan.totals.leftAlone, planned: plan.totals },
    leftAlone: {
      otherLocation: plan.leftAlone.otherLocation,
      otherForm: plan.leftAlone.otherForm,
      outsideAllowLists: plan.leftAlone.outsideAllowLists,
      afterWindow: plan.leftAlone.afterWindow,
      folderGone: plan.leftAlone.folderGone
    },
    // The removal guard: distinct days the plan removes, and whether that refused (or would refuse) the run.
    removals: {
      days: report.removals.days,
      oldest: report.removals.oldest === undefined ? null : formatIsoDate(report.removals.oldest),
      newest: report.removals.newest === undefined ? null : formatIsoDate(report.removals.newest),
      maxRemoveDays: report.removals.max,
      exceeded: report.removals.exceeded
    },
    ...upkeepPlanFields(report),
    ...(report.refused ? { refused: true } : {}),
    ...(applied
      ? {
          applied: {
            created: applied.created,
            deleted: applied.deleted,
            refreshed: applied.refreshed,
            alreadyDone: applied.alreadyDone,
            failed: applied.failed,
            skipped: applied.skipped,
            failures: applied.failures,
            stoppedBy: applied.stoppedBy
          }
        }
      : {})
  }
}

/** One entry of `series`: a changed series, or one whose folder is gone even when nothing of it expired yet. */
function seriesEntry(report: SyncReport, series: SeriesPlan): object | undefined {
  if (series.addCount + series.removeCount === 0 && series.status !== 'gone') return undefined
  const applied = report.applied
  return {
    account: series.account,
    region: series.region,
    status: series.status,
    add: series.add.map(isoRange),
    remove: series.remove.map(isoRange),
    unchanged: series.unchanged,
    // `add` and `remove` are the plan; on a run that stopped early, these say what was applied.
    ...(applied ? { applied: applied.bySeries.get(series.id) } : {})
  }
}

/**
 * The plan document as JSON text, in pieces of about 64 KB: the same text as
 * `JSON.stringify(document, null, 2)` with `series` last, never the whole of it in memory.
 */
export function* planJsonChunks(report: SyncReport): Generator<string> {
  const head = JSON.stringify(planHead(report), null, 2)
  let chunk = `${head.slice(0, head.lastIndexOf('\n}'))},\n  "series": [`
  let entries = 0
  for (const series of report.plan.series()) {
    const entry = seriesEntry(report, series)
    if (!entry) continue
    chunk += `${entries++ ? ',' : ''}\n    ${JSON.stringify(entry, null, 2).replace(/\n/g, '\n    ')}`
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk
      chunk = ''
    }
  }
  yield `${chunk}${entries ? '\n  ' : ''}]\n}\n`
}

/** Writes the plan to any stream that takes text (the command line's stdout for --json). */
export function writePlanJson(out: { write(text: string): unknown }, report: SyncReport): void {
  for (const chunk of planJsonChunks(report)) out.write(chunk)
}

/** Writing the plan file failed after the run: the run's report is already out, the run still fails. */
export class PlanFileError extends Error {}

/**
 * Writes the plan file atomically: streamed into a temporary file in the same folder, then renamed
 * over the path (a link is followed to its file). On failure the temporary file is removed.
 */
export async function writePlanFile(path: string, report: SyncReport): Promise<void> {
  const target = await realpath(path).catch(() => path)
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    // Checked again: a link switched to a device since the check must not have the device replaced.
    const existing = await stat(target).catch(() => undefined)
    if (existing && !existing.isFile()) throw new Error(`${kindOf(existing)}, no longer a regular file`)
    await pipeline(Readable.from(planJsonChunks(report)), createWriteStream(temporary, { flags: 'wx' }))
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true })
    const { code, message } = error as NodeJS.ErrnoException
    throw new PlanFileError(
      `Writing the plan file '${path}' failed (${code ? `${code}: ` : ''}${message}). The sync itself ` +
        'has finished and its report is written; free some space or give another path for the next run.'
    )
  }
}

/** Writes the plan file; why it failed, or undefined once written (for the door to report its way). */
export async function planFileFailure(path: string, report: SyncReport): Promise<string | undefined> {
  try {
    await writePlanFile(path, report)
    return undefined
  } catch (error) {
    if (error instanceof PlanFileError) return error.message
    throw error
  }
}

/**
 * Refuses, before the sync writes anything, a plan file that could not be written whole: anything
 * but a regular file or a new name in an existing folder (a folder, a FIFO, a device, a missing
 * folder), or a place this process may not write. Found after the changes, it cost the run its report.
 */
export async function checkPlanFile(path: string): Promise<void> {
  const refuse = (why: string): never => {
    throw new ConfigurationError(
      `Input '${Inputs.PlanFile}': '${path}' cannot be written (${why}). ` +
        'Give the path of a regular file in an existing, writable folder, or leave it empty for the default.'
    )
  }
  // stat follows links: a link to a device is a device.
  const existing = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    return refuse(describeErrno(error))
  })
  if (existing && !existing.isFile()) refuse(kindOf(existing))
  const target = existing ? await realpath(path) : path
  const folder = await stat(dirname(target)).catch((error: NodeJS.ErrnoException) =>
    refuse(error.code === 'ENOENT' ? 'its folder does not exist' : describeErrno(error))
  )
  if (!folder.isDirectory()) refuse('its folder is not a folder')
  // The temporary file is created in the folder; an existing file that is read-only is not replaced.
  await access(dirname(target), constants.W_OK | constants.X_OK).catch(() =>
    refuse('its folder is not writable')
  )
  if (existing) await access(target, constants.W_OK).catch(() => refuse('the file is read-only'))
}

function describeErrno(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOTDIR') return 'a part of its path is a file, not a folder'
  if (error.code === 'EACCES') return 'permission denied'
  return error.code ?? error.message
}

function kindOf(stats: Awaited<ReturnType<typeof stat>>): string {
  if (stats.isDirectory()) return 'it is a folder'
  if (stats.isFIFO()) return 'it is a FIFO'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'it is a device'
  if (stats.isSocket()) return 'it is a socket'
  return 'it is not a regular file'
}
