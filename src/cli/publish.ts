/**
 * `cloudtrail-partitions publish-queries [GLOB...]`: the action's publish from a shell. The owner
 * in the ownership markers is the repository (GITHUB_REPOSITORY, else the origin remote), so a
 * publish from a clone and one from the workflow treat the same named queries as theirs.
 */
import { createClients } from '../aws/clients.js'
import { findQueryFiles, readQueryFileOrRefusal } from '../queries/files.js'
import { readPublishSettings } from '../inputs.js'
import { publishQueries } from '../queries/publish.js'
import { publishSummaryDocument, renderPublishSummary } from '../report/publish-summary.js'
import { renderPlain } from '../report/terminal.js'
import { chainCredentials, resolveCredentials } from './aws.js'
import { ExitCode, widthOf, type CliContext } from './context.js'
import { publishingRepository } from './repository.js'

export async function publishQueriesCli(context: CliContext): Promise<number> {
  const { options, stdout, stderr, logger } = context
  const settings = readPublishSettings(context.read, context.env)
  const paths = await findQueryFiles(settings.queries)
  const files = await Promise.all(paths.map((path) => readQueryFileOrRefusal(path)))
  const { owner, from } = await publishingRepository(context.env, context.cwd)
  logger.info(`${files.length} query file(s) for workgroup ${settings.workgroup}; owner ${owner} (${from})`)
  const credentials = chainCredentials(options.profile, context.env)
  await resolveCredentials(credentials)
  const { athena } = createClients(settings.awsRegion, credentials)
  const result = await publishQueries(
    athena,
    {
      files,
      owner,
      workgroup: settings.workgroup,
      database: settings.database,
      deleteMissing: settings.deleteMissing,
      maxDeletes: settings.maxDeleteQueries,
      dryRun: settings.dryRun
    },
    logger
  )

  const changed = result.created.length + result.updated.length + result.deleted.length
  if (!result.dryRun && changed > 0) {
    context.changed(
      `the named queries were published and stand (created ${result.created.length}, ` +
        `updated ${result.updated.length}, deleted ${result.deleted.length})`
    )
  }
  if (options.format === 'json')
    stdout.write(JSON.stringify({ workgroup: settings.workgroup, owner, ...result }, null, 2) + '\n')
  else if (options.format === 'markdown') stdout.write(renderPublishSummary(result, settings.workgroup))
  else
    stdout.write(renderPlain(publishSummaryDocument(result, settings.workgroup), { width: widthOf(stdout) }))

  if (result.failures.length > 0) {
    stderr.write(`error: ${result.failures.length} query file(s) could not be published (see above).\n`)
    return ExitCode.Failed
  }
  return ExitCode.Done
}
