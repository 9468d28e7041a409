/**
 * Credentials: with `role-to-assume`, a GitHub OIDC ID token exchanged with STS
 * AssumeRoleWithWebIdentity (a fresh token on every refresh, since GitHub's tokens live minutes);
 * without it, the SDK's ambient chain (environment keys from configure-aws-credentials, profiles...).
 */
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types'
import { fromWebToken } from '@aws-sdk/credential-providers'
import { Inputs } from '../vocabulary/constants.js'
import { ConfigurationError } from '../vocabulary/errors.js'
import type { Logger } from '../vocabulary/logger.js'
import { withBackoff, type BackoffOptions } from './retry.js'

export interface CredentialSettings {
  /** Empty: use the ambient credential chain. */
  roleToAssume: string
  roleSessionName: string
  roleDurationSeconds: number
  audience: string
}

/** Fetches a GitHub ID token for an audience (core.getIDToken in the action). */
export type IdTokenSource = (audience: string) => Promise<string>

/** As configure-aws-credentials does, a few quick tries for STS's transient errors. */
const STS_BACKOFF: BackoffOptions = { attempts: 4, baseMs: 500, maxMs: 4000 }

/** Refresh this long before the credentials expire. */
const REFRESH_MARGIN_MS = 5 * 60_000

/**
 * Undefined for the ambient chain; otherwise a shared, memoized web-identity provider, so every
 * client of the run uses one role session until it nears expiry.
 */
export function credentialsFor(
  settings: CredentialSettings,
  region: string,
  getIdToken: IdTokenSource,
  logger: Logger,
  { env = process.env, backoff = STS_BACKOFF }: { env?: NodeJS.ProcessEnv; backoff?: BackoffOptions } = {}
): AwsCredentialIdentityProvider | undefined {
  if (!settings.roleToAssume) return undefined
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new ConfigurationError(
      `Input '${Inputs.RoleToAssume}' is set, but this job cannot request a GitHub OIDC token. ` +
        `Add 'permissions: id-token: write' to the job (or workflow), or remove '${Inputs.RoleToAssume}' to use credentials from an earlier step.`
    )
  }
  // Each attempt fetches a fresh ID token: GitHub's tokens live minutes, and a rejected one is spent.
  const assume = async (): Promise<AwsCredentialIdentity> => {
    let webIdentityToken: string
    try {
      webIdentityToken = await getIdToken(settings.audience)
    } catch (error) {
      throw new IdTokenError(error)
    }
    return fromWebToken({
      roleArn: settings.roleToAssume,
      roleSessionName: settings.roleSessionName,
      durationSeconds: settings.roleDurationSeconds,
      webIdentityToken,
      clientConfig: { region }
    })()
  }
  return memoizeCredentials(async () => {
    try {
      return await withBackoff(
        assume,
        { operation: 'STS.AssumeRoleWithWebIdentity', logger },
        backoff,
        isTransientStsError
      )
    } catch (error) {
      throw explainAssumeRoleFailure(error, settings, region)
    }
  })
}

/** GitHub did not give us an ID token: nothing to do with AWS or the role's trust policy. */
class IdTokenError extends Error {
  constructor(cause: unknown) {
    super((cause as Error).message, { cause })
    this.name = 'IdTokenError'
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'TimeoutError'
])

/** A request that never got an answer from AWS: DNS, connection, timeout. */
export function isNetworkError(error: unknown): boolean {
  const { name, code } = error as { name?: string; code?: string }
  return NETWORK_CODES.has(name ?? '') || NETWORK_CODES.has(code ?? '')
}

/**
 * Why the role could not be assumed, in terms of what to fix. Only STS's AccessDenied is about the
 * role's trust policy; a bad or expired token, the OIDC provider, the session duration, the
 * network and GitHub's token endpoint each say what they are.
 */
