/**
 * The stand-in's STS through the real STSClient and through `fromWebToken`: the parameter limits of
 * AssumeRoleWithWebIdentity at their boundaries, the token checks, the error shapes, and
 * GetCallerIdentity proving which credentials signed a call.
 */
import {
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  STSClient,
  STSServiceException,
  type AssumeRoleWithWebIdentityCommandInput
} from '@aws-sdk/client-sts'
import { fromWebToken } from '@aws-sdk/credential-providers'
import { XMLParser } from 'fast-xml-parser'
import { GitHubOidcService } from '../../stand-in/oidc.js'
import { StandInServer } from '../../stand-in/server.js'
import { StsService } from '../../stand-in/sts.js'
import { serving } from '../helpers/worlds.js'

const ROLE = 'arn:aws:iam::111122223333:role/cloudtrail-partitions'
const oidc = new GitHubOidcService()
const sts = new StsService(oidc)
const served = serving(new StandInServer().register(oidc).register(sts))
const server = served.server
let endpoint: string
let client: STSClient

async function failure(promise: Promise<unknown>): Promise<STSServiceException> {
  try {
    await promise
  } catch (error) {
    return error as STSServiceException
  }
  throw new Error('expected the call to fail')
}

function assume(overrides: Partial<AssumeRoleWithWebIdentityCommandInput> = {}) {
  return client.send(
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: ROLE,
      RoleSessionName: 'GitHubActions',
      WebIdentityToken: oidc.issueToken({ audience: 'sts.amazonaws.com' }),
      ...overrides
    })
  )
}

/** A raw query-protocol call, to see the wire format the SDK parses. */
async function rawCall(
  params: Record<string, string>
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams({ Version: '2011-06-15', ...params }).toString()
  })
  return {
    status: response.status,
    body: new XMLParser().parse(await response.text()) as Record<string, unknown>
  }
}

beforeAll(() => {
  endpoint = served.endpoint
  client = served.client(STSClient)
})

beforeEach(() => {
  server.knobs.reset()
  server.calls.reset()
  sts.maxSessionDurationSeconds = 3600
  sts.expectedAudience = 'sts.amazonaws.com'
  sts.providerAudiences = ['sts.amazonaws.com']
  sts.trust = () => true
})

