/**
 * GitHub Actions' OIDC token endpoint as `core.getIDToken()` calls it: GET
 * `${ACTIONS_ID_TOKEN_REQUEST_URL}&audience=...` with `Authorization: Bearer ${ACTIONS_ID_TOKEN_REQUEST_TOKEN}`,
 * answered with `{"value": "<JWT>"}`. Tokens are real RS256 JWTs signed with a key made at construction,
 * so the stand-in's STS can refuse a token that this service did not sign.
 */
import { generateKeyPairSync, randomBytes, randomUUID, sign, verify, type KeyObject } from 'node:crypto'
import { AwsError, type ServiceHandler, type StandInRequest, type StandInResponse } from './types.js'

export const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com'
const TOKEN_PATH = '/_github/oidc/token'

/** The claims of a GitHub Actions ID token that the stand-in issues (a subset of GitHub's). */
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

/**
 * What started the job, as GitHub's OIDC docs list the `sub` forms: a branch (push, schedule,
 * workflow_dispatch), a pull request, a tag, or a job with an `environment` (which replaces the ref form).
 */
export type GitHubTrigger =
  | { kind: 'branch'; branch: string; event?: 'push' | 'schedule' | 'workflow_dispatch' }
  | { kind: 'pull_request'; number?: number; baseBranch?: string; headBranch?: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'environment'; environment: string; branch?: string; event?: string }

/** The claims GitHub puts in a token for this repository and trigger (sub, ref, event_name ...). */
export function claimsForTrigger(
  repository: string,
  trigger: GitHubTrigger,
  workflowFile = 'sync.yml'
): Partial<GitHubOidcClaims> & { sub: string; ref: string } {
  const at = (ref: string): Partial<GitHubOidcClaims> => ({
    job_workflow_ref: `${repository}/.github/workflows/${workflowFile}@${ref}`,
    workflow_ref: `${repository}/.github/workflows/${workflowFile}@${ref}`
  })
  switch (trigger.kind) {
    case 'branch': {
      const ref = `refs/heads/${trigger.branch}`
      return {
        ...at(ref),
        sub: `repo:${repository}:ref:${ref}`,
        ref,
        ref_type: 'branch',
        event_name: trigger.event ?? 'push'
      }
    }
    case 'pull_request': {
      const ref = `refs/pull/${trigger.number ?? 1}/merge`
      return {
        ...at(ref),
        sub: `repo:${repository}:pull_request`,
        ref,
        ref_type: 'branch',
        event_name: 'pull_request',
        base_ref: trigger.baseBranch ?? 'main',
        head_ref: trigger.headBranch ?? 'feature'
      }
    }
    case 'tag': {
      const ref = `refs/tags/${trigger.tag}`
      return { ...at(ref), sub: `repo:${repository}:ref:${ref}`, ref, ref_type: 'tag', event_name: 'push' }
    }
    case 'environment': {
      const ref = `refs/heads/${trigger.branch ?? 'main'}`
      return {
        ...at(ref),
        sub: `repo:${repository}:environment:${trigger.environment}`,
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

export class GitHubOidcService implements ServiceHandler {
  readonly service = 'OIDC'
  /** The `ACTIONS_ID_TOKEN_REQUEST_TOKEN` a job would get; any other bearer is refused with 401. */
  readonly requestToken = randomBytes(32).toString('base64url')
  repository = 'octo-org/octo-repo'
  ref = 'refs/heads/main'
  /** The `sub` claim; by default GitHub's form for a branch: `repo:OWNER/REPO:ref:REF`. */
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

  constructor() {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 })
    this.privateKey = pair.privateKey
    this.publicKey = pair.publicKey
  }

  /** The `ACTIONS_ID_TOKEN_REQUEST_URL` for a stand-in at `endpoint` (it has a query: the toolkit appends `&audience=`). */
  requestUrl(endpoint: string): string {
    return `${endpoint}${TOKEN_PATH}?api-version=2.0`
  }

  /**
   * Makes the tokens that follow look like a job started by `trigger` in `repository` (default: the
   * current one): `sub`, `ref`, `ref_type`, `event_name`, `environment` ... as GitHub documents them.
   */
  setTrigger(trigger: GitHubTrigger, repository = this.repository): void {
    const claims = claimsForTrigger(repository, trigger)
    this.repository = repository
    this.ref = claims.ref
    this.subject = claims.sub
    this.claims = claims
  }

  /** Signs a token directly (tests use it for expired or odd tokens). */
  issueToken(options: IssueOptions = {}): string {
    const owner = this.repository.split('/')[0] ?? ''
    const iat = options.issuedAt ?? Math.floor(Date.now() / 1000)
    const claims: GitHubOidcClaims = {
      jti: randomUUID(),
      sub: this.subject ?? `repo:${this.repository}:ref:${this.ref}`,
      aud: options.audience ?? `https://github.com/${owner}`,
      ref: this.ref,
      sha: randomBytes(20).toString('hex'),
      repository: this.repository,
      repository_owner: owner,
      run_id: String(1000000000 + Math.floor(Math.random() * 1000000000)),
      actor: owner,
      workflow: 'sync-partitions',
      event_name: 'schedule',
      ref_type: this.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
      runner_environment: 'github-hosted',
      iss: GITHUB_OIDC_ISSUER,
      nbf: iat - 5,
      iat,
      exp: iat + (options.lifetimeSeconds ?? this.lifetimeSeconds),
      ...this.claims,
      ...options.claims
    }
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
    return request.url.pathname === TOKEN_PATH ? 'GetIDToken' : undefined
  }

  handle(_operation: string, request: StandInRequest): StandInResponse {
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
