/**
 * AWS for the command line: the SDK's default credential chain (environment keys, --profile or
 * AWS_PROFILE with SSO, role_arn and credential_process, container and instance roles), and the
 * region from --region, the environment, or the profile's configuration, as the AWS CLI finds it.
 * A profile that is not there, or whose credentials cannot be read, is the user's to fix: it is a
 * ConfigurationError naming --profile (or AWS_PROFILE, when that chose it), never the SDK's bare
 * CredentialsProviderError.
 */
import { GlueClient } from '@aws-sdk/client-glue'
import { fromNodeProviderChain } from '@aws-sdk/credential-providers'
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types'
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { ConfigurationError } from '../vocabulary/errors.js'
import { logText } from '../vocabulary/escape.js'

/** The profile the SDK will use, and what chose it. */
export interface ChosenProfile {
  name: string
  /** `--profile audit` or `AWS_PROFILE=audit`: how a message names it. */
  chosenBy: string
}

export function chosenProfile(flag: string | undefined, env: NodeJS.ProcessEnv): ChosenProfile | undefined {
  if (flag !== undefined) return { name: flag, chosenBy: `--profile ${logText(flag)}` }
  if (env.AWS_PROFILE) return { name: env.AWS_PROFILE, chosenBy: `AWS_PROFILE=${logText(env.AWS_PROFILE)}` }
  return undefined
}

/** The shared config and credentials files, where the SDK looks for them. */
function sharedFiles(env: NodeJS.ProcessEnv): { config: string; credentials: string } {
  const home = env.HOME || homedir()
  return {
    config: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'),
    credentials: env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials')
  }
}

/** The sections of an ini file; a missing file has none, a file that cannot be read says why. */
async function iniSections(path: string): Promise<{ sections: string[]; unreadable?: string }> {
  try {
    const text = await readFile(path, 'utf8')
    return {
      sections: [...text.matchAll(/^[ \t]*\[([^\]\r\n]*)\]/gm)].map((match) => (match[1] ?? '').trim())
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'ENOENT' ? { sections: [] } : { sections: [], unreadable: code ?? String(error) }
  }
}

/**
 * Profile names of the shared files: `[default]` and `[profile NAME]` in config, `[NAME]` in
 * credentials (other sections, such as `[sso-session NAME]`, are no profiles); and the files that
 * exist but cannot be read, with why.
 */
export async function profileNames(
  env: NodeJS.ProcessEnv
): Promise<{ names: Set<string>; unreadable: string[] }> {
  const files = sharedFiles(env)
  const names = new Set<string>()
  const unreadable: string[] = []
  const config = await iniSections(files.config)
  for (const section of config.sections) {
    const profile = /^profile\s+(.+)$/.exec(section)?.[1]
    if (profile) names.add(profile.trim())
    else if (section === 'default') names.add(section)
  }
  const credentials = await iniSections(files.credentials)
  for (const section of credentials.sections) if (section) names.add(section)
  if (config.unreadable) unreadable.push(`${files.config} (${config.unreadable})`)
  if (credentials.unreadable) unreadable.push(`${files.credentials} (${credentials.unreadable})`)
  return { names, unreadable }
}

/**
 * Refuses a profile the shared files do not have, before anything else reads it (the region lookup
 * would silently find none, and the SDK would go on to other sources, an instance role included).
 */
export async function checkProfile(profile: ChosenProfile, env: NodeJS.ProcessEnv): Promise<void> {
  const { names, unreadable } = await profileNames(env)
  if (names.has(profile.name)) return
  const files = sharedFiles(env)
  const known = [...names].sort()
  const found = known.length ? `profiles there: ${known.map(logText).join(', ')}` : 'no profiles there'
  const why = unreadable.length ? `; cannot read ${unreadable.map(logText).join(' and ')}` : ''
  throw new ConfigurationError([
    `${profile.chosenBy}: no such profile in ${files.config} or ${files.credentials} (${found}${why}). ` +
      (unreadable.length
        ? 'Make the files readable to you, or name a profile of them.'
        : 'Name a profile of those files, or create it with aws configure --profile NAME (or aws configure sso).')
  ])
}

/**
 * The SDK's chain, with its failures put in the user's terms: which profile could not give
 * credentials and what to do. Other errors pass unchanged.
 */
export function chainCredentials(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env
): AwsCredentialIdentityProvider {
  const chain = fromNodeProviderChain(flag !== undefined ? { profile: flag } : {})
  const profile = chosenProfile(flag, env)
  return async (options) => {
    try {
      return await chain(options)
    } catch (error) {
      throw explainCredentialsError(error, profile)
    }
  }
}

/** The credential chain's own errors (CredentialsProviderError, TokenProviderError) as the user's to fix. */
export function explainCredentialsError(error: unknown, profile: ChosenProfile | undefined): unknown {
  const { name, message } = error as { name?: string; message?: string }
  if (name !== 'CredentialsProviderError' && name !== 'TokenProviderError') return error
  const why = logText(message ?? name)
  if (profile) {
    return new ConfigurationError([
      `${profile.chosenBy}: the profile's credentials could not be read (${why}). Check the profile ` +
        `(aws configure list --profile ${logText(profile.name)}); for SSO, sign in again with ` +
        `aws sso login --profile ${logText(profile.name)}.`
    ])
  }
  return new ConfigurationError([
    `No AWS credentials found (${why}). Give --profile NAME (or set AWS_PROFILE), or set ` +
      'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.'
  ])
}

/** Resolves the credentials once, before the first AWS call: a failure stops the run before any work. */
export async function resolveCredentials(credentials: AwsCredentialIdentityProvider): Promise<void> {
  await credentials()
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
