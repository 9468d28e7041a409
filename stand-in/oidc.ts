/**
 * GitHub Actions' OIDC token endpoint as `core.getIDToken()` calls it: GET
 * `${ACTIONS_ID_TOKEN_REQUEST_URL}&audience=...` with `Authorization: Bearer ${ACTIONS_ID_TOKEN_REQUEST_TOKEN}`,
 * answered with `{"value": "<JWT>"}`. Tokens are real RS256 JWTs signed with a key made at construction,
 * so the stand-in's STS can refuse a token that this service did not sign. The claims are GitHub's
 * (`ref`, `event_name`, `workflow_ref`, `job_workflow_ref` ...), and the `sub` follows the
 * repository's subject template, which GitHub's REST API sets (`PUT .../actions/oidc/customization/sub`,
 * served here too).
 */
import { generateKeyPairSync, randomBytes, randomUUID, sign, verify, type KeyObject } from 'node:crypto'
import { AwsError, type ServiceHandler, type StandInRequest, type StandInResponse } from './types.js'

export const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com'
const TOKEN_PATH = '/_github/oidc/token'

export interface SigningKeys {
  privateKey: KeyObject
  publicKey: KeyObject
}

/** An RS256 key pair, as GitHub signs with (about 150 ms of CPU each). */
export function newSigningKeys(): SigningKeys {
  return generateKeyPairSync('rsa', { modulusLength: 2048 })
}

let shared: SigningKeys | undefined

/**
 * One key pair for the stand-ins of a process, as GitHub signs every job's token with the keys it
 * publishes: a test file that starts a stand-in per case does not make a key pair per case.
 */
export function sharedSigningKeys(): SigningKeys {
  return (shared ??= newSigningKeys())
}

/** The claims of a GitHub Actions ID token that the stand-in issues (GitHub's "OIDC token claims"). */
export interface GitHubOidcClaims {
  iss: string
  aud: string
  sub: string
  iat: number
  nbf: number
  exp: number
  jti: string
  repository: string
  repository_owner: string
  ref: string
  ref_type: string
  sha: string
  workflow: string
  event_name: string
  actor: string
  run_id: string
  runner_environment: string
  [claim: string]: unknown
}

export interface IssueOptions {
  audience?: string
  /** Seconds since the epoch (default: now); a past value with a short lifetime makes an expired token. */
  issuedAt?: number
  lifetimeSeconds?: number
  /** Claims to add or override. */
  claims?: Partial<GitHubOidcClaims>
}

/** Events whose job runs on a branch (the default branch for all but push and workflow_dispatch). */
export type BranchEvent =
  'push' | 'schedule' | 'workflow_dispatch' | 'pull_request_target' | 'issue_comment' | 'workflow_run'

/** Which workflow file the job is in, and which reusable workflow (if any) it calls. */
export interface WorkflowOfJob {
  /** The workflow file, `name.yml` under `.github/workflows/` of the repository (default `sync.yml`). */
  workflow?: string
  /**
   * A reusable workflow the job calls (`owner/repo/.github/workflows/file.yml@ref`): its path is the
   * token's `job_workflow_ref`, while `workflow_ref` stays the caller's (GitHub, "OIDC with reusable
   * workflows").
   */
  calls?: string
}

/**
 * What started the job, as GitHub's OIDC docs list the `sub` forms: a branch (push, schedule,
 * workflow_dispatch, and the events that run on the default branch: pull_request_target,
 * issue_comment, workflow_run), a pull request, a tag, or a job with an `environment` (which replaces
 * the ref form).
 */
export type GitHubTrigger = WorkflowOfJob &
  (
    | { kind: 'branch'; branch: string; event?: BranchEvent }
    | { kind: 'pull_request'; number?: number; baseBranch?: string; headBranch?: string }
    | { kind: 'tag'; tag: string }
    | { kind: 'environment'; environment: string; branch?: string; event?: string }
  )

