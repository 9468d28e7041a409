/**
 * `cloudtrail-partitions sync`: the action's sync (same settings reader, same core, same report)
 * from a shell. The report goes to stdout (plain text, Markdown as in the job summary, or the plan
 * as JSON), progress with an ETA to stderr while it applies. Exit 1 when any change failed.
 */
import { createClients } from '../aws/clients.js'
import { readSyncSettings, tableRefOf } from '../inputs.js'
import { DEFAULT_TUNING, runSync } from '../run/sync.js'
import { changesApplied, outcomeDocument, settleSync } from '../run/settle-sync.js'
import { renderMarkdown } from '../report/document.js'
import { logText } from '../vocabulary/escape.js'
import { checkPlanFile, planFileFailure, writePlanJson } from '../report/plan-file.js'
import { renderPlain, type PlainOptions } from '../report/terminal.js'
import { chainCredentials, resolveCredentials } from './aws.js'
import { ExitCode, widthOf, type CliContext, type OutputStream } from './context.js'
import { createProgress } from './progress.js'
import { flagMessage } from './wording.js'

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
  const credentials = chainCredentials(options.profile, context.env)
  const clients = createClients(settings.awsRegion, credentials)
  const progress = createProgress(stderr)
  const render = (blocks: Parameters<typeof renderMarkdown>[0]): string =>
    options.format === 'markdown' ? renderMarkdown(blocks) : renderPlain(blocks, plainOptions(stdout))

  if (settings.planFile) await checkPlanFile(settings.planFile)
  // Credentials that cannot be read stop the run here, before its first AWS call.
  await resolveCredentials(credentials)
  const outcome = await settleSync(
    runSync(
      {
        ...settings,
        table: tableRefOf(settings)
      },
      clients,
      logger,
      { ...DEFAULT_TUNING, onApplyProgress: (settled, total) => progress.update(settled, total) }
    ),
    flagMessage
  )
  progress.finish()
  const document = outcomeDocument(outcome, clients.calls, settings.source)
  if (outcome.kind === 'failed') {
    // The JSON plan has nothing to say of a run without a plan; the error line says it.
    if (document && options.format !== 'json') stdout.write(render(document))
    throw outcome.error
  }
  const applied = changesApplied(outcome)
  if (applied) context.changed(applied)
  if (options.format === 'json') {
    writePlanJson(stdout, outcome.report)
  } else if (document) {
    stdout.write(render(document))
  }
  // Last, and only when asked (a laptop run keeps no plan file behind): the report is out already.
  const planFileProblem = settings.planFile
    ? await planFileFailure(settings.planFile, outcome.report)
    : undefined
  // Refused before any write: the report above shows what the run would have done, and why it stopped.
  if (outcome.kind === 'refused') {
    if (planFileProblem) logger.warning(planFileProblem)
    throw outcome.error
  }

  logger.info(outcome.summary)
  let code: number = ExitCode.Done
  if (outcome.failedChanges) {
    stderr.write(failedChangesLine(outcome.failedChanges, outcome.rerunCompletes !== false))
    code = ExitCode.Failed
  }
  if (planFileProblem) {
    stderr.write(`error: ${logText(planFileProblem)}\n`)
    code = ExitCode.Failed
  }
  return code
}

/** The error line of a sync whose changes partly failed; AWS's message in it is escaped. */
export function failedChangesLine(failedChanges: string, rerunCompletes = true): string {
  return `error: ${logText(failedChanges)}${rerunCompletes ? ' Run again to complete the rest.' : ''}\n`
}
