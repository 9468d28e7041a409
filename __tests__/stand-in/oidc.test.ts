/**
 * The stand-in's GitHub OIDC token endpoint, called the way a job calls it: `core.getIDToken()` with
 * the two `ACTIONS_ID_TOKEN_REQUEST_*` variables a job with `id-token: write` gets.
 */
import { jest } from '@jest/globals'
import * as core from '@actions/core'
import {
  DEFAULT_CLAIM_KEYS,
  GitHubOidcService,
  GITHUB_OIDC_ISSUER,
  OidcTokenError
} from '../../stand-in/oidc.js'
import { StandInServer } from '../../stand-in/server.js'

let server: StandInServer
let oidc: GitHubOidcService
let endpoint: string
const saved = {
  url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL,
  token: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name]
  else process.env[name] = value
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >
}

beforeAll(async () => {
  oidc = new GitHubOidcService()
  server = new StandInServer().register(oidc)
  endpoint = await server.listen()
})

afterAll(async () => {
  await server.close()
})

beforeEach(() => {
  process.env.ACTIONS_ID_TOKEN_REQUEST_URL = oidc.requestUrl(endpoint)
  process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = oidc.requestToken
  // getIDToken masks the token and logs at debug level: keep the test output clean.
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

afterEach(() => {
  jest.restoreAllMocks()
  restore('ACTIONS_ID_TOKEN_REQUEST_URL', saved.url)
  restore('ACTIONS_ID_TOKEN_REQUEST_TOKEN', saved.token)
})

describe('GitHub OIDC token endpoint', () => {
  it('gives core.getIDToken a signed RS256 JWT with GitHub claims for the requested audience', async () => {
    const before = oidc.issuedCount
    const token = await core.getIDToken('sts.amazonaws.com')
    expect(oidc.issuedCount).toBe(before + 1)
    const [header] = token.split('.')
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toMatchObject({
      alg: 'RS256',
      typ: 'JWT'
    })
    const claims = oidc.verify(token)
    expect(claims).toMatchObject({
      iss: GITHUB_OIDC_ISSUER,
      aud: 'sts.amazonaws.com',
      sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
      repository: 'octo-org/octo-repo',
      repository_owner: 'octo-org',
      ref: 'refs/heads/main'
    })
    expect(claims.exp - claims.iat).toBe(300)
    expect(claims.nbf).toBeLessThanOrEqual(claims.iat)
    expect(Math.abs(claims.iat - Date.now() / 1000)).toBeLessThan(5)
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/)
    expect(oidc.lastClaims?.jti).toBe(claims.jti)
  })

  it('defaults the audience to https://github.com/OWNER when none is requested', async () => {
    const response = await fetch(oidc.requestUrl(endpoint), {
      headers: { authorization: `Bearer ${oidc.requestToken}`, accept: 'application/json' }
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { value: string }
    expect(Object.keys(body)).toEqual(['value'])
    expect(claimsOf(body.value).aud).toBe('https://github.com/octo-org')
  })

  it('uses the configured subject, ref and lifetime', async () => {
    oidc.subject = 'repo:octo-org/octo-repo:environment:production'
    oidc.lifetimeSeconds = 600
    try {
      const claims = oidc.verify(await core.getIDToken('sts.amazonaws.com'))
      expect(claims.sub).toBe('repo:octo-org/octo-repo:environment:production')
      expect(claims.exp - claims.iat).toBe(600)
    } finally {
      oidc.subject = undefined
      oidc.lifetimeSeconds = 300
    }
  })

  it('answers a wrong or missing bearer token with 401, which getIDToken reports', async () => {
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'not-the-token'
    const before = oidc.issuedCount
    await expect(core.getIDToken('sts.amazonaws.com')).rejects.toThrow(/Error Code : 401/)
    const missing = await fetch(`${oidc.requestUrl(endpoint)}&audience=sts.amazonaws.com`)
    expect(missing.status).toBe(401)
    expect(oidc.issuedCount).toBe(before)
    expect(server.calls.get('OIDC.GetIDToken', 'error')).toBeGreaterThanOrEqual(2)
  })

  it('refuses methods other than GET with 405', async () => {
    const response = await fetch(oidc.requestUrl(endpoint), {
      method: 'POST',
      headers: { authorization: `Bearer ${oidc.requestToken}` }
    })
    expect(response.status).toBe(405)
  })

  it('verify() refuses tampered tokens and tokens signed by another key', () => {
    const token = oidc.issueToken({ audience: 'sts.amazonaws.com' })
    const [header, , signature] = token.split('.')
    const forged = Buffer.from(
      JSON.stringify({ ...claimsOf(token), sub: 'repo:evil/repo:ref:refs/heads/main' })
    )
    expect(() => oidc.verify(`${header}.${forged.toString('base64url')}.${signature}`)).toThrow(
      OidcTokenError
    )
    expect(() => oidc.verify(new GitHubOidcService().issueToken())).toThrow(OidcTokenError)
    expect(() => oidc.verify('abc')).toThrow(OidcTokenError)
    expect(() => oidc.verify(`${header}.bm90IGpzb24.${signature}`)).toThrow(OidcTokenError)
  })
})

describe('the claims of each trigger, and the sub of a customized template', () => {
  const REPO = 'my-org/ops'
  const PINNED = ['repo', 'context', 'job_workflow_ref']

  afterEach(() => {
    oidc.setSubjectTemplate(REPO, { use_default: true })
    oidc.setTrigger({ kind: 'branch', branch: 'main' }, 'octo-org/octo-repo')
  })

  const claimsAfter = (trigger: Parameters<GitHubOidcService['setTrigger']>[0]): Record<string, unknown> => {
    oidc.setTrigger(trigger, REPO)
    return claimsOf(oidc.issueToken({ audience: 'sts.amazonaws.com' }))
  }

  it('gives every event that runs on the default branch the same default sub', () => {
    for (const event of [
      'push',
      'schedule',
      'workflow_dispatch',
      'pull_request_target',
      'issue_comment',
      'workflow_run'
    ] as const) {
      const claims = claimsAfter({ kind: 'branch', branch: 'main', event, workflow: 'any.yml' })
      expect({ event, sub: claims.sub, ref: claims.ref, event_name: claims.event_name }).toEqual({
        event,
        sub: `repo:${REPO}:ref:refs/heads/main`,
        ref: 'refs/heads/main',
        event_name: event
      })
    }
  })

  it('names the workflow file in workflow_ref and job_workflow_ref; a called reusable workflow in job_workflow_ref only', () => {
    expect(
      claimsAfter({
        kind: 'branch',
        branch: 'main',
        event: 'schedule',
        workflow: 'cloudtrail-partitions.yml'
      })
    ).toMatchObject({
      workflow_ref: `${REPO}/.github/workflows/cloudtrail-partitions.yml@refs/heads/main`,
      job_workflow_ref: `${REPO}/.github/workflows/cloudtrail-partitions.yml@refs/heads/main`,
      base_ref: '',
      head_ref: ''
    })
    const reusable = 'other-org/tools/.github/workflows/deploy.yml@refs/heads/main'
    expect(
      claimsAfter({ kind: 'branch', branch: 'main', event: 'push', workflow: 'ci.yml', calls: reusable })
    ).toMatchObject({
      workflow_ref: `${REPO}/.github/workflows/ci.yml@refs/heads/main`,
      job_workflow_ref: reusable
    })
    expect(claimsAfter({ kind: 'pull_request', number: 9, workflow: 'check-queries.yml' })).toMatchObject({
      sub: `repo:${REPO}:pull_request`,
      ref: 'refs/pull/9/merge',
      job_workflow_ref: `${REPO}/.github/workflows/check-queries.yml@refs/pull/9/merge`,
      base_ref: 'main',
      head_ref: 'feature'
    })
  })

  it('builds the sub from the repository template: key:value pairs in order, context as in the default form', () => {
    oidc.setSubjectTemplate(REPO, { use_default: false, include_claim_keys: PINNED })
    expect(
      claimsAfter({
        kind: 'branch',
        branch: 'main',
        event: 'schedule',
        workflow: 'cloudtrail-partitions.yml'
      }).sub
    ).toBe(
      `repo:${REPO}:ref:refs/heads/main:job_workflow_ref:${REPO}/.github/workflows/cloudtrail-partitions.yml@refs/heads/main`
    )
    expect(claimsAfter({ kind: 'pull_request', number: 3, workflow: 'check-queries.yml' }).sub).toBe(
      `repo:${REPO}:pull_request:job_workflow_ref:${REPO}/.github/workflows/check-queries.yml@refs/pull/3/merge`
    )
    // GitHub's documented example: a ':' inside a value becomes %3A.
    oidc.setSubjectTemplate(REPO, {
      use_default: false,
      include_claim_keys: ['environment', 'repository_owner']
    })
    expect(claimsAfter({ kind: 'environment', environment: 'production:eastus' }).sub).toBe(
      'environment:production%3Aeastus:repository_owner:my-org'
    )
    // Other repositories keep GitHub's default.
    oidc.setTrigger({ kind: 'branch', branch: 'main' }, 'my-org/other')
    expect(claimsOf(oidc.issueToken()).sub).toBe('repo:my-org/other:ref:refs/heads/main')
  })

  it("uses the organization's template only for repositories that opted in with use_default false", () => {
    oidc.setOrganizationSubjectTemplate('my-org', ['repository_owner', 'context'])
    expect(claimsAfter({ kind: 'branch', branch: 'main' }).sub).toBe(`repo:${REPO}:ref:refs/heads/main`)
    oidc.setSubjectTemplate(REPO, { use_default: false })
    expect(claimsAfter({ kind: 'branch', branch: 'main' }).sub).toBe(
      'repository_owner:my-org:ref:refs/heads/main'
    )
    oidc.setOrganizationSubjectTemplate('my-org', DEFAULT_CLAIM_KEYS)
  })

  it('serves PUT and GET /repos/{owner}/{repo}/actions/oidc/customization/sub as GitHub REST does', async () => {
    const url = `${endpoint}/repos/my-org/ops/actions/oidc/customization/sub`
    const headers = { authorization: 'Bearer ghp_admin', accept: 'application/vnd.github+json' }
    const put = await fetch(url, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ use_default: false, include_claim_keys: PINNED })
    })
    expect(put.status).toBe(201)
    expect(await put.json()).toEqual({})
    const get = await fetch(url, { headers })
    expect(await get.json()).toEqual({ use_default: false, include_claim_keys: PINNED })
    expect(oidc.claimKeysFor(REPO)).toEqual(PINNED)
    for (const body of [
      { include_claim_keys: PINNED },
      { use_default: false, include_claim_keys: ['job-ref'] },
      { use_default: false, include_claim_keys: ['repo', 'repo'] }
    ]) {
      const refused = await fetch(url, { method: 'PUT', headers, body: JSON.stringify(body) })
      expect(refused.status).toBe(422)
    }
    expect(oidc.claimKeysFor(REPO)).toEqual(PINNED)
    expect((await fetch(url, { method: 'PUT', body: '{}' })).status).not.toBe(201)
  })
})
