/**
 * End to end: `command: check-queries` of the bundled action on a folder of SQL files, as a pull
 * request check: annotations, job summary, exit code, and the one comment on the pull request
 * through the stand-in's GitHub API. No AWS involved.
 */
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cloudTrailTableInput } from '../../stand-in/cloudtrail-table.js'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { runAction, type ActionRun } from '../../stand-in/run-action.js'
import { TrinoSQL } from 'dt-sql-parser/dist/parser/trino/index.js'
import { TrinoSqlLexer } from 'dt-sql-parser/dist/lib/trino/TrinoSqlLexer.js'
import { tearDown } from '../helpers/worlds.js'

let standIn: StandIn
let workspace: string
let eventFile: string
const HEAD_SHA = '0123456789abcdef0123456789abcdef01234567'

beforeAll(async () => {
  standIn = await startStandIn()
  workspace = await mkdtemp(join(tmpdir(), 'ctp-check-'))
  await cp('__fixtures__/queries', join(workspace, 'queries'), { recursive: true })
  await cp('queries', join(workspace, 'shipped'), { recursive: true })
  eventFile = join(workspace, 'event.json')
  await writeFile(
    eventFile,
    JSON.stringify({
      pull_request: { number: 7, head: { sha: HEAD_SHA } },
      repository: { name: 'ops', owner: { login: 'octo-org' } }
    })
  )
})

afterAll(() => tearDown(standIn, workspace))

function check(inputs: Record<string, string> = {}, pullRequest = true): Promise<ActionRun> {
  // No AWS in the environment: the check must not need it.
  const { GITHUB_API_URL } = standIn.env()
  return runAction({
    inputs: { command: 'check-queries', table: 'cloudtrail', 'github-token': 'ghs_test', ...inputs },
    env: {
      GITHUB_API_URL: GITHUB_API_URL!,
      GITHUB_REPOSITORY: 'octo-org/ops',
      ...(pullRequest ? { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventFile } : {})
    },
    workspace
  })
}

const annotations = (run: ActionRun, kind: 'error' | 'warning') =>
  run.stdout.split('\n').filter((line) => line.startsWith(`::${kind} `) || line.startsWith(`::${kind}::`))

