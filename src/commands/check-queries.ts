/**
 * `command: check-queries` wired to GitHub: inputs -> files -> runCheckQueries, with annotations
 * through @actions/core, the report in the job summary, one comment on the pull request, and a
 * failed step only on errors. AWS is optional: with credentials it reads the table's date key type
 * and columns, and with a workgroup it asks Athena to EXPLAIN each query.
 */
import * as core from '@actions/core'
import * as github from '@actions/github'
import type { Table } from '@aws-sdk/client-glue'
import { createClients } from '../aws/clients.js'
import { credentialsFor } from '../aws/credentials.js'
import { Inputs, Outputs } from '../constants.js'
import { ConfigurationError } from '../errors.js'
import { readCheckSettings, type CheckSettings } from '../inputs.js'
import type { Logger } from '../logger.js'
import type { DateKeyType } from '../partitions/keys.js'
import { runCheckQueries, type CheckQueriesDeps, type CheckQueriesOptions } from '../queries/command.js'
import { explainQuery } from '../queries/explain.js'
import { parseRuleSeverities } from '../queries/findings.js'
import { splitQualifiedTable } from '../partitions/table-ref.js'
import { findTable, validateTable } from '../table/validate.js'
import { githubClient } from './github-client.js'
import { findQueryFiles, readQueryFileUpTo } from './query-files.js'

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
    ...pullRequestDep(settings, logger)
  }
  const result = await runCheckQueries(options, deps)
  const summary = `${result.filesChecked} file(s) checked: ${result.errorCount} error(s), ${result.warningCount} warning(s)`
  core.setOutput(Outputs.Summary, summary)
  logger.info(summary)
  if (result.errorCount > 0) core.setFailed(`${summary}. See the annotations and the job summary.`)
}

/**
 * What a check runs on, the same for the action and the command line: the files of the pattern, the
 * severities, and the table's key type and columns (from Glue when it can be read).
 */
export async function checkOptionsFor(
  settings: CheckSettings,
  aws: OptionalAws | undefined,
  logger: Logger
): Promise<CheckQueriesOptions> {
  const severities = parseRuleSeverities(settings.ruleSeverity)
  const files = await findQueryFiles(settings.queries)
  const table = await readTable(settings, aws, logger)
  const dateKeyType = settings.dateKeyType ?? table.dateKeyType ?? 'string'
  const columnsFrom = table.columns ? 'columns from Glue' : "columns of AWS's documented schema"
  logger.info(
    `${files.length} SQL file(s); table ${settings.table}, date keys ${dateKeyType}, ${columnsFrom}`
  )
  return {
    files,
    table: settings.table,
    ...(settings.database ? { database: settings.database } : {}),
    partitionColumns: settings.partitionColumns,
    dateKeyType,
    ...(table.columns ? { columns: table.columns } : {}),
    severities,
    limits: settings.limits
  }
}

export interface OptionalAws {
  clients: ReturnType<typeof createClients>
}

/** AWS clients when a region is set and credentials can be had; otherwise none, with a note why. */
function awsFor(settings: CheckSettings, logger: Logger): OptionalAws | undefined {
  if (!settings.awsRegion) return undefined
  if (!settings.credentials.roleToAssume && !process.env.AWS_ACCESS_KEY_ID) return undefined
  try {
    const credentials = credentialsFor(settings.credentials, settings.awsRegion, (audience) =>
      core.getIDToken(audience)
    )
    return { clients: createClients(settings.awsRegion, credentials) }
  } catch (error) {
    // A pull request from a fork gets no OIDC token: the check still runs, without AWS.
    if (!(error instanceof ConfigurationError)) throw error
    logger.warning(`Checking without AWS: ${error.message}`)
    return undefined
  }
}

/** What the check uses of the table in Glue, when it can read it. */
interface TableFacts {
  dateKeyType?: DateKeyType
  /** The table's columns and partition keys, as (name, Hive type). */
  columns?: (readonly [string, string])[]
}

/** One GetTable: the date key type (unless set by input) and the columns of the table. */
async function readTable(
  settings: CheckSettings,
  aws: OptionalAws | undefined,
  logger: Logger
): Promise<TableFacts> {
  const split = splitQualifiedTable(settings.table)
  const database = split.database ?? settings.database
  const table = split.table
  if (!aws || !database) return {}
  const ref = { database, table }
  let found: Table | undefined
  try {
    found = await findTable(aws.clients.glue, ref)
  } catch (error) {
    logger.warning(
      `Could not read ${database}.${table} from Glue (${(error as Error).message}); ` +
        `literals are checked as ${settings.dateKeyType ?? 'string'} date keys and columns against AWS's documented schema.` +
        (settings.dateKeyType ? '' : ` Set '${Inputs.DateKeyType}' to be explicit.`)
    )
    return {}
  }
  if (!found) {
    logger.warning(
      `${database}.${table} was not found in Glue; literals are checked as ${settings.dateKeyType ?? 'string'} ` +
        `date keys and columns against AWS's documented schema.`
    )
    return {}
  }
  const columns = columnsOf(found)
  if (settings.dateKeyType) return { columns }
  try {
    return { dateKeyType: validateTable(found, ref).dateKeyType, columns }
  } catch (error) {
    logger.warning(
      `Could not read the date key type of ${database}.${table} (${(error as Error).message}); ` +
        `literals are checked as string date keys. Set '${Inputs.DateKeyType}' to be explicit.`
    )
    return { columns }
  }
}

/** The table's columns, then its partition keys; none when Glue lists no columns. */
function columnsOf(table: Table): (readonly [string, string])[] | undefined {
  const columns = [...(table.StorageDescriptor?.Columns ?? []), ...(table.PartitionKeys ?? [])]
    .filter((column) => column.Name)
    .map((column) => [(column.Name ?? '').toLowerCase(), column.Type ?? ''] as const)
  return columns.length > 0 ? columns : undefined
}

export function explainDep(settings: CheckSettings, aws: OptionalAws | undefined): Partial<CheckQueriesDeps> {
  const workgroup = settings.workgroup
  if (!workgroup || !aws) return {}
  const database = settings.database ?? splitQualifiedTable(settings.table).database ?? 'default'
  return {
    explain: (sql) =>
      explainQuery(
        aws.clients.athena,
        {
          sql,
          database,
          workgroup,
          ...(settings.athenaOutputLocation ? { outputLocation: settings.athenaOutputLocation } : {})
        },
        {}
      )
  }
}

function pullRequestDep(settings: CheckSettings, logger: Logger): Partial<CheckQueriesDeps> {
  const number = github.context.payload.pull_request?.number
  if (!number) return {}
  if (!settings.githubToken) {
    logger.warning(`No '${Inputs.GithubToken}': the report is not posted on the pull request.`)
    return {}
  }
  const { owner, repo } = github.context.repo
  return { pullRequest: { octokit: githubClient(settings.githubToken, logger), owner, repo, number } }
}
