/**
 * A report document (document.ts) as plain text for a terminal: headings as underlined text, tables
 * as aligned columns (no Markdown pipes), paragraphs and lists wrapped to the width, collapsed
 * details expanded or reduced to their summary. Everything fits the width (80 columns in a pipe):
 * a table too wide wraps its widest cells, or stacks each row when the columns would be too narrow;
 * SQL breaks between tokens. Only a single word wider than the width is left whole, so that a
 * name or an address can still be copied. Text we did not write passes through logText, so a
 * file name or an AWS message cannot move the cursor, clear the screen or start a line of its own.
 */
import type { Block, Inline, Line } from './document.js'
import { logText } from '../vocabulary/escape.js'

export interface PlainOptions {
  /** Columns to fit: paragraphs and lists wrap, tables wrap their cells or stack their rows. */
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
      const lines = wrapText(inlineTerminal(block.line), options.width, '', '')
      if (block.level === 4) return lines.join('\n')
      const underline = (block.level === 2 ? '=' : '-').repeat(Math.min(longest(lines), options.width))
      return [...lines, underline].join('\n')
    }
    case 'paragraph':
      return wrapText(inlineTerminal(block.line), options.width, '', '').join('\n')
    case 'list':
      return block.items
        .flatMap((item) => wrapText(inlineTerminal(item), options.width, '- ', '  '))
        .join('\n')
    case 'table':
      return plainTable(block.header, block.rows, block.align ?? [], options.width)
    case 'details': {
      const summary = `${logText(block.summary)}:`
      if (options.details === 'summarize') {
        const hidden = options.hiddenNote ?? `${countOf(block.blocks)} more, hidden`
        return wrapText(`${summary} (${hidden})`, options.width, '', '  ').join('\n')
      }
      const inner = renderPlain(block.blocks, { ...options, width: Math.max(20, options.width - 2) })
      return [
        ...wrapText(summary, options.width, '', '  '),
        ...inner
          .trimEnd()
          .split('\n')
          .map((line) => (line ? `  ${line}` : line))
      ].join('\n')
    }
    case 'code-block':
      return block.code
        .split(/\r?\n/)
        .flatMap((line) =>
          // SQL reads a line break as a space: a long statement breaks between its tokens.
          block.language === 'sql' ? breakSql(logText(line), options.width - 4) : [logText(line)]
        )
        .map((line) => `    ${line}`)
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

/** Columns between cells. */
const GAP = '  '
/** Narrower than this, a column would read as a list of fragments: rows are stacked instead. */
const MIN_COLUMN = 12

function plainTable(
  header: readonly string[],
  rows: readonly (readonly Line[])[],
  align: readonly ('l' | 'r')[],
  width: number
): string {
  const head = header.map((h) => logText(h))
  const body = rows.map((row) => header.map((_, column) => (row[column] ? inlineTerminal(row[column]) : '')))
  const natural = head.map((_, column) =>
    longest([head[column] ?? '', ...body.map((row) => row[column] ?? '')])
  )
  const widths = fitColumns(natural, align, width - GAP.length * Math.max(0, head.length - 1))
  return widths ? alignedTable(head, body, align, widths) : stackedRows(head, body, width)
}

/**
 * Column widths that fit `room`: numbers (right-aligned) keep theirs, the other columns share what is
 * left, the narrow ones whole and the wide ones equally (their cells wrap). Undefined when a shared
 * column would be narrower than MIN_COLUMN.
 */
function fitColumns(
  natural: readonly number[],
  align: readonly ('l' | 'r')[],
  room: number
): number[] | undefined {
  if (natural.reduce((sum, w) => sum + w, 0) <= room) return [...natural]
  const flexible = natural.map((_, column) => align[column] !== 'r')
  let left = room - natural.reduce((sum, w, column) => (flexible[column] ? sum : sum + w), 0)
  const wide = natural.map((w, column) => [w, column] as const).filter(([, column]) => flexible[column])
  wide.sort((a, b) => a[0] - b[0])
  const widths = [...natural]
  // Water-filling: each column, narrowest first, takes its width or an equal share of what is left.
  wide.forEach(([w, column], index) => {
    const share = Math.floor(left / (wide.length - index))
    widths[column] = Math.min(w, share)
    left -= widths[column] as number
  })
  return wide.every(([w, column]) => (widths[column] as number) >= Math.min(w, MIN_COLUMN))
    ? widths
    : undefined
}

