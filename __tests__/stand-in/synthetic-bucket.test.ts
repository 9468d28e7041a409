/**
 * The synthetic CloudTrail bucket: CloudTrail's key layout for both trail kinds, digest and insight
 * siblings, empty days and missing regions, realistic gzip bodies, and discovery of accounts and
 * regions through delimiter listings with the real S3Client.
 */
import { gunzipSync } from 'node:zlib'
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { S3Service } from '../../stand-in/s3.js'
import { StandInServer } from '../../stand-in/server.js'
import { serving } from '../helpers/worlds.js'
import { buildSyntheticBucket, parseUtcDay, utcDays } from '../../stand-in/synthetic-bucket.js'

const ORG = 'o-a1b2c3d4e5'
const ACCOUNTS = ['111111111111', '222222222222', '333333333333']
const REGIONS = ['eu-central-1', 'us-east-1']
const LOG_KEY =
  /^(?<root>.*AWSLogs\/(?:o-[a-z0-9]+\/)?)(?<account>\d{12})\/CloudTrail\/(?<region>[a-z0-9-]+)\/(?<y>\d{4})\/(?<m>\d\d)\/(?<d>\d\d)\/\k<account>_CloudTrail_\k<region>_\k<y>\k<m>\k<d>T\d{4}Z_[A-Za-z0-9]{16}\.json\.gz$/

describe('dates', () => {
  it('walks UTC days across month ends and leap days by calendar arithmetic', () => {
    const iso = (from: string, to: string): string[] =>
      [...utcDays(from, to)].map((day) => day.toISOString().slice(0, 10))
    expect(iso('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01'])
    expect(iso('2025-02-28', '2025-03-01')).toEqual(['2025-02-28', '2025-03-01'])
    expect(iso('2025-12-31', '2026-01-01')).toEqual(['2025-12-31', '2026-01-01'])
    expect(() => parseUtcDay('2025-02-29')).toThrow(/not a valid UTC date/)
    expect(() => parseUtcDay('2025-2-1')).toThrow(/not a valid UTC date/)
  })
})