/**
 * A repository's (or organization's) subject template, as the REST API sets it (`PUT
 * /repos/{owner}/{repo}/actions/oidc/customization/sub`): `use_default` true is GitHub's
 * `repo:<owner>/<repo>:<context>`; false with `include_claim_keys` is `key:value` pairs in that order;
 * false without keys is the organization's template (GitHub's default when it has none).
 */
export interface SubjectTemplate {
  use_default: boolean
  include_claim_keys?: string[]
}

/** GitHub's default template, in template form: `repo` then `context`. */
export const DEFAULT_CLAIM_KEYS: readonly string[] = ['repo', 'context']
const CLAIM_KEY = /^[A-Za-z0-9_]+$/

/**
 * The `sub` for these claims under a template's keys ("Customizing the subject claims"): `repo` is
 * `repo:<owner>/<repo>`, `context` is what follows the repository in the default form (`ref:<ref>`,
 * `environment:<name>`, `pull_request`), any other key is `<key>:<claim>`; pairs are joined by `:`
 * in the template's order, and a `:` inside a value becomes `%3A`. A key the token lacks is left out
 * (UNVERIFIED: GitHub does not say).
 */
export function subjectFor(claims: Readonly<Record<string, unknown>>, keys: readonly string[]): string {
  const escape = (value: string): string => value.replace(/:/g, '%3A')
  const parts: string[] = []
  for (const key of keys) {
    if (key === 'repo') parts.push(`repo:${escape(String(claims.repository))}`)
    else if (key === 'context') parts.push(contextOf(claims))
    else {
      const value = claims[key]
      if (typeof value === 'string' || typeof value === 'number')
        parts.push(`${key}:${escape(String(value))}`)
    }
  }
  return parts.join(':')
}

/** The default `sub` without its `repo:<owner>/<repo>:` (GitHub's "Example subject claims"). */
function contextOf(claims: Readonly<Record<string, unknown>>): string {
  if (typeof claims.environment === 'string' && claims.environment !== '') {
    return `environment:${claims.environment.replace(/:/g, '%3A')}`
  }
  if (claims.event_name === 'pull_request') return 'pull_request'
  return `ref:${String(claims.ref)}`
}

/** The claims GitHub puts in a token for this repository and trigger (ref, event_name, workflow_ref ...). */
export function claimsForTrigger(
  repository: string,
  trigger: GitHubTrigger
): Partial<GitHubOidcClaims> & { ref: string } {
  const file = trigger.workflow ?? 'sync.yml'
  const at = (ref: string): Partial<GitHubOidcClaims> => {
    const workflowRef = `${repository}/.github/workflows/${file}@${ref}`
    return {
      workflow_ref: workflowRef,
      job_workflow_ref: trigger.calls ?? workflowRef,
      // GitHub sets both to '' outside pull-request events.
      base_ref: '',
      head_ref: ''
    }
  }
  switch (trigger.kind) {
    case 'branch': {
      const ref = `refs/heads/${trigger.branch}`
      const event = trigger.event ?? 'push'
      return {
        ...at(ref),
        ref,
        ref_type: 'branch',
        event_name: event,
        // pull_request_target runs the base branch's workflow with the pull request's refs named.
        ...(event === 'pull_request_target' ? { base_ref: trigger.branch, head_ref: 'feature' } : {})
      }
    }
    case 'pull_request': {
      // A pull_request run uses the merge ref, and with it the branch's own copy of the workflow.
      const ref = `refs/pull/${trigger.number ?? 1}/merge`
      return {
        ...at(ref),
        ref,
        ref_type: 'branch',
        event_name: 'pull_request',
        base_ref: trigger.baseBranch ?? 'main',
        head_ref: trigger.headBranch ?? 'feature'
      }
    }
    case 'tag': {
      const ref = `refs/tags/${trigger.tag}`
      return { ...at(ref), ref, ref_type: 'tag', event_name: 'push' }
    }
    case 'environment': {
      const ref = `refs/heads/${trigger.branch ?? 'main'}`
      return {
        ...at(ref),
        environment: trigger.environment,
        ref,
        ref_type: 'branch',
        event_name: trigger.event ?? 'push'
      }
    }
  }
}

