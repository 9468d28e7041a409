/**
 * `cloudtrail-partitions publish-queries [GLOB...]`: the action's publish from a shell. The owner
 * in the ownership markers is the repository (GITHUB_REPOSITORY, else the origin remote), so a
 * publish from a clone and one from the workflow treat the same named queries as theirs.
 */
import { createClients } from '../aws/clients.js'
import { findQueryFiles, readQueryFileOrRefusal } from '../commands/query-files.js'
import { readPublishSettings } from '../inputs.js'
import { publishQueries, renderPublishSummary, type PublishResult } from '../queries/publish.js'
import { code, text, type Block } from '../report/document.js'
import { renderPlain } from '../report/terminal.js'
import { chainCredentials } from './aws.js'
import { ExitCode, widthOf, type CliContext } from './context.js'
import { publishingRepository } from './repository.js'

/** The publish report as a document, for the terminal. */
export function publishDocument(result: PublishResult, workgroup: string): Block[] {
  const to = result.dryRun ? 'to ' : ''
  const outcomes: [string, readonly string[]][] = [
    [`${to}create`, result.created],
    [`${to}update`, result.updated],
    [`${to}delete`, result.deleted],
    ['unchanged', result.unchanged],
    ['not created by this tool (left alone)', result.foreignKept],
    ['copies carrying our marker (left alone)', result.duplicates.map((copy) => copy.namedQueryId)]
  ]
  const blocks: Block[] = [
    {
      kind: 'heading',
      level: 2,
      line: [
        text(`Athena named queries in ${workgroup}${result.dryRun ? ' (dry run: nothing written)' : ''}`)
      ]
    },
    {
      kind: 'table',
      header: ['Outcome', 'Count'],
      align: ['l', 'r'],
      rows: [...outcomes, ['failed', result.failures] as const].map(([label, items]) => [
        label,
        String(items.length)
      ])
    }
  ]
  for (const [label, items] of outcomes.slice(0, 3)) {
    if (items.length > 0)
      blocks.push(
        { kind: 'paragraph', line: `${label}:` },
        { kind: 'list', items: items.map((item) => [code(item)]) }
      )
  }
  if (result.failures.length > 0) {
    blocks.push({
      kind: 'table',
      header: ['File', 'Problem'],
      rows: result.failures.map((failure) => [[code(failure.path)], [text(failure.message)]])
    })
  }
  return blocks
}

export async function publishQueriesCli(context: CliContext): Promise<number> {
  const { options, stdout, stderr, logger } = context
  const settings = readPublishSettings(context.read, context.env)
  const paths = await findQueryFiles(settings.queries)
  const files = await Promise.all(paths.map((path) => readQueryFileOrRefusal(path)))
  const { owner, from } = await publishingRepository(context.env, context.cwd)
  logger.info(`${files.length} query file(s) for workgroup ${settings.workgroup}; owner ${owner} (${from})`)
  const { athena } = createClients(settings.awsRegion, chainCredentials(options.profile))
  const result = await publishQueries(
    athena,
    {
      files,
      owner,
      workgroup: settings.workgroup,
      database: settings.database,
      deleteMissing: settings.deleteMissing,
      dryRun: settings.dryRun
    },
    logger
  )

  if (options.format === 'json')
    stdout.write(JSON.stringify({ workgroup: settings.workgroup, owner, ...result }, null, 2) + '\n')
  else if (options.format === 'markdown') stdout.write(renderPublishSummary(result))
  else stdout.write(renderPlain(publishDocument(result, settings.workgroup), { width: widthOf(stdout) }))

  if (result.failures.length > 0) {
    stderr.write(`error: ${result.failures.length} query file(s) could not be published (see above).\n`)
    return ExitCode.Failed
  }
  return ExitCode.Done
}