function alignedTable(
  head: readonly string[],
  body: readonly (readonly string[])[],
  align: readonly ('l' | 'r')[],
  widths: readonly number[]
): string {
  // Each row as lines: a cell wider than its column wraps within it.
  const wrapped = (row: readonly string[]): string[][] =>
    widths.map((width, column) => wrapCell(row[column] ?? '', width))
  const asLines = (cells: readonly string[][]): string[] => {
    const height = Math.max(1, ...cells.map((cell) => cell.length))
    return Array.from({ length: height }, (_, line) =>
      widths
        .map((width, column) => {
          const cell = cells[column]?.[line] ?? ''
          return align[column] === 'r' ? cell.padStart(width) : cell.padEnd(width)
        })
        .join(GAP)
        .trimEnd()
    )
  }
  const rows = body.map(wrapped)
  // A key-value table (empty header) needs no header line.
  const heading = head.some(Boolean)
    ? [...asLines(wrapped(head)), widths.map((width) => '-'.repeat(width)).join(GAP)]
    : []
  // A row starts where its first cell does; when a first cell takes two lines, a blank line between
  // rows tells its second line from the next row.
  const separator = rows.some((cells) => (cells[0]?.length ?? 0) > 1) ? '\n\n' : '\n'
  return [...heading, rows.map((cells) => asLines(cells).join('\n')).join(separator)].join('\n')
}

/**
 * A table too wide for its columns, one row after the other: the first cell, then each other
 * cell under it with its header, indented.
 */
function stackedRows(head: readonly string[], body: readonly (readonly string[])[], width: number): string {
  return body
    .map((row) => {
      const [first = '', ...rest] = row
      const lines = wrapText(first, width, '', '  ')
      rest.forEach((cell, index) => {
        if (!cell) return
        const label = head[index + 1] ? `${head[index + 1]}: ` : ''
        lines.push(...wrapText(`${label}${cell}`, width, '  ', '    '))
      })
      return lines.join('\n')
    })
    .join('\n\n')
}

/** A cell's text in lines of at most `width`; a longer word is cut (a table must keep its columns). */
function wrapCell(text: string, width: number): string[] {
  const words = text
    .split(' ')
    .filter(Boolean)
    .flatMap((word) =>
      word.length <= width ? [word] : (word.match(new RegExp(`.{1,${width}}`, 'gu')) ?? [])
    )
  return wrapText(words.join(' '), width, '', '')
}

/**
 * A line of SQL in lines of at most `width`, broken at a space or after a comma outside quotes and
 * backquotes (where a line break means what a space does); continued lines are indented by two.
 */
export function breakSql(line: string, width: number): string[] {
  const lines: string[] = []
  let rest = line
  let indent = ''
  while (indent.length + rest.length > width) {
    const points = breakPoints(rest)
    const room = width - indent.length
    const fitting = points.filter((point) => point <= room)
    const at = fitting.length ? fitting[fitting.length - 1] : points[0]
    if (at === undefined || at === 0) break
    lines.push(indent + rest.slice(0, at).trimEnd())
    rest = rest.slice(at).trimStart()
    indent = '  '
  }
  lines.push(indent + rest)
  return lines
}

/** Offsets where a line of SQL may break: after a space or a comma, outside quoted text. */
function breakPoints(sql: string): number[] {
  const points: number[] = []
  let quote: string | undefined
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i] as string
    if (quote) {
      if (c === quote) quote = undefined
    } else if (c === "'" || c === '"' || c === '`') {
      quote = c
    } else if (c === ' ' || c === ',') {
      points.push(i + 1)
    }
  }
  return points
}

function longest(lines: readonly string[]): number {
  return lines.reduce((max, line) => Math.max(max, line.length), 0)
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
