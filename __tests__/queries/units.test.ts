/** Statement splitting, eventtime proposals, severities, annotations and the report. */
import { selectAnnotations } from '../../src/queries/annotations.js'
import { proposePartitionPredicates } from '../../src/queries/eventtime.js'
import { parseRuleSeverities, type Finding } from '../../src/queries/findings.js'
import { COMMENT_MARKER, renderComment, renderReport } from '../../src/report/query-check.js'
import { parseSqlFile } from '../../src/queries/statements.js'
import { dayNumberOf } from '../../src/vocabulary/dates.js'
import { ConfigurationError } from '../../src/vocabulary/errors.js'

const day = (text: string): number => {
  const [year, month, dayOfMonth] = text.split('-').map(Number)
  return dayNumberOf({ year: year ?? 0, month: month ?? 0, day: dayOfMonth ?? 0 })
}
const columns = ['year', 'month', 'day']

describe('parseSqlFile', () => {
  it('splits on semicolons outside strings, quoted names and comments, keeping file positions', () => {
    const sql = [
      '-- header; not a statement',
      "SELECT 'a;b' AS x;",
      '  /* c; */ SELECT "odd;name" FROM t; ;',
      '-- only a comment at the end;'
    ].join('\n')
    const { statements, syntaxErrors } = parseSqlFile(sql)
    expect(syntaxErrors).toEqual([])
    expect(statements.map(({ line, column, text }) => ({ line, column, text }))).toEqual([
      { line: 2, column: 1, text: "SELECT 'a;b' AS x" },
      { line: 3, column: 12, text: 'SELECT "odd;name" FROM t' }
    ])
  })

  it('counts positions in code points and cuts statement text right after an emoji or a byte order mark', () => {
    const sql = '\uFEFF-- 🔒🔒\n/* 🔒 */ SELECT \'🔒;\' AS x; SELECT "é🔒" FROM t'
    const { statements, syntaxErrors } = parseSqlFile(sql)
    expect(syntaxErrors).toEqual([])
    expect(statements.map(({ line, column, text }) => ({ line, column, text }))).toEqual([
      { line: 2, column: 9, text: "SELECT '🔒;' AS x" },
      { line: 2, column: 27, text: 'SELECT "é🔒" FROM t' }
    ])
  })

  it('skips Hive DDL by its leading keywords, in any case and after comments', () => {
    const sql = [
      '-- repair; then add',
      '/* 🔒 */ msck Repair TABLE cloudtrail;',
      "Alter Table `db`.`cloudtrail` add if not exists partition (year = '2026');",
      "ALTER TABLE db.cloudtrail DROP IF EXISTS PARTITION (year = '2026');",
      'show partitions cloudtrail; Show Create Table `cloudtrail`; describe formatted cloudtrail;',
      "create external table if not exists t (a string) location 's3://b/';",
      'SELECT 1 AS x'
    ].join('\n')
    const { statements, syntaxErrors } = parseSqlFile(sql)
    expect(syntaxErrors).toEqual([])
    expect(statements.map(({ line, column, text }) => ({ line, column, text }))).toEqual([
      { line: 7, column: 1, text: 'SELECT 1 AS x' }
    ])
  })

  it("parses the query of an UNLOAD at the query's position, after an emoji too", () => {
    const sql =
      "/* 🔒 */ unload (\n  /* q */ SELECT \"🔒\" FROM t WHERE (a = 1)\n) to 's3://b/🔒/' with (format = 'PARQUET')"
    const { statements, syntaxErrors } = parseSqlFile(sql)
    expect(syntaxErrors).toEqual([])
    expect(statements.map(({ line, column, text }) => ({ line, column, text }))).toEqual([
      { line: 2, column: 11, text: 'SELECT "🔒" FROM t WHERE (a = 1)' }
    ])
    expect(parseSqlFile("UNLOAD (SELECT 'a' FROM t) TO 's3://b/'").syntaxErrors).toEqual([])
    expect(parseSqlFile("UNLOAD () TO 's3://b/'").syntaxErrors).toEqual([
      { line: 1, column: 9, message: 'UNLOAD has no query between its parentheses' }
    ])
  })

  it('reports an unterminated string at its position', () => {
    const { syntaxErrors } = parseSqlFile("SELECT 1;\nSELECT 'open FROM t")
    expect(syntaxErrors).toHaveLength(1)
    expect(syntaxErrors[0]).toMatchObject({ line: 2, column: 8 })
  })
})

describe('proposePartitionPredicates', () => {
  it.each([
    ['2026-03-01', '2026-03-01', "year = '2026' AND month = '03' AND day = '01'"],
    ['2026-03-01', '2026-03-15', "year = '2026' AND month = '03' AND day BETWEEN '01' AND '15'"],
    [
      '2026-02-25',
      '2026-03-04',
      "year = '2026' AND month BETWEEN '02' AND '03' AND day NOT BETWEEN '05' AND '24'"
    ],
    [
      '2025-12-30',
      '2026-01-02',
      "year BETWEEN '2025' AND '2026' AND month NOT BETWEEN '02' AND '11' AND day NOT BETWEEN '03' AND '29'"
    ]
  ])('%s to %s (string keys): %s', (first, last, expected) => {
    expect(proposePartitionPredicates(day(first), day(last), columns, 'string')).toEqual({
      text: expected,
      unconstrained: []
    })
  })

  it('leaves out what a long range cannot narrow', () => {
    expect(proposePartitionPredicates(day('2026-01-15'), day('2026-04-10'), columns, 'string')).toEqual({
      text: "year = '2026' AND month BETWEEN '01' AND '04'",
      unconstrained: ['day']
    })
    expect(proposePartitionPredicates(day('2024-06-01'), day('2026-01-01'), columns, 'int')).toEqual({
      text: 'year BETWEEN 2024 AND 2026',
      unconstrained: ['month', 'day']
    })
  })

  it('writes int keys as numbers', () => {
    expect(proposePartitionPredicates(day('2026-03-01'), day('2026-03-09'), columns, 'int')?.text).toBe(
      'year = 2026 AND month = 3 AND day BETWEEN 1 AND 9'
    )
  })
})

