/**
 * The check-queries command end to end with its real collaborators: files read through the
 * dependency, annotations capped, and the report comment kept on the pull request of the
 * stand-in's GitHub API, reached through @actions/github's getOctokit.
 */
import { getOctokit } from '@actions/github'
import {
  runCheckQueries,
  type CheckQueriesDeps,
  type CheckQueriesOptions
} from '../../src/run/check-queries.js'
import { DEFAULT_SEVERITIES, type Finding, type Severity } from '../../src/queries/findings.js'
import { COMMENT_MARKER } from '../../src/report/query-check.js'
import { silentLogger, type Logger } from '../../src/vocabulary/logger.js'
import { GitHubService } from '../../stand-in/github.js'
import { StandInServer } from '../../stand-in/server.js'

let server: StandInServer
let github: GitHubService
let endpoint: string

beforeAll(async () => {
  github = new GitHubService()
  server = new StandInServer().register(github)
  endpoint = await server.listen()
})

afterAll(async () => {
  await server.close()
})

const GOOD = "SELECT eventname FROM cloudtrail WHERE year = '2026' AND month = '03' AND day = '01'"
const UNFILTERED = 'SELECT eventname FROM cloudtrail'

const options = (files: string[], severities = DEFAULT_SEVERITIES): CheckQueriesOptions => ({
  files,
  table: 'cloudtrail',
  partitionColumns: ['year', 'month', 'day'],
  dateKeyType: 'string',
  severities
})

function deps(files: Record<string, string>, extra: Partial<CheckQueriesDeps> = {}) {
  const annotations: { finding: Finding; kind: Severity }[] = []
  const warnings: string[] = []
  const logger: Logger = { ...silentLogger, warning: (message) => warnings.push(message) }
  const value: CheckQueriesDeps = {
    readFile: async (path) => {
      const text = files[path]
      if (text === undefined) throw new Error(`no such file ${path}`)
      return text
    },
    logger,
    annotate: (finding, kind) => annotations.push({ finding, kind }),
    ...extra
  }
  return { deps: value, annotations, warnings }
}

function pullRequest(number: number, token = 'ghs_standintoken') {
  return {
    octokit: getOctokit(token, { baseUrl: endpoint }),
    owner: 'octo-org',
    repo: 'queries',
    number
  }
}

