/**
 * The check's report in Markdown, for the job summary and the pull-request comment: a count, a
 * table of files, then every finding by file. File names and messages come from the pull request:
 * they go in as text or code of the report document and are escaped there, never written raw.
 */
import { code, raw, renderMarkdown, text, type Block, type Inline, type Line } from './document.js'
import type { ExplainPhaseStats } from '../queries/explain-phase.js'
import { describeEstimate, type EstimatedQuery } from '../queries/estimate-phase.js'
import { compareFindings, type Finding } from '../queries/findings.js'
import { formatCount } from '../vocabulary/format.js'

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
  /** On a pull request: where its head commit's files are, so that each finding links to its line. */
  links?: SourceLinks
  /** When Athena was asked to EXPLAIN. */
  explain?: ExplainPhaseStats
  /** The partitions each query reads, or why they were not estimated. */
  estimate?: EstimateReport
}

export type EstimateReport =
  { queries: readonly EstimatedQuery[]; notEstimated: number; elapsedMs: number } | { unavailable: string }

/** Queries listed in the estimate's table, largest first; the rest are counted. */
const ESTIMATES_LISTED = 100

/** A commit's files on GitHub: `SERVER/OWNER/REPO/blob/SHA/PATH#LLINE`. */
export interface SourceLinks {
  serverUrl: string
  owner: string
  repo: string
  sha: string
}

/** Clean files named in the one line that folds them; the rest are counted. */
const CLEAN_FILES_NAMED = 20

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
  if (input.explain) blocks.push({ kind: 'paragraph', line: [raw(explainLine(input.explain))] })
  if (input.estimate) blocks.push(...estimateBlocks(input.estimate, input.links))
  if (input.files.length === 0) return renderMarkdown(blocks)
  const byFile = new Map<string, Finding[]>(input.files.map((file) => [file, []]))
  for (const finding of input.findings) byFile.get(finding.file)?.push(finding)
  // Findings first, file by file; the files without any fold into one line after them.
  const clean: string[] = []
  for (const file of input.files) {
    const ofFile = [...(byFile.get(file) ?? [])].sort(byPosition)
    if (ofFile.length === 0) {
      clean.push(file)
      continue
    }
    const fileErrors = ofFile.filter((finding) => finding.severity === 'error').length
    const counts = [
      ...(fileErrors ? [plural(fileErrors, 'error')] : []),
      ...(ofFile.length - fileErrors ? [plural(ofFile.length - fileErrors, 'warning')] : [])
    ].join(', ')
    blocks.push(
      { kind: 'heading', level: 3, line: [code(file), raw(`: ${counts}`)] },
      {
        kind: 'list',
        items: ofFile.map((finding) => {
          const where = `line ${finding.line}, column ${finding.column}`
          return [
            raw(`**${finding.severity}** `, `${finding.severity} `),
            input.links ? raw(`[${where}](${lineUrl(input.links, file, finding.line)})`, where) : raw(where),
            raw(' ('),
            code(finding.rule),
            raw('): '),
            // Messages quote the SQL (identifiers, literals, Athena's answer): text, never Markdown.
            text(finding.message)
          ]
        })
      }
    )
  }
  if (clean.length > 0) {
    const named = clean.slice(0, CLEAN_FILES_NAMED)
    const line: Inline[] = [
      raw(
        `**No findings** in ${plural(clean.length, 'file')}: `,
        `No findings in ${plural(clean.length, 'file')}: `
      )
    ]
    named.forEach((file, i) => line.push(...(i === 0 ? [] : [raw(', ')]), code(file)))
    if (clean.length > named.length) line.push(raw(`, and ${clean.length - named.length} more`))
    line.push(raw('.'))
    blocks.push({ kind: 'paragraph', line })
  }
  return renderMarkdown(blocks)
}

/**
 * The link to a line of a file in the pull request's head commit. Every path segment is
 * percent-encoded (parentheses too): a file name cannot end the link or make another.
 */
export function lineUrl(links: SourceLinks, path: string, line: number): string {
  const encode = (part: string): string =>
    encodeURIComponent(part).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  const file = path.replace(/^\.\//, '').split('/').map(encode).join('/')
  const base = links.serverUrl.replace(/\/+$/, '')
  return `${base}/${encode(links.owner)}/${encode(links.repo)}/blob/${encode(links.sha)}/${file}#L${line}`
}

/** One line, and the queries with their estimates in a collapsed table. */
function estimateBlocks(estimate: EstimateReport, links: SourceLinks | undefined): Block[] {
  if ('unavailable' in estimate) {
    return [
      { kind: 'paragraph', line: [raw('Partitions read: not estimated; '), text(estimate.unavailable)] }
    ]
  }
  const { queries } = estimate
  if (queries.length === 0 && estimate.notEstimated === 0) return []
  const largest = [...queries].sort(
    (a, b) => Number(b.over) - Number(a.over) || b.partitions - a.partitions || a.file.localeCompare(b.file)
  )
  const top = largest[0]
  const line: Inline[] = [
    raw(
      `Partitions read: ${formatCount(queries.length)} ${queries.length === 1 ? 'query' : 'queries'} estimated`
    )
  ]
  if (top)
    line.push(
      raw(`; the largest reads ${describeEstimate(top)} partitions (`),
      code(top.file),
      raw(` line ${top.line})`)
    )
  if (estimate.notEstimated)
    line.push(raw(`; ${formatCount(estimate.notEstimated)} not estimated (the log says why)`))
  line.push(raw('.'))
  const listed = largest.slice(0, ESTIMATES_LISTED)
  const rows = listed.map((query): Line[] => [
    [code(query.file)],
    [
      links
        ? raw(`[${query.line}](${lineUrl(links, query.file, query.line)})`, String(query.line))
        : raw(String(query.line))
    ],
    [raw(`reads ${describeEstimate(query)} partitions`)]
  ])
  const more = largest.length - listed.length
  return [
    { kind: 'paragraph', line },
    {
      kind: 'details',
      summary: `Partitions each query reads${more ? ` (the ${ESTIMATES_LISTED} largest of ${formatCount(largest.length)})` : ''}`,
      blocks: [{ kind: 'table', header: ['File', 'Line', 'Estimate'], align: ['l', 'r', 'l'], rows }]
    }
  ]
}

function explainLine(stats: ExplainPhaseStats): string {
  const seconds = (stats.elapsedMs / 1000).toFixed(1)
  const repeated = stats.reused ? ` (${formatCount(stats.reused)} repeated statements asked once)` : ''
  const left = stats.leftOut
    ? `; ${formatCount(stats.leftOut)} not asked (limits), in ${plural(stats.leftOutFiles, 'file')}`
    : ''
  return `Athena EXPLAIN: ${formatCount(stats.requests)} requests for ${plural(stats.statements, 'statement')}${repeated} in ${seconds} s${left}.`
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
