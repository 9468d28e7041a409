import { splitQualifiedTable } from '../../src/vocabulary/table-ref.js'
import { parseIsoDate } from '../../src/vocabulary/dates.js'
import {
  describeKeys,
  parseAnyDayForm,
  parsePartitionValues,
  partitionValues
} from '../../src/vocabulary/keys.js'
import { normalizePrefix, partitionLocation, tableLocation, type Layout } from '../../src/logs/layout.js'

const march7 = parseIsoDate('2026-03-07')!
const ref = { account: '111122223333', region: 'eu-west-1', day: march7 }

describe('partition values', () => {
  it('zero-pads string date keys and writes canonical numbers for int keys', () => {
    expect(partitionValues(ref, 'string')).toEqual(['111122223333', 'eu-west-1', '2026', '03', '07'])
    expect(partitionValues(ref, 'int')).toEqual(['111122223333', 'eu-west-1', '2026', '3', '7'])
  })

  it('reads back only the canonical form of the table type', () => {
    expect(parsePartitionValues(['111122223333', 'eu-west-1', '2026', '03', '07'], 'string')).toEqual(ref)
    expect(parsePartitionValues(['111122223333', 'eu-west-1', '2026', '3', '7'], 'int')).toEqual(ref)
    // Unpadded values in a string table, padded values in an int table: not ours.
    expect(parsePartitionValues(['111122223333', 'eu-west-1', '2026', '3', '7'], 'string')).toBeUndefined()
    expect(parsePartitionValues(['111122223333', 'eu-west-1', '2026', '03', '07'], 'int')).toBeUndefined()
    expect(parsePartitionValues(['111122223333', 'eu-west-1', '2026', '02', '30'], 'string')).toBeUndefined()
    expect(parsePartitionValues(['1111', 'eu-west-1', '2026', '03', '07'], 'string')).toBeUndefined()
    expect(parsePartitionValues(['111122223333', 'Europe', '2026', '03', '07'], 'string')).toBeUndefined()
    expect(parsePartitionValues(['111122223333', 'eu-west-1', '2026', '03'], 'string')).toBeUndefined()
  })
})

describe('CloudTrail layout', () => {
  const org: Layout = {
    bucket: 'logs',
    prefix: 'ct/',
    source: 'CloudTrail',
    kind: 'organization',
    organizationId: 'o-abcdef1234'
  }
  const single: Layout = { bucket: 'logs', prefix: '', source: 'CloudTrail', kind: 'account' }

  it('keeps the zero-padded path in locations whatever the key type', () => {
    expect(partitionLocation(org, ref)).toBe(
      's3://logs/ct/AWSLogs/o-abcdef1234/111122223333/CloudTrail/eu-west-1/2026/03/07/'
    )
    expect(partitionLocation(single, ref)).toBe(
      's3://logs/AWSLogs/111122223333/CloudTrail/eu-west-1/2026/03/07/'
    )
    expect(tableLocation(org)).toBe('s3://logs/ct/AWSLogs/o-abcdef1234/')
  })

  it('normalizes the prefix input', () => {
    expect(normalizePrefix('')).toBe('')
    expect(normalizePrefix(' /control-tower/logs/ ')).toBe('control-tower/logs/')
    expect(normalizePrefix('cloudtrail')).toBe('cloudtrail/')
  })
})

describe('splitQualifiedTable', () => {
  it('reads the table and its database, dropping a catalog', () => {
    expect(splitQualifiedTable('cloudtrail')).toEqual({ table: 'cloudtrail' })
    expect(splitQualifiedTable('security.cloudtrail')).toEqual({ database: 'security', table: 'cloudtrail' })
    expect(splitQualifiedTable('awsdatacatalog.security.cloudtrail')).toEqual({
      database: 'security',
      table: 'cloudtrail'
    })
  })
})

describe("the date keys of AWS's examples", () => {
  const ref = { account: '111122223333', region: 'eu-west-1', day: parseIsoDate('2026-03-07')! }
  const timestamp = {
    date: { kind: 'formatted', name: 'timestamp', format: 'yyyy/MM/dd' },
    account: '111122223333',
    region: 'eu-west-1'
  } as const
  const vpc = { date: { kind: 'date', name: 'date' }, account: '111122223333' } as const

  it('writes one value for the day, and the account and region only when they are keys', () => {
    expect(partitionValues(ref, timestamp)).toEqual(['2026/03/07'])
    expect(partitionValues(ref, vpc)).toEqual(['eu-west-1', '2026-03-07'])
    expect(partitionValues(ref, { date: { kind: 'formatted', name: 'dt', format: 'yyyy-M-d' } })).toEqual([
      '111122223333',
      'eu-west-1',
      '2026-3-7'
    ])
  })

  it('reads back its own form only, and any padding as a day already covered', () => {
    expect(parsePartitionValues(['2026/03/07'], timestamp)).toEqual(ref)
    expect(parsePartitionValues(['eu-west-1', '2026-03-07'], vpc)).toEqual(ref)
    expect(parsePartitionValues(['2026/3/7'], timestamp)).toBeUndefined()
    expect(parseAnyDayForm(['2026/3/7'], timestamp)).toEqual(ref)
    expect(parsePartitionValues(['2026/02/30'], timestamp)).toBeUndefined()
    expect(parsePartitionValues(['eu-west-1', '2026-03-07', 'x'], vpc)).toBeUndefined()
    expect(parsePartitionValues(['2026-03-07'], vpc)).toBeUndefined()
  })

  it('describes the scheme for the report', () => {
    expect(describeKeys('int')).toBe('int')
    expect(describeKeys(timestamp)).toBe(
      'timestamp string yyyy/MM/dd (one account 111122223333, one region eu-west-1, no key)'
    )
    expect(describeKeys({ date: vpc.date })).toBe('date date')
  })
})
