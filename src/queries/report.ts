/**
 * The check's report in Markdown, for the job summary and the pull-request comment: a count, a
 * table of files, then every finding by file.
 */
import { compareFindings, type Finding } from './findings.js'

/** Hidden in the comment so later runs find and update it instead of adding another. */
export const COMMENT_MARKER = '<!-- cloudtrail-partitions:check-queries -->'

/** GitHub refuses longer comment bodies with HTTP 422 (limits.md). */
export const COMMENT_MAX_CHARACTERS = 65_536

/** GitHub drops a step summary above 1 MiB entirely (limits.md); stay well under it. */
export const SUMMARY_MAX_CHARACTERS = 512 * 1024

export interface ReportInput {
  files: readonly string[]
  findings: readonly Finding[]
  /** Files checked, when not all of `files` were (over the max-files limit). */
  checkedCount?: number
}

export function renderReport(input: ReportInput): string {
  const errors = input.findings.filter((finding) => finding.severity === 'error').length
  const warnings = input.findings.length - errors
  const lines = [
    '## Athena query check',
    '',
    `${plural(input.checkedCount ?? input.files.length, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`,
    ''
  ]
  if (input.files.length === 0) return lines.join('\n')
  lines.push('| File | Errors | Warnings |', '| --- | ---: | ---: |')
  for (const file of input.files) {
    const ofFile = input.findings.filter((finding) => finding.file === file)
    const fileErrors = ofFile.filter((finding) => finding.severity === 'error').length
    lines.push(`| \`${cell(file)}\` | ${fileErrors} | ${ofFile.length - fileErrors} |`)
  }
  for (const file of input.files) {
    const ofFile = input.findings.filter((finding) => finding.file === file).sort(byPosition)
    if (ofFile.length === 0) continue
    lines.push('', `### \`${cell(file)}\``, '')
    for (const finding of ofFile) {
      lines.push(
        `- **${finding.severity}** line ${finding.line}, column ${finding.column} ` +
          `(\`${finding.rule}\`): ${text(finding.message)}`
      )
    }
  }
  return lines.join('\n') + '\n'
}

/** The comment body: the marker, then the report cut to GitHub's limit with a note when needed. */
export function renderComment(report: string, maxCharacters = COMMENT_MAX_CHARACTERS): string {
  return truncate(
    `${COMMENT_MARKER}\n${report}`,
    maxCharacters,
    'the full report is in the job summary of this run'
  )
}

/** Cuts `markdown` at a line break so that it and the note fit in `maxCharacters`. */
export function truncate(markdown: string, maxCharacters: number, where: string): string {
  if (markdown.length <= maxCharacters) return markdown
  const note = `\n\n_Report truncated: ${where}._\n`
  const room = markdown.slice(0, maxCharacters - note.length)
  const cut = room.lastIndexOf('\n')
  return (cut > 0 ? room.slice(0, cut) : room) + note
}

function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || compareFindings(a, b)
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** Messages hold SQL: keep it from being read as HTML. */
function text(message: string): string {
  return message.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}

function cell(value: string): string {
  return value.replaceAll('|', '\\|').replaceAll('`', "'")
}
