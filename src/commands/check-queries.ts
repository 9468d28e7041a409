/**
 * `command: check-queries` wired to GitHub: inputs -> files -> runCheckQueries, with annotations
 * through @actions/core, the report in the job summary, one comment on the pull request, and a
 * failed step only on errors. AWS is optional: with credentials it reads the table's date key type
 * and columns, and with a workgroup it asks Athena to EXPLAIN each query.
 */
import * as core from '@actions/core'
import * as github from '@actions/github'
import { createClients } from '../aws/clients.js'
import { credentialsFor } from '../aws/credentials.js'
import { readCheckSettings, type CheckSettings } from '../inputs.js'
import { readQueryFileUpTo } from '../queries/files.js'
import { checkOptionsFor, estimateDep, explainDep, type OptionalAws } from '../run/check-options.js'
import { runCheckQueries, type CheckQueriesDeps } from '../run/check-queries.js'
import { Inputs, Outputs } from '../vocabulary/constants.js'
import { ConfigurationError } from '../vocabulary/errors.js'
import type { Logger } from '../vocabulary/logger.js'
import { githubClient } from './github-client.js'

export async function checkQueriesCommand(logger: Logger): Promise<void> {
  const settings = readCheckSettings((name) => core.getInput(name))
  const aws = awsFor(settings, logger)
  const options = await checkOptionsFor(settings, aws, logger)

  const deps: CheckQueriesDeps = {
    readFile: (path, maxBytes) => readQueryFileUpTo(path, maxBytes),
    logger,
    annotate: (finding, kind) => {
      const properties = {
        title: finding.rule,
        file: finding.file,
        startLine: finding.line,
        startColumn: finding.column
      }
      if (kind === 'error') core.error(finding.message, properties)
      else core.warning(finding.message, properties)
    },
    // The report is in the job summary before anything optional (the comment) is tried.
    writeSummary: async (markdown) => {
      if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write()
    },
    ...explainDep(settings, aws),
    ...estimateDep(settings, aws, options, logger),
    ...pullRequestDep(settings, logger)
  }
  const result = await runCheckQueries(options, deps)
  const summary = `${result.filesChecked} file(s) checked: ${result.errorCount} error(s), ${result.warningCount} warning(s)`
  core.setOutput(Outputs.Summary, summary)
  logger.info(summary)
  if (result.errorCount > 0) core.setFailed(`${summary}. See the annotations and the job summary.`)
}

/** AWS clients when a region is set and credentials can be had; otherwise none, with a note why. */
function awsFor(settings: CheckSettings, logger: Logger): OptionalAws | undefined {
  if (!settings.awsRegion) return undefined
  if (!settings.credentials.roleToAssume && !process.env.AWS_ACCESS_KEY_ID) return undefined
  try {
    const credentials = credentialsFor(
      settings.credentials,
      settings.awsRegion,
      (audience) => core.getIDToken(audience),
      logger
    )
    return { clients: createClients(settings.awsRegion, credentials) }
  } catch (error) {
    // A pull request from a fork gets no OIDC token: the check still runs, without AWS.
    if (!(error instanceof ConfigurationError)) throw error
    logger.warning(`Checking without AWS: ${error.message}`)
    return undefined
  }
}

function pullRequestDep(settings: CheckSettings, logger: Logger): Partial<CheckQueriesDeps> {
  const pullRequest = github.context.payload.pull_request
  const number = pullRequest?.number
  if (!number) return {}
  const { owner, repo } = github.context.repo
  // The head commit of the pull request (not GITHUB_SHA, the merge commit): its lines are the ones reviewed.
  const sha = (pullRequest.head as { sha?: unknown } | undefined)?.sha
  const links =
    typeof sha === 'string' && /^[0-9a-f]{40}$/i.test(sha)
      ? { links: { serverUrl: github.context.serverUrl, owner, repo, sha } }
      : {}
  if (!settings.githubToken) {
    logger.warning(`No '${Inputs.GithubToken}': the report is not posted on the pull request.`)
    return links
  }
  return {
    ...links,
    pullRequest: { octokit: githubClient(settings.githubToken, logger), owner, repo, number }
  }
}