describe('runCheckQueries', () => {
  it('counts, annotates and reports; severities decide what fails', async () => {
    const files = {
      'queries/good.sql': GOOD,
      'queries/bad.sql': `${UNFILTERED};\nSELECT eventnme FROM cloudtrail`
    }
    const { deps: d, annotations } = deps(files)
    const result = await runCheckQueries(
      options(Object.keys(files), { ...DEFAULT_SEVERITIES, 'unknown-column': 'warning' }),
      d
    )
    expect(result).toMatchObject({ errorCount: 2, warningCount: 1, filesChecked: 2, comment: 'skipped' })
    expect(annotations.map(({ finding, kind }) => [kind, finding.rule, finding.file, finding.line])).toEqual([
      ['error', 'partition-filter', 'queries/bad.sql', 1],
      ['error', 'partition-filter', 'queries/bad.sql', 2],
      ['warning', 'unknown-column', 'queries/bad.sql', 2]
    ])
    expect(result.summaryMarkdown).toContain('**No findings** in 1 file: `queries/good.sql`.')
    expect(result.summaryMarkdown).toContain('### `queries/bad.sql`: 2 errors, 1 warning')
  })

  it("checks columns against the table's own when given, and EXPLAINs an UNLOAD's query", async () => {
    const sql = `UNLOAD (${GOOD.replace('eventname', 'customfield')}) TO 's3://exports/' WITH (format = 'PARQUET');\nMSCK REPAIR TABLE cloudtrail`
    const files = { 'q.sql': sql }
    const without = await runCheckQueries(options(['q.sql']), deps(files).deps)
    expect(without.findings).toEqual([
      expect.objectContaining({
        rule: 'unknown-column',
        line: 1,
        column: 16,
        message: expect.stringContaining('customfield')
      })
    ])
    const explained: string[] = []
    const columns = [
      ['customfield', 'string'],
      ...['account', 'region', 'year', 'month', 'day'].map((key) => [key, 'string'] as const)
    ] as const
    const { deps: d } = deps(files, {
      explain: async (text) => {
        explained.push(text)
        return { kind: 'passed' }
      }
    })
    const result = await runCheckQueries({ ...options(['q.sql']), columns }, d)
    expect(result.findings).toEqual([])
    expect(explained).toEqual([GOOD.replace('eventname', 'customfield')])
  })

  it('turns off a rule entirely', async () => {
    const { deps: d, annotations } = deps({ 'q.sql': UNFILTERED })
    const result = await runCheckQueries(
      options(['q.sql'], { ...DEFAULT_SEVERITIES, 'partition-filter': 'off' }),
      d
    )
    expect(result.findings).toEqual([])
    expect(annotations).toEqual([])
  })

  it('caps error annotations at 9 (the failure message is the 10th) and says how many more there are', async () => {
    const files = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`q${i}.sql`, UNFILTERED]))
    const { deps: d, annotations } = deps(files)
    const result = await runCheckQueries(options(Object.keys(files)), d)
    expect(result.errorCount).toBe(13)
    expect(annotations).toHaveLength(9)
    expect(annotations[8]?.finding.message).toMatch(/\(4 more errors not annotated: see the job summary\)$/)
  })

  it("turns EXPLAIN's answer into a finding at the statement's first line", async () => {
    const explained: string[] = []
    const other = GOOD.replace('eventname', 'eventsource')
    const { deps: d } = deps(
      { 'q.sql': `-- header\n${GOOD};\n\n  ${other}` },
      {
        explain: async (sql) => {
          explained.push(sql)
          return sql === other
            ? {
                kind: 'failed',
                message: "TABLE_NOT_FOUND: Table 'awsdatacatalog.default.cloudtrail' does not exist"
              }
            : { kind: 'passed' }
        }
      }
    )
    const result = await runCheckQueries(options(['q.sql']), d)
    expect(explained).toEqual([GOOD, other])
    expect(result.findings).toEqual([
      {
        rule: 'athena-explain',
        severity: 'error',
        file: 'q.sql',
        line: 4,
        column: 3,
        message: "TABLE_NOT_FOUND: Table 'awsdatacatalog.default.cloudtrail' does not exist"
      }
    ])
  })

  it('asks once for a statement met again, and the answer holds for each', async () => {
    const explained: string[] = []
    const { deps: d } = deps(
      { 'a.sql': `${GOOD};\n${GOOD}`, 'b.sql': `\n${GOOD}` },
      {
        explain: async (sql) => {
          explained.push(sql)
          return { kind: 'failed', message: 'TABLE_NOT_FOUND: line 1:6: no such table' }
        }
      }
    )
    const result = await runCheckQueries(options(['a.sql', 'b.sql']), d)
    expect(explained).toEqual([GOOD])
    expect(result.explain).toMatchObject({ statements: 3, requests: 1, reused: 2, leftOut: 0 })
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([
      'a.sql:1 TABLE_NOT_FOUND: line 1:6: no such table',
      'a.sql:2 TABLE_NOT_FOUND: line 2:6: no such table',
      'b.sql:2 TABLE_NOT_FOUND: line 2:6: no such table'
    ])
  })

  it('asks at most max-explains times, a few at a time; what is left is one limit finding per file', async () => {
    const statements = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) =>
        GOOD.replace("day = '01'", `day = '${String(from + i).padStart(2, '0')}'`)
      )
    let inFlight = 0
    let most = 0
    const { deps: d } = deps(
      { 'a.sql': statements(4, 1).join(';\n'), 'b.sql': statements(4, 11).join(';\n') },
      {
        explain: async () => {
          inFlight += 1
          most = Math.max(most, inFlight)
          await new Promise((resolve) => setTimeout(resolve, 5))
          inFlight -= 1
          return { kind: 'passed' }
        }
      }
    )
    const result = await runCheckQueries(
      { ...options(['a.sql', 'b.sql']), limits: { maxExplains: 5, explainConcurrency: 2 } },
      d
    )
    expect(most).toBe(2)
    expect(result.explain).toMatchObject({ statements: 8, requests: 5, leftOut: 3 })
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'limit',
        file: 'b.sql',
        line: 2,
        message: expect.stringMatching(
          /^3 statements of this file, the first here, were not checked by Athena's EXPLAIN: .*'max-explains'/
        )
      })
    ])
  })

  it('stops at the time budget: an EXPLAIN never waits past it, and the rest is left out', async () => {
    const deadlines: number[] = []
    const { deps: d } = deps(
      {
        'a.sql': `${GOOD};\n${GOOD.replace('eventname', 'eventsource')};\n${GOOD.replace('eventname', 'awsregion')}`
      },
      {
        // Athena never answers: each EXPLAIN waits until the deadline it is given.
        explain: async (_sql, deadline) => {
          deadlines.push(deadline)
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - performance.now())))
          return { kind: 'unfinished', byDeadline: true, message: 'EXPLAIN did not finish' }
        }
      }
    )
    const started = performance.now()
    const result = await runCheckQueries(
      { ...options(['a.sql']), limits: { explainBudgetMs: 50, explainConcurrency: 1 } },
      d
    )
    // One request, given the phase's own deadline; the others were never sent.
    expect(deadlines).toHaveLength(1)
    expect(deadlines[0]).toBeGreaterThan(started)
    expect(result.explain).toMatchObject({ requests: 1, leftOut: 3 })
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'limit',
        line: 1,
        message: expect.stringMatching(
          /^3 statements .* ran out of its 0\.05 s .*'explain-time-budget-seconds'/
        )
      })
    ])
    expect(result.summaryMarkdown).toContain('## Athena query check')
  })
})