describe('check-queries', () => {
  it('annotates the most important findings with file, line and column, and fails on errors', async () => {
    const result = await check()
    expect(result.exitCode).toBe(1)
    const errors = annotations(result, 'error')
    // Nine findings and the step's failure message: GitHub shows ten error annotations per step.
    expect(errors).toHaveLength(10)
    expect(errors.at(-1)).toMatch(/^::error::9 file\(s\) checked: \d+ error\(s\), 0 warning\(s\)/)
    expect(errors).toContain(
      "::error title=syntax,file=queries/broken.sql,line=10,col=1::'SELEC' is not valid at this position"
    )
    expect(
      errors.some((line) =>
        line.startsWith(
          '::error title=partition-filter,file=queries/aws-docs-console-sign-ins.sql,line=4,col=6::'
        )
      )
    ).toBe(true)
    expect(errors.at(-2)).toMatch(/more errors not annotated: see the job summary\)$/)
    // The summary lists every finding, including those beyond the ten annotations.
    expect(result.summary).toContain('queries/unknown-columns.sql')
    expect(result.summary).toContain('eventnme')
  })

  it('posts one comment on the pull request and updates it in place on the next run', async () => {
    const comments = () => standIn.github.commentsOn('octo-org', 'ops', 7)
    expect(comments()).toHaveLength(1)
    const { id, body } = comments()[0]!
    expect(body).toContain('queries/broken.sql')
    // Each finding links to its line in the pull request's head commit.
    expect(body).toMatch(
      new RegExp(
        `\\*\\*error\\*\\* \\[line (\\d+), column \\d+\\]\\(https://github\\.com/octo-org/ops/blob/${HEAD_SHA}/queries/broken\\.sql#L\\1\\)`
      )
    )
    await check({ 'rule-severity': 'unknown-column=warning' })
    expect(comments()).toHaveLength(1)
    expect(comments()[0]!.id).toBe(id)
    expect(comments()[0]!.body).not.toBe(body)
    expect(comments()[0]!.body).toMatch(/\*\*warning\*\* \[line \d+, column \d+\]/)
  })

  it('turns findings into warnings or off as rule-severity says, and passes without errors', async () => {
    const result = await check(
      {
        'rule-severity': 'syntax=off, partition-filter=off, partition-literal=warning, unknown-column=warning'
      },
      false
    )
    expect(result.exitCode).toBe(0)
    expect(annotations(result, 'error')).toHaveLength(0)
    expect(annotations(result, 'warning').length).toBeGreaterThan(0)
    // No AWS here: the report says what the partition estimate needs.
    expect(result.summary).toContain('Partitions read: not estimated; it needs AWS credentials')
  })

  it('passes the shipped queries', async () => {
    const result = await check({ queries: 'shipped/**/*.sql' }, false)
    expect(result.exitCode).toBe(0)
    expect(result.outputs.summary).toBe('8 file(s) checked: 0 error(s), 0 warning(s)')
  })

  it('warns, not fails, without pull-requests: write', async () => {
    standIn.github.canWrite = false
    try {
      const result = await check({ queries: 'shipped/**/*.sql' })
      expect(result.exitCode).toBe(0)
      expect(annotations(result, 'warning').join('\n')).toMatch(/pull-requests: write/)
    } finally {
      standIn.github.canWrite = true
    }
  })

  it('with credentials, reads the date key type and the columns from the table and asks Athena to EXPLAIN each query', async () => {
    // The team's table has a column AWS's schema lacks.
    const table = cloudTrailTableInput({
      name: 'cloudtrail',
      location: 's3://logs/AWSLogs/o-example0001/',
      dateKeyType: 'int'
    }) as { StorageDescriptor: { Columns: { Name: string; Type: string }[] } }
    table.StorageDescriptor.Columns.push({ Name: 'customfield', Type: 'string' })
    standIn.glue.createTableDirect('security', table)
    standIn.s3.createBucket('query-results')
    standIn.athena.addWorkGroup('checks', { outputLocation: 's3://query-results/checks/' })
    await mkdir(join(workspace, 'with-aws'), { recursive: true })
    // Right for an int table; EXPLAIN also passes.
    await writeFile(
      join(workspace, 'with-aws', 'ok.sql'),
      'SELECT eventname FROM cloudtrail WHERE year = 2026 AND month = 3 AND day = 1\n'
    )
    // A padded string literal is wrong on int keys; the table name is unknown to the catalog.
    await writeFile(
      join(workspace, 'with-aws', 'wrong.sql'),
      "SELECT eventname FROM cloudtrail WHERE year = 2026 AND month = '03' AND day = 1\nUNION ALL\nSELECT eventname FROM cloudtrail_archive\n"
    )
    // A column of this table only.
    await writeFile(
      join(workspace, 'with-aws', 'custom.sql'),
      'SELECT customfield FROM cloudtrail WHERE year = 2026 AND month = 3 AND day = 1\n'
    )
    const { GITHUB_API_URL: _api, ...aws } = standIn.env()
    const callsBefore = standIn.server.calls.get('Glue.GetTable')
    const result = await runAction({
      inputs: {
        command: 'check-queries',
        table: 'cloudtrail',
        database: 'security',
        queries: 'with-aws/*.sql',
        workgroup: 'checks',
        'role-to-assume': 'arn:aws:iam::123456789012:role/check',
        'aws-region': 'eu-central-1'
      },
      env: aws,
      workspace
    })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('date keys int, columns from Glue')
    const errors = annotations(result, 'error').join('\n')
    expect(errors).toMatch(/title=partition-literal,file=with-aws\/wrong.sql,line=1,.*write month = 3/)
    expect(errors).toMatch(
      /title=athena-explain,file=with-aws\/wrong.sql.*TABLE_NOT_FOUND.*cloudtrail_archive/
    )
    expect(errors).not.toContain('with-aws/ok.sql')
    expect(errors).not.toContain('with-aws/custom.sql')
    expect(standIn.server.calls.get('Athena.StartQueryExecution')).toBe(3)
    // One read of the table serves the date key type and the columns.
    expect(standIn.server.calls.get('Glue.GetTable')).toBe(callsBefore + 1)

    // Without credentials, the check knows only AWS's documented columns.
    const without = await check({ queries: 'with-aws/custom.sql', 'date-key-type': 'int' }, false)
    expect(without.exitCode).toBe(1)
    expect(without.stdout).toContain("columns of AWS's documented CloudTrail schema")
    expect(annotations(without, 'error').join('\n')).toMatch(
      /title=unknown-column,file=with-aws\/custom.sql,line=1,col=8::Column customfield does not exist/
    )
  })

  it('sends Athena exactly one statement per request: a comment ended by \\r, or two statements without ;, never smuggle a second', async () => {
    standIn.glue.createTableDirect(
      'audit',
      cloudTrailTableInput({ name: 'cloudtrail', location: 's3://logs/AWSLogs/o-example0001/' })
    )
    standIn.s3.createBucket('explain-results')
    standIn.athena.addWorkGroup('pr-checks', { outputLocation: 's3://explain-results/checks/' })
    const filter = "year = '2026' AND month = '03' AND day = '01'"
    await mkdir(join(workspace, 'smuggle'), { recursive: true })
    await writeFile(
      join(workspace, 'smuggle', 'cr.sql'),
      `SELECT eventname FROM cloudtrail WHERE ${filter} -- note\r; EXPLAIN ANALYZE SELECT eventname FROM cloudtrail WHERE ${filter}\n`
    )
    await writeFile(
      join(workspace, 'smuggle', 'two.sql'),
      `SELECT eventname FROM cloudtrail WHERE ${filter} SELECT 2\n`
    )
    const before = standIn.athena.receivedQueries.length
    const { GITHUB_API_URL: _api, ...aws } = standIn.env()
    const result = await runAction({
      inputs: {
        command: 'check-queries',
        table: 'cloudtrail',
        database: 'audit',
        queries: 'smuggle/*.sql',
        workgroup: 'pr-checks',
        'role-to-assume': 'arn:aws:iam::123456789012:role/check',
        'aws-region': 'eu-central-1'
      },
      env: aws,
      workspace
    })
    const received = standIn.athena.receivedQueries.slice(before)
    // The first statement of cr.sql only; EXPLAIN ANALYZE (which runs the query) is never wrapped, two.sql never sent.
    expect(received).toEqual([`EXPLAIN SELECT eventname FROM cloudtrail WHERE ${filter}`])
    for (const query of received) {
      const tokens = new TrinoSQL().createLexer(query).getAllTokens()
      expect(tokens.filter((token) => token.type === TrinoSqlLexer.SEMICOLON)).toEqual([])
      expect(new TrinoSQL().parse(query).statements()).toHaveLength(1)
    }
    expect(result.exitCode).toBe(1)
    expect(annotations(result, 'error').join('\n')).toMatch(
      /title=syntax,file=smuggle\/two.sql,line=1,col=\d+::a second statement starts at 'SELECT' with no ';' before it/
    )
  })

  it('ends the EXPLAIN phase inside its budget on 1,200 statements: a limit finding, a summary and a comment', async () => {
    standIn.glue.createTableDirect(
      'budget',
      cloudTrailTableInput({ name: 'cloudtrail', location: 's3://logs/AWSLogs/o-example0001/' })
    )
    standIn.s3.createBucket('budget-results')
    standIn.athena.addWorkGroup('budget-checks', { outputLocation: 's3://budget-results/checks/' })
    standIn.athena.queryRunTimeMs = { min: 250, max: 500 }
    await mkdir(join(workspace, 'many'), { recursive: true })
    const statements = Array.from(
      { length: 1200 },
      (_, i) =>
        `SELECT eventname FROM cloudtrail WHERE year = '2026' AND month = '03' AND day = '01' LIMIT ${i + 1};`
    )
    await writeFile(join(workspace, 'many', 'all.sql'), statements.join('\n'))
    const calls = standIn.server.calls.get('Athena.StartQueryExecution')
    const { ...env } = standIn.env()
    try {
      const result = await runAction({
        inputs: {
          command: 'check-queries',
          table: 'cloudtrail',
          database: 'budget',
          queries: 'many/*.sql',
          workgroup: 'budget-checks',
          'max-statements-per-file': '2000',
          'explain-time-budget-seconds': '1',
          'role-to-assume': 'arn:aws:iam::123456789012:role/check',
          'aws-region': 'eu-central-1',
          'github-token': 'ghs_test'
        },
        env: {
          ...env,
          GITHUB_REPOSITORY: 'octo-org/ops',
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: eventFile
        },
        workspace
      })
      const sent = standIn.server.calls.get('Athena.StartQueryExecution') - calls
      // 4 at a time for 1 s, each 0.25-0.5 s and seen at the next poll: a dozen or so, far from 1,200.
      expect(sent).toBeGreaterThanOrEqual(4)
      expect(sent).toBeLessThanOrEqual(16)
      expect(result.exitCode).toBe(1)
      expect(annotations(result, 'error').join('\n')).toMatch(
        /title=limit,file=many\/all.sql,line=\d+,col=1::\d[\d,]* statements of this file, the first here, were not checked by Athena's EXPLAIN: .*'max-explains'.*the EXPLAIN phase ran out of its 1 s/
      )
      expect(result.summary).toContain('## Athena query check')
      expect(standIn.github.commentsOn('octo-org', 'ops', 7).at(-1)?.body).toMatch(/ran out of its 1 s/)
    } finally {
      standIn.athena.queryRunTimeMs = undefined
    }
  })

  it('names the input of a bad rule-severity', async () => {
    const result = await check({ 'rule-severity': 'unknown-columns=off' }, false)
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(
      `::error::Input 'rule-severity': "unknown-columns=off" does not name a rule`
    )
  })
})
