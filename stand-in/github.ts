/**
 * GitHub's REST API for issue and pull-request comments, as the query check's report comment uses
 * it through Octokit: list (paginated, with a Link header), create, update, and `GET /user` (who the
 * token is). Enforces GitHub's 65,536-character body limit with its 422 answer, and answers 403 like
 * a token without `pull-requests: write` when `canWrite` is false (limits.md has the sources).
 * Tokens: an installation token (`ghs_`, what GITHUB_TOKEN is) comments as `login` and gets 403 from
 * `GET /user`, as on GitHub; one registered with `addAppToken` is a GitHub App's installation token:
 * it comments as `<slug>[bot]`, and GraphQL's `viewer { login }` answers that login (the GITHUB_TOKEN
 * gets GraphQL's FORBIDDEN error there); a personal token registered with `addUserToken` acts as its user.
 * Comments made through an App carry `performed_via_github_app` (the GITHUB_TOKEN's: `github-actions`).
 */
import { AwsError, type ServiceHandler, type StandInRequest, type StandInResponse } from './types.js'

export const COMMENT_BODY_MAX_CHARACTERS = 65_536
const DOCS = 'https://docs.github.com/rest/issues/comments'
const LIST_OR_CREATE = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/
const UPDATE = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/
const INSTALLATION_TOKEN = /^ghs_/

export interface StoredComment {
  id: number
  body: string
  user: string
  createdAt: string
  updatedAt: string
  /** The App whose installation token made it (`github-actions` for the GITHUB_TOKEN). */
  app?: string
}

export class GitHubService implements ServiceHandler {
  readonly service = 'GitHub'
  /** False: the token cannot write (no `pull-requests: write`, or a fork's pull request). */
  canWrite = true
  /** The login comments are made as. */
  login = 'github-actions[bot]'
  private readonly comments = new Map<string, StoredComment[]>()
  /** Personal access tokens and whose they are. */
  private readonly userTokens = new Map<string, string>()
  /** GitHub App installation tokens and their App's slug. */
  private readonly appTokens = new Map<string, string>()
  private nextId = 1_000_001

  /** Comments on an issue or pull request, oldest first. */
  commentsOn(owner: string, repo: string, number: number): readonly StoredComment[] {
    return this.comments.get(issueKey(owner, repo, number)) ?? []
  }

  /** A personal access token of `login`: `GET /user` answers with it, and its comments are by it. */
  addUserToken(token: string, login: string): void {
    this.userTokens.set(token, login)
  }

  /** An installation token of the GitHub App `slug` (as actions/create-github-app-token makes): it acts as `<slug>[bot]`. */
  addAppToken(token: string, slug: string): void {
    this.appTokens.set(token, slug)
  }

  /** Adds a comment directly, as another user would (tests of pagination and of foreign comments). */
  addComment(
    owner: string,
    repo: string,
    number: number,
    body: string,
    user = 'octocat',
    app?: string
  ): StoredComment {
    const now = new Date().toISOString()
    const comment: StoredComment = {
      id: this.nextId++,
      body,
      user,
      createdAt: now,
      updatedAt: now,
      ...(app ? { app } : {})
    }
    const key = issueKey(owner, repo, number)
    this.comments.set(key, [...(this.comments.get(key) ?? []), comment])
    return comment
  }

  /**
   * Claims only GitHub API calls: a `/repos/` path, a `token`/`Bearer` authorization (S3's is
   * SigV4) and GitHub's media type or Octokit's user agent, so a bucket named `repos` stays S3's.
   */
  operation(request: StandInRequest): string | undefined {
    const path = request.url.pathname
    const authorization = request.headers.authorization ?? ''
    const accept = request.headers.accept ?? ''
    const userAgent = request.headers['user-agent'] ?? ''
    if (
      !(path.startsWith('/repos/') || path === '/user' || path === '/graphql') ||
      !/^(token|bearer) \S+$/i.test(authorization)
    )
      return undefined
    if (!accept.includes('application/vnd.github') && !/octokit/i.test(userAgent)) return undefined
    if (path === '/user') return request.method === 'GET' ? 'GetAuthenticatedUser' : 'Unsupported'
    if (path === '/graphql') return request.method === 'POST' ? 'GraphQL' : 'Unsupported'
    if (LIST_OR_CREATE.test(path)) {
      if (request.method === 'GET') return 'ListIssueComments'
      if (request.method === 'POST') return 'CreateIssueComment'
    }
    if (UPDATE.test(path) && request.method === 'PATCH') return 'UpdateIssueComment'
    return 'Unsupported'
  }

