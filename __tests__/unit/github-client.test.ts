/**
 * The action's GitHub client against the stand-in: 5xx answers and a secondary rate limit are
 * retried (Octokit's retry and throttling plugins), a 403 that is no rate limit is not.
 */
import { githubClient } from '../../src/commands/github-client.js'
import { silentLogger } from '../../src/vocabulary/logger.js'
import { GitHubService } from '../../stand-in/github.js'
import { StandInServer } from '../../stand-in/server.js'

let server: StandInServer
let client: ReturnType<typeof githubClient>
const issue = { owner: 'octo-org', repo: 'ops', issue_number: 3 }

beforeAll(async () => {
  server = new StandInServer().register(new GitHubService())
  client = githubClient('ghs_clienttoken', silentLogger, await server.listen())
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
