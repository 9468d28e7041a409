/**
 * The command line's credentials: a profile the shared files do not have, or whose credentials
 * cannot be read, is the user's to fix and names --profile (or AWS_PROFILE when that chose it).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkProfile, chosenProfile, explainCredentialsError, profileNames } from '../../src/cli/aws.js'
import { ConfigurationError } from '../../src/vocabulary/errors.js'

let dir: string
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ctp-aws-'))
  await writeFile(
    join(dir, 'config'),
    '[default]\nregion = eu-west-1\n\n[profile audit]\nsso_session = corp\n\n  [ profile spaced ]\n' +
      '[sso-session corp]\nsso_region = eu-west-1\n\n[not-a-profile-in-config]\n'
  )
  await writeFile(join(dir, 'credentials'), '[keys-only]\naws_access_key_id = AKIA\n')
  env = { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') }
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

it('reads the profile names of the shared files as the SDK does', async () => {
  expect([...(await profileNames(env)).names].sort()).toEqual(['audit', 'default', 'keys-only', 'spaced'])
  expect(await profileNames({ HOME: dir, AWS_CONFIG_FILE: join(dir, 'none') })).toEqual({
    names: new Set(),
    unreadable: []
  })
})

it('names --profile, or AWS_PROFILE when that chose the profile', async () => {
  expect(chosenProfile('audit', { AWS_PROFILE: 'other' })).toEqual({
    name: 'audit',
    chosenBy: '--profile audit'
  })
  expect(chosenProfile(undefined, { AWS_PROFILE: 'other' })).toEqual({
    name: 'other',
    chosenBy: 'AWS_PROFILE=other'
  })
  expect(chosenProfile(undefined, {})).toBeUndefined()

  await expect(checkProfile({ name: 'audit', chosenBy: '--profile audit' }, env)).resolves.toBeUndefined()
  const missing = checkProfile(chosenProfile(undefined, { AWS_PROFILE: 'no-such' })!, env)
  await expect(missing).rejects.toThrow(ConfigurationError)
  await expect(missing).rejects.toThrow(
    `AWS_PROFILE=no-such: no such profile in ${join(dir, 'config')} or ${join(dir, 'credentials')} ` +
      '(profiles there: audit, default, keys-only, spaced).'
  )
})

it('says when a shared file is there but cannot be read', async () => {
  // A folder where the file should be: reading it fails as an unreadable file does (EISDIR).
  const unreadable = { ...env, AWS_SHARED_CREDENTIALS_FILE: dir }
  await expect(
    checkProfile({ name: 'keys-only', chosenBy: '--profile keys-only' }, unreadable)
  ).rejects.toThrow(
    `--profile keys-only: no such profile in ${join(dir, 'config')} or ${dir} (profiles there: audit, ` +
      `default, spaced; cannot read ${dir} (EISDIR)). Make the files readable to you, or name a profile of them.`
  )
})

it("turns the credential chain's failures into the user's to fix, and leaves other errors alone", () => {
  const failure = Object.assign(new Error('Token is expired. To refresh run aws sso login.'), {
    name: 'CredentialsProviderError'
  })
  const withProfile = explainCredentialsError(failure, { name: 'audit', chosenBy: '--profile audit' })
  expect(withProfile).toBeInstanceOf(ConfigurationError)
  expect((withProfile as Error).message).toMatch(
    /^--profile audit: the profile's credentials could not be read \(Token is expired\..*aws sso login --profile audit\.$/
  )
  expect((explainCredentialsError(failure, undefined) as Error).message).toMatch(
    /^No AWS credentials found \(.*\)\. Give --profile NAME \(or set AWS_PROFILE\)/
  )
  const denied = Object.assign(new Error('no'), { name: 'AccessDenied' })
  expect(explainCredentialsError(denied, undefined)).toBe(denied)
})
