import {
  credentialsFor,
  explainAssumeRoleFailure,
  isTransientStsError,
  memoizeCredentials
} from '../../src/aws/credentials.js'
import { createClients, explainAwsError } from '../../src/aws/clients.js'
import { GetTableCommand } from '@aws-sdk/client-glue'
import { jest } from '@jest/globals'
import { cloudTrailTableInput } from '../../stand-in/cloudtrail-table.js'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { ConfigurationError } from '../../src/vocabulary/errors.js'
import { silentLogger, type Logger } from '../../src/vocabulary/logger.js'
import { recordingLogger } from '../helpers/logger.js'

const settings = {
  roleToAssume: 'arn:aws:iam::111122223333:role/ct',
  roleSessionName: 'GitHubActions',
  roleDurationSeconds: 3600,
  audience: 'sts.amazonaws.com'
}

describe('credentialsFor', () => {
  it('uses the ambient chain without role-to-assume', () => {
    expect(
      credentialsFor({ ...settings, roleToAssume: '' }, 'eu-central-1', async () => 'x', silentLogger, {
        env: {}
      })
    ).toBeUndefined()
  })

  it('says to add id-token: write when the job cannot request an OIDC token', () => {
    const call = () => credentialsFor(settings, 'eu-central-1', async () => 'x', silentLogger, { env: {} })
    expect(call).toThrow(ConfigurationError)
    expect(call).toThrow(/permissions: id-token: write/)
  })
})

describe('memoizeCredentials', () => {
  it('shares one fetch until shortly before expiry, then fetches again', async () => {
    let fetched = 0
    const provider = memoizeCredentials(async () => {
      fetched += 1
      return {
        accessKeyId: `K${fetched}`,
        secretAccessKey: 's',
        expiration: new Date(Date.now() + 3_600_000)
      }
    })
    const [a, b] = await Promise.all([provider(), provider()])
    expect([a.accessKeyId, b.accessKeyId]).toEqual(['K1', 'K1'])
    expect((await provider()).accessKeyId).toBe('K1')
    expect(fetched).toBe(1)
  })

  it('refreshes credentials that are about to expire and retries after a failure', async () => {
    let fetched = 0
    const provider = memoizeCredentials(async () => {
      fetched += 1
      if (fetched === 1) throw new Error('sts down')
      return { accessKeyId: `K${fetched}`, secretAccessKey: 's', expiration: new Date(Date.now() + 60_000) }
    })
    await expect(provider()).rejects.toThrow('sts down')
    expect((await provider()).accessKeyId).toBe('K2')
    expect((await provider()).accessKeyId).toBe('K3')
  })
})

describe('expire', () => {
  it('forgets the session of a generation, and the SDK sees it expired; a newer session is kept', async () => {
    let fetched = 0
    const provider = memoizeCredentials(async () => {
      fetched += 1
      return {
        accessKeyId: `K${fetched}`,
        secretAccessKey: 's',
        expiration: new Date(Date.now() + 3_600_000)
      }
    })
    const first = await provider()
    const generation = provider.generation
    provider.expire(generation)
    // What the SDK holds reports an expiration in the past, so every client asks again.
    expect(first.expiration?.getTime()).toBe(0)
    const second = await provider()
    expect(second.accessKeyId).toBe('K2')
    // A call that started with the first session and fails late does not throw the second away.
    provider.expire(generation)
    expect((await provider()).accessKeyId).toBe('K2')
    expect(second.expiration!.getTime()).toBeGreaterThan(Date.now())
  })
})

