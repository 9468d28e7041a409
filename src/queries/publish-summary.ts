/** The job-summary section of a publish: counts, then the paths of each outcome and the failures. */
import type { PublishResult } from './publish.js'

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``

export function renderPublishSummary(result: PublishResult): string {
  const title = result.dryRun
    ? '### Athena named queries (dry run: nothing written)'
    : '### Athena named queries'
  const would = result.dryRun ? 'to ' : ''
  const rows: [string, string[]][] = [
    [`${would}create`, result.created],
    [`${would}update`, result.updated],
    [`${would}delete`, result.deleted],
    ['unchanged', result.unchanged],
    ['not created by this action (left alone)', result.foreignKept],
    ["copies carrying this action's marker (left alone)", result.duplicates.map((copy) => copy.namedQueryId)]
  ]
  const lines = [title, '', '| Outcome | Count |', '| --- | ---: |']
  for (const [label, items] of rows) lines.push(`| ${label} | ${items.length} |`)
  lines.push(`| failed | ${result.failures.length} |`, '')
  for (const [label, items] of rows.slice(0, 3)) {
    if (items.length > 0)
      lines.push(`**${label[0]?.toUpperCase()}${label.slice(1)}:** ${items.map(code).join(', ')}`, '')
  }
  if (result.duplicates.length > 0) {
    lines.push('| Copy (left alone) | Id | Of file |', '| --- | --- | --- |')
    for (const copy of result.duplicates) {
      lines.push(`| ${cell(copy.name)} | ${code(copy.namedQueryId)} | ${code(copy.path)} |`)
    }
    lines.push('')
  }
  if (result.failures.length > 0) {
    lines.push('| File | Problem |', '| --- | --- |')
    for (const failure of result.failures) lines.push(`| ${code(failure.path)} | ${cell(failure.message)} |`)
    lines.push('')
  }
  return lines.join('\n')
}
