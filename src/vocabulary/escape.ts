/**
 * The one place where text we did not write (file names, SQL, identifiers, AWS messages) is made safe
 * for where it goes: a log line (workflow commands), or Markdown (job summary, pull-request comment),
 * and HTML inside that Markdown.
 * Every renderer calls these; nothing from a file reaches an output without passing through one.
 */

/** Characters that GitHub's Markdown (GFM) gives a meaning to in running text. */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>&~=:"']/g

/**
 * One log line: CR, LF and other control characters are shown as escapes, so the text can never start
 * a line of its own (a workflow command is a line starting with `::`, or `##[` in the runner's older
 * form), and a leading `::` or `##` is broken with a backslash (a lone `#`, as in a file `#notes.sql`,
 * stays, so editors find the file). C1 controls (U+009B is a terminal's CSI,
 * U+009D its OSC) and bidirectional overrides (a name shown reversed) are escaped too: a terminal
 * shows this text.
 */
export function logText(text: string): string {
  const oneLine = text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g,
    (c) => {
      if (c === '\n') return '\\n'
      if (c === '\r') return '\\r'
      return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
    }
  )
  return oneLine.replace(/^(\s*)(::|##)/, '$1\\$2')
}

/**
 * Text of our own that may span lines (and may hold escaped values): no line of it can be taken for a
 * workflow command. The logger applies it to every info line, as a second fence behind logText.
 */
export function logLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^(\s*)(::|##\[)/, '$1\\$2'))
    .join('\n')
}

/** A file name or other untrusted value quoted for the log: `"queries/a.sql"`. */
export function logQuoted(text: string): string {
  return `"${logText(text).replace(/"/g, '\\"')}"`
}

/**
 * Running Markdown text: every character GFM gives a meaning to is backslash-escaped (links, emphasis,
 * headings, tables, HTML), line breaks become spaces, and `@` is followed by a zero-width joiner so
 * that `@someone` never notifies anyone.
 */
export function markdownText(text: string): string {
  return oneLine(text)
    .replace(MARKDOWN_SPECIAL, (c) =>
      c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`
    )
    .replace(/@/g, '@\u2060')
}

/**
 * Text inside an HTML element of the Markdown (a `<details>` title): GFM reads an HTML block as it
 * is, Markdown escapes included, so only HTML's own characters are escaped (as entities, which the
 * browser decodes). Line breaks become spaces (a blank line would end the block); `@` is broken as in
 * markdownText.
 */
const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

export function htmlText(text: string): string {
  return oneLine(text)
    .replace(/[&<>"]/g, (c) => HTML_ENTITIES[c] ?? c)
    .replace(/@/g, '@\u2060')
}

/**
 * A code span that the content cannot close: the fence is one backtick longer than the longest run
 * inside, padded with spaces when the content starts or ends with a backtick. In a table cell
 * (`inTable`, the default) `|` is escaped because GFM splits cells on it even inside code spans; a
 * backslash right before a pipe would undo that escape, so such a value becomes an HTML code element
 * holding escaped text instead. Mentions and links do not render in code.
 */
export function codeSpan(text: string, inTable = true): string {
  let content = oneLine(text)
  if (inTable) {
    if (content.includes('\\|')) return `<code>${markdownText(text)}</code>`
    content = content.replace(/\|/g, '\\|')
  }
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  const pad = content.startsWith('`') || content.endsWith('`') || content === '' ? ' ' : ''
  return `${fence}${pad}${content}${pad}${fence}`
}

/**
 * Line breaks, tabs and other control characters (C1 too: `--format markdown` may go to a terminal)
 * as single spaces (Markdown has no safe newline in a cell).
 */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
}
