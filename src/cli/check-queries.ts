/**
 * `cloudtrail-partitions check-queries [GLOB...]`: the action's SQL check as a linter. Findings
 * print as `file:line:col  rule  message`, the shape editors and pre-commit link to a position;
 * `--format sarif` writes a SARIF 2.1.0 log for GitHub code scanning. Exit 1 when any finding is
 * an error. AWS is used only when asked (--profile, --region/--aws-region or --workgroup): then
 * the table's own key type and columns are read from Glue, and with a workgroup Athena EXPLAINs.
 */
import { createClients } from '../aws/clients.js'
import { checkOptionsFor, estimateDep, explainDep, type OptionalAws } from '../run/check-options.js'
import { readQueryFileUpTo } from '../queries/files.js'
import { readCheckSettings } from '../inputs.js'
import { runCheckQueries } from '../run/check-queries.js'
import { chainCredentials, configuredRegion, resolveCredentials } from './aws.js'
import { ExitCode, type CliContext } from './context.js'
import { findingLine } from './finding-line.js'
import { sarifLog } from './sarif.js'

export async function checkQueriesCli(context: CliContext): Promise<number> {
  const { options, stdout, stderr, logger, given } = context
  const wantsAws = options.profile !== undefined || given.has('aws-region') || given.has('workgroup')
  // Without AWS the check reads no region at all, so that AWS_REGION in a shell does not turn it on.
  let env: NodeJS.ProcessEnv = {}
  if (wantsAws) {
    const region = given.get('aws-region') || (await configuredRegion(options.profile))
    env = region ? { AWS_REGION: region } : {}
    if (!region) logger.warning('No AWS region (--region, AWS_REGION or the profile): checking without AWS.')
  }
  const settings = readCheckSettings(context.read, env)
  let aws: OptionalAws | undefined
  if (settings.awsRegion) {
    const credentials = chainCredentials(options.profile, context.env)
    await resolveCredentials(credentials)
    aws = { clients: createClients(settings.awsRegion, credentials) }
  }

  const checkOptions = await checkOptionsFor(settings, aws, logger)
  const result = await runCheckQueries(checkOptions, {
    // As in the action: the size is read first, and a file over max-file-bytes is never read.
    readFile: (path, maxBytes) => readQueryFileUpTo(path, maxBytes),
    logger,
    // Every finding is printed below: nothing to single out.
    annotate: () => undefined,
    ...explainDep(settings, aws),
    ...estimateDep(settings, aws, checkOptions, logger)
  })

  switch (options.format) {
    case 'sarif':
      stdout.write(JSON.stringify(sarifLog(result.findings, context.version), null, 2) + '\n')
      break
    case 'json':
      stdout.write(
        JSON.stringify(
          {
            filesChecked: result.filesChecked,
            errorCount: result.errorCount,
            warningCount: result.warningCount,
            findings: result.findings
          },
          null,
          2
        ) + '\n'
      )
      break
    case 'markdown':
      stdout.write(
        result.summaryMarkdown.endsWith('\n') ? result.summaryMarkdown : `${result.summaryMarkdown}\n`
      )
      break
    default:
      for (const finding of result.findings) stdout.write(`${findingLine(finding)}\n`)
  }
  stderr.write(
    `${result.filesChecked} file(s) checked: ${result.errorCount} error(s), ${result.warningCount} warning(s)\n`
  )
  return result.errorCount > 0 ? ExitCode.Failed : ExitCode.Done
}
