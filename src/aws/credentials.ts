/**
 * Credentials: with `role-to-assume`, a GitHub OIDC ID token exchanged with STS
 * AssumeRoleWithWebIdentity (a fresh token on every refresh, since GitHub's tokens live minutes);
 * without it, the SDK's ambient chain (environment keys from configure-aws-credentials, profiles...).
 */
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types'
import { fromWebToken } from '@aws-sdk/credential-providers'
import { Inputs } from '../constants.js'
import { ConfigurationError } from '../errors.js'
import type { CredentialSettings } from '../inputs.js'

/** Fetches a GitHub ID token for an audience (core.getIDToken in the action). */
export type IdTokenSource = (audience: string) => Promise<string>

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
  env: NodeJS.ProcessEnv = process.env
): AwsCredentialIdentityProvider | undefined {
  if (!settings.roleToAssume) return undefined
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new ConfigurationError(
      `Input '${Inputs.RoleToAssume}' is set, but this job cannot request a GitHub OIDC token. ` +
        `Add 'permissions: id-token: write' to the job (or workflow), or remove '${Inputs.RoleToAssume}' to use credentials from an earlier step.`
    )
  }
  return memoizeCredentials(async () => {
    const token = await getIdToken(settings.audience)
    try {
      return await fromWebToken({
        roleArn: settings.roleToAssume,
        roleSessionName: settings.roleSessionName,
        durationSeconds: settings.roleDurationSeconds,
        webIdentityToken: token,
        clientConfig: { region }
      })()
    } catch (error) {
      const { name, message } = error as Error
      throw new ConfigurationError(
        `Could not assume ${settings.roleToAssume} with GitHub OIDC (${name}: ${message}). Check that the role trusts ` +
          `token.actions.githubusercontent.com for audience '${settings.audience}' and this repository's subject, ` +
          `and that '${Inputs.RoleDurationSeconds}' is within the role's maximum session duration.`
      )
    }
  })
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
