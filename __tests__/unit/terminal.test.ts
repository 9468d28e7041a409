import { findingLine } from '../../src/cli/finding-line.js'
import { failedChangesLine } from '../../src/cli/sync.js'
import { describeFailedChanges } from '../../src/run/settle-sync.js'
import { createProgress, estimateRemaining, formatDuration } from '../../src/cli/progress.js'
import { sarifLog } from '../../src/cli/sarif.js'
import { code, raw, renderMarkdown, strong, text, type Block } from '../../src/report/document.js'
import { renderPlain } from '../../src/report/terminal.js'
import { AppliedBySeries } from '../../src/partitions/apply.js'
import '@microsoft/jest-sarif'

describe('renderPlain', () => {
  it('renders headings as underlined text and tables as aligned columns, numbers to the right', () => {
    const blocks: Block[] = [
      { kind: 'heading', level: 2, line: 'Sync' },
      {
        kind: 'table',
        header: ['Account', 'Region', 'Added'],
        align: ['l', 'l', 'r'],
        rows: [
          ['111111111111', 'eu-west-1', '5'],
          ['222222222222', 'us-east-1', '1,234']
        ]
      },
      { kind: 'heading', level: 3, line: [text('Calls')] }
    ]
    expect(renderPlain(blocks, { width: 80 })).toBe(
      [
        'Sync',
        '====',
        '',
        'Account       Region     Added',
        '------------  ---------  -----',
        '111111111111  eu-west-1      5',
        '222222222222  us-east-1  1,234',
        '',
        'Calls',
        '-----',
        ''
      ].join('\n')
    )
    expect(renderPlain(blocks, { width: 80 })).not.toContain('|')
  })

  it('drops the header line of a key-value table', () => {
    const table: Block = {
      kind: 'table',
      header: ['', ''],
      rows: [
        ['Table', 'security.cloudtrail'],
        ['Window', 'x']
      ]
    }
    expect(renderPlain([table], { width: 80 })).toBe('Table   security.cloudtrail\nWindow  x\n')
  })

  it('wraps paragraphs and list items to the width', () => {
    const out = renderPlain(
      [
        { kind: 'paragraph', line: 'one two three four five six' },
        { kind: 'list', items: ['alpha beta gamma delta'] }
      ],
      { width: 12 }
    )
    expect(out).toBe('one two\nthree four\nfive six\n\n- alpha beta\n  gamma\n  delta\n')
  })

  it('wraps the wide cells of a table too wide inside their columns, numbers whole', () => {
    const table: Block = {
      kind: 'table',
      header: ['File', 'Problem', 'Count'],
      align: ['l', 'l', 'r'],
      rows: [
        [[code('queries/a-long-name-of-a-file.sql')], 'the statement is longer than the limit', '12,345'],
        ['b.sql', 'ok', '1']
      ]
    }
    expect(renderPlain([table], { width: 40 })).toBe(
      [
        'File             Problem           Count',
        '---------------  ---------------  ------',
        'queries/a-long-  the statement    12,345',
        'name-of-a-file.  is longer than',
        'sql              the limit',
        '',
        'b.sql            ok                    1',
        ''
      ].join('\n')
    )
  })

  it('stacks the rows of a table whose columns would be too narrow to read', () => {
    const table: Block = {
      kind: 'table',
      header: ['What', 'Series', 'Why'],
      rows: [['Hole filled', '3 series: 111111111111 eu-west-1, 222222222222 eu-west-1', '+2026-10-01']]
    }
    expect(renderPlain([table], { width: 30 })).toBe(
      [
        'Hole filled',
        '  Series: 3 series:',
        '    111111111111 eu-west-1,',
        '    222222222222 eu-west-1',
        '  Why: +2026-10-01',
        ''
      ].join('\n')
    )
  })

  it('expands or summarizes collapsed details', () => {
    const details: Block = {
      kind: 'details',
      summary: 'Left alone',
      blocks: [{ kind: 'list', items: ['a', 'b', 'c'] }]
    }
    expect(renderPlain([details], { width: 80 })).toBe('Left alone:\n  - a\n  - b\n  - c\n')
    expect(renderPlain([details], { width: 80, details: 'summarize' })).toBe(
      'Left alone: (3 row(s) more, hidden)\n'
    )
  })

  it('shows alerts and code blocks, our Markdown without its markers', () => {
    const out = renderPlain(
      [
        { kind: 'alert', type: 'WARNING', line: [text('the index is '), strong('FAILED')] },
        { kind: 'code-block', language: 'sql', code: 'ALTER TABLE t\nADD COLUMNS (x string)' },
        { kind: 'paragraph', line: [raw('**Added: 5**'), text(' · '), raw('[docs](https://x)', 'docs')] }
      ],
      { width: 80 }
    )
    expect(out).toBe(
      'Warning: the index is FAILED\n\n    ALTER TABLE t\n    ADD COLUMNS (x string)\n\nAdded: 5 · docs\n'
    )
  })

  it('cannot be driven by untrusted text: escape sequences and line breaks are shown, not obeyed', () => {
    const hostile = 'evil\u001b[2J\rname\nsecond line'
    const out = renderPlain(
      [
        { kind: 'paragraph', line: [text(hostile)] },
        { kind: 'table', header: ['File'], rows: [[[code(hostile)]]] },
        { kind: 'code-block', language: '', code: 'a\u0007b' }
      ],
      { width: 200 }
    )
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/)
    expect(out).toContain('evil\\u001b[2J name second line')
    expect(out).toContain('a\\u0007b')
  })
})

