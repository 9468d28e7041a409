/**
 * Guards that stop a typo from emptying the table. The day-to-day sync removes one day per series
 * (a week after a pause); a run that would remove the partitions of many more days is a mistaken
 * `retention-days` or `as-of`, or a clean-up someone should confirm. It stops before the first write.
 */
import { Inputs } from '../vocabulary/constants.js'
import { ConfigurationError } from '../vocabulary/errors.js'
import {
  calendarDateOf,
  dayNumberOf,
  formatIsoDate,
  isRealDate,
  type DayNumber
} from '../vocabulary/dates.js'
import { DaySet } from './day-set.js'
import type { SyncPlan } from './plan.js'
import { formatCount } from '../vocabulary/format.js'

/** A week's pause removes seven days: still not refused. */
export const DEFAULT_MAX_REMOVE_DAYS = 7

export interface RemovalCheck {
  /** Distinct days with a partition to remove, over all series. */
  days: number
  oldest?: DayNumber
  newest?: DayNumber
  max: number
  /** True when the run must not go ahead (without a dry run). */
  exceeded: boolean
}

export function checkRemovals(plan: SyncPlan, maxRemoveDays: number): RemovalCheck {
  // Union of the series' days: each day counts once however many series lose it.
  const union = new DaySet()
  for (let position = 0; position < plan.seriesCount; position++) {
    for (const day of plan.removeDays(plan.idAt(position))) union.add(day)
  }
  let oldest: DayNumber | undefined
  let newest: DayNumber | undefined
  for (const day of union) {
    oldest ??= day
    newest = day
  }
  return {
    days: union.size,
    ...(oldest === undefined ? {} : { oldest }),
    ...(newest === undefined ? {} : { newest }),
    max: maxRemoveDays,
    exceeded: union.size > maxRemoveDays
  }
}

const count = formatCount

/** What the refusal says: the plan's totals, the days, and which input lets a clean-up through. */
export function describeRefusal(
  check: RemovalCheck,
  plan: Pick<SyncPlan, 'totals'>,
  dryRun: boolean
): string {
  const span =
    check.oldest === undefined || check.newest === undefined
      ? ''
      : ` (${formatIsoDate(check.oldest)} to ${formatIsoDate(check.newest)})`
  const what = dryRun ? 'A run without dry-run would stop here' : 'Stopped before writing anything'
  return (
    `Input '${Inputs.MaxRemoveDays}': this run would remove the partitions of ${check.days} days${span}, ` +
    `more than ${Inputs.MaxRemoveDays} (${check.max}). ${what}: the plan adds ${count(plan.totals.add)}, ` +
    `removes ${count(plan.totals.remove)} and keeps ${count(plan.totals.unchanged)} partitions. ` +
    `If this is not meant, check '${Inputs.RetentionDays}' and '${Inputs.AsOf}'. ` +
    `For a clean-up you mean, look at the plan with '${Inputs.DryRun}: true' first, then set ` +
    `'${Inputs.MaxRemoveDays}' to at least ${check.days} for that run.`
  )
}

/**
 * A guard's refusal (the removal guard, the partition quota), with the report of the plan so the
 * summary can still show it. Nothing was written.
 */
export class SyncRefused<Report> extends ConfigurationError {
  constructor(
    message: string,
    readonly report: Report
  ) {
    super(message)
  }
}

/**
 * `as-of` may lie in the past (a backfill) but not after tomorrow (2062 for 2026 would empty the
 * table), nor more than a year back (2016 for 2026 would fill the table with days that have no logs,
 * and every later run would stop at the removal guard).
 */
export function checkAsOf(asOf: DayNumber, today: DayNumber): void {
  if (asOf > today + 1) {
    throw new ConfigurationError(
      `Input '${Inputs.AsOf}': ${formatIsoDate(asOf)} is after tomorrow (${formatIsoDate(today + 1)}, UTC). ` +
        `A sync that far ahead would remove the partitions of every day before its window. ` +
        `Leave '${Inputs.AsOf}' empty for today, or give a past day for a backfill.`
    )
  }
  const yearAgo = oneYearBefore(today)
  if (asOf < yearAgo) {
    throw new ConfigurationError(
      `Input '${Inputs.AsOf}': ${formatIsoDate(asOf)} is more than a year before today (${formatIsoDate(today)}, UTC). ` +
        `A sync then creates partitions for days that likely have no logs, and the next run would stop at the ` +
        `removal guard. Leave '${Inputs.AsOf}' empty for today, or give a day from ${formatIsoDate(yearAgo)} on. ` +
        `To add partitions for older days, leave '${Inputs.AsOf}' empty and raise '${Inputs.RetentionDays}' ` +
        `until the window reaches them.`
    )
  }
}

/** The same day a year earlier; 29 February gives 28 February. */
export function oneYearBefore(day: DayNumber): DayNumber {
  const { year, month, day: dayOfMonth } = calendarDateOf(day)
  const date = { year: year - 1, month, day: dayOfMonth }
  return isRealDate(date) ? dayNumberOf(date) : dayNumberOf({ ...date, day: dayOfMonth - 1 })
}
