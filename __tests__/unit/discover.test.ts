import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { mockClient } from 'aws-sdk-client-mock'
import { flagMessage } from '../../src/cli/wording.js'
import { ConfigurationError } from '../../src/vocabulary/errors.js'
import { silentLogger } from '../../src/vocabulary/logger.js'
import { checkSourcePresent, detectLayout, discoverSeries, listFolders } from '../../src/logs/discover.js'
import { ORGANIZATION_LAYOUT } from '../helpers/layouts.js'

const s3Mock = mockClient(S3Client)
const s3 = new S3Client({ region: 'eu-central-1' })
const A = '111111111111'
const B = '222222222222'

/** Answers delimiter listings from a fixed folder tree, two folders a page to exercise paging. */
function serveFolders(tree: Record<string, string[]>): void {
  s3Mock.on(ListObjectsV2Command).callsFake((input) => {
    const children = tree[input.Prefix] ?? []
    const start = input.ContinuationToken ? Number(input.ContinuationToken) : 0
    const page = children.slice(start, start + 2)
    const more = start + 2 < children.length
    return {
      CommonPrefixes: page.map((name) => ({ Prefix: `${input.Prefix}${name}/` })),
      IsTruncated: more,
      ...(more ? { NextContinuationToken: String(start + 2) } : {})
    }
  })
}

beforeEach(() => s3Mock.reset())

describe('listFolders', () => {
  it('follows continuation tokens and uses the / delimiter', async () => {
    serveFolders({ 'AWSLogs/': ['a', 'b', 'c', 'd', 'e'] })
    expect(await listFolders(s3, 'logs', 'AWSLogs/')).toEqual(['a', 'b', 'c', 'd', 'e'])
    const calls = s3Mock.commandCalls(ListObjectsV2Command)
    expect(calls).toHaveLength(3)
    expect(calls.every((c) => c.args[0].input.Delimiter === '/')).toBe(true)
  })

  it('explains a missing bucket', async () => {
    s3Mock.on(ListObjectsV2Command).rejects(Object.assign(new Error('nope'), { name: 'NoSuchBucket' }))
    await expect(listFolders(s3, 'logs', 'AWSLogs/')).rejects.toThrow(
      "Input 'bucket': the bucket 'logs' does not exist"
    )
  })

  it("explains a denied listing with S3's words, the role's statement and the bucket policy of another account", async () => {
    s3Mock
      .on(ListObjectsV2Command)
      .rejects(Object.assign(new Error('Access Denied'), { name: 'AccessDenied' }))
    const error = await listFolders(s3, 'logs', 'AWSLogs/').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toBe(
      "Listing s3://logs/AWSLogs/ was denied (AccessDenied: Access Denied). Give the role s3:ListBucket on arn:aws:s3:::logs (a prefix condition on 'AWSLogs/*' is enough: statement \"ListTrailFolders\" of iam/sync/permissions.json). A bucket in another account (Control Tower's Log Archive) must also allow the role in its bucket policy: iam/cross-account/bucket-policy-statement.json."
    )
  })
})

