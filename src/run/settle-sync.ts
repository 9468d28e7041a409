/**
 * What a sync came to, worked out once for both front doors: done (with its totals, the one-line
 * summary and, when changes failed, what failed), refused by the removal guard before any write,
 * or failed before it had a report. Each door renders it its own way: outputs, the job summary and
 * notices in the action; stdout, stderr and the exit code on the command line.
 */
import { explainAwsError, type CallStats } from '../aws/clients.js'
import type { ApplyResult } from '../partitions/apply.js'
import { SyncRefused } from '../partitions/guards.js'
import type { Block } from '../report/document.js'
import { failureSummaryDocument, syncSummaryDocument, totalsOf, type Totals } from '../report/summary.js'
import type { SyncReport } from '../report/sync-outcome.js'
import { explainQuotaFailure } from '../partitions/quota.js'
import type { SourceName } from '../logs/sources.js'
import { ConfigurationError } from '../vocabulary/errors.js'
import { formatCount } from '../vocabulary/format.js'

export type SyncOutcome =
  | {
      kind: 'done'
      report: SyncReport
      totals: Totals
      /** `added 5, removed 5, unchanged 450 partitions in security.cloudtrail` (a dry run: `would add`). */
      summary: string
      /** Set when changes failed: how many, what was applied, what was not attempted. */
      failedChanges?: string
      /** False when a rerun cannot complete the rest by itself (Glue's partition quota is reached). */
      rerunCompletes?: boolean
    }
  | {
      /** A guard (removals, the partition quota) stopped the run before any write; the report shows what it would have done. */
      kind: 'refused'
      report: SyncReport
      error: SyncRefused<SyncReport>
    }
  | {
      /** Stopped before a report: bad settings, the table, the bucket, AWS. */
      kind: 'failed'
      error: unknown
      /** The error for a reader: a user's mistake in this door's words, an AWS failure explained. */
      message: string
    }

/** How a door words a user's mistake (the action: its message; the command line: flags). */
export type UserErrorWording = (error: ConfigurationError) => string

export async function settleSync(
  run: Promise<SyncReport>,
  wording: UserErrorWording = (error) => error.message
): Promise<SyncOutcome> {
  let report: SyncReport
  try {
    report = await run
  } catch (error) {
    if (error instanceof SyncRefused) {
      return {
        kind: 'refused',
        report: error.report as SyncReport,
        error: error as SyncRefused<SyncReport>
      }
    }
    const message =
      error instanceof ConfigurationError
        ? wording(error)
        : (explainAwsError(error) ??
          (error instanceof Error ? `${error.name}: ${error.message}` : String(error)))
    return { kind: 'failed', error, message }
  }
  const totals = totalsOf(report)
  const dry = report.settings.dryRun
  const summary =
    `${dry ? 'dry run: would add' : 'added'} ${totals.added}, ${dry ? 'would remove' : 'removed'} ` +
    `${totals.removed}, unchanged ${totals.unchanged} partitions in ${report.tableName}`
  const applied = report.applied
  return {
    kind: 'done',
    report,
    totals,
    summary,
    ...(applied && applied.failed > 0
      ? {
          failedChanges: describeFailedChanges(applied),
          rerunCompletes: explainQuotaFailure(applied.stoppedBy) === undefined
        }
      : {})
  }
}

/**
 * `3 partition change(s) failed (stopped after: X); 10 created and 0 removed were applied, 5 not
 * attempted.`, and what Glue's partition quota means when that is what stopped it.
 */
export function describeFailedChanges(applied: ApplyResult): string {
  const quota = explainQuotaFailure(applied.stoppedBy)
  return (
    `${applied.failed} partition change(s) failed` +
    (applied.stoppedBy ? ` (stopped after: ${applied.stoppedBy})` : '') +
    `; ${applied.created} created and ${applied.deleted} removed` +
    (applied.refreshed ? ` and ${applied.refreshed} refreshed` : '') +
    ` were applied, ${applied.skipped} not attempted.` +
    (quota ? ` ${quota}` : '')
  )
}

/**
 * The report of the outcome: the sync's summary (also for a refused run: what it would have done),
 * or, when it failed after AWS calls (table setup may already have written), the error and every
 * call made. Nothing when it failed before any call: the error says it all.
 */
export function outcomeDocument(
  outcome: SyncOutcome,
  calls: CallStats,
  source?: SourceName
): Block[] | undefined {
  if (outcome.kind !== 'failed') return syncSummaryDocument(outcome.report, calls)
  return calls.total > 0 ? failureSummaryDocument(outcome.message, calls, source) : undefined
}

/** What a run changed in AWS, when it did: for a door that could not show its report. */
export function changesApplied(outcome: SyncOutcome): string | undefined {
  if (outcome.kind !== 'done' || !outcome.report.applied) return undefined
  const { created, deleted, refreshed } = outcome.report.applied
  if (created + deleted + refreshed === 0) return undefined
  return (
    `the sync's changes were applied and stand (added ${formatCount(created)}, ` +
    `removed ${formatCount(deleted)}` +
    (refreshed ? `, refreshed ${formatCount(refreshed)}` : '') +
    ` partitions in ${outcome.report.tableName})`
  )
}
