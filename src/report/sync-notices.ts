/**
 * The sync's exceptions that deserve a line on the run page: a new account or region, and logs in a
 * region outside the `regions` allow-list. GitHub shows 10 notices per step and drops the rest
 * silently (limits.md), so the tenth says how many more the job summary has.
 */
import { Inputs } from '../vocabulary/constants.js'
import type { SyncReport } from './sync-outcome.js'
import { findExceptions, formatPattern, seriesAtPositions, type SyncExceptions } from './sync-groups.js'
import { upkeepNotices } from './sync-upkeep.js'

export const NOTICES_PER_STEP = 10

export function syncNotices(
  report: SyncReport,
  exceptions: SyncExceptions = findExceptions(report.plan)
): string[] {
  const { plan } = report
  const dry = !report.applied
  const get = dry ? 'would get' : 'got'
  const notices: string[] = []
  // Only the first ten are shown: the rest are counted, not written.
  let total = 0
  const notice = (make: () => string): void => {
    total += 1
    if (notices.length < NOTICES_PER_STEP) notices.push(make())
  }
  if (exceptions.firstRun) {
    let series = 0
    const accounts = new Set<string>()
    for (let position = 0; position < plan.seriesCount; position++) {
      if (plan.statusAt(position) !== 'new') continue
      series += 1
      accounts.add(plan.accountAt(position))
    }
    if (series) {
      notice(
        () =>
          `First sync of this table: ${series} series in ${accounts.size} account(s) ${get} their first partitions.`
      )
    }
  }
  for (const [account, positions] of exceptions.newAccounts) {
    notice(() => {
      const series = [...seriesAtPositions(plan, positions)]
      return (
        `New account ${account}: ${series.map((s) => s.region).join(', ')} ${get} first partitions ` +
        `(${formatPattern(series[0]?.add ?? [], [])}).`
      )
    })
  }
  for (const group of exceptions.newRegions) {
    for (const position of group.series) {
      notice(() => {
        const id = plan.idAt(position)
        return (
          `New region ${plan.index.region(id)} for account ${plan.index.account(id)}: ${get} first ` +
          `partitions (${formatPattern(group.add, [])}).`
        )
      })
    }
  }
  for (const region of [...report.discovery.regionsSkipped].sort()) {
    notice(
      () =>
        `Logs in ${region}, outside the '${Inputs.Regions}' allow-list: no partitions for them. ` +
        `Add ${region} to '${Inputs.Regions}' to query them in Athena.`
    )
  }
  for (const line of upkeepNotices(report)) notice(() => line)
  if (total <= NOTICES_PER_STEP) return notices
  const more = total - (NOTICES_PER_STEP - 1)
  notices[NOTICES_PER_STEP - 1] =
    `${more} more exceptions (new accounts or regions, regions outside the allow-list): see the job summary.`
  return notices
}
