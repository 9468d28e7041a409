/**
 * AWS for the command line: the SDK's default credential chain (environment keys, --profile or
 * AWS_PROFILE with SSO, role_arn and credential_process, container and instance roles), and the
 * region from --region, the environment, or the profile's configuration, as the AWS CLI finds it.
 */
import { GlueClient } from '@aws-sdk/client-glue'
import { fromNodeProviderChain } from '@aws-sdk/credential-providers'
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types'

export function chainCredentials(profile: string | undefined): AwsCredentialIdentityProvider {
  return fromNodeProviderChain(profile ? { profile } : {})
}

/** The region of the profile's configuration (AWS_REGION first, as the SDK reads it), if any. */
export async function configuredRegion(profile: string | undefined): Promise<string | undefined> {
  // A client's region provider is the SDK's own chain: environment, then shared config files.
  const client = new GlueClient(profile ? { profile } : {})
  try {
    return (await client.config.region()) || undefined
  } catch {
    return undefined
  } finally {
    client.destroy()
  }
}