describe('Markdown for a terminal (--format markdown)', () => {
  it('carries no C0 or C1 control character of a hostile name', () => {
    const hostile = 'q/\u001b]8;;x\u0007\u009b2J\u009d8;;y\u009c.sql'
    const out = renderMarkdown([
      { kind: 'paragraph', line: [text(hostile)] },
      { kind: 'table', header: ['File'], rows: [[[code(hostile)]]] }
    ])
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/)
  })
})

describe('failedChangesLine', () => {
  it("is one line whatever AWS's message holds", () => {
    const line = failedChangesLine(
      describeFailedChanges({
        created: 5,
        deleted: 0,
        refreshed: 0,
        alreadyDone: 0,
        failed: 2,
        failures: [],
        bySeries: new AppliedBySeries(0),
        skipped: 7,
        stoppedBy: 'InternalServiceException: x\n::error::y\u001b[2J'
      })
    )
    expect(line).toBe(
      'error: 2 partition change(s) failed (stopped after: InternalServiceException: x\\n::error::y\\u001b[2J); ' +
        '5 created and 0 removed were applied, 7 not attempted. Run again to complete the rest.\n'
    )
  })
})

describe('findingLine', () => {
  it('prints file:line:col  rule  message, escaping the file name and message', () => {
    expect(
      findingLine({
        rule: 'syntax',
        severity: 'error',
        file: 'queries/a.sql',
        line: 10,
        column: 1,
        message: 'bad'
      })
    ).toBe('queries/a.sql:10:1  syntax  bad')
    expect(
      findingLine({
        rule: 'unknown-column',
        severity: 'warning',
        file: 'q/\u001b[31mred\n::error::x.sql',
        line: 2,
        column: 7,
        message: 'no\ncolumn'
      })
    ).toBe('q/\\u001b[31mred\\n::error::x.sql:2:7  unknown-column  warning: no\\ncolumn')
  })

  it('escapes the 8-bit C1 controls (CSI, OSC) and bidirectional overrides of a file name', () => {
    const line = findingLine({
      rule: 'syntax',
      severity: 'error',
      file: 'q/\u009b2J\u009d8;;https://evil\u009cx\u202egpj.sql',
      line: 1,
      column: 1,
      message: '\u2066a\u2069'
    })
    expect(line).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/)
    expect(line).toBe('q/\\u009b2J\\u009d8;;https://evil\\u009cx\\u202egpj.sql:1:1  syntax  \\u2066a\\u2069')
  })
})

