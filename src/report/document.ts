/**
 * A report as a small tree of blocks (headings, paragraphs, tables, lists, collapsed details), so that
 * one report renders as Markdown for the job summary and the pull-request comment, and as plain text
 * for a terminal (the command line). Untrusted text goes in as `text()`/`code()` and is escaped by the
 * renderer; only our own Markdown goes in as `raw()`.
 */
import { codeSpan, htmlText, markdownText } from '../vocabulary/escape.js'

/** One piece of inline text. */
export type Inline =
  | { kind: 'text'; value: string }
  | { kind: 'code'; value: string }
  | { kind: 'strong'; value: string }
  | { kind: 'raw'; markdown: string; plain: string }

export type Line = readonly Inline[] | string

export type Block =
  | { kind: 'heading'; level: 2 | 3 | 4; line: Line }
  | { kind: 'paragraph'; line: Line }
  | { kind: 'list'; items: readonly Line[] }
  | {
      kind: 'table'
      header: readonly string[]
      /** 'r' right-aligns a column (numbers). */
      align?: readonly ('l' | 'r')[]
      rows: readonly (readonly Line[])[]
    }
  | { kind: 'details'; summary: string; blocks: readonly Block[] }
  | { kind: 'code-block'; language: string; code: string }
  | { kind: 'alert'; type: 'NOTE' | 'WARNING' | 'CAUTION'; line: Line }

export const text = (value: string): Inline => ({ kind: 'text', value })
export const code = (value: string): Inline => ({ kind: 'code', value })
export const strong = (value: string): Inline => ({ kind: 'strong', value })
/** Our own Markdown, with its plain-text form for terminals. Never pass untrusted text here. */
export const raw = (markdown: string, plain = markdown): Inline => ({ kind: 'raw', markdown, plain })

const asInlines = (line: Line): readonly Inline[] => (typeof line === 'string' ? [text(line)] : line)

/** `inTable`: the line is a table cell, where `|` must be escaped even in code. */
export function inlineMarkdown(line: Line, inTable = false): string {
  return asInlines(line)
    .map((part) => {
      switch (part.kind) {
        case 'text':
          return markdownText(part.value)
        case 'code':
          return codeSpan(part.value, inTable)
        case 'strong':
          return `**${markdownText(part.value)}**`
        case 'raw':
          return part.markdown
      }
    })
    .join('')
}

export function inlinePlain(line: Line): string {
  return asInlines(line)
    .map((part) => (part.kind === 'raw' ? part.plain : part.value.replace(/\s+/g, ' ')))
    .join('')
}

export function renderMarkdown(blocks: readonly Block[]): string {
  return blocks.map(blockMarkdown).join('\n\n') + '\n'
}

function blockMarkdown(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${inlineMarkdown(block.line)}`
    case 'paragraph':
      return inlineMarkdown(block.line)
    case 'list':
      return block.items.map((item) => `- ${inlineMarkdown(item)}`).join('\n')
    case 'table': {
      const align = block.header.map((_, i) => (block.align?.[i] === 'r' ? '---:' : '---'))
      return [
        `| ${block.header.map((h) => markdownText(h)).join(' | ')} |`,
        `| ${align.join(' | ')} |`,
        ...block.rows.map((row) => `| ${row.map((cell) => inlineMarkdown(cell, true)).join(' | ')} |`)
      ].join('\n')
    }
    case 'details':
      return [
        // GitHub shows an HTML block's text as it is: Markdown escapes there would show as backslashes.
        `<details><summary>${htmlText(block.summary)}</summary>`,
        '',
        renderMarkdown(block.blocks).trimEnd(),
        '',
        '</details>'
      ].join('\n')
    case 'code-block': {
      const longest = Math.max(2, ...(block.code.match(/`{3,}/g) ?? []).map((run) => run.length))
      const fence = '`'.repeat(longest + 1)
      return `${fence}${block.language}\n${block.code}\n${fence}`
    }
    case 'alert':
      return `> [!${block.type}]\n> ${inlineMarkdown(block.line)}`
  }
}
