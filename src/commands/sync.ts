/**
 * `command: sync` wired to GitHub: inputs -> credentials -> runSync -> outputs, job summary, plan
 * file, notices for the exceptions, and a failed step when any change failed or a guard refused.
 */
import * as core from '@actions/core'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClients, explainAwsError } from '../aws/clients.js'
import { credentialsFor } from '../aws/credentials.js'
import { Outputs } from '../vocabulary/constants.js'
import { readSyncSettings, tableRefOf } from '../inputs.js'
import type { Logger } from '../vocabulary/logger.js'
import { RemovalRefused } from '../partitions/guards.js'
import type { SyncReport } from '../report/sync-outcome.js'
import { runSync } from '../run/sync.js'
import { checkPlanFile, writePlanFile } from '../report/plan-file.js'
import { renderFailureSummary, renderSummary, totalsOf } from '../report/summary.js'
import { syncNotices } from '../report/sync-notices.js'

export async function syncCommand(logger: Logger): Promise<void> {
  const settings = readSyncSettings((name) => core.getInput(name))
  const credentials = credentialsFor(settings.credentials, settings.awsRegion, (audience) =>
    core.getIDToken(audience)
  )
  logger.info(
    credentials ? `credentials: GitHub OIDC -> ${settings.credentials.roleToAssume}` : 'credentials: ambient'
  )
  const clients = createClients(settings.awsRegion, credentials)
  const planFile =
    settings.planFile || join(process.env.RUNNER_TEMP || tmpdir(), 'cloudtrail-partitions-plan.json')
  await checkPlanFile(planFile)
  const report = await runSync(
    {
      ...settings,
      table: tableRefOf(settings)
    },
    clients,
    logger
  ).catch(async (error: unknown) => {
    if (error instanceof RemovalRefused) {
      // Refused before any write: the plan and the summary show what the run would have done.
      const refused = error.report as SyncReport
      await writePlanFile(planFile, refused)
      core.setOutput(Outputs.PlanFile, planFile)
      await writeSummary(renderSummary(refused, clients.calls))
    } else if (clients.calls.total > 0) {
      // Table setup may already have written (database, table, index): the summary shows every call made.
      const message = explainAwsError(error) ?? (error as Error).message
      await writeSummary(renderFailureSummary(message, clients.calls))
    }
    throw error
  })

  const totals = totalsOf(report)
  await writePlanFile(planFile, report)
  const summaryText =
    `${settings.dryRun ? 'dry run: would add' : 'added'} ${totals.added}, ` +
    `${settings.dryRun ? 'would remove' : 'removed'} ${totals.removed}, unchanged ${totals.unchanged} ` +
    `partitions in ${report.tableName}`
  core.setOutput(Outputs.Added, totals.added)
  core.setOutput(Outputs.Removed, totals.removed)
  core.setOutput(Outputs.Unchanged, totals.unchanged)
  core.setOutput(Outputs.PlanFile, planFile)
  core.setOutput(Outputs.Summary, summaryText)
  await writeSummary(renderSummary(report, clients.calls))
  for (const notice of syncNotices(report)) core.notice(notice, { title: 'CloudTrail partitions' })
  logger.info(summaryText)

  const applied = report.applied
  if (applied && applied.failed > 0) {
    core.setFailed(
      `${applied.failed} partition change(s) failed` +
        (applied.stoppedBy ? ` (stopped after: ${applied.stoppedBy})` : '') +
        `; ${applied.created} created and ${applied.deleted} removed were applied, ${applied.skipped} not attempted. ` +
        `See the job summary; a rerun completes the rest.`
    )
  }
}

async function writeSummary(markdown: string): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write()
}
