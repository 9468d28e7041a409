/**
 * The limits of the query check: each gives one `limit` finding where it is reached and the rest
 * of the run goes on; deep nesting and a parser stack overflow are findings, never a throw.
 */
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readQueryFileUpTo } from '../../src/queries/files.js'
import { silentLogger } from '../../src/vocabulary/logger.js'
import { checkSql, type QueryCheckSettings } from '../../src/queries/check.js'
import { runCheckQueries, type CheckQueriesDeps, type FileTooLarge } from '../../src/run/check-queries.js'
import { DEFAULT_SEVERITIES } from '../../src/queries/findings.js'
import { DEFAULT_QUERY_LIMITS, MAX_NESTING } from '../../src/queries/limits.js'
import { ParseDeadlineExceeded, parseStatement, sqlStatements } from '../../src/queries/statements.js'

const settings: QueryCheckSettings = {
  table: 'cloudtrail',
  partitionColumns: ['year', 'month', 'day'],
  dateKeyType: 'string'
}
const GOOD = "SELECT eventname FROM cloudtrail WHERE year = '2026' AND month = '03' AND day = '01'"
const UNFILTERED = 'SELECT eventname FROM cloudtrail'
const rulesAt = (sql: string, limits = DEFAULT_QUERY_LIMITS) =>
  checkSql(sql, settings, limits).problems.map(({ rule, line, column }) => ({ rule, line, column }))

describe('statements per file', () => {
  it('checks the first ones and gives one finding at the first statement beyond', () => {
    const sql = [UNFILTERED, GOOD, UNFILTERED, UNFILTERED, GOOD].join(';\n')
    const { problems, statements } = checkSql(sql, settings, {
      ...DEFAULT_QUERY_LIMITS,
      maxStatementsPerFile: 2
    })
    expect(problems.map(({ rule, line }) => ({ rule, line }))).toEqual([
      { rule: 'partition-filter', line: 1 },
      { rule: 'limit', line: 3 }
    ])
    expect(problems[1]?.message).toBe(
      "the file has 5 statements, more than the 2 the check reads; this one and the 2 after it were not checked (split the file, or raise the input 'max-statements-per-file')"
    )
    expect(statements.map((statement) => statement.line)).toEqual([1, 2])
  })

  it('counts Hive DDL and broken statements too, but not empty ones', () => {
    expect(
      rulesAt('MSCK REPAIR TABLE cloudtrail; ;; SELEC 1; SELECT 1', {
        ...DEFAULT_QUERY_LIMITS,
        maxStatementsPerFile: 2
      })
    ).toEqual([
      { rule: 'syntax', line: 1, column: 34 },
      { rule: 'limit', line: 1, column: 43 }
    ])
  })
})

describe('time per file', () => {
  it('stops before the next statement once the budget is spent', () => {
    const problems = checkSql(`${GOOD};\n${UNFILTERED}`, settings, {
      ...DEFAULT_QUERY_LIMITS,
      fileTimeBudgetMs: 0
    }).problems
    expect(problems).toEqual([
      {
        rule: 'limit',
        line: 1,
        column: 1,
        message:
          "the check of this file ran out of its 0 s here; this statement and those after it were not checked (simplify or split the file, or raise the input 'file-time-budget-seconds')"
      }
    ])
  })

  it('stops a parse that takes too long inside the statement', () => {
    const nested =
      'SELECT ' + Array.from({ length: 30 }, (_, i) => `(c${i} + `).join('') + '1' + ')'.repeat(30)
    const [source] = sqlStatements(nested)
    expect(() => parseStatement(source!, performance.now())).toThrow(ParseDeadlineExceeded)
    expect(parseStatement(source!).kind).toBe('parsed')
  })
})

describe('deep nesting', () => {
  it('refuses parentheses nested 5,000 deep and subqueries 2,000 deep before parsing, and goes on', () => {
    const parentheses = 'SELECT ' + '('.repeat(5000) + '1' + ')'.repeat(5000)
    const subqueries = 'SELECT * FROM ' + '(SELECT * FROM '.repeat(2000) + 'cloudtrail' + ') x'.repeat(2000)
    const { problems } = checkSql(`${parentheses};\n${subqueries};\n${UNFILTERED}`, settings)
    expect(problems.map(({ rule, line }) => ({ rule, line }))).toEqual([
      { rule: 'limit', line: 1 },
      { rule: 'limit', line: 2 },
      { rule: 'partition-filter', line: 3 }
    ])
    expect(problems[0]?.message).toBe(
      `this statement nests parentheses, brackets or CASE 5,000 deep; the check parses statements nested at most ${MAX_NESTING} deep, so it was not checked`
    )
  })

  it('turns a parser stack overflow into a finding on that statement', () => {
    const nots = 'SELECT ' + 'NOT '.repeat(20_000) + 'true'
    const minus = 'SELECT ' + '- '.repeat(20_000) + '1'
    const { problems } = checkSql(`${nots};\n${minus};\n${UNFILTERED}`, settings)
    expect(problems.map(({ rule, line }) => ({ rule, line }))).toEqual([
      { rule: 'limit', line: 1 },
      { rule: 'limit', line: 2 },
      { rule: 'partition-filter', line: 3 }
    ])
    expect(problems[0]?.message).toContain('nested too deeply for the parser (it ran out of stack)')
  })

  it('checks long chains of OR and AND without running out of stack', () => {
    const terms = (n: number, op: string) =>
      Array.from({ length: n }, (_, i) => `eventname = 'e${i}'`).join(` ${op} `)
    const filter = "year = '2026' AND month = '03' AND day = '01'"
    expect(rulesAt(`SELECT 1 FROM cloudtrail WHERE ${filter} AND (${terms(1500, 'OR')})`)).toEqual([])
    expect(rulesAt(`SELECT 1 FROM cloudtrail WHERE ${terms(3000, 'AND')} AND ${filter}`)).toEqual([])
    expect(rulesAt(`SELECT 1 FROM cloudtrail WHERE ${terms(3000, 'AND')} AND day = 1`)).toEqual([
      expect.objectContaining({ rule: 'partition-filter' }),
      expect.objectContaining({ rule: 'partition-literal' })
    ])
  })
})

