/**
 * End to end: the bundled action on a workspace a hostile pull request laid out: a file name with a
 * newline and a workflow command, one with a CR, one in the runner's older `##[` form, a link to
 * /etc/passwd, a folder link to /usr/share, and SQL whose quoted identifiers hold a link, a mention,
 * a heading and HTML. The step ends as it should, no workflow command gets into the log, the job
 * summary and the comment are there and inert, nothing outside the workspace is read, and GitHub's
 * failures cost the comment at most, never the report.
 */
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RULE_IDS } from '../../src/queries/findings.js'
import { COMMENT_MARKER } from '../../src/report/query-check.js'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { runAction, type ActionRun } from '../../stand-in/run-action.js'
import { expectInert, htmlText, renderGfm, shown } from '../helpers/hostile.js'
import { tearDown } from '../helpers/worlds.js'

let standIn: StandIn
let workspace: string
let eventFile: string
let passwd: string

const WHERE = "WHERE year = '2026' AND month = '03' AND day = '01'"
const NEWLINE_NAME = 'queries/x\n::warning title=Approved::LGTM\n.sql'
const CR_NAME = 'queries/cr\r::error::pwned.sql'
const LEGACY_NAME = 'queries/##[warning]legacy.sql'
const IDENTIFIERS =
  '"[click me](https://evil.example/phish)", "@octocat", "x\n## heading", "<img src=x onerror=alert(1)>"'

beforeAll(async () => {
  standIn = await startStandIn()
  passwd = await readFile('/etc/passwd', 'utf8')
  workspace = await mkdtemp(join(tmpdir(), 'ctp-hostile-'))
  await mkdir(join(workspace, 'queries'))
  await writeFile(join(workspace, 'queries', 'ok.sql'), `SELECT eventname FROM cloudtrail ${WHERE}\n`)
  await writeFile(join(workspace, NEWLINE_NAME), `SELECT ${IDENTIFIERS} FROM cloudtrail ${WHERE}\n`)
  await writeFile(join(workspace, CR_NAME), `SELECT eventname FROM cloudtrail ${WHERE}\n`)
  await writeFile(join(workspace, LEGACY_NAME), `SELECT eventname FROM cloudtrail ${WHERE}\n`)
  await symlink('/etc/passwd', join(workspace, 'queries', 'passwd.sql'))
  await symlink('/usr/share', join(workspace, 'queries', 'share'))
  eventFile = join(workspace, 'event.json')
  await writeFile(eventFile, JSON.stringify({ pull_request: { number: 21 } }))
})

afterAll(() => tearDown(standIn, workspace))

function run(command: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}) {
  return runAction({
    inputs: { command, table: 'cloudtrail', 'github-token': 'ghs_test', ...inputs },
    env: {
      GITHUB_API_URL: standIn.env().GITHUB_API_URL!,
      GITHUB_REPOSITORY: 'octo-org/ops',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventFile,
      ...env
    },
    workspace
  })
}