describe('AssumeRoleWithWebIdentity', () => {
  it('issues session credentials for a GitHub token and records them', async () => {
    const started = Date.now()
    const result = await assume({ DurationSeconds: 900 })
    const credentials = result.Credentials!
    expect(credentials.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/)
    expect(credentials.SecretAccessKey).toHaveLength(40)
    expect(credentials.SessionToken!.length).toBeGreaterThan(100)
    expect(credentials.Expiration!.getTime() - started).toBeGreaterThanOrEqual(899_000)
    expect(credentials.Expiration!.getTime() - started).toBeLessThanOrEqual(905_000)
    expect(result.AssumedRoleUser).toEqual({
      Arn: 'arn:aws:sts::111122223333:assumed-role/cloudtrail-partitions/GitHubActions',
      AssumedRoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}:GitHubActions$/)
    })
    expect(result.SubjectFromWebIdentityToken).toBe('repo:octo-org/octo-repo:ref:refs/heads/main')
    expect(result.Provider).toBe(
      'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com'
    )
    expect(result.Audience).toBe('sts.amazonaws.com')
    expect(sts.isIssued(credentials.AccessKeyId!)).toBe(true)
    expect(sts.issued.at(-1)).toMatchObject({
      accessKeyId: credentials.AccessKeyId,
      roleArn: ROLE,
      sessionName: 'GitHubActions',
      subject: 'repo:octo-org/octo-repo:ref:refs/heads/main',
      durationSeconds: 900
    })
  })

  it('answers in the query-protocol XML shape', async () => {
    const { status, body } = await rawCall({
      Action: 'AssumeRoleWithWebIdentity',
      RoleArn: ROLE,
      RoleSessionName: 'raw',
      WebIdentityToken: oidc.issueToken({ audience: 'sts.amazonaws.com' })
    })
    expect(status).toBe(200)
    const response = body.AssumeRoleWithWebIdentityResponse as Record<string, Record<string, unknown>>
    expect(Object.keys(response.AssumeRoleWithWebIdentityResult!)).toEqual([
      'Credentials',
      'SubjectFromWebIdentityToken',
      'AssumedRoleUser',
      'Provider',
      'Audience'
    ])
    expect(response.ResponseMetadata!.RequestId).toMatch(/\S/)
    expect(
      (response.AssumeRoleWithWebIdentityResult!.Credentials as Record<string, string>).Expiration
    ).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  })

  it('DurationSeconds: 899 refused, 900 accepted, 43200 accepted with a 12-hour role, 43201 refused', async () => {
    const low = await failure(assume({ DurationSeconds: 899 }))
    expect([low.name, low.$metadata.httpStatusCode]).toEqual(['ValidationError', 400])
    expect(low.message).toBe(
      "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"
    )
    expect((await assume({ DurationSeconds: 900 })).Credentials).toBeDefined()
    sts.maxSessionDurationSeconds = 43200
    expect((await assume({ DurationSeconds: 43200 })).Credentials).toBeDefined()
    const high = await failure(assume({ DurationSeconds: 43201 }))
    expect([high.name, high.$metadata.httpStatusCode]).toEqual(['ValidationError', 400])
    expect(high.message).toMatch(/Value '43201' at 'durationSeconds' .* less than or equal to 43200$/)
  })

  it('refuses DurationSeconds above the role MaxSessionDuration', async () => {
    expect((await assume({ DurationSeconds: 3600 })).Credentials).toBeDefined()
    const error = await failure(assume({ DurationSeconds: 3601 }))
    expect([error.name, error.$metadata.httpStatusCode, error.message]).toEqual([
      'ValidationError',
      400,
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'
    ])
  })

  it('RoleSessionName: 1 character refused, 2 and 64 accepted, 65 refused, spaces refused', async () => {
    const short = await failure(assume({ RoleSessionName: 'a' }))
    expect([short.name, short.$metadata.httpStatusCode]).toEqual(['ValidationError', 400])
    expect(short.message).toContain(
      "at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2"
    )
    expect((await assume({ RoleSessionName: 'ab' })).AssumedRoleUser?.Arn).toMatch(/\/ab$/)
    expect((await assume({ RoleSessionName: 'x'.repeat(64) })).Credentials).toBeDefined()
    const long = await failure(assume({ RoleSessionName: 'x'.repeat(65) }))
    expect(long.message).toContain('Member must have length less than or equal to 64')
    const spaced = await failure(assume({ RoleSessionName: 'has space' }))
    expect(spaced.message).toContain('Member must satisfy regular expression pattern: [\\w+=,.@-]*')
    expect((await assume({ RoleSessionName: 'a_b+c=d,e.f@g-h' })).Credentials).toBeDefined()
  })

  it('reports every violated constraint in one ValidationError', async () => {
    const error = await failure(assume({ RoleSessionName: 'a', DurationSeconds: 100, RoleArn: 'arn:short' }))
    expect(error.message).toMatch(
      /^3 validation errors detected: Value 'arn:short' at 'roleArn' .*; Value 'a' .*; Value '100' .*$/
    )
  })

  it('checks RoleArn length (20..2048) and that it is an IAM role ARN', async () => {
    const user = await failure(assume({ RoleArn: 'arn:aws:iam::111122223333:user/someone' }))
    expect([user.name, user.message]).toEqual(['ValidationError', 'Request ARN is invalid'])
    const long = await failure(assume({ RoleArn: `arn:aws:iam::111122223333:role/${'r'.repeat(2048)}` }))
    expect(long.message).toContain('Member must have length less than or equal to 2048')
    const withPath = await assume({ RoleArn: 'arn:aws:iam::111122223333:role/service/sync-role' })
    expect(withPath.AssumedRoleUser?.Arn).toBe(
      'arn:aws:sts::111122223333:assumed-role/sync-role/GitHubActions'
    )
  })

  it('checks WebIdentityToken length (4..20000) before anything else about the token', async () => {
    const short = await failure(assume({ WebIdentityToken: 'abc' }))
    expect([short.name, short.message]).toEqual([
      'ValidationError',
      "1 validation error detected: Value at 'webIdentityToken' failed to satisfy constraint: Member must have length greater than or equal to 4"
    ])
    const long = await failure(assume({ WebIdentityToken: 'a'.repeat(20001) }))
    expect(long.message).toContain('less than or equal to 20000')
  })

  it('refuses a token this issuer did not sign with 400 InvalidIdentityToken', async () => {
    const foreign = new GitHubOidcService().issueToken({ audience: 'sts.amazonaws.com' })
    const error = await failure(assume({ WebIdentityToken: foreign }))
    // The wire code is InvalidIdentityToken (awsQueryError); the SDK maps it to the modeled exception.
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['InvalidIdentityTokenException', 400])
    const raw = await rawCall({
      Action: 'AssumeRoleWithWebIdentity',
      RoleArn: ROLE,
      RoleSessionName: 'raw',
      WebIdentityToken: foreign
    })
    expect((raw.body.ErrorResponse as { Error: Record<string, string> }).Error.Code).toBe(
      'InvalidIdentityToken'
    )
    const garbage = await failure(assume({ WebIdentityToken: 'not-a-jwt-at-all' }))
    expect(garbage.name).toBe('InvalidIdentityTokenException')
    const otherIssuer = oidc.issueToken({
      audience: 'sts.amazonaws.com',
      claims: { iss: 'https://example.com' }
    })
    const unknown = await failure(assume({ WebIdentityToken: otherIssuer }))
    expect([unknown.name, unknown.message]).toEqual([
      'InvalidIdentityTokenException',
      'No OpenIDConnect provider found in your account for https://example.com'
    ])
  })

  it('refuses an expired token with 400 ExpiredTokenException', async () => {
    const expired = oidc.issueToken({
      audience: 'sts.amazonaws.com',
      issuedAt: Math.floor(Date.now() / 1000) - 600,
      lifetimeSeconds: 300
    })
    const error = await failure(assume({ WebIdentityToken: expired }))
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['ExpiredTokenException', 400])
    expect(error.message).toMatch(
      /^Token expired: current date\/time \d+ must be before the expiration date\/time \d+$/
    )
  })

  it('refuses an audience the OIDC provider does not list with 400 InvalidIdentityToken "Incorrect token audience"', async () => {
    const error = await failure(
      assume({ WebIdentityToken: oidc.issueToken({ audience: 'https://github.com/octo-org' }) })
    )
    expect([error.name, error.$metadata.httpStatusCode, error.message]).toEqual([
      'InvalidIdentityTokenException',
      400,
      'Incorrect token audience'
    ])
  })

  it('refuses a token the trust policy does not accept (audience or subject) with 403 AccessDenied', async () => {
    // The provider lists both audiences; the role trusts only sts.amazonaws.com.
    sts.providerAudiences = ['sts.amazonaws.com', 'https://github.com/octo-org']
    const audience = await failure(
      assume({ WebIdentityToken: oidc.issueToken({ audience: 'https://github.com/octo-org' }) })
    )
    expect([audience.name, audience.$metadata.httpStatusCode, audience.message]).toEqual([
      'AccessDenied',
      403,
      'Not authorized to perform sts:AssumeRoleWithWebIdentity'
    ])
    sts.trust = (claims) => claims.sub === 'repo:octo-org/octo-repo:ref:refs/heads/release'
    const subject = await failure(assume())
    expect([subject.name, subject.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403])
  })

  it('renders errors as <ErrorResponse><Error><Type>Sender</Type>...', async () => {
    const { status, body } = await rawCall({
      Action: 'AssumeRoleWithWebIdentity',
      RoleArn: ROLE,
      RoleSessionName: 'x',
      WebIdentityToken: oidc.issueToken({ audience: 'sts.amazonaws.com' })
    })
    expect(status).toBe(400)
    const response = body.ErrorResponse as { Error: Record<string, string>; RequestId: string }
    expect(response.Error.Type).toBe('Sender')
    expect(response.Error.Code).toBe('ValidationError')
    expect(response.RequestId).toMatch(/\S/)
  })
})

