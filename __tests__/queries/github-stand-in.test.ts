/** The stand-in's GitHub issue-comment API, called through @actions/github's getOctokit. */
import { getOctokit } from '@actions/github'
import { COMMENT_BODY_MAX_CHARACTERS, GitHubService } from '../../stand-in/github.js'
import { StandInServer } from '../../stand-in/server.js'
import { S3Service } from '../../stand-in/s3.js'

let server: StandInServer
let github: GitHubService
let octokit: ReturnType<typeof getOctokit>
const repo = { owner: 'octo-org', repo: 'octo-repo' }

beforeAll(async () => {
  github = new GitHubService()
  // S3 claims every path-style request, so it is registered last, as in stand-in/index.ts.
  server = new StandInServer().register(github).register(new S3Service())
  octokit = getOctokit('ghs_standintoken', { baseUrl: await server.listen() })
})

afterAll(async () => {
  await server.close()
})

function statusOf(error: unknown): number | undefined {
  return (error as { status?: number }).status
}

describe('GitHub issue comments stand-in', () => {
  it('creates, lists and updates comments', async () => {
    const created = await octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: 'hello' })
    expect(created.status).toBe(201)
    expect(created.data).toMatchObject({ body: 'hello', user: { login: 'github-actions[bot]' } })
    const updated = await octokit.rest.issues.updateComment({
      ...repo,
      comment_id: created.data.id,
      body: 'bye'
    })
    expect(updated.data.body).toBe('bye')
    const listed = await octokit.rest.issues.listComments({ ...repo, issue_number: 1 })
    expect(listed.data.map((comment) => comment.body)).toEqual(['bye'])
    expect(github.commentsOn('octo-org', 'octo-repo', 1)).toHaveLength(1)
  })

  it('paginates with per_page, page and a Link header that Octokit follows', async () => {
    for (let i = 0; i < 45; i++) github.addComment('octo-org', 'octo-repo', 2, `c${i}`)
    const page = await octokit.rest.issues.listComments({ ...repo, issue_number: 2, per_page: 20, page: 3 })
    expect(page.data.map((comment) => comment.body)).toEqual(['c40', 'c41', 'c42', 'c43', 'c44'])
    expect(page.headers.link).toContain('rel="prev"')
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      ...repo,
      issue_number: 2,
      per_page: 20
    })
    expect(all).toHaveLength(45)
  })

  it("answers GitHub's 422 for a body over 65,536 characters", async () => {
    const error = await octokit.rest.issues
      .createComment({ ...repo, issue_number: 3, body: 'x'.repeat(COMMENT_BODY_MAX_CHARACTERS + 1) })
      .catch((caught: unknown) => caught)
    expect(statusOf(error)).toBe(422)
    expect((error as { response: { data: unknown } }).response.data).toMatchObject({
      message: 'Validation Failed',
      errors: [
        { resource: 'IssueComment', field: 'body', message: 'Body is too long (maximum is 65536 characters)' }
      ]
    })
    await octokit.rest.issues.createComment({
      ...repo,
      issue_number: 3,
      body: 'x'.repeat(COMMENT_BODY_MAX_CHARACTERS)
    })
    expect(github.commentsOn('octo-org', 'octo-repo', 3)).toHaveLength(1)
  })

  it('answers 403 to writes when the token cannot write', async () => {
    github.canWrite = false
    try {
      const error = await octokit.rest.issues
        .createComment({ ...repo, issue_number: 4, body: 'hi' })
        .catch((caught: unknown) => caught)
      expect(statusOf(error)).toBe(403)
      expect((error as Error).message).toContain('Resource not accessible by integration')
      expect((await octokit.rest.issues.listComments({ ...repo, issue_number: 4 })).data).toEqual([])
    } finally {
      github.canWrite = true
    }
  })

  it('answers 404 for a comment that does not exist', async () => {
    const error = await octokit.rest.issues
      .updateComment({ ...repo, comment_id: 42, body: 'x' })
      .catch((caught: unknown) => caught)
    expect(statusOf(error)).toBe(404)
  })

  it('leaves S3 requests to a bucket named repos to S3', async () => {
    const response = await fetch(`${server.endpoint}/repos/octo-org/octo-repo/issues/1/comments`, {
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIA/20260301/us-east-1/s3/aws4_request' }
    })
    expect(response.headers.get('content-type') ?? '').not.toContain('json')
    const operations = Object.keys(server.calls.snapshot())
    expect(operations.some((operation) => operation.startsWith('S3.'))).toBe(true)
    expect(operations.filter((operation) => operation.startsWith('GitHub.'))).not.toContain(
      'GitHub.Unsupported'
    )
  })

  it('knows who a token is: GET /user refuses an installation token, answers a personal one', async () => {
    const denied = await octokit.rest.users.getAuthenticated().catch((caught: unknown) => caught)
    expect(statusOf(denied)).toBe(403)
    github.addUserToken('ghp_bobtoken', 'bob')
    const bob = getOctokit('ghp_bobtoken', { baseUrl: server.endpoint })
    expect((await bob.rest.users.getAuthenticated()).data.login).toBe('bob')
    const created = await bob.rest.issues.createComment({ ...repo, issue_number: 5, body: 'by bob' })
    expect(created.data.user?.login).toBe('bob')
    const stranger = getOctokit('ghp_unknown', { baseUrl: server.endpoint })
    const unknown = await stranger.rest.issues
      .listComments({ ...repo, issue_number: 5 })
      .catch((caught: unknown) => caught)
    expect(statusOf(unknown)).toBe(401)
  })
})