/** A token that is not a JWT signed by this service. */
export class OidcTokenError extends Error {}

const base64url = (value: Buffer | string): string => Buffer.from(value).toString('base64url')

/** `PUT|GET /repos/{owner}/{repo}/actions/oidc/customization/sub` (GitHub REST, "Actions OIDC"). */
const TEMPLATE_PATH = /^\/repos\/([^/]+)\/([^/]+)\/actions\/oidc\/customization\/sub$/

export class GitHubOidcService implements ServiceHandler {
  readonly service = 'OIDC'
  /** The `ACTIONS_ID_TOKEN_REQUEST_TOKEN` a job would get; any other bearer is refused with 401. */
  readonly requestToken = randomBytes(32).toString('base64url')
  repository = 'octo-org/octo-repo'
  ref = 'refs/heads/main'
  /** Overrides the `sub` claim; by default it is built from the repository's subject template. */
  subject: string | undefined
  /** Claims added to every token (after the defaults, before `issueToken`'s own); `setTrigger` sets them. */
  claims: Partial<GitHubOidcClaims> = {}
  /** GitHub's ID tokens live for minutes; 5 by default here. */
  lifetimeSeconds = 300
  /** Tokens issued over HTTP (not by `issueToken` directly). */
  issuedCount = 0
  lastClaims: GitHubOidcClaims | undefined
  private readonly privateKey: KeyObject
  private readonly publicKey: KeyObject
  private readonly keyId = randomBytes(20).toString('hex').toUpperCase()
  /** Subject templates by `owner/repo` (lowercase); a repository without one uses GitHub's default. */
  private readonly repositoryTemplates = new Map<string, SubjectTemplate>()
  /** Organization templates by owner (lowercase): used by repositories that opted in. */
  private readonly organizationTemplates = new Map<string, string[]>()

  /** @param keys the signing key pair (default: a new one, so another service's tokens are foreign). */
  constructor(keys: SigningKeys = newSigningKeys()) {
    this.privateKey = keys.privateKey
    this.publicKey = keys.publicKey
  }

  /** The `ACTIONS_ID_TOKEN_REQUEST_URL` for a stand-in at `endpoint` (it has a query: the toolkit appends `&audience=`). */
  requestUrl(endpoint: string): string {
    return `${endpoint}${TOKEN_PATH}?api-version=2.0`
  }

  /**
   * Makes the tokens that follow look like a job started by `trigger` in `repository` (default: the
   * current one): `ref`, `ref_type`, `event_name`, `workflow_ref`, `job_workflow_ref`, `environment`
   * ... as GitHub documents them; the `sub` follows the repository's subject template.
   */
  setTrigger(trigger: GitHubTrigger, repository = this.repository): void {
    const claims = claimsForTrigger(repository, trigger)
    this.repository = repository
    this.ref = claims.ref
    this.subject = undefined
    this.claims = claims
  }

  /** Sets a repository's subject template, as the REST API's PUT does (validated the same way). */
  setSubjectTemplate(repository: string, template: SubjectTemplate): void {
    this.repositoryTemplates.set(repository.toLowerCase(), checkedTemplate(template))
  }

  /** Sets an organization's template; it applies to its repositories whose template has `use_default: false` and no keys. */
  setOrganizationSubjectTemplate(owner: string, keys: readonly string[]): void {
    this.organizationTemplates.set(
      owner.toLowerCase(),
      checkedTemplate({ use_default: false, include_claim_keys: [...keys] }).include_claim_keys ?? []
    )
  }

