/**
 * Glue's partition quotas, checked before the first write: 10,000,000 partitions per table
 * (L-2C3F5401) and 20,000,000 per account (L-FEBBFA7A), both adjustable. A first sync of 3,000
 * accounts x 17 regions x 365 days (18.6 million) would otherwise write until Glue refuses, half-way.
 * The per-table count is known from the read pass; the per-account one would take reading every
 * table of the account, so it is only explained when Glue answers with it.
 */
import { Inputs } from '../vocabulary/constants.js'
import { formatCount } from '../vocabulary/format.js'

/** Glue's default quota of partitions per table (Service Quotas L-2C3F5401). */
export const DEFAULT_MAX_TABLE_PARTITIONS = 10_000_000
/** From this share of `max-table-partitions` on, the run warns. */
export const QUOTA_WARNING_SHARE = 0.8

export interface QuotaCheck {
  /** Partitions in the table before the run (all of them, not only this action's). */
  before: number
  add: number
  remove: number
  /** Partitions after the run, if it goes through. */
  after: number
  max: number
  /** The run would add partitions and end above `max`: refused before any write. */
  exceeded: boolean
  /** The table ends at 80% of `max` or more (and the run is not refused). */
  nearLimit: boolean
  /** The window's shape, for the ways out. */
  shape: WindowShape
}

export function checkTableQuota(
  counts: { before: number; add: number; remove: number },
  max: number,
  shape: WindowShape
): QuotaCheck {
  const after = counts.before + counts.add - counts.remove
  // A run that adds nothing is never refused: it is how a table above the limit gets smaller.
  const exceeded = counts.add > 0 && after > max
  return {
    ...counts,
    after,
    max,
    exceeded,
    nearLimit: !exceeded && after >= max * QUOTA_WARNING_SHARE,
    shape
  }
}

/** What the sync's window looks like, for the ways out. */
export interface WindowShape {
  /** Series that get a partition every day of the window. */
  seriesPerDay: number
  /** Partitions that stay whatever the window (other tools', outside the allow-lists, after it). */
  leftAlone: number
  retentionDays: number
  futureDays: number
}

const count = formatCount

function numbers(check: QuotaCheck): string {
  return `${count(check.after)} partitions (${count(check.before)} now, +${count(check.add)}, −${count(check.remove)})`
}

/** The longest `retention-days` whose window still fits under `max`, or undefined if none does. */
export function retentionThatFits(check: QuotaCheck): number | undefined {
  const { shape } = check
  if (shape.seriesPerDay === 0) return undefined
  const days = Math.floor((check.max - shape.leftAlone) / shape.seriesPerDay)
  const retention = days - 1 - shape.futureDays
  return retention >= 0 ? retention : undefined
}

function waysOut(check: QuotaCheck): string {
  const { shape } = check
  const fits = retentionThatFits(check)
  const shorter =
    fits === undefined
      ? `a shorter window ('${Inputs.RetentionDays}', now ${shape.retentionDays})`
      : `a shorter window ('${Inputs.RetentionDays}' ${count(fits)} or less, now ${count(shape.retentionDays)}: ` +
        `${count(shape.seriesPerDay)} account/region series get a partition a day)`
  return (
    `Ways out: ${shorter}; a '${Inputs.Regions}' or '${Inputs.Accounts}' allow-list; or a quota increase ` +
    `(Service Quotas, AWS Glue, "Max partitions per table", L-2C3F5401; the account's "Max partitions per ` +
    `account", L-FEBBFA7A, counts every table) and then '${Inputs.MaxTablePartitions}' raised to match.`
  )
}

/** The refusal: the numbers, Glue's quota, the ways out. */
export function describeQuotaRefusal(check: QuotaCheck, dryRun: boolean): string {
  const what = dryRun ? 'A run without dry-run would stop here' : 'Stopped before writing anything'
  return (
    `Input '${Inputs.MaxTablePartitions}': after this run the table would hold ${numbers(check)}, more than ` +
    `${Inputs.MaxTablePartitions} (${count(check.max)}). ${what}: Glue refuses partitions past its quota ` +
    `(${count(DEFAULT_MAX_TABLE_PARTITIONS)} per table unless raised) in the middle of a run. ${waysOut(check)}`
  )
}

export function describeQuotaWarning(check: QuotaCheck): string {
  const share = Math.floor((check.after * 100) / check.max)
  return (
    `Input '${Inputs.MaxTablePartitions}': after this run the table holds ${numbers(check)}, ${share}% of ` +
    `${Inputs.MaxTablePartitions} (${count(check.max)}). A longer window or more accounts will cross it. ` +
    waysOut(check)
  )
}

export const QUOTA_ERROR = 'ResourceNumberLimitExceededException'

/**
 * Glue's own refusal, met anyway (the account's quota, other writers, a raised input above the real
 * quota): what it means and what to do. Undefined for any other failure.
 */
export function explainQuotaFailure(stoppedBy: string | undefined): string | undefined {
  if (!stoppedBy?.startsWith(QUOTA_ERROR)) return undefined
  return (
    `Glue refused more partitions (${QUOTA_ERROR}): the table reached its quota of partitions per table ` +
    `(default ${count(DEFAULT_MAX_TABLE_PARTITIONS)}, L-2C3F5401) or the account its quota of partitions ` +
    `per account over all tables (default 20,000,000, L-FEBBFA7A). The partitions created before stay; ` +
    `nothing after was written. Ways out: a shorter window ('${Inputs.RetentionDays}'), a '${Inputs.Regions}' ` +
    `or '${Inputs.Accounts}' allow-list, fewer partitions in the account's other tables, or a quota ` +
    `increase in Service Quotas (then set '${Inputs.MaxTablePartitions}' to the new per-table quota).`
  )
}
