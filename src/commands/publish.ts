/**
 * `command: publish-queries` wired to GitHub: inputs -> credentials -> publishQueries -> job summary,
 * `summary` output, and a failed step when any file could not be published.
 */
import * as core from '@actions/core'
import { createClients } from '../aws/clients.js'
import { credentialsFor } from '../aws/credentials.js'
import { Outputs } from '../vocabulary/constants.js'
import { readPublishSettings } from '../inputs.js'
import type { Logger } from '../vocabulary/logger.js'
import { publishQueries } from '../queries/publish.js'
import { renderPublishSummary } from '../report/publish-summary.js'
import { findQueryFiles, readQueryFileOrRefusal } from '../queries/files.js'

export async function publishCommand(logger: Logger): Promise<void> {
  const settings = readPublishSettings((name) => core.getInput(name))
  const paths = await findQueryFiles(settings.queries)
  const files = await Promise.all(paths.map((path) => readQueryFileOrRefusal(path)))
  logger.info(`${files.length} query file(s) for workgroup ${settings.workgroup}`)
  const credentials = credentialsFor(
    settings.credentials,
    settings.awsRegion,
    (audience) => core.getIDToken(audience),
    logger
  )
  const { athena } = createClients(settings.awsRegion, credentials)
  const result = await logger.group('Publish named queries', () =>
    publishQueries(
      athena,
      {
        files,
        // The repository is part of the ownership marker: two repositories never touch each other's queries.
        owner: process.env.GITHUB_REPOSITORY || 'local',
        workgroup: settings.workgroup,
        database: settings.database,
        deleteMissing: settings.deleteMissing,
        maxDeletes: settings.maxDeleteQueries,
        dryRun: settings.dryRun
      },
      logger
    )
  )
  const verb = result.dryRun ? 'would be ' : ''
  const summary =
    `named queries in ${settings.workgroup}: ${result.created.length} ${verb}created, ${result.updated.length} ${verb}updated, ` +
    `${result.deleted.length} ${verb}deleted, ${result.unchanged.length} unchanged`
  core.setOutput(Outputs.Summary, summary)
  if (process.env.GITHUB_STEP_SUMMARY)
    await core.summary.addRaw(renderPublishSummary(result, settings.workgroup)).write()
  logger.info(summary)
  if (result.failures.length) {
    core.setFailed(
      `${result.failures.length} query file(s) could not be published: ` +
        // core.setFailed escapes the message for the log; the summary escapes it for Markdown.
        result.failures.map((failure) => `${failure.path} (${failure.message})`).join('; ')
    )
  }
}