describe('progress', () => {
  function recorder(isTTY: boolean) {
    let clock = 0
    const written: string[] = []
    const progress = createProgress(
      { isTTY, columns: 60, write: (text: string) => written.push(text) },
      { now: () => clock, redrawMs: 100 }
    )
    return { progress, written, tick: (ms: number) => (clock += ms) }
  }

  it('estimates the time left from the rate so far', () => {
    expect(estimateRemaining(0, 100, 1000)).toBeUndefined()
    expect(estimateRemaining(25, 100, 1000)).toBe(3000)
    expect(formatDuration(3000)).toBe('0:03')
    expect(formatDuration(3_723_000)).toBe('1:02:03')
    expect(formatDuration(undefined)).toBe('--:--')
  })

  it('prints a plain line per tenth when stderr is not a terminal', () => {
    const { progress, written, tick } = recorder(false)
    tick(1000)
    progress.update(5, 100) // under a tenth: nothing
    tick(1000)
    progress.update(25, 100)
    tick(3000)
    progress.update(100, 100)
    progress.finish()
    expect(written).toEqual(['applying 25/100 (25%), ETA 0:06\n', 'applying 100/100 (100%), done\n'])
  })

  it('says where a run that stopped early stopped', () => {
    const { progress, written } = recorder(false)
    progress.update(50, 200)
    progress.finish()
    expect(written.at(-1)).toBe('applying stopped at 50/200 (25%), ETA --:--\n')
  })

  it('redraws one bar line in place on a terminal, at most every redraw interval', () => {
    const { progress, written, tick } = recorder(true)
    tick(500)
    progress.update(10, 100)
    tick(10)
    progress.update(20, 100) // too soon: not drawn
    tick(200)
    progress.update(50, 100)
    tick(10)
    progress.update(60, 100) // too soon: drawn by finish()
    progress.finish()
    expect(written).toHaveLength(4)
    for (const frame of written.slice(0, 3)) {
      expect(frame.startsWith('\r\u001b[2K[')).toBe(true)
      expect(frame.length).toBeLessThan(60 + 5)
    }
    expect(written[1]).toContain('50/100 (50%), ETA 0:01')
    expect(written[2]).toContain('60/100 (60%)')
    expect(written.at(-1)).toBe('\n')
  })
})

describe('sarifLog', () => {
  const findings = [
    {
      rule: 'partition-filter' as const,
      severity: 'error' as const,
      file: 'queries/a b.sql',
      line: 4,
      column: 6,
      message: 'no partition filter'
    },
    {
      rule: 'unknown-column' as const,
      severity: 'warning' as const,
      file: 'queries/c.sql',
      line: 1,
      column: 1,
      message: 'eventnme'
    }
  ]
  const valid = (log: unknown): void =>
    (expect(log) as unknown as { toBeValidSarifLog(): void }).toBeValidSarifLog()

  it('is a valid SARIF 2.1.0 log with the rules and one located result per finding', () => {
    const log = sarifLog(findings, '1.2.3')
    valid(log)
    const run = log.runs[0]!
    expect(run.tool.driver.rules?.map((rule) => rule.id)).toContain('partition-filter')
    expect(run.results?.[0]).toMatchObject({
      ruleId: 'partition-filter',
      level: 'error',
      message: { text: 'no partition filter' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'queries/a%20b.sql' },
            region: { startLine: 4, startColumn: 6 }
          }
        }
      ]
    })
    expect(run.results?.[1]?.level).toBe('warning')
  })

  it('is checked by a validator that refuses a broken log', () => {
    const broken = { ...sarifLog(findings, '1.2.3'), version: '2.0.0' }
    expect(() => valid(broken)).toThrow()
  })
})
