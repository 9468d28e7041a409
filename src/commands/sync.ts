/**
 * `command: sync` wired to GitHub: inputs -> credentials -> runSync -> outputs, job summary, plan
 * file, notices for the exceptions, and a failed step when any change failed or a guard refused.
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
import { outcomeDocument, settleSync } from '../run/sync-outcome.js'
import { checkPlanFile, writePlanFile } from '../report/plan-file.js'
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
  const document = outcomeDocument(outcome, clients.calls)
  if (outcome.kind !== 'done') {
    // Refused before any write: the plan and the summary show what the run would have done.
    if (outcome.kind === 'refused') {
      await writePlanFile(planFile, outcome.report)
      core.setOutput(Outputs.PlanFile, planFile)
    }
    if (document) await writeSummary(renderMarkdown(document))
    throw outcome.error
  }

  const { report, totals } = outcome
  await writePlanFile(planFile, report)
  core.setOutput(Outputs.Added, totals.added)
  core.setOutput(Outputs.Removed, totals.removed)
  core.setOutput(Outputs.Unchanged, totals.unchanged)
  core.setOutput(Outputs.PlanFile, planFile)
  core.setOutput(Outputs.Summary, outcome.summary)
  if (document) await writeSummary(renderMarkdown(document))
  for (const notice of syncNotices(report)) core.notice(notice, { title: 'CloudTrail partitions' })
  logger.info(outcome.summary)

  if (outcome.failedChanges) {
    core.setFailed(
      `${outcome.failedChanges} See the job summary${outcome.rerunCompletes === false ? '.' : '; a rerun completes the rest.'}`
    )
  }
}

async function writeSummary(markdown: string): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write()
}