describe('assuming the role through the stand-in', () => {
  let standIn: StandIn
  beforeAll(async () => {
    standIn = await startStandIn()
  })
  afterAll(() => standIn.close())

  function provider(
    tokens: string[],
    issue = (audience: string) => standIn.oidc.issueToken({ audience }),
    logger: Logger = silentLogger
  ) {
    const env = standIn.env()
    process.env.AWS_ENDPOINT_URL = env.AWS_ENDPOINT_URL
    return credentialsFor(
      settings,
      'eu-central-1',
      async (audience) => {
        const token = issue(audience)
        tokens.push(token)
        return token
      },
      logger,
      { env, backoff: { attempts: 3, baseMs: 1, maxMs: 5 } }
    )!
  }

  afterEach(() => {
    delete process.env.AWS_ENDPOINT_URL
    standIn.server.knobs.reset()
  })

  it('refreshes mid-run before the session expires, with a fresh ID token, and never signs with an expired one', async () => {
    // In the role's account: Glue answers a session in its own account's catalog.
    standIn.glue.createTableDirect(
      'security',
      cloudTrailTableInput({ name: 'cloudtrail', location: 's3://logs/' }),
      '111122223333'
    )
    const start = Date.now()
    // Only Date moves: the HTTP stack's timers stay real.
    jest.useFakeTimers({
      now: start,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout'
      ]
    })
    try {
      const tokens: string[] = []
      const env = standIn.env()
      process.env.AWS_ENDPOINT_URL = env.AWS_ENDPOINT_URL
      const credentials = credentialsFor(
        { ...settings, roleDurationSeconds: 900 },
        'eu-central-1',
        async (audience) => {
          const token = standIn.oidc.issueToken({ audience })
          tokens.push(token)
          return token
        },
        silentLogger,
        { env }
      )
      const { glue } = createClients('eu-central-1', credentials)
      const read = () => glue.send(new GetTableCommand({ DatabaseName: 'security', Name: 'cloudtrail' }))
      const issuedBefore = standIn.sts.issued.length
      const issued = () => standIn.sts.issued.length - issuedBefore
      await read()
      expect(issued()).toBe(1)
      // 11 minutes in, 4 are left of the 15: the next call gets a new session first, before any refusal.
      jest.setSystemTime(start + 11 * 60_000)
      await read()
      expect(issued()).toBe(2)
      // 16 minutes in, the first session has ended; the second (till minute 26) signs without a new one.
      jest.setSystemTime(start + 16 * 60_000)
      await read()
      expect(issued()).toBe(2)
      const sessions = standIn.sts.issued.slice(issuedBefore)
      expect(sessions).toHaveLength(2)
      expect(new Set(tokens).size).toBe(2)
      expect([...(standIn.server.signers.get('Glue.GetTable') ?? [])]).toEqual(
        sessions.map((s) => s.accessKeyId)
      )
      glue.destroy()
    } finally {
      jest.useRealTimers()
    }
  })

  it('retries STS failures past the SDK’s own attempts, with a fresh token each time', async () => {
    standIn.server.knobs.failNext('STS.AssumeRoleWithWebIdentity', 4) // the SDK tries 3 times per call
    const tokens: string[] = []
    const logger = recordingLogger()
    const credentials = await provider(tokens, undefined, logger)()
    expect(standIn.sts.isIssued(credentials.accessKeyId)).toBe(true)
    expect(tokens).toHaveLength(2)
    expect(new Set(tokens).size).toBe(2)
    expect(logger.at('debug')).toEqual([
      expect.stringMatching(
        /^retrying STS\.AssumeRoleWithWebIdentity after InternalFailure \(attempt 2 of 3 /
      )
    ])
  })

  it('does not retry a trust-policy refusal and says what to check', async () => {
    standIn.sts.trust = () => false
    try {
      const tokens: string[] = []
      await expect(provider(tokens)()).rejects.toThrow(
        /AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity\)\. The role's trust policy does not admit this workflow's token: check its conditions on token\.actions\.githubusercontent\.com:sub/
      )
      expect(tokens).toHaveLength(1)
    } finally {
      standIn.sts.trust = () => true
    }
  })

  it('blames the OIDC provider, not the trust policy, for an audience it does not list', async () => {
    standIn.sts.providerAudiences = ['other']
    try {
      const error = await provider([])().then(
        () => new Error('expected a failure'),
        (e: Error) => e
      )
      expect(error).toBeInstanceOf(ConfigurationError)
      expect(error.message).toMatch(
        /InvalidIdentityTokenException: Incorrect token audience\)\. IAM could not validate/
      )
      expect(error.message).toContain("'sts.amazonaws.com' among its audiences (input 'audience')")
      expect(error.message).not.toMatch(/trust policy/)
    } finally {
      standIn.sts.providerAudiences = ['sts.amazonaws.com']
    }
  })

  it('says an expired GitHub token is expired, not a trust-policy matter', async () => {
    const stale = (audience: string) =>
      standIn.oidc.issueToken({
        audience,
        issuedAt: Math.floor(Date.now() / 1000) - 600,
        lifetimeSeconds: 60
      })
    const error = await provider([], stale)().then(
      () => new Error('expected a failure'),
      (e: Error) => e
    )
    expect(error.message).toMatch(/ExpiredTokenException.*The GitHub OIDC token had expired/)
    expect(error.message).not.toMatch(/trust policy/)
  })

  it("says GitHub's token service failed when there is no token, without trying STS", async () => {
    standIn.server.calls.reset()
    const failing = () => {
      throw new Error('Failed to get ID Token. Error Code : 500')
    }
    const error = await provider([], failing)().then(
      () => new Error('expected a failure'),
      (e: Error) => e
    )
    expect(error.message).toMatch(/^Could not get a GitHub OIDC token for audience 'sts\.amazonaws\.com'/)
    expect(standIn.server.calls.get('STS.AssumeRoleWithWebIdentity')).toBe(0)
  })

  it('classifies STS errors', () => {
    expect(isTransientStsError(Object.assign(new Error(), { name: 'IDPCommunicationErrorException' }))).toBe(
      true
    )
    expect(
      isTransientStsError(
        Object.assign(new Error(), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } })
      )
    ).toBe(false)
    expect(
      isTransientStsError(
        Object.assign(new Error(), { name: 'InternalFailure', $metadata: { httpStatusCode: 500 } })
      )
    ).toBe(true)
  })
})

describe('errors that are not about the trust policy', () => {
  it('says an unreachable STS endpoint is a network problem', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' })
    const explained = explainAssumeRoleFailure(error, settings, 'eu-central-1')
    expect(explained.message).toMatch(/^Could not reach STS to assume .*ECONNREFUSED.*not a permission one/)
    expect(explained).not.toBeInstanceOf(ConfigurationError)
  })

  it('names the Glue permission for a Glue AccessDeniedException, and the network for an unreachable endpoint', () => {
    const denied = Object.assign(new Error('User: x is not authorized to perform: glue:GetTable'), {
      name: 'AccessDeniedException',
      operation: 'Glue.GetTable'
    })
    expect(explainAwsError(denied)).toMatch(/^AWS denied Glue\.GetTable .*Give the role glue:GetTable/)
    expect(explainAwsError(denied)).not.toMatch(/trust|OIDC/)
    const unreachable = Object.assign(new Error('getaddrinfo ENOTFOUND glue.eu-central-1.amazonaws.com'), {
      code: 'ENOTFOUND',
      operation: 'Glue.GetTable'
    })
    expect(explainAwsError(unreachable)).toMatch(/^Could not reach AWS for Glue\.GetTable \(ENOTFOUND/)
    const expired = Object.assign(new Error('The security token included in the request is expired'), {
      name: 'ExpiredTokenException',
      operation: 'Glue.GetPartitions'
    })
    expect(explainAwsError(expired)).toMatch(/refused the credentials for Glue\.GetPartitions .*expired/)
    expect(explainAwsError(new Error('plain'))).toBeUndefined()
  })
})