describe('layout', () => {
  it('writes the organization layout exactly, with digest siblings', () => {
    const s3 = new S3Service()
    const result = buildSyntheticBucket(s3, {
      bucket: 'org-trail',
      prefix: 'o-a1b2c3d4e5-ct',
      layout: 'organization',
      organizationId: ORG,
      accounts: ACCOUNTS,
      regions: REGIONS,
      from: '2024-02-28',
      to: '2024-03-01',
      seed: 7
    })
    const days = 3
    expect(result).toEqual({
      bucket: 'org-trail',
      root: `o-a1b2c3d4e5-ct/AWSLogs/${ORG}/`,
      logFiles: ACCOUNTS.length * REGIONS.length * days * 2,
      digestFiles: ACCOUNTS.length * REGIONS.length * days,
      insightFiles: 0,
      objects: ACCOUNTS.length * REGIONS.length * days * 3,
      partitions: ACCOUNTS.length * REGIONS.length * days
    })
    expect(s3.objectCount('org-trail')).toBe(result.objects)
    const logs = s3.keys('org-trail').filter((key) => key.includes('/CloudTrail/'))
    expect(logs).toHaveLength(result.logFiles)
    for (const key of logs) {
      const match = LOG_KEY.exec(key)
      expect(match?.groups?.root).toBe(`o-a1b2c3d4e5-ct/AWSLogs/${ORG}/`)
    }
    const dayFolders = new Set(logs.map((key) => key.split('/').slice(6, 9).join('/')))
    expect([...dayFolders].sort()).toEqual(['2024/02/28', '2024/02/29', '2024/03/01'])
    const digests = s3.keys(
      'org-trail',
      `o-a1b2c3d4e5-ct/AWSLogs/${ORG}/222222222222/CloudTrail-Digest/us-east-1/`
    )
    expect(digests).toHaveLength(days)
    expect(digests[1]).toMatch(
      new RegExp(
        `^o-a1b2c3d4e5-ct/AWSLogs/${ORG}/222222222222/CloudTrail-Digest/us-east-1/2024/02/29/222222222222_CloudTrail-Digest_us-east-1_organization-trail_eu-central-1_20240229T\\d{6}Z\\.json\\.gz$`
      )
    )
  })

  it('writes the single-account layout without the organization segment, and insights when asked', () => {
    const s3 = new S3Service()
    const result = buildSyntheticBucket(s3, {
      bucket: 'account-trail',
      layout: 'account',
      accounts: ['444444444444'],
      regions: ['eu-west-1'],
      from: '2025-12-31',
      to: '2026-01-01',
      filesPerDay: 3,
      digest: false,
      insights: (_account, _region, date) => date === '2026-01-01'
    })
    expect(result.root).toBe('AWSLogs/')
    const keys = s3.keys('account-trail')
    expect(keys).toHaveLength(7)
    expect(keys.filter((key) => key.includes('CloudTrail-Digest'))).toEqual([])
    const insights = keys.filter((key) => key.includes('/CloudTrail-Insight/'))
    expect(insights).toHaveLength(1)
    expect(insights[0]).toMatch(
      /^AWSLogs\/444444444444\/CloudTrail-Insight\/eu-west-1\/2026\/01\/01\/444444444444_CloudTrail-Insight_eu-west-1_20260101T\d{4}Z_[A-Za-z0-9]{16}\.json\.gz$/
    )
    const logs = keys.filter((key) => key.includes('/CloudTrail/'))
    expect(logs.map((key) => LOG_KEY.exec(key)?.groups?.root)).toEqual(Array(6).fill('AWSLogs/'))
    expect(logs.filter((key) => key.includes('/2025/12/31/'))).toHaveLength(3)
  })

  it('honours empty days (digest still written) and accounts without some regions', () => {
    const s3 = new S3Service()
    const result = buildSyntheticBucket(s3, {
      bucket: 'gaps',
      layout: 'organization',
      organizationId: ORG,
      accounts: ACCOUNTS,
      regions: REGIONS,
      from: '2026-03-01',
      to: '2026-03-03',
      isEmptyDay: (account, region, date) =>
        account === '111111111111' && region === 'us-east-1' && date === '2026-03-02',
      hasRegion: (account, region) => !(account === '333333333333' && region === 'us-east-1')
    })
    expect(result.partitions).toBe(5 * 3 - 1)
    expect(s3.keys('gaps', `AWSLogs/${ORG}/111111111111/CloudTrail/us-east-1/2026/03/02/`)).toEqual([])
    expect(s3.keys('gaps', `AWSLogs/${ORG}/111111111111/CloudTrail/us-east-1/2026/03/03/`)).toHaveLength(2)
    expect(
      s3.keys('gaps', `AWSLogs/${ORG}/111111111111/CloudTrail-Digest/us-east-1/2026/03/02/`)
    ).toHaveLength(1)
    expect(s3.keys('gaps', `AWSLogs/${ORG}/333333333333/CloudTrail/us-east-1/`)).toEqual([])
    expect(s3.keys('gaps', `AWSLogs/${ORG}/333333333333/CloudTrail-Digest/us-east-1/`)).toEqual([])
  })

  it('is deterministic for a seed', () => {
    const spec = {
      bucket: 'seeded',
      layout: 'account' as const,
      accounts: ['555555555555'],
      regions: ['ap-southeast-2'],
      from: '2026-01-01',
      to: '2026-01-02',
      seed: 42
    }
    const first = new S3Service()
    const second = new S3Service()
    buildSyntheticBucket(first, spec)
    buildSyntheticBucket(second, spec)
    expect(first.keys('seeded')).toEqual(second.keys('seeded'))
    expect(first.getObjectBody('seeded', first.keys('seeded')[0]!)).toEqual(
      second.getObjectBody('seeded', second.keys('seeded')[0]!)
    )
  })

  it('refuses invalid organization ids, accounts, regions and date ranges', () => {
    const base = {
      bucket: 'invalid',
      layout: 'organization' as const,
      organizationId: ORG,
      accounts: ACCOUNTS,
      regions: REGIONS,
      from: '2026-01-01',
      to: '2026-01-01'
    }
    const s3 = new S3Service()
    expect(() => buildSyntheticBucket(s3, { ...base, organizationId: 'o-short' })).toThrow(/organizationId/)
    expect(() => buildSyntheticBucket(s3, { ...base, accounts: ['12345'] })).toThrow(/account/)
    expect(() => buildSyntheticBucket(s3, { ...base, regions: ['Europe'] })).toThrow(/region/)
    expect(() => buildSyntheticBucket(s3, { ...base, from: '2026-01-02' })).toThrow(/after/)
  })
})