/** Every line the runner would take for a command is one the action wrote on purpose. */
function expectOnlyOwnCommands(result: ActionRun): void {
  const rules = RULE_IDS.join('|')
  for (const line of result.stdout.split(/\r\n|\r|\n/)) {
    if (!/^\s*(::|##\[)/.test(line)) continue
    // @actions/core masks the OIDC token it gets for AWS (a JWT): the action's own command.
    if (/^::add-mask::[\w-]+\.[\w-]+\.[\w-]+$/.test(line)) continue
    expect(line).toMatch(
      new RegExp(
        `^::(group::|endgroup::|debug::|(error|warning)::|(error|warning) title=(${rules}),file=[^:]*::)`
      )
    )
  }
  expect(result.stdout).not.toMatch(/^::warning title=Approved/m)
  expect(result.stdout).not.toMatch(/^\s*::(stop-commands|error::pwned)/m)
}

function expectNothingFromOutside(...texts: string[]): void {
  const firstLine = passwd.split('\n')[0] ?? 'root:x:0:0'
  for (const text of texts) {
    expect(text).not.toContain(firstLine)
    expect(text).not.toMatch(/'root'|root:x:0/)
    expect(text).not.toMatch(/share\//)
  }
}

const comments = () => standIn.github.commentsOn('octo-org', 'ops', 21)

describe('check-queries on a hostile workspace', () => {
  it('fails on its findings, with no injected command, an inert report, and nothing read from outside', async () => {
    const lookalike = standIn.github.addComment(
      'octo-org',
      'ops',
      21,
      `${COMMENT_MARKER}\nLGTM, approved.`,
      'mallory'
    )
    const result = await run('check-queries')
    expect(result.exitCode).toBe(1)
    expectOnlyOwnCommands(result)

    // Five files: the folder link was not descended into /usr/share's 164 .sql files.
    expect(result.outputs.summary).toMatch(/^5 file\(s\) checked: [1-9]\d* error\(s\)/)
    expect(result.stdout).toMatch(
      /^::error title=not-a-regular-file,file=queries\/passwd.sql,line=1,col=1::symbolic link: links are not followed/m
    )
    // The annotation names the file with its newline escaped by @actions/core.
    expect(result.stdout).toContain('file=queries/x%0A%3A%3Awarning title=Approved%3A%3ALGTM%0A.sql')
    // The log line of each file quotes its name on one line.
    expect(result.stdout).toContain('"queries/x\\n::warning title=Approved::LGTM\\n.sql": ')
    expect(result.stdout).toContain('"queries/##[warning]legacy.sql": no findings')

    const html = renderGfm(result.summary)
    // Files with findings are headings; the clean ones are folded into the "No findings" line.
    const withFindings = [...html.matchAll(/<h3><code>([\s\S]*?)<\/code>/g)].map((m) => htmlText(m[1] ?? ''))
    const clean = [
      ...(/<p><strong>No findings<\/strong>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '').matchAll(
        /<code>([\s\S]*?)<\/code>/g
      )
    ].map((m) => htmlText(m[1] ?? ''))
    expectInert(html, { headings: 1 + withFindings.length, lists: withFindings.length })
    expect([...withFindings, ...clean].map(shown).sort()).toEqual(
      [LEGACY_NAME, CR_NAME, 'queries/ok.sql', 'queries/passwd.sql', NEWLINE_NAME].map(shown).sort()
    )
    // The unknown columns are named, whole and inert, in the report.
    expect(shown(htmlText(html))).toContain('[click me](https://evil.example/phish)')
    expect(shown(htmlText(html))).toContain('@octocat')

    // The comment: a new one, the lookalike by someone else untouched.
    expect(comments()).toHaveLength(2)
    expect(comments()[0]).toMatchObject({ id: lookalike.id, body: `${COMMENT_MARKER}\nLGTM, approved.` })
    const comment = comments()[1]!
    expect(comment.user).toBe('github-actions[bot]')
    expectInert(renderGfm(comment.body.slice(COMMENT_MARKER.length)), {
      headings: 1 + withFindings.length,
      lists: withFindings.length
    })
    expectNothingFromOutside(result.stdout, result.stderr, result.summary, comment.body)
  })

  // A lasting 5xx (three retries, 1 + 4 + 9 s in the action) is in unit/github-client.test.ts, with short retries.
  it('keeps the report when GitHub fails: one 500 is retried, a refused write is a warning', async () => {
    const before = comments()[1]!
    standIn.server.knobs.failNext('GitHub.ListIssueComments', 1)
    const retried = await run('check-queries', { queries: 'queries/ok.sql' })
    expect(retried.exitCode).toBe(0)
    expect(comments()).toHaveLength(2)
    expect(comments()[1]!.id).toBe(before.id)
    expect(comments()[1]!.body).toContain('1 file checked: 0 errors, 0 warnings.')

    standIn.github.canWrite = false
    try {
      const refused = await run('check-queries', { queries: 'queries/ok.sql' })
      expect(refused.exitCode).toBe(0)
      expect(refused.summary).toContain('1 file checked: 0 errors, 0 warnings.')
      expect(refused.stdout).toMatch(/^::warning::Could not comment on pull request #21 \(HTTP 403/m)
      expect(comments()).toHaveLength(2)
    } finally {
      standIn.github.canWrite = true
    }
  })

  it('refuses a pattern that climbs out of the workspace, naming the input', async () => {
    const result = await run('check-queries', { queries: '../**/*.sql' })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(
      /^::error::Input 'queries': '..\/\*\*\/\*.sql' could match files outside the workspace/m
    )
    expect(result.summary).toBe('')
  })
})

describe('publish-queries on a hostile workspace', () => {
  it('publishes the regular files, refuses the link, and logs every name escaped', async () => {
    standIn.athena.addWorkGroup('security')
    const result = await run(
      'publish-queries',
      {
        'role-to-assume': 'arn:aws:iam::123456789012:role/queries',
        'aws-region': 'eu-central-1',
        workgroup: 'security',
        database: 'audit',
        'delete-missing': 'true'
      },
      standIn.env()
    )
    expect(result.exitCode).toBe(1)
    expectOnlyOwnCommands(result)
    expect(result.stdout).toContain('Created "queries/x\\n::warning title=Approved::LGTM\\n.sql"')
    expect(result.stdout).toMatch(
      /^::error::1 query file\(s\) could not be published: queries\/passwd.sql \(symbolic link/m
    )
    const names = standIn.athena.namedQueries('security').map((query) => query.Name)
    expect(names).toHaveLength(4)
    expect(names).not.toContain('queries/passwd')
    expectInert(renderGfm(result.summary), { headings: 1 })
    expectNothingFromOutside(result.stdout, result.stderr, result.summary)
    expect(
      standIn.athena
        .namedQueries()
        .map((query) => query.QueryString)
        .join('\n')
    ).not.toContain('root:')
  })
})
