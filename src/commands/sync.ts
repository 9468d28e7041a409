/**
 * `command: sync` wired to GitHub: inputs -> credentials -> runSync -> outputs, job summary, notices
 * for the exceptions, then the plan file (last: the report is written even if it cannot be), and a
 * failed step when any change failed, a guard refused, or the plan file could not be written.
 */
import * as core from '@actions/core'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClients } from '../aws/clients.js'
import { credentialsFor } from '../aws/credentials.js'
import { Outputs } from '../vocabulary/constants.js'
import { readSyncSettings, tableRefOf } from '../inputs.js'
import type { Logger } from '../vocabulary/logger.js'
import { renderMarkdown } from '../report/document.js'
import { runSync } from '../run/sync.js'
import { outcomeDocument, settleSync } from '../run/settle-sync.js'
import { checkPlanFile, planFileFailure } from '../report/plan-file.js'
import { syncNotices } from '../report/sync-notices.js'

export async function syncCommand(logger: Logger): Promise<void> {
  const settings = readSyncSettings((name) => core.getInput(name))
  const credentials = credentialsFor(
    settings.credentials,
    settings.awsRegion,
    (audience) => core.getIDToken(audience),
    logger
  )
  logger.info(
    credentials ? `credentials: GitHub OIDC -> ${settings.credentials.roleToAssume}` : 'credentials: ambient'
  )
  const clients = createClients(settings.awsRegion, credentials)
  const planFile =
    settings.planFile || join(process.env.RUNNER_TEMP || tmpdir(), 'cloudtrail-partitions-plan.json')
  await checkPlanFile(planFile)
  const outcome = await settleSync(
    runSync(
      {
        ...settings,
        table: tableRefOf(settings)
      },
      clients,
      logger
    )
  )
  const document = outcomeDocument(outcome, clients.calls, settings.source)
  if (outcome.kind !== 'done') {
    if (document) await writeSummary(renderMarkdown(document))
    // Refused before any write: the plan shows what the run would have done; the refusal stays the error.
    if (outcome.kind === 'refused') {
      const failure = await planFileFailure(planFile, outcome.report)
      if (failure) logger.warning(failure)
      else core.setOutput(Outputs.PlanFile, planFile)
    }
    throw outcome.error
  }

  const { report, totals } = outcome
  core.setOutput(Outputs.Added, totals.added)
  core.setOutput(Outputs.Removed, totals.removed)
  core.setOutput(Outputs.Unchanged, totals.unchanged)
  core.setOutput(Outputs.Summary, outcome.summary)
  if (document) await writeSummary(renderMarkdown(document))
  for (const notice of syncNotices(report))
    core.notice(notice, { title: `${report.layout.source} partitions` })
  logger.info(outcome.summary)

  if (outcome.failedChanges) {
    core.setFailed(
      `${outcome.failedChanges} See the job summary${outcome.rerunCompletes === false ? '.' : '; a rerun completes the rest.'}`
    )
  }
  // Last: whatever happens to it, the summary and the outputs above are already written.
  const failure = await planFileFailure(planFile, report)
  if (failure) core.setFailed(failure)
  else core.setOutput(Outputs.PlanFile, planFile)
}

async function writeSummary(markdown: string): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write()
}
