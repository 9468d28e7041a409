/**
 * A report document (document.ts) as plain text for a terminal: headings as underlined text, tables
 * as aligned columns (no Markdown pipes), paragraphs and lists wrapped to the width, collapsed
 * details expanded or reduced to their summary. Text we did not write passes through logText, so a
 * file name or an AWS message cannot move the cursor, clear the screen or start a line of its own.
 */
import type { Block, Inline, Line } from './document.js'
import { logText } from '../vocabulary/escape.js'

export interface PlainOptions {
  /** Columns to wrap paragraphs and lists at (tables are never cut). */
  width: number
  /** `expand` prints what a collapsed section holds; `summarize` only its summary line. */
  details?: 'expand' | 'summarize'
  /** What a summarized section's line says instead of how many rows it hides. */
  hiddenNote?: string
}

const ALERT_LABELS = { NOTE: 'Note', WARNING: 'Warning', CAUTION: 'Caution' } as const

export function inlineTerminal(line: Line): string {
  const parts: readonly Inline[] = typeof line === 'string' ? [{ kind: 'text', value: line }] : line
  return parts
    .map((part) => {
      if (part.kind !== 'raw') return logText(part.value.replace(/\s+/g, ' '))
      // Our own Markdown given without a plain form: its bold markers mean nothing on a terminal.
      return part.plain === part.markdown ? part.plain.replace(/\*\*(.+?)\*\*/g, '$1') : part.plain
    })
    .join('')
}

export function renderPlain(blocks: readonly Block[], options: PlainOptions): string {
  return blocks.map((block) => blockPlain(block, options)).join('\n\n') + '\n'
}

function blockPlain(block: Block, options: PlainOptions): string {
  switch (block.kind) {
    case 'heading': {
      const title = inlineTerminal(block.line)
      if (block.level === 4) return title
      return `${title}\n${(block.level === 2 ? '=' : '-').repeat(Math.min(title.length, options.width))}`
    }
    case 'paragraph':
      return wrapText(inlineTerminal(block.line), options.width, '', '').join('\n')
    case 'list':
      return block.items
        .flatMap((item) => wrapText(inlineTerminal(item), options.width, '- ', '  '))
        .join('\n')
    case 'table':
      return alignedTable(block.header, block.rows, block.align ?? [])
    case 'details': {
      const summary = `${logText(block.summary)}:`
      if (options.details === 'summarize') {
        const hidden = options.hiddenNote ?? `${countOf(block.blocks)} more, hidden`
        return wrapText(`${summary} (${hidden})`, options.width, '', '  ').join('\n')
      }
      const inner = renderPlain(block.blocks, { ...options, width: Math.max(20, options.width - 2) })
      return [
        summary,
        ...inner
          .trimEnd()
          .split('\n')
          .map((line) => (line ? `  ${line}` : line))
      ].join('\n')
    }
    case 'code-block':
      return block.code
        .split(/\r?\n/)
        .map((line) => `    ${logText(line)}`)
        .join('\n')
    case 'alert':
      return wrapText(
        `${ALERT_LABELS[block.type]}: ${inlineTerminal(block.line)}`,
        options.width,
        '',
        '  '
      ).join('\n')
  }
}

/** How many entries a summarized section hides: table rows and list items, else its blocks. */
function countOf(blocks: readonly Block[]): string {
  let rows = 0
  for (const block of blocks) {
    if (block.kind === 'table') rows += block.rows.length
    else if (block.kind === 'list') rows += block.items.length
  }
  return rows > 0 ? `${rows} row(s)` : `${blocks.length} section(s)`
}

function alignedTable(
  header: readonly string[],
  rows: readonly (readonly Line[])[],
  align: readonly ('l' | 'r')[]
): string {
  const cells = [header.map((h) => logText(h)), ...rows.map((row) => row.map(inlineTerminal))]
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)))
  const line = (row: readonly string[]): string =>
    widths
      .map((width, column) => {
        const cell = row[column] ?? ''
        return align[column] === 'r' ? cell.padStart(width) : cell.padEnd(width)
      })
      .join('  ')
      .trimEnd()
  const [head, ...body] = cells
  // A key-value table (empty header) needs no header line.
  const heading = header.some(Boolean)
    ? [line(head ?? []), widths.map((width) => '-'.repeat(width)).join('  ')]
    : []
  return [...heading, ...body.map(line)].join('\n')
}

/** Greedy word wrap; a word longer than the width gets a line of its own. */
function wrapText(text: string, width: number, first: string, rest: string): string[] {
  const lines: string[] = []
  let line = first
  let empty = true
  for (const word of text.split(' ').filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line)
      line = rest + word
    } else {
      line = empty ? line + word : `${line} ${word}`
    }
    empty = false
  }
  lines.push(line)
  return lines
}
