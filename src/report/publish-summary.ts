/**
 * The job-summary section of a publish: counts, then the paths of each outcome and the failures.
 * Paths come from the repository and names from Athena (anyone with console access writes them):
 * they go in as text or code of the report document, escaped there.
 */
import { code, raw, renderMarkdown, text, type Block, type Inline } from './document.js'
import type { PublishResult } from '../queries/publish.js'

export function renderPublishSummary(result: PublishResult, workgroup?: string): string {
  return renderMarkdown(publishSummaryDocument(result, workgroup))
}

/** The same report as a document: Markdown for the job summary, plain text for the command line. */
export function publishSummaryDocument(result: PublishResult, workgroup?: string): Block[] {
  const title: Inline[] = [raw('Athena named queries')]
  if (workgroup) title.push(raw(' in '), text(workgroup))
  if (result.dryRun) title.push(raw(' (dry run: nothing written)'))
  const would = result.dryRun ? 'to ' : ''
  const rows: [string, string[]][] = [
    [`${would}create`, result.created],
    [`${would}update`, result.updated],
    [`${would}delete`, result.deleted],
    ['unchanged', result.unchanged],
    ['not created by this action (left alone)', result.foreignKept],
    ["copies carrying this action's marker (left alone)", result.duplicates.map((copy) => copy.namedQueryId)]
  ]
  const blocks: Block[] = [
    { kind: 'heading', level: 3, line: title },
    {
      kind: 'table',
      header: ['Outcome', 'Count'],
      align: ['l', 'r'],
      rows: [
        ...rows.map(([label, items]) => [[raw(label)], String(items.length)]),
        [[raw('failed')], String(result.failures.length)]
      ]
    }
  ]
  if (result.refusedDeletes && result.dryRun) {
    // The failure table carries it on a real run; a dry run succeeds, so it is said here.
    blocks.push({
      kind: 'paragraph',
      line: [
        raw('**A real run would stop:** ', 'A real run would stop: '),
        text(result.refusedDeletes.message)
      ]
    })
  }
  for (const [label, items] of rows.slice(0, 3)) {
    if (items.length === 0) continue
    const paths = items.flatMap((item, i): Inline[] => (i === 0 ? [code(item)] : [raw(', '), code(item)]))
    const capitalized = `${label[0]?.toUpperCase()}${label.slice(1)}`
    blocks.push({
      kind: 'paragraph',
      line: [raw(`**${capitalized}:** `, `${capitalized}: `), ...paths]
    })
  }
  if (result.duplicates.length > 0) {
    blocks.push({
      kind: 'table',
      header: ['Copy (left alone)', 'Id', 'Of file', 'Why it is not changed'],
      rows: result.duplicates.map((copy) => [
        [text(copy.name)],
        [code(copy.namedQueryId)],
        [code(copy.path)],
        [text(copy.why)]
      ])
    })
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
