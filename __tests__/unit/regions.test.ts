import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { mockClient } from 'aws-sdk-client-mock'
import { discoverSeries } from '../../src/logs/discover.js'
import { checkAsOfAgainstLogs, oldestLogDay, sampleSeries } from '../../src/logs/oldest-day.js'
import {
  globalEventsLeftOut,
  isAwsRegion,
  isKnownRegion,
  knownRegions,
  nearestRegion
} from '../../src/logs/regions.js'
import { formatIsoDate, parseIsoDate } from '../../src/vocabulary/dates.js'
import { ConfigurationError } from '../../src/vocabulary/errors.js'
import { silentLogger } from '../../src/vocabulary/logger.js'
import { ORGANIZATION_LAYOUT } from '../helpers/layouts.js'

const s3Mock = mockClient(S3Client)
const s3 = new S3Client({ region: 'eu-central-1' })
const layout = ORGANIZATION_LAYOUT
const root = 'AWSLogs/o-abcdef1234/'

/** Delimiter listings answered from a tree of folders, one page each. */
function serveFolders(tree: Record<string, string[]>): void {
  s3Mock.on(ListObjectsV2Command).callsFake((input: { Prefix: string }) => ({
    CommonPrefixes: (tree[input.Prefix] ?? []).map((name) => ({ Prefix: `${input.Prefix}${name}/` })),
    IsTruncated: false
  }))
}

beforeEach(() => s3Mock.reset())

describe('AWS Regions', () => {
  it("knows the installed SDK's Regions, commercial, China, GovCloud, isolated and sovereign", () => {
    for (const region of [
      'us-east-1',
      'ap-southeast-7',
      'mx-central-1',
      'cn-northwest-1',
      'us-gov-west-1',
      'eusc-de-east-1'
    ]) {
      expect(isKnownRegion(region)).toBe(true)
    }
    expect(knownRegions().length).toBeGreaterThanOrEqual(40)
    expect(knownRegions()).not.toContain('aws-global')
  })

  it("admits a name AWS's grammar allows (a Region newer than the SDK), and not look-alikes", () => {
    expect(isKnownRegion('eu-south-7')).toBe(false)
    expect(isAwsRegion('eu-south-7')).toBe(true)
    expect(isAwsRegion('us-isob-west-2')).toBe(true)
    for (const junk of [
      'zz-fake-1',
      'eu-west-01',
      'eu-west-0',
      'eu-middle-1',
      'EU-WEST-1',
      'eu-west-1x',
      'us-east'
    ]) {
      expect(isAwsRegion(junk)).toBe(false)
    }
  })

  it('warns of an allow-list without us-east-1 only when the bucket has it', () => {
    const seen = new Set(['eu-west-1', 'us-east-1'])
    expect(globalEventsLeftOut('CloudTrail', ['eu-west-1'], seen)).toMatch(
      /^Input 'regions' leaves out us-east-1, which the bucket has: CloudTrail records the events of IAM/
    )
    expect(globalEventsLeftOut('CloudTrail', [], seen)).toBeUndefined()
    expect(globalEventsLeftOut('CloudTrail', ['eu-west-1', 'us-east-1'], seen)).toBeUndefined()
    expect(globalEventsLeftOut('CloudTrail', ['eu-west-1'], new Set(['eu-west-1']))).toBeUndefined()
  })

  it('suggests the nearest known Region for a typo', () => {
    expect(nearestRegion('eu-centrl-1')).toBe('eu-central-1')
    expect(nearestRegion('mars-north-1')).toBeUndefined()
  })

  it('discovery gives folders that are no Region no series, counts them per account, and trusts an allow-listed one', async () => {
    serveFolders({
      [root]: ['111111111111', '222222222222'],
      [`${root}111111111111/CloudTrail/`]: ['eu-west-1', 'zz-fake-1', 'eu-west-01', 'notes'],
      [`${root}222222222222/CloudTrail/`]: ['eu-west-1', 'zz-fake-1']
    })
    const found = await discoverSeries(
      s3,
      layout,
      { accounts: [], regions: [], concurrency: 2 },
      silentLogger
    )
    expect(found.series).toEqual(
      new Map([
        ['111111111111', ['eu-west-1']],
        ['222222222222', ['eu-west-1']]
      ])
    )
    expect(found.notRegions).toEqual(
      new Map([
        ['zz-fake-1', 2],
        ['eu-west-01', 1],
        ['notes', 1]
      ])
    )
    const allowed = await discoverSeries(
      s3,
      layout,
      { accounts: [], regions: ['eu-west-1', 'zz-fake-1'], concurrency: 2 },
      silentLogger
    )
    expect(allowed.series.get('222222222222')).toEqual(['eu-west-1', 'zz-fake-1'])
    expect([...allowed.notRegions.keys()]).toEqual(['eu-west-01', 'notes'])
  })
})