describe('the partition estimate', () => {
  const keys = ['account', 'region', 'year', 'month', 'day'].map((name) => ({
    name,
    kind: 'string' as const
  }))
  const withKeys = (files: string[]): CheckQueriesOptions => ({ ...options(files), partitionKeys: keys })

  it("flags a scan over Athena's 1,000,000 partitions as an error quoting its limit, one over max-query-partitions as a warning, and shows each estimate", async () => {
    const { deps: d } = deps(
      {
        'wide.sql': "SELECT eventname FROM cloudtrail WHERE year >= '2025' AND month = '03' AND day = '01'",
        'month.sql':
          "SELECT eventname FROM cloudtrail WHERE year = '2026' AND month = '03' AND day BETWEEN '01' AND '31'",
        'day.sql': GOOD
      },
      {
        countPartitions: async (terms) => {
          const text = JSON.stringify(terms)
          if (text.includes('>=')) return { count: 1_000_001, over: true, exact: true }
          if (text.includes('between')) return { count: 139_500, over: false, exact: true }
          return { count: 4_500, over: false, exact: true }
        }
      }
    )
    const result = await runCheckQueries(withKeys(['wide.sql', 'month.sql', 'day.sql']), d)
    expect(result.findings.map((f) => [f.severity, f.rule, f.file, f.line, f.column])).toEqual([
      ['error', 'partition-limit', 'wide.sql', 1, 23],
      ['warning', 'partition-count', 'month.sql', 1, 1]
    ])
    expect(result.findings[0]?.message).toContain(
      'selects more than 1,000,000 partitions, and "Athena cannot read more than 1 million partitions in a single scan"'
    )
    expect(result.findings[1]?.message).toContain(
      "about 139,500 partitions of cloudtrail, more than the 100,000 of input 'max-query-partitions'"
    )
    expect(result.summaryMarkdown).toContain(
      'Partitions read: 3 queries estimated; the largest reads more than 1,000,000 partitions (`wide.sql` line 1).'
    )
    expect(result.summaryMarkdown).toContain('| `day.sql` | 1 | reads about 4,500 partitions |')
  })

  it('leaves a query unestimated when Glue refuses the count, with one warning, and checks the rest', async () => {
    const { deps: d, warnings } = deps(
      { 'a.sql': GOOD, 'b.sql': GOOD.replace("'01'", "'02'") },
      {
        countPartitions: async (terms) => {
          if (JSON.stringify(terms).includes("'02'") || JSON.stringify(terms).includes('"02"'))
            throw Object.assign(new Error('Unsupported expression'), { name: 'InvalidInputException' })
          return { count: 2_250, over: false, exact: true }
        }
      }
    )
    const result = await runCheckQueries(withKeys(['a.sql', 'b.sql']), d)
    expect(result.findings).toEqual([])
    expect(warnings).toEqual([
      'Could not estimate the partitions a query reads: InvalidInputException: Unsupported expression'
    ])
    expect(result.summaryMarkdown).toContain(
      'Partitions read: 1 query estimated; the largest reads about 2,250 partitions (`a.sql` line 1); 1 not estimated (the log says why).'
    )
  })

  it('says in the report why the partitions were not estimated, without credentials', async () => {
    const { deps: d } = deps({ 'q.sql': GOOD }, { estimateUnavailable: 'it needs AWS credentials' })
    const result = await runCheckQueries(options(['q.sql']), d)
    expect(result.summaryMarkdown).toContain('Partitions read: not estimated; it needs AWS credentials')
  })
})