describe('fromWebToken and GetCallerIdentity', () => {
  it('fromWebToken (nested STS client) gets credentials whose calls GetCallerIdentity attributes to the role', async () => {
    const credentials = fromWebToken({
      roleArn: ROLE,
      roleSessionName: 'sync-run-1',
      durationSeconds: 900,
      webIdentityToken: oidc.issueToken({ audience: 'sts.amazonaws.com' }),
      clientConfig: { endpoint, region: 'eu-central-1' }
    })
    const federated = new STSClient({ endpoint, region: 'eu-central-1', credentials })
    const identity = await federated.send(new GetCallerIdentityCommand({}))
    federated.destroy()
    expect(identity.Arn).toBe('arn:aws:sts::111122223333:assumed-role/cloudtrail-partitions/sync-run-1')
    expect(identity.Account).toBe('111122223333')
    const signers = [...(server.signers.get('STS.GetCallerIdentity') ?? [])]
    expect(signers.filter((key) => sts.isIssued(key))).toHaveLength(1)
  })

  it('fromWebToken surfaces the STS refusal', async () => {
    const credentials = fromWebToken({
      roleArn: ROLE,
      roleSessionName: 's',
      webIdentityToken: oidc.issueToken({ audience: 'sts.amazonaws.com' }),
      clientConfig: { endpoint, region: 'eu-central-1' }
    })
    await expect(credentials()).rejects.toMatchObject({ name: 'ValidationError' })
  })

  it('attributes ambient keys to a fixed user, and refuses unknown session keys', async () => {
    const ambient = await client.send(new GetCallerIdentityCommand({}))
    expect(ambient.Arn).toBe('arn:aws:iam::123456789012:user/stand-in')
    const stranger = new STSClient({
      endpoint,
      region: 'eu-central-1',
      credentials: { accessKeyId: 'ASIANOTISSUEDBYSTS00', secretAccessKey: 's', sessionToken: 't' }
    })
    const error = await failure(stranger.send(new GetCallerIdentityCommand({})))
    stranger.destroy()
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['InvalidClientTokenId', 403])
  })
})