describe("the bucket's oldest day", () => {
  it('samples up to eight series spread over the accounts, us-east-1 where there is one', () => {
    const series = new Map(
      Array.from({ length: 20 }, (_, i) => [
        String(100000000000 + i),
        i % 2 ? ['eu-west-1'] : ['eu-west-1', 'us-east-1']
      ])
    )
    const sample = sampleSeries(series)
    expect(sample).toHaveLength(8)
    expect(sample[0]).toEqual(['100000000000', 'us-east-1'])
    expect(new Set(sample.map(([account]) => account)).size).toBe(8)
    expect(sampleSeries(new Map([['1', ['eu-west-1']]]))).toEqual([['1', 'eu-west-1']])
  })

  it('finds the oldest day folder with a year listing per series and a month and day listing in the oldest year', async () => {
    const region = (account: string) => `${root}${account}/CloudTrail/eu-west-1/`
    serveFolders({
      [region('111111111111')]: ['2025', '2026'],
      [`${region('111111111111')}2025/`]: ['11', '12'],
      [`${region('111111111111')}2025/11/`]: ['17', '18', '30'],
      [region('222222222222')]: ['2026'],
      [`${region('222222222222')}2026/`]: ['01']
    })
    const series = new Map([
      ['111111111111', ['eu-west-1']],
      ['222222222222', ['eu-west-1']]
    ])
    const oldest = await oldestLogDay(s3, layout, series, 4)
    expect(oldest && formatIsoDate(oldest.day)).toBe('2025-11-17')
    expect(oldest?.sampled).toBe(2)
    // Two year listings, then a month and a day listing for the one series in 2025.
    expect(s3Mock.commandCalls(ListObjectsV2Command)).toHaveLength(4)
    expect(() => checkAsOfAgainstLogs(parseIsoDate('2025-11-16')!, oldest)).toThrow(ConfigurationError)
    expect(() => checkAsOfAgainstLogs(parseIsoDate('2025-11-16')!, oldest)).toThrow(
      /^Input 'as-of': 2025-11-16 is before the bucket's oldest logs \(2025-11-17, the oldest day folder of 2 account\/region series looked at\)/
    )
    expect(() => checkAsOfAgainstLogs(parseIsoDate('2025-11-17')!, oldest)).not.toThrow()
  })

  it('skips folders that only look like years, months and days', async () => {
    const config = { bucket: 'logs', prefix: '', source: 'Config', kind: 'account' } as const
    const region = (account: string) => `AWSLogs/${account}/Config/eu-west-1/`
    serveFolders({
      // Year 0000 is none (Date.UTC made it 1900), 2026/2/30 no day (it made it 2026-03-02), and
      // 2026/3/07 not how Config spells a day: the oldest is 2026/3/9.
      [region('111111111111')]: ['0000', '2026'],
      [`${region('111111111111')}0000/`]: ['1'],
      [`${region('111111111111')}0000/1/`]: ['1'],
      [`${region('111111111111')}2026/`]: ['3', '13'],
      [`${region('111111111111')}2026/3/`]: ['07', '9'],
      [region('222222222222')]: ['2026'],
      [`${region('222222222222')}2026/`]: ['2', '3'],
      [`${region('222222222222')}2026/2/`]: ['30']
    })
    const series = new Map([
      ['111111111111', ['eu-west-1']],
      ['222222222222', ['eu-west-1']]
    ])
    const oldest = await oldestLogDay(s3, config, series, 4)
    expect(oldest && formatIsoDate(oldest.day)).toBe('2026-03-09')
  })

  it('knows nothing of a bucket without day folders, and refuses nothing then', async () => {
    serveFolders({})
    const oldest = await oldestLogDay(s3, layout, new Map([['111111111111', ['eu-west-1']]]), 2)
    expect(oldest).toBeUndefined()
    expect(() => checkAsOfAgainstLogs(parseIsoDate('2020-01-01')!, oldest)).not.toThrow()
  })
})