describe("EXPLAIN's positions", () => {
  it('are moved into the file by where the statement starts', async () => {
    const explained: string[] = []
    const { deps: d } = deps(
      { 'q.sql': `-- 🔒 header\nSELECT 1 AS x;\n\n  ${GOOD}\n  AND eventname = 'x'` },
      {
        explain: async (sql) => {
          explained.push(sql)
          return explained.length === 2
            ? {
                kind: 'failed',
                message: "SYNTAX_ERROR: line 1:8: Column 'a' cannot be resolved; line 2:7: and 'b' neither"
              }
            : { kind: 'passed' }
        }
      }
    )
    const result = await runCheckQueries(options(['q.sql']), d)
    expect(explained).toEqual(['SELECT 1 AS x', `${GOOD}\n  AND eventname = 'x'`])
    expect(result.findings).toEqual([
      {
        rule: 'athena-explain',
        severity: 'error',
        file: 'q.sql',
        line: 4,
        column: 3,
        message: "SYNTAX_ERROR: line 4:10: Column 'a' cannot be resolved; line 5:7: and 'b' neither"
      }
    ])
  })
})

describe('the pull-request comment', () => {
  it('is created once, then updated in place', async () => {
    github.addComment('octo-org', 'queries', 7, 'Looks good to me')
    const first = await runCheckQueries(
      options(['q.sql']),
      deps({ 'q.sql': UNFILTERED }, { pullRequest: pullRequest(7) }).deps
    )
    expect(first.comment).toBe('created')
    const second = await runCheckQueries(
      options(['q.sql']),
      deps({ 'q.sql': GOOD }, { pullRequest: pullRequest(7) }).deps
    )
    expect(second.comment).toBe('updated')
    const comments = github.commentsOn('octo-org', 'queries', 7)
    expect(comments).toHaveLength(2)
    expect(comments[1]?.body.startsWith(COMMENT_MARKER)).toBe(true)
    expect(comments[1]?.body).toContain('1 file checked: 0 errors, 0 warnings.')
    expect(comments[1]?.user).toBe('github-actions[bot]')
  })

  it("is recognized for a GitHub App's installation token too (GraphQL viewer), and a lookalike by another App is not", async () => {
    github.addAppToken('ghs_apptoken', 'query-checker')
    // The GITHUB_TOKEN's own report comment and another App's lookalike: neither is this App's.
    await runCheckQueries(options(['q.sql']), deps({ 'q.sql': GOOD }, { pullRequest: pullRequest(31) }).deps)
    github.addComment('octo-org', 'queries', 31, `${COMMENT_MARKER}\nall fine`, 'other-app[bot]', 'other-app')
    const run = () =>
      runCheckQueries(
        options(['q.sql']),
        deps({ 'q.sql': GOOD }, { pullRequest: pullRequest(31, 'ghs_apptoken') }).deps
      )
    expect((await run()).comment).toBe('created')
    expect((await run()).comment).toBe('updated')
    expect((await run()).comment).toBe('updated')
    const comments = github.commentsOn('octo-org', 'queries', 31)
    expect(comments.map((comment) => comment.user)).toEqual([
      'github-actions[bot]',
      'other-app[bot]',
      'query-checker[bot]'
    ])
    expect(comments[1]?.body).toBe(`${COMMENT_MARKER}\nall fine`)
  })

  it('is found past the first page of comments', async () => {
    for (let i = 0; i < 150; i++) github.addComment('octo-org', 'queries', 8, `comment ${i}`)
    const run = () =>
      runCheckQueries(options(['q.sql']), deps({ 'q.sql': GOOD }, { pullRequest: pullRequest(8) }).deps)
    expect((await run()).comment).toBe('created')
    expect((await run()).comment).toBe('updated')
    expect(github.commentsOn('octo-org', 'queries', 8)).toHaveLength(151)
  })

  it('is a warning, not a failure, without permission to write', async () => {
    github.canWrite = false
    try {
      const { deps: d, warnings } = deps({ 'q.sql': GOOD }, { pullRequest: pullRequest(9) })
      const result = await runCheckQueries(options(['q.sql']), d)
      expect(result.comment).toBe('no-permission')
      expect(warnings.join('\n')).toContain('pull-requests: write')
      expect(github.commentsOn('octo-org', 'queries', 9)).toEqual([])
    } finally {
      github.canWrite = true
    }
  })

  it('stays under 65,536 characters when the report is longer', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 400 }, (_, i) => [
        `queries/a-rather-long-directory-name/file-${i}.sql`,
        UNFILTERED
      ])
    )
    const result = await runCheckQueries(
      options(Object.keys(files)),
      deps(files, { pullRequest: pullRequest(10) }).deps
    )
    expect(result.summaryMarkdown.length).toBeGreaterThan(65_536)
    expect(result.comment).toBe('created')
    const [comment] = github.commentsOn('octo-org', 'queries', 10)
    expect(comment?.body.length).toBeLessThanOrEqual(65_536)
    expect(comment?.body).toContain('_Report truncated: the full report is in the job summary of this run._')
  })

  it('leaves a lookalike comment with the marker by someone else alone, and makes its own', async () => {
    const lookalike = github.addComment(
      'octo-org',
      'queries',
      11,
      `${COMMENT_MARKER}\nAll approved.`,
      'mallory'
    )
    const result = await runCheckQueries(
      options(['q.sql']),
      deps({ 'q.sql': UNFILTERED }, { pullRequest: pullRequest(11) }).deps
    )
    expect(result.comment).toBe('created')
    const comments = github.commentsOn('octo-org', 'queries', 11)
    expect(comments).toHaveLength(2)
    expect(comments[0]).toMatchObject({
      id: lookalike.id,
      user: 'mallory',
      body: `${COMMENT_MARKER}\nAll approved.`
    })
    expect(comments[1]).toMatchObject({ user: 'github-actions[bot]' })
    expect(comments[1]?.body).toContain('1 error')
  })

  it("with a personal token, keeps the token's own user's comment, not github-actions[bot]'s", async () => {
    github.addUserToken('ghp_alicetoken', 'alice')
    github.addComment('octo-org', 'queries', 12, `${COMMENT_MARKER}\nold report`, 'github-actions[bot]')
    const run = () =>
      runCheckQueries(
        options(['q.sql']),
        deps({ 'q.sql': GOOD }, { pullRequest: pullRequest(12, 'ghp_alicetoken') }).deps
      )
    expect((await run()).comment).toBe('created')
    expect((await run()).comment).toBe('updated')
    const comments = github.commentsOn('octo-org', 'queries', 12)
    expect(comments.map((comment) => comment.user)).toEqual(['github-actions[bot]', 'alice'])
    expect(comments[0]?.body).toBe(`${COMMENT_MARKER}\nold report`)
  })

  it('writes the job summary first, and a comment GitHub keeps failing is a warning', async () => {
    server.knobs.failNext('GitHub.ListIssueComments', 1000)
    try {
      const order: string[] = []
      const { deps: d, warnings } = deps(
        { 'q.sql': GOOD },
        {
          pullRequest: pullRequest(13),
          writeSummary: async (markdown) => {
            const listed = server.calls.get('GitHub.ListIssueComments', 'failed')
            order.push(`summary after ${listed} comment calls: ${markdown.split('\n')[0]}`)
          }
        }
      )
      const result = await runCheckQueries(options(['q.sql']), d)
      expect(result.comment).toBe('failed')
      expect(result.errorCount).toBe(0)
      expect(order).toEqual(['summary after 0 comment calls: ## Athena query check'])
      expect(server.calls.get('GitHub.ListIssueComments', 'failed')).toBeGreaterThan(0)
      expect(warnings.join('\n')).toMatch(
        /Could not comment on pull request #13 \(HTTP 500: .*\); the report is in the job summary/
      )
      expect(github.commentsOn('octo-org', 'queries', 13)).toEqual([])
    } finally {
      server.knobs.reset()
    }
  })
})
