import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { mockClient } from 'aws-sdk-client-mock'
import { checkDateSpelling } from '../../src/logs/date-spelling.js'
import type { Layout } from '../../src/logs/layout.js'
import { spelledOtherwise, parseSegment } from '../../src/logs/path.js'
import { ConfigurationError } from '../../src/vocabulary/errors.js'

const s3Mock = mockClient(S3Client)
const s3 = new S3Client({ region: 'eu-central-1' })
const config: Layout = { bucket: 'logs', prefix: '', source: 'Config', kind: 'account' }
const hive: Layout = { bucket: 'logs', prefix: '', source: 'vpcflowlogs', kind: 'hive' }
const series = new Map([['111111111111', ['eu-west-1']]])

/** Delimiter listings answered from a tree of folders, one page each. */
function serveFolders(tree: Record<string, string[]>): void {
  s3Mock.reset()
  s3Mock.on(ListObjectsV2Command).callsFake((input: { Prefix: string }) => ({
    CommonPrefixes: (tree[input.Prefix] ?? []).map((name) => ({ Prefix: `${input.Prefix}${name}/` })),
    IsTruncated: false
  }))
}

const configRoot = 'AWSLogs/111111111111/Config/eu-west-1/'
const hiveRoot = 'AWSLogs/aws-account-id=111111111111/aws-service=vpcflowlogs/aws-region=eu-west-1/'

describe('spelledOtherwise', () => {
  it('is the same number spelled with other digits, never a name of another shape', () => {
    expect(spelledOtherwise(parseSegment('{MM}'), '3')).toBe(true)
    expect(spelledOtherwise(parseSegment('{MM}'), '03')).toBe(false)
    expect(spelledOtherwise(parseSegment('{M}'), '03')).toBe(true)
    expect(spelledOtherwise(parseSegment('day={dd}'), 'day=7')).toBe(true)
    expect(spelledOtherwise(parseSegment('day={dd}'), 'hour=07')).toBe(false)
    expect(spelledOtherwise(parseSegment('{dd}'), 'notes')).toBe(false)
    expect(spelledOtherwise(parseSegment('{region}'), '7')).toBe(false)
  })
})

describe('checkDateSpelling', () => {
  it("passes a bucket spelled as the layout says, looking down the newest year's newest month", async () => {
    serveFolders({
      [configRoot]: ['2025', '2026'],
      [`${configRoot}2026/`]: ['9', '10'],
      [`${configRoot}2026/10/`]: ['1', '30']
    })
    await expect(checkDateSpelling(s3, config, series)).resolves.toBeUndefined()
    expect(s3Mock.commandCalls(ListObjectsV2Command).map((call) => call.args[0].input.Prefix)).toEqual([
      configRoot,
      `${configRoot}2026/`,
      `${configRoot}2026/10/`
    ])
  })

  it("refuses Config's days spelled with a leading zero, naming source, the folder and both spellings", async () => {
    serveFolders({
      [configRoot]: ['2026'],
      [`${configRoot}2026/`]: ['3'],
      [`${configRoot}2026/3/`]: ['07', '08']
    })
    const refusal = checkDateSpelling(s3, config, series)
    await expect(refusal).rejects.toThrow(ConfigurationError)
    await expect(checkDateSpelling(s3, config, series)).rejects.toThrow(
      /^Input 'source': the day folders under s3:\/\/logs\/AWSLogs\/111111111111\/Config\/eu-west-1\/2026\/3\/ are spelled like "07", but Config partitions point at folders spelled D \(for example "7"\)/
    )
  })

  it("refuses VPC's Hive-compatible folders without the padding the layout writes", async () => {
    serveFolders({
      [hiveRoot]: ['year=2026'],
      [`${hiveRoot}year=2026/`]: ['month=12'],
      [`${hiveRoot}year=2026/month=12/`]: ['day=1', 'day=2']
    })
    await expect(checkDateSpelling(s3, hive, series)).rejects.toThrow(
      /the day folders .* are spelled like "day=1", but vpcflowlogs partitions point at folders spelled day=DD \(for example "day=07"\)/
    )
  })

  it('has nothing to say of a series without date folders, or of folders that are no dates', async () => {
    serveFolders({ [configRoot]: ['notes', 'global'] })
    await expect(checkDateSpelling(s3, config, series)).resolves.toBeUndefined()
    serveFolders({})
    await expect(checkDateSpelling(s3, config, new Map())).resolves.toBeUndefined()
    expect(s3Mock.commandCalls(ListObjectsV2Command)).toHaveLength(0)
  })
})