describe('parseRuleSeverities', () => {
  it('applies entries on top of the defaults', () => {
    expect(parseRuleSeverities('unknown-column=warning, partition-literal=off\nsyntax: error')).toEqual({
      syntax: 'error',
      'not-a-regular-file': 'error',
      limit: 'error',
      'athena-explain': 'error',
      'partition-limit': 'error',
      'partition-filter': 'error',
      'partition-count': 'warning',
      'partition-literal': 'off',
      'unknown-column': 'warning'
    })
    expect(parseRuleSeverities('')['partition-filter']).toBe('error')
  })

  it('refuses unknown rules and severities, naming the input', () => {
    expect(() => parseRuleSeverities('unknown-columns=off')).toThrow(ConfigurationError)
    expect(() => parseRuleSeverities('unknown-columns=off')).toThrow(
      /^Input 'rule-severity': "unknown-columns=off"/
    )
    expect(() => parseRuleSeverities('syntax=info')).toThrow(/use error, warning or off/)
  })
})

function finding(overrides: Partial<Finding>): Finding {
  return {
    rule: 'unknown-column',
    severity: 'error',
    file: 'q.sql',
    line: 1,
    column: 1,
    message: 'm',
    ...overrides
  }
}

describe('selectAnnotations', () => {
  it('gives nine annotations of each kind to the most important findings and notes the rest on the last one', () => {
    const findings = [
      ...Array.from({ length: 12 }, (_, i) => finding({ rule: 'unknown-column', line: i + 1 })),
      finding({ rule: 'syntax', file: 'z.sql', line: 50 }),
      finding({ rule: 'partition-filter', file: 'a.sql', line: 9 }),
      ...Array.from({ length: 3 }, (_, i) => finding({ severity: 'warning', line: i + 1 }))
    ]
    const manyWarnings = Array.from({ length: 12 }, (_, i) => finding({ severity: 'warning', line: i + 1 }))
    expect(selectAnnotations(manyWarnings)).toHaveLength(9)
    expect(selectAnnotations(manyWarnings).at(-1)?.finding.message).toBe(
      'm (3 more warnings not annotated: see the job summary)'
    )
    const annotations = selectAnnotations(findings)
    const errors = annotations.filter((annotation) => annotation.kind === 'error')
    expect(errors).toHaveLength(9)
    expect(errors[0]?.finding).toMatchObject({ rule: 'syntax', file: 'z.sql' })
    expect(errors[1]?.finding).toMatchObject({ rule: 'partition-filter' })
    expect(errors[8]?.finding.message).toBe('m (5 more errors not annotated: see the job summary)')
    expect(errors.slice(0, 8).every((annotation) => !annotation.finding.message.includes('more'))).toBe(true)
    const warnings = annotations.filter((annotation) => annotation.kind === 'warning')
    expect(warnings.map((annotation) => annotation.finding.message)).toEqual(['m', 'm', 'm'])
  })
})

describe('report', () => {
  it('puts the findings first, file by file, and folds the clean files into one line', () => {
    const report = renderReport({
      files: ['queries/a.sql', 'queries/b.sql', 'queries/c.sql'],
      findings: [finding({ file: 'queries/b.sql', line: 3, column: 7, message: 'x < y' })]
    })
    expect(report).toContain('3 files checked: 1 error, 0 warnings.')
    expect(report).toContain(
      '### `queries/b.sql`: 1 error\n\n- **error** line 3, column 7 (`unknown-column`): x &lt; y'
    )
    expect(report.indexOf('queries/b.sql')).toBeLessThan(
      report.indexOf('**No findings** in 2 files: `queries/a.sql`, `queries/c.sql`.')
    )
  })

  it("links each finding to its line in the pull request's head commit, the path percent-encoded", () => {
    const sha = 'a'.repeat(40)
    const report = renderReport({
      files: ['queries/odd (name) #1.sql'],
      findings: [finding({ file: 'queries/odd (name) #1.sql', line: 12, column: 1 })],
      links: { serverUrl: 'https://github.com', owner: 'octo-org', repo: 'ops', sha }
    })
    expect(report).toContain(
      `- **error** [line 12, column 1](https://github.com/octo-org/ops/blob/${sha}/queries/odd%20%28name%29%20%231.sql#L12) (\`unknown-column\`)`
    )
  })

  it('names at most 20 clean files and counts the rest', () => {
    const files = Array.from({ length: 25 }, (_, i) => `q${String(i).padStart(2, '0')}.sql`)
    const report = renderReport({ files, findings: [] })
    expect(report).toContain('`q19.sql`, and 5 more.')
    expect(report).not.toContain('q20.sql')
  })

  it('keeps the comment under the limit with a note pointing to the job summary', () => {
    const findings = Array.from({ length: 2000 }, (_, i) => finding({ line: i + 1, message: 'x'.repeat(60) }))
    const report = renderReport({ files: ['q.sql'], findings })
    expect(report.length).toBeGreaterThan(65_536)
    const comment = renderComment(report)
    expect(comment.length).toBeLessThanOrEqual(65_536)
    expect(comment.startsWith(COMMENT_MARKER)).toBe(true)
    expect(comment).toMatch(/_Report truncated: the full report is in the job summary of this run._\n$/)
  })
})