describe('knobs', () => {
  it('throttles with 400 Throttling "Rate exceeded", which the SDK retries', async () => {
    server.knobs.setThrottle('STS.GetCallerIdentity', { ratePerSecond: 0.001, burst: 1 })
    await rawCall({ Action: 'GetCallerIdentity' })
    const { status, body } = await rawCall({ Action: 'GetCallerIdentity' })
    expect(status).toBe(400)
    expect((body.ErrorResponse as { Error: Record<string, string> }).Error).toMatchObject({
      Code: 'Throttling',
      Message: 'Rate exceeded'
    })
    server.knobs.setThrottle('STS.GetCallerIdentity', { ratePerSecond: 20, burst: 1 })
    const patient = new STSClient({
      endpoint,
      region: 'eu-central-1',
      maxAttempts: 10,
      credentials: { accessKeyId: 'AKIAX', secretAccessKey: 's' }
    })
    await Promise.all(Array.from({ length: 4 }, () => patient.send(new GetCallerIdentityCommand({}))))
    patient.destroy()
    expect(server.calls.get('STS.GetCallerIdentity', 'throttled')).toBeGreaterThan(1)
  })

  it('answers an injected failure with 500 InternalFailure (Receiver), which the SDK retries', async () => {
    server.knobs.failNext('STS.AssumeRoleWithWebIdentity', 1)
    const result = await assume()
    expect(result.$metadata.attempts).toBe(2)
    server.knobs.failNext('STS.AssumeRoleWithWebIdentity', 1)
    const { status, body } = await rawCall({ Action: 'AssumeRoleWithWebIdentity' })
    expect(status).toBe(500)
    expect((body.ErrorResponse as { Error: Record<string, string> }).Error).toMatchObject({
      Type: 'Receiver',
      Code: 'InternalFailure'
    })
  })

  it('does not claim requests that are not STS actions', async () => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=DescribeInstances&Version=2016-11-15'
    })
    expect(response.status).toBe(400)
    expect(await response.text()).toMatch(/does not serve/)
    expect(server.calls.get('STS.*')).toBe(0)
  })
})
