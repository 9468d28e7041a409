/**
 * STS sessions as AWS ends and narrows them, through the real SDK clients: credentials expire after
 * DurationSeconds (the stand-in's clock moves, no test waits) and every service then answers with its
 * own expired-token error; a session policy passed to AssumeRoleWithWebIdentity leaves the session
 * only what both it and the role's policies allow.
 */
import { AthenaClient, ListNamedQueriesCommand } from '@aws-sdk/client-athena'
import { GetTableCommand, GlueClient } from '@aws-sdk/client-glue'
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import type { AwsCredentialIdentity } from '@aws-sdk/types'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { cloudTrailTable, iamAccount, organizationBucket, WORLD, type IamAccount } from '../helpers/worlds.js'

const BUCKET = WORLD.bucket
const ROLE_POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: ['glue:GetTable', 's3:ListBucket'], Resource: '*' },
    { Effect: 'Allow', Action: 'athena:ListNamedQueries', Resource: '*' }
  ]
}

let standIn: StandIn
let world: IamAccount
const clients: { destroy(): void }[] = []

function track<T extends { destroy(): void }>(client: T): T {
  clients.push(client)
  return client
}

const config = (credentials: AwsCredentialIdentity) => ({
  endpoint: standIn.endpoint,
  region: WORLD.region,
  credentials,
  maxAttempts: 1
})

const assume = (extra: { DurationSeconds?: number; Policy?: string } = {}) => world.assume(extra)

type Failure = { name: string; message: string; $metadata: { httpStatusCode?: number } }

async function failure(promise: Promise<unknown>): Promise<Failure> {
  try {
    await promise
  } catch (error) {
    return error as Failure
  }
  throw new Error('expected the call to fail')
}

/** One call to each service, signed with `credentials` (made when called). */
function callEach(credentials: AwsCredentialIdentity): Record<string, () => Promise<unknown>> {
  return {
    S3: () =>
      track(new S3Client({ ...config(credentials), forcePathStyle: true })).send(
        new ListObjectsV2Command({ Bucket: BUCKET })
      ),
    Glue: () =>
      track(new GlueClient(config(credentials))).send(
        new GetTableCommand({ DatabaseName: 'security', Name: 'cloudtrail' })
      ),
    Athena: () => track(new AthenaClient(config(credentials))).send(new ListNamedQueriesCommand({})),
    STS: () => track(new STSClient(config(credentials))).send(new GetCallerIdentityCommand({}))
  }
}

beforeAll(async () => {
  standIn = await startStandIn()
  world = iamAccount(standIn, { policies: [ROLE_POLICY], maxSessionDurationSeconds: 7200 })
  const trail = organizationBucket(standIn, { ownerAccount: world.account })
  cloudTrailTable(standIn, trail.location, { catalogId: world.account })
})

afterEach(() => standIn.clock.reset())

afterAll(async () => {
  for (const client of clients) client.destroy()
  await standIn.close()
})

describe('session expiry', () => {
  it('ends a session after its DurationSeconds: each service answers with its own expired-token error', async () => {
    const credentials = await assume({ DurationSeconds: 900 })
    expect(credentials.expiration.getTime()).toBeGreaterThan(standIn.clock.now() + 899_000)
    expect(credentials.expiration.getTime()).toBeLessThanOrEqual(standIn.clock.now() + 900_000)

    standIn.clock.advance(899_000)
    await Promise.all(Object.values(callEach(credentials)).map((call) => call()))

    standIn.clock.advance(1_000)
    const answers = callEach(credentials)
    const seen: Record<string, [string, number | undefined, string]> = {}
    for (const [service, call] of Object.entries(answers)) {
      const error = await failure(call())
      seen[service] = [error.name, error.$metadata.httpStatusCode, error.message]
    }
    expect(seen).toEqual({
      S3: ['ExpiredToken', 400, 'The provided token has expired.'],
      Glue: ['ExpiredTokenException', 400, 'The security token included in the request is expired'],
      Athena: ['ExpiredTokenException', 400, 'The security token included in the request is expired'],
      STS: ['ExpiredToken', 403, 'The security token included in the request is expired']
    })
  })

  it('lasts an hour by default, and a new session works after the old one expired', async () => {
    const first = await assume()
    standIn.clock.advance(3_600_000)
    await expect(callEach(first).Glue!()).rejects.toMatchObject({ name: 'ExpiredTokenException' })
    const second = await assume()
    await expect(callEach(second).Glue!()).resolves.toBeDefined()
  })

  it('refuses to move the clock backwards', () => {
    expect(() => standIn.clock.advance(-1)).toThrow(/only moves forward/)
  })
})

describe('session policies', () => {
  const policy = (statements: object[]): string =>
    JSON.stringify({ Version: '2012-10-17', Statement: statements })

  it('leaves the session only what the session policy also allows', async () => {
    const credentials = await assume({
      Policy: policy([{ Effect: 'Allow', Action: ['glue:GetTable', 's3:GetObject'], Resource: '*' }])
    })
    const calls = callEach(credentials)
    await expect(calls.Glue!()).resolves.toBeDefined()
    const listing = await failure(calls.S3!())
    expect(listing).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } })
    expect(listing.message).toContain('because no session policy allows the s3:ListBucket action')
    // The session policy cannot grant what the role does not have.
    const read = await failure(
      track(new S3Client({ ...config(credentials), forcePathStyle: true })).send(
        new GetObjectCommand({ Bucket: BUCKET, Key: standIn.s3.keys(BUCKET, 'AWSLogs/')[0] })
      )
    )
    expect(read.message).toContain('because no identity-based policy allows the s3:GetObject action')
    expect(standIn.iam.denials.at(-1)).toMatchObject({ action: 's3:GetObject' })
  })

  it('lets an explicit deny in the session policy win over the role', async () => {
    const credentials = await assume({
      Policy: policy([
        { Effect: 'Allow', Action: '*', Resource: '*' },
        { Effect: 'Deny', Action: 'glue:GetTable', Resource: '*' }
      ])
    })
    const calls = callEach(credentials)
    await expect(calls.S3!()).resolves.toBeDefined()
    const error = await failure(calls.Glue!())
    expect(error).toMatchObject({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } })
    expect(error.message).toContain('with an explicit deny in a session policy')
  })

  it('refuses a malformed session policy, and one over 2,048 characters', async () => {
    await expect(assume({ Policy: '{"Version":' })).rejects.toMatchObject({
      name: 'MalformedPolicyDocumentException', // the wire code MalformedPolicyDocument, as the SDK names it
      $metadata: { httpStatusCode: 400 }
    })
    await expect(
      assume({
        Policy: policy([{ Effect: 'Allow', Action: 'glue:GetTable', Resource: '*', Sid: 'x'.repeat(2100) }])
      })
    ).rejects.toMatchObject({ name: 'ValidationError', message: expect.stringContaining("at 'policy'") })
  })
})