describe('detectLayout', () => {
  const request = { bucket: 'logs', prefix: '', source: 'CloudTrail' as const, organizationId: '' }

  it('finds an organization trail', async () => {
    serveFolders({ 'AWSLogs/': ['o-abcdef1234'] })
    expect(await detectLayout(s3, request)).toEqual({
      bucket: 'logs',
      prefix: '',
      source: 'CloudTrail',
      kind: 'organization',
      organizationId: 'o-abcdef1234'
    })
  })

  it('finds a single-account trail', async () => {
    serveFolders({ 'ct/AWSLogs/': [A, B] })
    expect(await detectLayout(s3, { ...request, prefix: 'ct/' })).toMatchObject({
      kind: 'account',
      prefix: 'ct/'
    })
  })

  /** Delimiter listings from a folder tree; a listing without delimiter finds a key under any deepest folder. */
  function serveTree(tree: Record<string, string[]>): void {
    s3Mock.on(ListObjectsV2Command).callsFake((listing) => {
      const prefix = listing.Prefix ?? ''
      if (listing.Delimiter === '/') {
        return { CommonPrefixes: (tree[prefix] ?? []).map((name) => ({ Prefix: `${prefix}${name}/` })) }
      }
      const leaf = Object.entries(tree).some(
        ([folder, children]) => folder.startsWith(prefix) && children.length > 0
      )
      return { KeyCount: leaf ? 1 : 0, ...(leaf ? { Contents: [{ Key: `${prefix}x` }] } : {}) }
    })
  }

  it('asks for organization-id when the bucket holds both layouts or several organizations', async () => {
    serveTree({
      'AWSLogs/': ['o-abcdef1234', A],
      'AWSLogs/o-abcdef1234/': [B],
      [`AWSLogs/o-abcdef1234/${B}/CloudTrail/`]: ['eu-west-1'],
      [`AWSLogs/${A}/CloudTrail/`]: ['eu-west-1']
    })
    await expect(detectLayout(s3, request)).rejects.toThrow(/Set 'organization-id' to the organization/)
    serveFolders({ 'AWSLogs/': ['o-abcdef1234', 'o-zyxwvu9876'] })
    await expect(detectLayout(s3, request)).rejects.toThrow(ConfigurationError)
    expect(await detectLayout(s3, { ...request, organizationId: 'o-zyxwvu9876' })).toMatchObject({
      organizationId: 'o-zyxwvu9876'
    })
  })

  it("recognizes a layout by the source's own folder (Control Tower: Config's accounts beside the trail)", async () => {
    const tree = {
      'AWSLogs/': ['o-abcdef1234', A, B],
      'AWSLogs/o-abcdef1234/': [A],
      [`AWSLogs/o-abcdef1234/${A}/CloudTrail/`]: ['eu-west-1'],
      [`AWSLogs/${A}/Config/`]: ['eu-west-1'],
      [`AWSLogs/${B}/Config/`]: ['eu-west-1']
    }
    serveTree(tree)
    expect(await detectLayout(s3, request)).toMatchObject({
      kind: 'organization',
      organizationId: 'o-abcdef1234'
    })
    expect(await detectLayout(s3, { ...request, source: 'Config' })).toEqual({
      bucket: 'logs',
      prefix: '',
      source: 'Config',
      kind: 'account'
    })
    // One candidate is taken without a probe; discovery then finds no account with the source's folder.
    const vpc = await detectLayout(s3, { ...request, source: 'vpcflowlogs' })
    const found = await discoverSeries(s3, vpc, { accounts: [], regions: [], concurrency: 2 }, silentLogger)
    expect(() => checkSourcePresent(vpc, found)).toThrow(
      "No vpcflowlogs logs under s3://logs/AWSLogs/: its 2 account folder(s) in scope hold no vpcflowlogs/ folder (other logs only). Check 'source', 'prefix' and 'accounts'."
    )
    await expect(
      detectLayout(s3, { ...request, source: 'Config', organizationId: 'o-abcdef1234' })
    ).rejects.toThrow(/Input 'organization-id': Config logs have no organization level/)
  })

  it("finds VPC Flow Logs' Hive-compatible folders", async () => {
    serveTree({
      'AWSLogs/': [`aws-account-id=${A}`],
      [`AWSLogs/aws-account-id=${A}/aws-service=vpcflowlogs/`]: ['aws-region=eu-west-1']
    })
    expect(await detectLayout(s3, { ...request, source: 'vpcflowlogs' })).toMatchObject({ kind: 'hive' })
    await expect(detectLayout(s3, request)).rejects.toThrow(
      /No CloudTrail logs under s3:\/\/logs\/AWSLogs\/: no folder of the form/
    )
  })

  it('names the prefix input when there are no logs', async () => {
    serveFolders({})
    await expect(detectLayout(s3, request)).rejects.toThrow(
      /Check 'bucket' and 'prefix' \(the prefix is what/
    )
  })

  /** A bucket of folders, and which keys have an AWSLogs/ below them. */
  function serveBucket(top: Record<string, string[]>, withLogs: readonly string[]): void {
    s3Mock.on(ListObjectsV2Command).callsFake((listing) => {
      const prefix = listing.Prefix ?? ''
      if (listing.Delimiter === '/') {
        return { CommonPrefixes: (top[prefix] ?? []).map((name) => ({ Prefix: `${prefix}${name}/` })) }
      }
      const has = withLogs.includes(prefix)
      return { KeyCount: has ? 1 : 0, ...(has ? { Contents: [{ Key: `${prefix}x` }] } : {}) }
    })
  }

  it("names the prefix a Control Tower bucket shows, in each front door's words", async () => {
    const bucket = 'aws-controltower-logs-999988887777-eu-central-1'
    serveBucket({ '': ['o-abc123defg', 'other'] }, ['o-abc123defg/AWSLogs/'])
    const error = (await detectLayout(s3, { ...request, bucket }).catch(
      (e: unknown) => e
    )) as ConfigurationError
    expect(error).toBeInstanceOf(ConfigurationError)
    expect(error.message).toBe(
      `No CloudTrail logs under s3://${bucket}/AWSLogs/, but the bucket has logs under ` +
        `s3://${bucket}/o-abc123defg/AWSLogs/: set 'prefix: o-abc123defg'. ` +
        "Control Tower's bucket keeps its logs under the organization id (o-…/AWSLogs/)."
    )
    expect(flagMessage(error)).toContain('set --prefix o-abc123defg.')
    // Organization ids are looked into first, and only a few folders at all.
    const probes = s3Mock.commandCalls(ListObjectsV2Command).map((call) => call.args[0].input.Prefix)
    expect(probes).toEqual(['AWSLogs/', '', 'o-abc123defg/AWSLogs/', 'other/AWSLogs/'])
  })

  it('says to leave the prefix empty when the logs are at the top, and lists several places', async () => {
    serveBucket({ 'ct/': [] }, ['AWSLogs/'])
    await expect(detectLayout(s3, { ...request, prefix: 'ct/' })).rejects.toThrow(
      "No CloudTrail logs under s3://logs/ct/AWSLogs/, but the bucket has logs under s3://logs/AWSLogs/: leave 'prefix' empty."
    )
    serveBucket({ '': ['a', 'b'] }, ['a/AWSLogs/', 'b/AWSLogs/'])
    await expect(detectLayout(s3, request)).rejects.toThrow(
      "the bucket has AWSLogs/ folders under s3://logs/a/AWSLogs/, s3://logs/b/AWSLogs/: set 'prefix' to what comes before"
    )
  })

  it('keeps the plain error when the role may not list beyond the trail (the minimal policy)', async () => {
    s3Mock.on(ListObjectsV2Command).callsFake((listing) => {
      if (listing.Prefix === 'AWSLogs/') return { CommonPrefixes: [] }
      throw Object.assign(new Error('Access Denied'), { name: 'AccessDenied' })
    })
    await expect(
      detectLayout(s3, { ...request, bucket: 'aws-controltower-logs-999988887777-eu-central-1' })
    ).rejects.toThrow(
      /AWSLogs\/<organization>\/<account>\/CloudTrail\/<region>\/YYYY\/MM\/DD\/ or .*\/AWSLogs\/<account>\/CloudTrail\/<region>\/YYYY\/MM\/DD\/\. Check 'bucket' and 'prefix' .* Control Tower's bucket keeps/
    )
  })

  it('refuses an organization-id with no folder', async () => {
    serveFolders({ 'AWSLogs/': ['o-abcdef1234'] })
    await expect(detectLayout(s3, { ...request, organizationId: 'o-0000000000' })).rejects.toThrow(
      /Input 'organization-id'.*found: o-abcdef1234/
    )
  })
})

describe('discoverSeries', () => {
  const layout = ORGANIZATION_LAYOUT
  const root = 'AWSLogs/o-abcdef1234/'

  it('lists accounts, then each account’s regions, never deeper', async () => {
    serveFolders({
      [root]: [A, B, 'not-an-account'],
      [`${root}${A}/CloudTrail/`]: ['us-east-1', 'eu-west-1', 'ap-south-1'],
      [`${root}${B}/CloudTrail/`]: ['eu-west-1']
    })
    const found = await discoverSeries(
      s3,
      layout,
      { accounts: [], regions: ['eu-west-1', 'us-east-1'], concurrency: 2 },
      silentLogger
    )
    expect(found.series).toEqual(
      new Map([
        [A, ['eu-west-1', 'us-east-1']],
        [B, ['eu-west-1']]
      ])
    )
    expect([...found.regionsSkipped]).toEqual(['ap-south-1'])
    const prefixes = s3Mock.commandCalls(ListObjectsV2Command).map((c) => c.args[0].input.Prefix!)
    expect(prefixes.every((p) => p === root || p.endsWith('/CloudTrail/'))).toBe(true)
  })

  it('applies the accounts allow-list and reports allow-listed accounts that are absent', async () => {
    serveFolders({ [root]: [A, B], [`${root}${B}/CloudTrail/`]: ['eu-west-1'] })
    const found = await discoverSeries(
      s3,
      layout,
      { accounts: [B, '333333333333'], regions: [], concurrency: 2 },
      silentLogger
    )
    expect([...found.series.keys()]).toEqual([B])
    expect(found.missingAccounts).toEqual(['333333333333'])
  })
})
