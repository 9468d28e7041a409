/**
 * The escaping table: every hostile name or identifier (tests/helpers/hostile.ts) against every
 * destination: a log line, a Markdown table cell as text and as code, a heading, a list item, and an
 * annotation through @actions/core. Markdown is rendered as GitHub renders it (GFM) and checked for
 * anything that took effect; the log is checked line by line for workflow commands.
 */
import * as core from '@actions/core'
import { jest } from '@jest/globals'
import { code, raw, renderMarkdown, text } from '../../src/report/document.js'
import { logLines, logQuoted, logText } from '../../src/vocabulary/escape.js'
import { renderPublishSummary } from '../../src/report/publish-summary.js'
import { COMMENT_MARKER, renderComment, renderReport } from '../../src/report/query-check.js'
import {
  HOSTILE,
  expectInert,
  expectNoWorkflowCommand,
  htmlText,
  renderGfm,
  shown,
  tableCells
} from '../helpers/hostile.js'

describe.each(HOSTILE)('%s', (_label, value) => {
  it('is one inert log line', () => {
    for (const line of [logText(value), logQuoted(value), `${logQuoted(value)}: 2 findings`]) {
      // eslint-disable-next-line no-control-regex
      expect(line).not.toMatch(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/)
      expectNoWorkflowCommand(line)
    }
    expectNoWorkflowCommand(logLines(value))
  })

  it('is shown whole, and nothing else, in a table cell as text and as code', () => {
    const html = renderGfm(
      renderMarkdown([{ kind: 'table', header: ['Text', 'Code'], rows: [[[text(value)], [code(value)]]] }])
    )
    expectInert(html)
    expect(tableCells(html)).toEqual([shown(value), shown(value)])
  })

  it('is inert in a heading, a list item and a paragraph', () => {
    const html = renderGfm(
      renderMarkdown([
        { kind: 'heading', level: 3, line: [code(value)] },
        { kind: 'list', items: [[raw('**error** line 1 ('), code('syntax'), raw('): '), text(value)]] },
        { kind: 'paragraph', line: [text(value)] }
      ])
    )
    expectInert(html, { headings: 1, lists: 1 })
    const [heading, item, paragraph] = [
      /<h3>([\s\S]*?)<\/h3>/,
      /<li>([\s\S]*?)<\/li>/,
      /<p>([\s\S]*?)<\/p>/
    ].map((pattern) => shown(htmlText(pattern.exec(html)?.[1] ?? '')))
    expect(heading).toBe(shown(value))
    expect(item).toBe(shown(`error line 1 (syntax): ${value}`))
    expect(paragraph).toBe(shown(value))
  })

  it('stays one annotation line through @actions/core, in the message, title and file', () => {
    const written: string[] = []
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk))
      return true
    })
    try {
      core.warning(value, { title: value, file: value, startLine: 1 })
    } finally {
      spy.mockRestore()
    }
    const output = written.join('')
    expect(output.endsWith('\n')).toBe(true)
    expect(output.slice(0, -1)).not.toMatch(/[\r\n]/)
    expect(output).toMatch(/^::warning title=/)
  })
})

describe.each(HOSTILE)('the reports, with %s as file name and in the SQL', (_label, value) => {
  it('check-queries: the summary and the comment show it, inert', () => {
    // A finding's message quotes the SQL, as the parser and the rules do.
    const message = `'${value}' is not valid at this position`
    const links = { serverUrl: 'https://github.com', owner: 'octo-org', repo: 'ops', sha: 'b'.repeat(40) }
    const report = renderReport({
      files: [value, 'queries/ok.sql'],
      findings: [{ rule: 'syntax', severity: 'error', file: value, line: 1, column: 1, message }],
      links
    })
    const comment = renderComment(report)
    // The comment's own marker, once: a name holding one cannot make a second.
    expect(comment.startsWith(COMMENT_MARKER)).toBe(true)
    expect(renderGfm(comment).split('<!--')).toHaveLength(2)
    for (const markdown of [report, comment.slice(COMMENT_MARKER.length)]) {
      const html = renderGfm(markdown)
      // One link, the finding's, into the head commit: the name cannot end it or add another.
      expectInert(html, {
        headings: 2,
        lists: 1,
        links: `https://github.com/octo-org/ops/blob/${'b'.repeat(40)}/`
      })
      expect(html.match(/<a\s/g)).toHaveLength(1)
      expect(shown(htmlText(/<li>([\s\S]*?)<\/li>/.exec(html)?.[1] ?? ''))).toBe(
        shown(`error line 1, column 1 (syntax): ${message}`)
      )
      expect(htmlText(/<p><strong>No findings<\/strong>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '')).toBe(
        ' in 1 file: queries/ok.sql.'
      )
    }
  })

  it('publish-queries: the summary shows it, inert, as path, query name and message', () => {
    const html = renderGfm(
      renderPublishSummary({
        created: [value],
        updated: [],
        deleted: [],
        unchanged: [],
        foreignKept: [],
        duplicates: [{ path: value, name: value, namedQueryId: 'id-1', why: 'an exact copy' }],
        failures: [{ path: value, message: `update failed: ${value}` }],
        dryRun: false
      })
    )
    expectInert(html, { headings: 1 })
    const cells = tableCells(html)
    expect(cells.slice(-6)).toEqual([
      shown(value),
      'id-1',
      shown(value),
      'an exact copy',
      shown(value),
      shown(`update failed: ${value}`)
    ])
  })
})
