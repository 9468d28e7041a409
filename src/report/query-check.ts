/**
 * The check's report in Markdown, for the job summary and the pull-request comment: a count, a
 * table of files, then every finding by file. File names and messages come from the pull request:
 * they go in as text or code of the report document and are escaped there, never written raw.
 */
import { code, raw, renderMarkdown, text, type Block } from './document.js'
import { compareFindings, type Finding } from '../queries/findings.js'

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
  const blocks: Block[] = [
    { kind: 'heading', level: 2, line: 'Athena query check' },
    {
      kind: 'paragraph',
      line: [
        raw(
          `${plural(input.checkedCount ?? input.files.length, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`
        )
      ]
    }
  ]
  if (input.files.length === 0) return renderMarkdown(blocks)
  const byFile = new Map<string, Finding[]>(input.files.map((file) => [file, []]))
  for (const finding of input.findings) byFile.get(finding.file)?.push(finding)
  blocks.push({
    kind: 'table',
    header: ['File', 'Errors', 'Warnings'],
    align: ['l', 'r', 'r'],
    rows: input.files.map((file) => {
      const ofFile = byFile.get(file) ?? []
      const fileErrors = ofFile.filter((finding) => finding.severity === 'error').length
      return [[code(file)], String(fileErrors), String(ofFile.length - fileErrors)]
    })
  })
  for (const file of input.files) {
    const ofFile = [...(byFile.get(file) ?? [])].sort(byPosition)
    if (ofFile.length === 0) continue
    blocks.push(
      { kind: 'heading', level: 3, line: [code(file)] },
      {
        kind: 'list',
        items: ofFile.map((finding) => [
          raw(`**${finding.severity}** line ${finding.line}, column ${finding.column} (`),
          code(finding.rule),
          raw('): '),
          // Messages quote the SQL (identifiers, literals, Athena's answer): text, never Markdown.
          text(finding.message)
        ])
      }
    )
  }
  return renderMarkdown(blocks)
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
