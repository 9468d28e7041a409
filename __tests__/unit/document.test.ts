import { code, raw, renderMarkdown, inlinePlain, text } from '../../src/report/document.js'
import { codeSpan, logText, markdownText } from '../../src/vocabulary/escape.js'

describe('escaping for Markdown and the log', () => {
  it('never lets a code span be closed by its content', () => {
    expect(codeSpan('a`b')).toBe('``a`b``')
    expect(codeSpan('`x`')).toBe('`` `x` ``')
    expect(codeSpan('a|b\nc')).toBe('`a\\|b c`')
  })

  it('escapes links, headings, HTML and mentions in running text', () => {
    const out = markdownText('[click me](https://evil.example)\n## heading <img src=x> @octocat')
    expect(out).not.toMatch(/\[click me\]\(/)
    expect(out).not.toContain('\n')
    expect(out).not.toContain('<img')
    expect(out).not.toMatch(/@octocat/)
  })

  it('keeps a workflow command from starting a log line', () => {
    const out = logText('queries/x\n::warning title=Approved::LGTM\n.sql')
    expect(out.split('\n')).toHaveLength(1)
    expect(logText('::add-mask::x').startsWith('::')).toBe(false)
  })
})

describe('report document', () => {
  it('renders tables with escaped cells and our own Markdown as it is', () => {
    const md = renderMarkdown([
      { kind: 'heading', level: 2, line: 'Report' },
      {
        kind: 'table',
        header: ['File', 'Errors'],
        align: ['l', 'r'],
        rows: [[[code('a|b.sql')], [raw('**1**', '1')]]]
      }
    ])
    expect(md).toBe('## Report\n\n| File | Errors |\n| --- | ---: |\n| `a\\|b.sql` | **1** |\n')
  })

  it('has a plain form for terminals', () => {
    expect(inlinePlain([text('a\nb '), code('x'), raw('**y**', 'y')])).toBe('a b xy')
  })
})

describe('log lines keep ordinary names', () => {
  it('breaks a leading :: or ## but keeps a file name that starts with one #', () => {
    expect(logText('#notes.sql')).toBe('#notes.sql')
    expect(logText('##[warning]x')).toBe('\\##[warning]x')
    expect(logText('::error::x')).toBe('\\::error::x')
  })
})
