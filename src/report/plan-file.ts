/**
 * The machine-readable plan: per (account, region), the day ranges added and removed, so a later
 * step (or a person reviewing a dry run) sees exactly what the run did or would do.
 *
 * At Glue's largest table the plan names 110,000 series (tens of megabytes of JSON), so it is never
 * built whole: the document is written as a stream of text, one series at a time, worked out from
 * the plan's bits as it goes.
 */
import { constants, createWriteStream } from 'node:fs'
import { access, mkdir, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { Inputs } from '../vocabulary/constants.js'
import { ConfigurationError } from '../vocabulary/errors.js'
import { formatIsoDate } from '../vocabulary/dates.js'
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
    layout: {
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

export async function writePlanFile(path: string, report: SyncReport): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  await pipeline(Readable.from(planJsonChunks(report)), createWriteStream(path))
}

/**
 * Refuses a plan file that cannot be written (a folder, a path under a file, no write access)
 * before the sync writes anything: found after the changes, it cost the run its report.
 */
export async function checkPlanFile(path: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true })
    const existing = await stat(path).catch(() => undefined)
    if (existing?.isDirectory()) throw new Error('it is a folder')
    await access(existing ? path : dirname(path), constants.W_OK)
  } catch (error) {
    throw new ConfigurationError(
      `Input '${Inputs.PlanFile}': '${path}' cannot be written (${(error as Error).message}). ` +
        'Give the path of a file in a writable folder, or leave it empty for the default.'
    )
  }
}