  handle(operation: string, request: StandInRequest): StandInResponse {
    const path = request.url.pathname
    const token = (request.headers.authorization ?? '').replace(/^\S+\s+/, '')
    const appSlug = this.appTokens.get(token)
    const installation = INSTALLATION_TOKEN.test(token)
    const user = appSlug ? `${appSlug}[bot]` : installation ? this.login : this.userTokens.get(token)
    // What performed_via_github_app names: the App of an installation token (GITHUB_TOKEN's is github-actions).
    const app = appSlug ?? (installation ? 'github-actions' : undefined)
    if (user === undefined) {
      return json(401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401'
      })
    }
    switch (operation) {
      case 'GetAuthenticatedUser':
        // An installation token has no user: GitHub answers 403 (documented for GITHUB_TOKEN).
        if (INSTALLATION_TOKEN.test(token)) {
          return json(403, {
            message: 'Resource not accessible by integration',
            documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
            status: '403'
          })
        }
        return json(200, { login: user, id: 1, type: 'User' })
      case 'GraphQL':
        return this.graphql(request, user, appSlug !== undefined)
      case 'ListIssueComments': {
        const [, owner = '', repo = '', number = ''] = LIST_OR_CREATE.exec(path) ?? []
        return this.list(owner, repo, Number(number), request.url)
      }
      case 'CreateIssueComment': {
        const [, owner = '', repo = '', number = ''] = LIST_OR_CREATE.exec(path) ?? []
        const invalid = this.refuseWrite(request, 'create-an-issue-comment')
        if (invalid) return invalid
        const comment = this.addComment(owner, repo, Number(number), bodyOf(request) ?? '', user, app)
        return json(201, this.render(owner, repo, Number(number), comment))
      }
      case 'UpdateIssueComment': {
        const [, owner = '', repo = '', id = ''] = UPDATE.exec(path) ?? []
        const invalid = this.refuseWrite(request, 'update-an-issue-comment')
        if (invalid) return invalid
        for (const [key, comments] of this.comments) {
          const comment = comments.find((candidate) => candidate.id === Number(id))
          if (!comment || !key.startsWith(`${owner}/${repo}#`)) continue
          comment.body = bodyOf(request) ?? ''
          comment.updatedAt = new Date().toISOString()
          return json(200, this.render(owner, repo, Number(key.split('#')[1]), comment))
        }
        throw new AwsError('NotFound', 'Not Found', 404)
      }
      default:
        throw new AwsError('NotFound', 'Not Found', 404)
    }
  }

  errorResponse(error: AwsError, _request: StandInRequest): StandInResponse {
    // GitHub's secondary limit may say how long to wait in retry-after (docs: "Rate limits for the
    // REST API"); the stand-in asks for 1 s so tests stay short.
    const headers: Record<string, string> = error.code === 'SecondaryRateLimit' ? { 'retry-after': '1' } : {}
    return json(
      error.status,
      { message: error.message, documentation_url: DOCS, status: String(error.status) },
      headers
    )
  }

  throttlingError(): AwsError {
    return new AwsError(
      'SecondaryRateLimit',
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      403
    )
  }

  internalError(): AwsError {
    return new AwsError('ServerError', 'Server Error', 500)
  }

  /**
   * GraphQL answers 200 with `errors` for what it refuses. Only `viewer { login }` is modelled: an
   * App's installation token and a person's token read their login; the GITHUB_TOKEN is refused.
   */
  private graphql(request: StandInRequest, user: string, isApp: boolean): StandInResponse {
    let query = ''
    try {
      query = String((JSON.parse(request.body.toString('utf8')) as { query?: unknown }).query ?? '')
    } catch {
      return json(400, {
        message: 'Problems parsing JSON',
        documentation_url: 'https://docs.github.com/graphql'
      })
    }
    if (!/^\s*(query\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query)) {
      return json(200, {
        data: null,
        errors: [{ message: 'The stand-in answers only `query { viewer { login } }`' }]
      })
    }
    if (!isApp && INSTALLATION_TOKEN.test((request.headers.authorization ?? '').replace(/^\S+\s+/, ''))) {
      return json(200, {
        data: null,
        errors: [{ type: 'FORBIDDEN', path: ['viewer'], message: 'Resource not accessible by integration' }]
      })
    }
    return json(200, { data: { viewer: { login: user } } })
  }

  private list(owner: string, repo: string, number: number, url: URL): StandInResponse {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30) || 30))
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1)
    const all = this.commentsOn(owner, repo, number)
    const lastPage = Math.max(1, Math.ceil(all.length / perPage))
    const pageUrl = (n: number): string => {
      const next = new URL(url)
      next.searchParams.set('per_page', String(perPage))
      next.searchParams.set('page', String(n))
      return next.toString()
    }
    const links: string[] = []
    if (page < lastPage)
      links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(lastPage)}>; rel="last"`)
    if (page > 1) links.push(`<${pageUrl(page - 1)}>; rel="prev"`, `<${pageUrl(1)}>; rel="first"`)
    const data = all
      .slice((page - 1) * perPage, page * perPage)
      .map((c) => this.render(owner, repo, number, c))
    return json(200, data, links.length ? { link: links.join(', ') } : {})
  }

  /** GitHub's answers to a write it refuses: 403 without permission, 422 for a missing or long body. */
  private refuseWrite(request: StandInRequest, docsAnchor: string): StandInResponse | undefined {
    if (!this.canWrite) {
      return json(403, {
        message: 'Resource not accessible by integration',
        documentation_url: `${DOCS}#${docsAnchor}`,
        status: '403'
      })
    }
    const body = bodyOf(request)
    if (body === undefined) {
      return json(422, {
        message: 'Invalid request.\n\n"body" wasn\'t supplied.',
        documentation_url: `${DOCS}#${docsAnchor}`,
        status: '422'
      })
    }
    if ([...body].length > COMMENT_BODY_MAX_CHARACTERS) {
      return json(422, {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'IssueComment',
            code: 'custom',
            field: 'body',
            message: `Body is too long (maximum is ${COMMENT_BODY_MAX_CHARACTERS} characters)`
          }
        ],
        documentation_url: `${DOCS}#${docsAnchor}`,
        status: '422'
      })
    }
    return undefined
  }

  private render(
    owner: string,
    repo: string,
    number: number,
    comment: StoredComment
  ): Record<string, unknown> {
    const api = `https://api.github.com/repos/${owner}/${repo}`
    return {
      id: comment.id,
      node_id: `IC_${Buffer.from(String(comment.id)).toString('base64url')}`,
      url: `${api}/issues/comments/${comment.id}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${number}#issuecomment-${comment.id}`,
      issue_url: `${api}/issues/${number}`,
      body: comment.body,
      user: { login: comment.user, type: comment.user.endsWith('[bot]') ? 'Bot' : 'User' },
      performed_via_github_app: comment.app ? { slug: comment.app, name: comment.app } : null,
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      author_association: comment.user.endsWith('[bot]') ? 'NONE' : 'MEMBER'
    }
  }
}

function issueKey(owner: string, repo: string, number: number): string {
  return `${owner}/${repo}#${number}`
}

function bodyOf(request: StandInRequest): string | undefined {
  try {
    const parsed = JSON.parse(request.body.toString('utf8')) as { body?: unknown }
    return typeof parsed.body === 'string' ? parsed.body : undefined
  } catch {
    return undefined
  }
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): StandInResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value)
  }
}
