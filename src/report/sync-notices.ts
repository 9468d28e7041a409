/**
 * The sync's exceptions that deserve a line on the run page: a new account or region, and logs in a
 * region outside the `regions` allow-list. GitHub shows 10 notices per step and drops the rest
 * silently (limits.md), so the tenth says how many more the job summary has.
 */
import { Inputs } from '../vocabulary/constants.js'
import type { SyncReport } from './sync-outcome.js'
import { findExceptions, formatPattern, type SyncExceptions } from './sync-groups.js'
import { upkeepNotices } from './sync-upkeep.js'

export const NOTICES_PER_STEP = 10

export function syncNotices(
  report: SyncReport,
  exceptions: SyncExceptions = findExceptions(report.plan)
): string[] {
  const dry = !report.applied
  const get = dry ? 'would get' : 'got'
  const notices: string[] = []
  if (exceptions.firstRun) {
    const series = report.plan.series.filter((s) => s.status === 'new')
    if (series.length) {
      const accounts = new Set(series.map((s) => s.account)).size
      notices.push(
        `First sync of this table: ${series.length} series in ${accounts} account(s) ${get} their first partitions.`
      )
    }
  }
  for (const [account, series] of exceptions.newAccounts) {
    notices.push(
      `New account ${account}: ${series.map((s) => s.region).join(', ')} ${get} first partitions ` +
        `(${formatPattern(series[0]?.add ?? [], [])}).`
    )
  }
  for (const { series, add } of exceptions.newRegions) {
    notices.push(
      `New region ${series.region} for account ${series.account}: ${get} first partitions (${formatPattern(add, [])}).`
    )
  }
  for (const region of [...report.discovery.regionsSkipped].sort()) {
    notices.push(
      `Logs in ${region}, outside the '${Inputs.Regions}' allow-list: no partitions for them. ` +
        `Add ${region} to '${Inputs.Regions}' to query them in Athena.`
    )
  }
  notices.push(...upkeepNotices(report))
  if (notices.length <= NOTICES_PER_STEP) return notices
  const shown = notices.slice(0, NOTICES_PER_STEP)
  const more = notices.length - (NOTICES_PER_STEP - 1)
  shown[NOTICES_PER_STEP - 1] =
    `${more} more exceptions (new accounts or regions, regions outside the allow-list): see the job summary.`
  return shown
}
