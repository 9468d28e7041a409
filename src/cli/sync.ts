/**
 * `cloudtrail-partitions sync`: the action's sync (same settings reader, same core, same report)
 * from a shell. The report goes to stdout (plain text, Markdown as in the job summary, or the plan
 * as JSON), progress with an ETA to stderr while it applies. Exit 1 when any change failed.
 */
import { createClients, explainAwsError } from '../aws/clients.js'
import { ConfigurationError } from '../vocabulary/errors.js'
import { readSyncSettings, tableRefOf } from '../inputs.js'
import type { ApplyResult } from '../partitions/apply.js'
import { RemovalRefused } from '../partitions/guards.js'
import type { SyncReport } from '../report/sync-outcome.js'
import { DEFAULT_TUNING, runSync } from '../run/sync.js'
import { renderMarkdown } from '../report/document.js'
import { logText } from '../vocabulary/escape.js'
import { checkPlanFile, planDocument, writePlanFile } from '../report/plan-file.js'
import { failureSummaryDocument, syncSummaryDocument, totalsOf } from '../report/summary.js'
import { renderPlain, type PlainOptions } from '../report/terminal.js'
import { chainCredentials } from './aws.js'
import { ExitCode, widthOf, type CliContext, type OutputStream } from './context.js'
import { createProgress } from './progress.js'

/**
 * On a terminal the per-series detail (one line per account, hundreds of lines in an organization)
 * would push the totals and exceptions off the screen: it is left to the plan (--json) and to
 * files and pipes, which get it whole.
 */
export function plainOptions(stdout: OutputStream): PlainOptions {
  return stdout.isTTY
    ? {
        width: widthOf(stdout),
        details: 'summarize',
        hiddenNote: 'not shown on a terminal; --json, --plan-file or a pipe (| less) lists them'
      }
    : { width: widthOf(stdout), details: 'expand' }
}

export async function syncCli(context: CliContext): Promise<number> {
  const { options, stdout, stderr, logger } = context
  const settings = readSyncSettings(context.read, context.env)
  const clients = createClients(settings.awsRegion, chainCredentials(options.profile))
  const progress = createProgress(stderr)
  const render = (blocks: Parameters<typeof renderMarkdown>[0]): string =>
    options.format === 'markdown' ? renderMarkdown(blocks) : renderPlain(blocks, plainOptions(stdout))

  if (settings.planFile) await checkPlanFile(settings.planFile)
  let report
  try {
    report = await runSync(
      {
        ...settings,
        table: tableRefOf(settings)
      },
      clients,
      logger,
      { ...DEFAULT_TUNING, onApplyProgress: (settled, total) => progress.update(settled, total) }
    )
  } catch (error) {
    progress.finish()
    if (error instanceof RemovalRefused) {
      // Refused before any write: the report shows what the run would have done, and why it stopped.
      const refused = error.report as SyncReport
      if (settings.planFile) await writePlanFile(settings.planFile, refused)
      stdout.write(
        options.format === 'json'
          ? JSON.stringify(planDocument(refused), null, 2) + '\n'
          : render(syncSummaryDocument(refused, clients.calls))
      )
      throw error
    }
    // Table setup may already have written (database, table, index): show every call made.
    if (clients.calls.total > 0 && options.format !== 'json') {
      const message =
        error instanceof ConfigurationError ? error.message : (explainAwsError(error) ?? String(error))
      stdout.write(render(failureSummaryDocument(message, clients.calls)))
    }
    throw error
  }
  progress.finish()
  // Only when asked: a laptop run keeps no plan file behind unless --plan-file names one.
  if (settings.planFile) await writePlanFile(settings.planFile, report)

  if (options.format === 'json') {
    stdout.write(JSON.stringify(planDocument(report), null, 2) + '\n')
  } else {
    stdout.write(render(syncSummaryDocument(report, clients.calls)))
  }

  const totals = totalsOf(report)
  const dry = settings.dryRun
  logger.info(
    `${dry ? 'dry run: would add' : 'added'} ${totals.added}, ${dry ? 'would remove' : 'removed'} ` +
      `${totals.removed}, unchanged ${totals.unchanged} partitions in ${report.tableName}`
  )
  const applied = report.applied
  if (applied && applied.failed > 0) {
    stderr.write(failedChangesLine(applied))
    return ExitCode.Failed
  }
  return ExitCode.Done
}

/** The error line of a sync whose changes partly failed; AWS's message in it is escaped. */
export function failedChangesLine(applied: ApplyResult): string {
  return (
    `error: ${applied.failed} partition change(s) failed` +
    (applied.stoppedBy ? ` (stopped after: ${logText(applied.stoppedBy)})` : '') +
    `; ${applied.created} created and ${applied.deleted} removed were applied, ${applied.skipped} not attempted. ` +
    'Run again to complete the rest.\n'
  )
}