  /** The repository's template as the REST API's GET answers it. */
  subjectTemplate(repository: string): SubjectTemplate {
    return { ...(this.repositoryTemplates.get(repository.toLowerCase()) ?? { use_default: true }) }
  }

  /** The claim keys that make the `sub` of this repository's tokens (GitHub's table of `use_default`). */
  claimKeysFor(repository: string): readonly string[] {
    const template = this.repositoryTemplates.get(repository.toLowerCase())
    if (!template || template.use_default) return DEFAULT_CLAIM_KEYS
    if (template.include_claim_keys?.length) return template.include_claim_keys
    const owner = repository.split('/')[0]?.toLowerCase() ?? ''
    return this.organizationTemplates.get(owner) ?? DEFAULT_CLAIM_KEYS
  }

  /** Signs a token directly (tests use it for expired or odd tokens). */
  issueToken(options: IssueOptions = {}): string {
    const owner = this.repository.split('/')[0] ?? ''
    const iat = options.issuedAt ?? Math.floor(Date.now() / 1000)
    const workflowRef = `${this.repository}/.github/workflows/sync.yml@${this.ref}`
    const unsigned: Record<string, unknown> = {
      jti: randomUUID(),
      aud: options.audience ?? `https://github.com/${owner}`,
      ref: this.ref,
      sha: randomBytes(20).toString('hex'),
      repository: this.repository,
      repository_id: String(stableNumber(this.repository)),
      repository_owner: owner,
      repository_owner_id: String(stableNumber(owner)),
      repository_visibility: 'private',
      run_id: String(1000000000 + Math.floor(Math.random() * 1000000000)),
      run_number: '1',
      run_attempt: '1',
      actor: owner,
      actor_id: String(stableNumber(`actor:${owner}`)),
      workflow: 'sync-partitions',
      workflow_ref: workflowRef,
      job_workflow_ref: workflowRef,
      event_name: 'schedule',
      ref_type: this.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
      ref_protected: 'false',
      base_ref: '',
      head_ref: '',
      runner_environment: 'github-hosted',
      iss: GITHUB_OIDC_ISSUER,
      nbf: iat - 5,
      iat,
      exp: iat + (options.lifetimeSeconds ?? this.lifetimeSeconds),
      ...this.claims,
      ...options.claims
    }
    unsigned.workflow_sha ??= unsigned.sha
    unsigned.job_workflow_sha ??= unsigned.sha
    const claims = {
      ...unsigned,
      sub: options.claims?.sub ?? this.subject ?? subjectFor(unsigned, this.claimKeysFor(this.repository))
    } as GitHubOidcClaims
    const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid: this.keyId }))
    const payload = base64url(JSON.stringify(claims))
    const signature = sign('sha256', Buffer.from(`${header}.${payload}`), this.privateKey)
    return `${header}.${payload}.${base64url(signature)}`
  }

  /** Checks the RS256 signature and returns the claims; expiry and audience are for the caller to judge. */
  verify(token: string): GitHubOidcClaims {
    const parts = token.split('.')
    if (parts.length !== 3) throw new OidcTokenError('not a JWT')
    const [header, payload, signature] = parts as [string, string, string]
    let parsedHeader: { alg?: unknown; kid?: unknown }
    let claims: GitHubOidcClaims
    try {
      parsedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as typeof parsedHeader
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as GitHubOidcClaims
    } catch {
      throw new OidcTokenError('header or payload is not base64url JSON')
    }
    if (parsedHeader.alg !== 'RS256' || parsedHeader.kid !== this.keyId) {
      throw new OidcTokenError('not signed with the key of this issuer')
    }
    const valid = verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      this.publicKey,
      Buffer.from(signature, 'base64url')
    )
    if (!valid) throw new OidcTokenError('signature does not verify')
    if (typeof claims !== 'object' || claims === null) throw new OidcTokenError('claims are not an object')
    return claims
  }

  // ---- ServiceHandler ----

  operation(request: StandInRequest): string | undefined {
    const path = request.url.pathname
    if (path === TOKEN_PATH) return 'GetIDToken'
    // GitHub's REST API (a `/repos/` path with a token); other `/repos/` paths are the GitHub service's.
    if (TEMPLATE_PATH.test(path) && /^(token|bearer) \S+$/i.test(request.headers.authorization ?? '')) {
      if (request.method === 'PUT') return 'SetRepositorySubjectTemplate'
      if (request.method === 'GET') return 'GetRepositorySubjectTemplate'
    }
    return undefined
  }

  handle(operation: string, request: StandInRequest): StandInResponse {
    if (operation !== 'GetIDToken') return this.template(operation, request)
    if (request.method !== 'GET') throw new AwsError('MethodNotAllowed', 'Method Not Allowed', 405)
    if (request.headers.authorization !== `Bearer ${this.requestToken}`) {
      throw new AwsError('Unauthorized', 'Bad credentials', 401)
    }
    const audience = request.url.searchParams.get('audience')
    const token = this.issueToken(audience ? { audience } : {})
    this.issuedCount += 1
    this.lastClaims = this.verify(token)
    return {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ value: token })
    }
  }

  /**
   * The repository-level template endpoints: PUT answers 201 with an empty object, GET the template.
   * Any token is taken as the repository's administrator (the stand-in models no GitHub permissions).
   */
  private template(operation: string, request: StandInRequest): StandInResponse {
    const [, owner = '', repo = ''] = TEMPLATE_PATH.exec(request.url.pathname) ?? []
    const repository = `${decodeURIComponent(owner)}/${decodeURIComponent(repo)}`
    const answer = (status: number, body: unknown): StandInResponse => ({
      status,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body)
    })
    if (operation === 'GetRepositorySubjectTemplate') return answer(200, this.subjectTemplate(repository))
    let body: unknown
    try {
      body = JSON.parse(request.body.toString('utf8'))
    } catch {
      throw new AwsError('BadRequest', 'Problems parsing JSON', 400)
    }
    this.setSubjectTemplate(repository, body as SubjectTemplate)
    return answer(201, {})
  }

  errorResponse(error: AwsError, _request: StandInRequest): StandInResponse {
    return {
      status: error.status,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ message: error.message })
    }
  }

  throttlingError(): AwsError {
    return new AwsError('TooManyRequests', 'API rate limit exceeded', 429)
  }

  internalError(): AwsError {
    return new AwsError('InternalServerError', 'Internal Server Error', 500)
  }
}

