import { credentialsFor, memoizeCredentials } from '../../src/aws/credentials.js'
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