describe('bodies', () => {
  it('gzips {"Records": [...]} whose records match the path: day, account and region', () => {
    const s3 = new S3Service()
    buildSyntheticBucket(s3, {
      bucket: 'bodies',
      layout: 'organization',
      organizationId: ORG,
      accounts: ACCOUNTS,
      regions: REGIONS,
      from: '2024-02-29',
      to: '2024-03-01',
      recordsPerFile: 20
    })
    const logs = s3.keys('bodies').filter((key) => key.includes('/CloudTrail/'))
    const names = new Set<string>()
    for (const key of logs) {
      const { account, region, y, m, d } = LOG_KEY.exec(key)!.groups!
      const body = JSON.parse(gunzipSync(s3.getObjectBody('bodies', key)!).toString('utf8')) as {
        Records: Record<string, unknown>[]
      }
      expect(body.Records).toHaveLength(20)
      for (const record of body.Records) {
        expect(String(record.eventTime).slice(0, 10)).toBe(`${y}-${m}-${d}`)
        expect(record.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
        expect(record.recipientAccountId).toBe(account)
        expect(record.awsRegion).toBe(region)
        expect(record).toMatchObject({
          eventVersion: '1.11',
          eventType: expect.stringMatching(/^(AwsApiCall|AwsConsoleSignIn)$/),
          eventID: expect.stringMatching(
            /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
          ),
          requestID: expect.any(String),
          readOnly: expect.any(Boolean),
          managementEvent: expect.any(Boolean),
          eventCategory: expect.stringMatching(/^(Management|Data)$/),
          tlsDetails: expect.objectContaining({ tlsVersion: 'TLSv1.3' })
        })
        const identity = record.userIdentity as Record<string, unknown>
        if (identity.type === 'AssumedRole') {
          expect(identity.arn).toMatch(new RegExp(`^arn:aws:sts::${account}:assumed-role/`))
          expect(identity).toHaveProperty('sessionContext.sessionIssuer.type', 'Role')
        }
        if (record.eventSource === 'iam.amazonaws.com') expect(region).toBe('us-east-1')
        names.add(String(record.eventName))
      }
    }
    expect(names).toEqual(
      new Set([
        'AssumeRoleWithSAML',
        'ConsoleLogin',
        'DescribeInstances',
        'PutObject',
        'CreateRole',
        'Decrypt',
        'CreateLogStream'
      ])
    )
  })

  it("reuses one body for every log file with compressedBodies: 'shared'", () => {
    const s3 = new S3Service()
    buildSyntheticBucket(s3, {
      bucket: 'shared',
      layout: 'account',
      accounts: ACCOUNTS,
      regions: REGIONS,
      from: '2026-01-01',
      to: '2026-01-05',
      compressedBodies: 'shared'
    })
    const bodies = new Set(
      s3
        .keys('shared')
        .filter((key) => key.includes('/CloudTrail/'))
        .map((key) => s3.getObjectBody('shared', key))
    )
    expect(bodies.size).toBe(1)
  })
})

describe('discovery through delimiter listings', () => {
  const s3 = new S3Service()
  const served = serving(new StandInServer().register(s3))
  let client: S3Client

  beforeAll(() => {
    client = served.client(S3Client, { forcePathStyle: true })
    buildSyntheticBucket(s3, {
      bucket: 'discover',
      prefix: 'cloudtrail/',
      layout: 'organization',
      organizationId: ORG,
      accounts: ACCOUNTS,
      regions: ['eu-central-1', 'eu-west-1', 'us-east-1'],
      from: '2026-01-30',
      to: '2026-02-02',
      insights: true,
      hasRegion: (account, region) => account !== '222222222222' || region === 'eu-west-1'
    })
  })

  const prefixes = async (prefix: string): Promise<string[]> => {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: 'discover', Prefix: prefix, Delimiter: '/' })
    )
    expect(page.IsTruncated).toBe(false)
    return (page.CommonPrefixes ?? []).map((common) => common.Prefix!.slice(prefix.length, -1))
  }

  it('lists exactly the accounts under AWSLogs/o-ORGID/', async () => {
    expect(await prefixes('cloudtrail/')).toEqual(['AWSLogs'])
    expect(await prefixes('cloudtrail/AWSLogs/')).toEqual([ORG])
    expect(await prefixes(`cloudtrail/AWSLogs/${ORG}/`)).toEqual(ACCOUNTS)
  })

  it('lists CloudTrail and its siblings under an account, and exactly its regions under CloudTrail/', async () => {
    // Ordered as S3 orders the full prefixes: '-' (0x2D) sorts before the delimiter '/' (0x2F).
    expect(await prefixes(`cloudtrail/AWSLogs/${ORG}/111111111111/`)).toEqual([
      'CloudTrail-Digest',
      'CloudTrail-Insight',
      'CloudTrail'
    ])
    expect(await prefixes(`cloudtrail/AWSLogs/${ORG}/111111111111/CloudTrail/`)).toEqual([
      'eu-central-1',
      'eu-west-1',
      'us-east-1'
    ])
    expect(await prefixes(`cloudtrail/AWSLogs/${ORG}/222222222222/CloudTrail/`)).toEqual(['eu-west-1'])
    expect(await prefixes(`cloudtrail/AWSLogs/${ORG}/333333333333/CloudTrail/us-east-1/2026/`)).toEqual([
      '01',
      '02'
    ])
    expect(await prefixes(`cloudtrail/AWSLogs/${ORG}/333333333333/CloudTrail/us-east-1/2026/01/`)).toEqual([
      '30',
      '31'
    ])
  })
})