/**
 * The request body's rules (GitHub REST schema "Actions OIDC subject customization for a repository"):
 * `use_default` required and boolean; `include_claim_keys` unique strings of letters, digits and `_`.
 * Refused with 422 "Validation Failed" (the status of GitHub's schema validation; UNVERIFIED for this endpoint).
 */
function checkedTemplate(input: SubjectTemplate): SubjectTemplate {
  const invalid = (message: string): AwsError =>
    new AwsError('ValidationFailed', `Validation Failed: ${message}`, 422)
  if (typeof input !== 'object' || input === null || typeof input.use_default !== 'boolean') {
    throw invalid('use_default is required and must be a boolean')
  }
  const keys = input.include_claim_keys
  if (keys === undefined) return { use_default: input.use_default }
  if (!Array.isArray(keys) || !keys.every((key) => typeof key === 'string' && CLAIM_KEY.test(key))) {
    throw invalid('include_claim_keys must be strings of letters, digits and underscores')
  }
  if (new Set(keys).size !== keys.length) throw invalid('include_claim_keys must be unique')
  return { use_default: input.use_default, include_claim_keys: [...keys] }
}

/** A number that stays the same for a name (the stand-in's repository, owner and actor ids). */
function stableNumber(name: string): number {
  let hash = 0
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_000_007
  return 100_000 + hash
}
