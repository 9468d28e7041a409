/**
 * Credentials: with `role-to-assume`, a GitHub OIDC ID token exchanged with STS
 * AssumeRoleWithWebIdentity (a fresh token on every refresh, since GitHub's tokens live minutes);
 * without it, the SDK's ambient chain (environment keys from configure-aws-credentials, profiles...).
 */
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types'
import { fromWebToken } from '@aws-sdk/credential-providers'
import { Inputs } from '../constants.js'
import { ConfigurationError } from '../errors.js'
import { withBackoff, type BackoffOptions } from './retry.js'
import type { CredentialSettings } from '../inputs.js'

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
  env: NodeJS.ProcessEnv = process.env,
  backoff: BackoffOptions = STS_BACKOFF
): AwsCredentialIdentityProvider | undefined {
  if (!settings.roleToAssume) return undefined
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new ConfigurationError(
      `Input '${Inputs.RoleToAssume}' is set, but this job cannot request a GitHub OIDC token. ` +
        `Add 'permissions: id-token: write' to the job (or workflow), or remove '${Inputs.RoleToAssume}' to use credentials from an earlier step.`
    )
  }
  // Each attempt fetches a fresh ID token: GitHub's tokens live minutes, and a rejected one is spent.
  const assume = async (): Promise<AwsCredentialIdentity> =>
    fromWebToken({
      roleArn: settings.roleToAssume,
      roleSessionName: settings.roleSessionName,
      durationSeconds: settings.roleDurationSeconds,
      webIdentityToken: await getIdToken(settings.audience),
      clientConfig: { region }
    })()
  return memoizeCredentials(async () => {
    try {
      return await withBackoff(assume, backoff, isTransientStsError)
    } catch (error) {
      const { name, message } = error as Error
      if (isTransientStsError(error)) {
        throw new Error(
          `Could not assume ${settings.roleToAssume} with GitHub OIDC after retries (${name}: ${message})`
        )
      }
      throw new ConfigurationError(
        `Could not assume ${settings.roleToAssume} with GitHub OIDC (${name}: ${message}). Check that the role trusts ` +
          `token.actions.githubusercontent.com for audience '${settings.audience}' and this repository's subject, ` +
          `and that '${Inputs.RoleDurationSeconds}' is within the role's maximum session duration.`
      )
    }
  })
}

/**
 * STS errors worth another try: AWS documents IDPCommunicationError as often transient (a 400 the
 * SDK does not retry); throttling, 5xx and network errors pass too. Trust-policy and validation
 * errors do not.
 */
export function isTransientStsError(error: unknown): boolean {
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } }
  if (/^IDPCommunicationError|Throttl/.test(name ?? '')) return true
  if (['TimeoutError', 'ECONNRESET', 'ECONNREFUSED'].includes(name ?? '')) return true
  return ($metadata?.httpStatusCode ?? 0) >= 500
}

/** Caches credentials until shortly before they expire; concurrent callers share one request. */
export function memoizeCredentials(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  let pending: Promise<AwsCredentialIdentity> | undefined
  let expiresAt = Number.POSITIVE_INFINITY
  return async () => {
    if (pending && Date.now() < expiresAt - REFRESH_MARGIN_MS) return pending
    expiresAt = Number.POSITIVE_INFINITY
    pending = provider().then(
      (credentials) => {
        expiresAt = credentials.expiration?.getTime() ?? Number.POSITIVE_INFINITY
        return credentials
      },
      (error: unknown) => {
        pending = undefined
        throw error
      }
    )
    return pending
  }
}
