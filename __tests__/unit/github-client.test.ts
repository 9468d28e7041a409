/**
 * The action's GitHub client against the stand-in: 5xx answers and a secondary rate limit are
 * retried (Octokit's retry and throttling plugins), a 403 that is no rate limit is not, and a
 * lasting failure costs the report comment, never the check. Retries wait in units of 10 ms here
 * (the action's unit is 1 s; the end-to-end hostile-workspace test meets one such retry).
 */
import { githubClient } from '../../src/commands/github-client.js'
import { upsertComment } from '../../src/queries/pr-comment.js'
import { silentLogger } from '../../src/vocabulary/logger.js'
import { GitHubService } from '../../stand-in/github.js'
import { StandInServer } from '../../stand-in/server.js'
import { recordingLogger } from '../helpers/logger.js'

const UNIT_MS = 10
let server: StandInServer
let baseUrl: string
let client: ReturnType<typeof githubClient>
const issue = { owner: 'octo-org', repo: 'ops', issue_number: 3 }

beforeAll(async () => {
  server = new StandInServer().register(new GitHubService())
  baseUrl = await server.listen()
  client = githubClient('ghs_clienttoken', silentLogger, { baseUrl, retryBaseMs: UNIT_MS })
})

afterAll(async () => {
  await server.close()
})

beforeEach(() => {
  server.knobs.reset()
  server.calls.reset()
})

describe('githubClient', () => {
  it('retries server errors', async () => {
    server.knobs.failNext('GitHub.ListIssueComments', 2)
    const { status } = await client.rest.issues.listComments(issue)
    expect(status).toBe(200)
    expect(server.calls.get('GitHub.ListIssueComments', 'failed')).toBe(2)
    expect(server.calls.get('GitHub.ListIssueComments', 'ok')).toBe(1)
  })

  it('retries three times, 1, 4 and 9 units apart, then gives up with the last answer', async () => {
    server.knobs.failNext('GitHub.ListIssueComments', 1000)
    const started = performance.now()
    const error = await client.rest.issues.listComments(issue).catch((caught: unknown) => caught)
    expect((error as { status?: number }).status).toBe(500)
    expect(performance.now() - started).toBeGreaterThanOrEqual((1 + 4 + 9) * UNIT_MS - 5)
    expect(server.calls.get('GitHub.ListIssueComments', 'failed')).toBe(1 + 3)
  })

  it('costs the report comment, not the check, when GitHub keeps failing', async () => {
    server.knobs.failNext('GitHub.ListIssueComments', 1000)
    const logger = recordingLogger()
    const target = { octokit: client, owner: issue.owner, repo: issue.repo, number: issue.issue_number }
    await expect(upsertComment(target, '<!-- report -->', 'the report', logger)).resolves.toBe('failed')
    expect(logger.at('warning')).toEqual([
      expect.stringMatching(
        /^Could not comment on pull request #3 \(HTTP 500: .*\); the report is in the job summary\.$/
      )
    ])
  })

  it('waits out a secondary rate limit once', async () => {
    // One call at once, then about one a second: the second call, right after, is limited.
    server.knobs.setThrottle('GitHub.ListIssueComments', { ratePerSecond: 1.2, burst: 1 })
    await client.rest.issues.listComments(issue)
    const { status } = await client.rest.issues.listComments(issue)
    expect(status).toBe(200)
    expect(server.calls.get('GitHub.ListIssueComments', 'throttled')).toBe(1)
    expect(server.calls.get('GitHub.ListIssueComments', 'ok')).toBe(2)
  })

  it('does not retry a refusal', async () => {
    const error = await client.rest.users.getAuthenticated().catch((caught: unknown) => caught)
    expect((error as { status?: number }).status).toBe(403)
    expect(server.calls.get('GitHub.GetAuthenticatedUser', 'error')).toBe(1)
  })
})