export function explainAssumeRoleFailure(
  error: unknown,
  settings: CredentialSettings,
  region: string
): Error {
  const role = settings.roleToAssume
  if (error instanceof IdTokenError) {
    return new Error(
      `Could not get a GitHub OIDC token for audience '${settings.audience}' (${error.message}); ` +
        `GitHub's token service failed, so ${role} was not tried. A rerun usually succeeds.`
    )
  }
  const { name = 'Error', message = '' } = error as { name?: string; message?: string }
  const code = (error as { code?: string }).code
  const what = `Could not assume ${role} with GitHub OIDC (${name}: ${message}).`
  if (isNetworkError(error)) {
    return new Error(
      `Could not reach STS to assume ${role} (${code ?? name}: ${message}): a network or endpoint problem ` +
        `(runner network, proxy, AWS_ENDPOINT_URL, region '${region}'), not a permission one.`
    )
  }
  if (isTransientStsError(error)) {
    return new Error(`Could not assume ${role} with GitHub OIDC after retries (${name}: ${message})`)
  }
  if (/^AccessDenied/.test(name)) {
    return new ConfigurationError(
      `${what} The role's trust policy does not admit this workflow's token: check its conditions on ` +
        `token.actions.githubusercontent.com:sub (this repository, and the branch, pull_request or environment ` +
        `the job runs for; with the repository's customized subject, also the workflow file: only that ` +
        `file's runs on the default branch may assume the sync and publish-queries roles) and :aud ` +
        `('${settings.audience}'), and that its Federated principal is this account's OIDC provider.`
    )
  }
  if (/^InvalidIdentityToken/.test(name)) {
    return new ConfigurationError(
      `${what} IAM could not validate the GitHub token against an OIDC provider: the role's account needs the ` +
        `provider token.actions.githubusercontent.com, with '${settings.audience}' among its audiences ` +
        `(input '${Inputs.Audience}').`
    )
  }
  if (/^ExpiredToken/.test(name)) {
    return new Error(
      `${what} The GitHub OIDC token had expired when STS checked it (is the runner's clock right?); ` +
        `a rerun gets a fresh token.`
    )
  }
  if (/^IDPRejectedClaim/.test(name)) {
    return new ConfigurationError(
      `${what} IAM rejected a claim of the GitHub token; check the OIDC provider.`
    )
  }
  if (/MaxSessionDuration|DurationSeconds/.test(message)) {
    return new ConfigurationError(
      `${what} Lower '${Inputs.RoleDurationSeconds}' (now ${settings.roleDurationSeconds}) to at most the role's ` +
        `maximum session duration, or raise that maximum.`
    )
  }
  if (/^RegionDisabled/.test(name)) {
    return new ConfigurationError(`${what} Activate STS in region '${region}' (IAM account settings).`)
  }
  if (name === 'ValidationError') {
    return new ConfigurationError(`${what} Check '${Inputs.RoleToAssume}' and '${Inputs.RoleSessionName}'.`)
  }
  return new Error(what)
}

/**
 * STS errors worth another try: AWS documents IDPCommunicationError as often transient (a 400 the
 * SDK does not retry); throttling, 5xx and network errors pass too. Trust-policy and validation
 * errors do not.
 */
export function isTransientStsError(error: unknown): boolean {
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } }
  if (/^IDPCommunicationError|Throttl/.test(name ?? '')) return true
  if (isNetworkError(error)) return true
  return ($metadata?.httpStatusCode ?? 0) >= 500
}

/**
 * A provider the clients can tell that AWS found its credentials expired (a clock that disagrees
 * with AWS's, a session cut short): the next call assumes the role again, with a fresh ID token.
 */
export interface RefreshableCredentials extends AwsCredentialIdentityProvider {
  /** Counts the sessions fetched: a call notes it before it starts. */
  readonly generation: number
  /**
   * Forgets the session of `generation` (default: the current one). Calls that started before a
   * newer session was fetched do not throw the newer one away.
   */
  expire(generation?: number): void
}

export function isRefreshable(
  provider: AwsCredentialIdentityProvider | undefined
): provider is RefreshableCredentials {
  return typeof (provider as Partial<RefreshableCredentials> | undefined)?.expire === 'function'
}

/**
 * Caches credentials until shortly before they expire; concurrent callers share one request. The
 * SDK caches what it is given by its `expiration` too: the credentials handed out report an
 * expiration in the past once expired, so every client asks again.
 */
export function memoizeCredentials(provider: AwsCredentialIdentityProvider): RefreshableCredentials {
  let pending: Promise<AwsCredentialIdentity> | undefined
  let expiresAt = Number.POSITIVE_INFINITY
  let generation = 0
  let expireCurrent: (() => void) | undefined
  const memoized = async (): Promise<AwsCredentialIdentity> => {
    if (pending && Date.now() < expiresAt - REFRESH_MARGIN_MS) return pending
    expiresAt = Number.POSITIVE_INFINITY
    generation += 1
    expireCurrent = undefined
    pending = provider().then(
      (credentials) => {
        expiresAt = credentials.expiration?.getTime() ?? Number.POSITIVE_INFINITY
        let expired = false
        expireCurrent = () => (expired = true)
        const { expiration } = credentials
        return {
          ...credentials,
          get expiration() {
            return expired ? new Date(0) : expiration
          }
        }
      },
      (error: unknown) => {
        pending = undefined
        throw error
      }
    )
    return pending
  }
  return Object.defineProperties(
    Object.assign(memoized, {
      expire(of: number = generation): void {
        if (of !== generation) return
        expiresAt = Number.NEGATIVE_INFINITY
        expireCurrent?.()
      }
    }),
    { generation: { get: () => generation } }
  ) as RefreshableCredentials
}