describe('runCheckQueries within limits', () => {
  const options = (files: string[], limits = {}) => ({
    files,
    table: 'cloudtrail',
    partitionColumns: ['year', 'month', 'day'],
    dateKeyType: 'string' as const,
    severities: DEFAULT_SEVERITIES,
    limits
  })
  const depsOf = (
    files: Record<string, string | FileTooLarge>,
    warnings: string[] = []
  ): CheckQueriesDeps => ({
    readFile: async (path, maxBytes) => {
      const content = files[path]
      if (content === undefined) throw new Error(`no such file ${path}`)
      // As the real reader: a file over the limit is not read.
      if (typeof content === 'string' && Buffer.byteLength(content) > maxBytes)
        return { bytes: Buffer.byteLength(content) }
      return content
    },
    logger: { ...silentLogger, warning: (message) => warnings.push(message) },
    annotate: () => undefined
  })

  it('gives a file over the size limit one finding and checks the others', async () => {
    const files = { 'a.sql': UNFILTERED, 'big.sql': `${GOOD};\n`.repeat(100), 'c.sql': GOOD }
    const result = await runCheckQueries(options(Object.keys(files), { maxFileBytes: 1000 }), depsOf(files))
    expect(result.findings.map(({ file, rule, line }) => ({ file, rule, line }))).toEqual([
      { file: 'a.sql', rule: 'partition-filter', line: 1 },
      { file: 'big.sql', rule: 'limit', line: 1 }
    ])
    expect(result.findings[1]?.message).toBe(
      "the file has 8,600 bytes, more than the 1,000 the check reads; it was not checked (split it, or raise the input 'max-file-bytes')"
    )
    expect(result.filesChecked).toBe(3)
  })

  it('holds the size limit even when a reader hands over the whole text', async () => {
    const result = await runCheckQueries(options(['x.sql'], { maxFileBytes: 10 }), {
      ...depsOf({}),
      readFile: async () => GOOD
    })
    expect(result.findings.map(({ rule }) => rule)).toEqual(['limit'])
  })

  it('checks the first files in path order and gives one finding on the first one left out', async () => {
    const files = { 'a.sql': GOOD, 'b.sql': UNFILTERED, 'c.sql': UNFILTERED, 'd.sql': UNFILTERED }
    const warnings: string[] = []
    const result = await runCheckQueries(
      options(Object.keys(files), { maxFiles: 2 }),
      depsOf(files, warnings)
    )
    expect(result.findings.map(({ file, rule }) => ({ file, rule }))).toEqual([
      { file: 'b.sql', rule: 'partition-filter' },
      { file: 'c.sql', rule: 'limit' }
    ])
    expect(result.findings[1]?.message).toBe(
      "4 .sql files match the input 'queries', more than the 2 the check reads; this file and the 1 after it (in path order) were not checked (raise the input 'max-files')"
    )
    expect(result).toMatchObject({ filesChecked: 2, errorCount: 2 })
    expect(result.summaryMarkdown).toContain('2 files checked: 2 errors, 0 warnings.')
    expect(result.summaryMarkdown).toContain('`c.sql`')
    expect(warnings).toEqual(['2 SQL file(s) beyond the limit of 2 were not checked.'])
  })
})

describe('readQueryFileUpTo', () => {
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'ctp-limits-'))
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('reads a file within the limit, and only the size of a larger one', async () => {
    await writeFile(join(root, 'small.sql'), 'SELECT 1 -- é')
    expect(await readQueryFileUpTo('small.sql', 14, root)).toBe('SELECT 1 -- é')
    expect(await readQueryFileUpTo('small.sql', 13, root)).toEqual({ bytes: 14 })
    // A sparse 1 GiB file: its size is known without reading (or holding) its content.
    await writeFile(join(root, 'huge.sql'), '')
    await truncate(join(root, 'huge.sql'), 1024 ** 3)
    expect(await readQueryFileUpTo('huge.sql', 256 * 1024, root)).toEqual({ bytes: 1024 ** 3 })
  })
})
