import { credentialsFor, isTransientStsError, memoizeCredentials } from '../../src/aws/credentials.js'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { ConfigurationError } from '../../src/errors.js'

const settings = {
  roleToAssume: 'arn:aws:iam::111122223333:role/ct',
  roleSessionName: 'GitHubActions',
  roleDurationSeconds: 3600,
  audience: 'sts.amazonaws.com'
}

describe('credentialsFor', () => {
  it('uses the ambient chain without role-to-assume', () => {
    expect(
      credentialsFor({ ...settings, roleToAssume: '' }, 'eu-central-1', async () => 'x', {})
    ).toBeUndefined()
  })

  it('says to add id-token: write when the job cannot request an OIDC token', () => {
    const call = () => credentialsFor(settings, 'eu-central-1', async () => 'x', {})
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

describe('assuming the role through the stand-in', () => {
  let standIn: StandIn
  beforeAll(async () => {
    standIn = await startStandIn()
  })
  afterAll(() => standIn.close())

  function provider(tokens: string[]) {
    const env = standIn.env()
    process.env.AWS_ENDPOINT_URL = env.AWS_ENDPOINT_URL
    return credentialsFor(
      settings,
      'eu-central-1',
      async (audience) => {
        const token = standIn.oidc.issueToken({ audience })
        tokens.push(token)
        return token
      },
      env,
      { attempts: 3, baseMs: 1, maxMs: 5 }
    )!
  }

  afterEach(() => {
    delete process.env.AWS_ENDPOINT_URL
    standIn.server.knobs.reset()
  })

  it('retries STS failures past the SDK’s own attempts, with a fresh token each time', async () => {
    standIn.server.knobs.failNext('STS.AssumeRoleWithWebIdentity', 4) // the SDK tries 3 times per call
    const tokens: string[] = []
    const credentials = await provider(tokens)()
    expect(standIn.sts.isIssued(credentials.accessKeyId)).toBe(true)
    expect(tokens).toHaveLength(2)
    expect(new Set(tokens).size).toBe(2)
  })

  it('does not retry a trust-policy refusal and says what to check', async () => {
    standIn.sts.trust = () => false
    try {
      const tokens: string[] = []
      await expect(provider(tokens)()).rejects.toThrow(/AccessDenied.*Check that the role trusts/)
      expect(tokens).toHaveLength(1)
    } finally {
      standIn.sts.trust = () => true
    }
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
