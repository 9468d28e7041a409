/**
 * The machine-readable plan: per (account, region), the day ranges added and removed, so a later
 * step (or a person reviewing a dry run) sees exactly what the run did or would do.
 */
import { constants } from 'node:fs'
import { access, mkdir, stat, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Inputs } from '../vocabulary/constants.js'
import { ConfigurationError } from '../vocabulary/errors.js'
import { formatIsoDate } from '../vocabulary/dates.js'
import type { DayRange } from '../partitions/plan.js'
import { seriesKey } from '../vocabulary/keys.js'
import type { SyncReport } from './sync-outcome.js'
import { totalsOf } from './summary.js'
import { upkeepPlanFields } from './sync-upkeep.js'

export const PLAN_FILE_VERSION = 1

const isoRange = (range: DayRange): [string, string] => [
  formatIsoDate(range.first),
  formatIsoDate(range.last)
]

export function planDocument(report: SyncReport): object {
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
      : {}),
    // Changed series, and series whose folder is gone even when nothing of theirs expired yet.
    series: plan.series
      .filter((series) => series.addCount + series.removeCount > 0 || series.status === 'gone')
      .map((series) => ({
        account: series.account,
        region: series.region,
        status: series.status,
        add: series.add.map(isoRange),
        remove: series.remove.map(isoRange),
        unchanged: series.unchanged,
        // `add` and `remove` are the plan; on a run that stopped early, these say what was applied.
        ...(applied
          ? {
              applied: applied.bySeries.get(seriesKey(series.account, series.region)) ?? {
                created: 0,
                deleted: 0
              }
            }
          : {})
      }))
  }
}

export async function writePlanFile(path: string, report: SyncReport): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, JSON.stringify(planDocument(report), null, 2) + '\n')
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
