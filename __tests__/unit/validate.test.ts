import { ConfigurationError } from '../../src/vocabulary/errors.js'
import { addColumnsStatement, validateTable } from '../../src/table/validate.js'
import { documentedTable } from '../../src/table/documented-tables.js'
import { cloudTrailTableInput } from '../../stand-in/cloudtrail-table.js'
import type { Table } from '@aws-sdk/client-glue'

const CLOUDTRAIL = documentedTable('CloudTrail')
const CLOUDTRAIL_COLUMNS = CLOUDTRAIL.columns
const ref = { database: 'security', table: 'cloudtrail' }
const location = 's3://logs/AWSLogs/o-abcdef1234/'
const table = (options: Partial<Parameters<typeof cloudTrailTableInput>[0]> = {}) =>
  cloudTrailTableInput({ name: 'cloudtrail', location, ...options }) as unknown as Table

/** Table options and the refusal they get. */
type Refusal = [Parameters<typeof table>[0], RegExp]

describe('validateTable', () => {
  it('accepts the AWS-documented table and reads the key type', () => {
    expect(validateTable(table(), ref, CLOUDTRAIL, location)).toMatchObject({
      dateKeyType: 'string',
      missingColumns: [],
      warnings: []
    })
    expect(validateTable(table({ dateKeyType: 'int' }), ref, CLOUDTRAIL).dateKeyType).toBe('int')
  })

  it.each<Refusal>([
    [
      { partitionKeys: [['timestamp', 'int']] as [string, string][] },
      /has partition keys \(timestamp int\); a one-key date must be of type date or string/
    ],
    [
      {
        partitionKeys: [
          ['region', 'string'],
          ['account', 'string'],
          ['year', 'string'],
          ['month', 'string'],
          ['day', 'string']
        ] as [string, string][]
      },
      /This action writes \(account, region, year, month, day\)/
    ],
    [
      {
        partitionKeys: [
          ['account', 'string'],
          ['region', 'string'],
          ['year', 'int'],
          ['month', 'string'],
          ['day', 'string']
        ] as [string, string][]
      },
      /must all be string or all int/
    ],
    [{ parameters: { 'projection.enabled': 'TRUE' } }, /partition projection/],
    [
      {
        partitionKeys: [['dt', 'string']] as [string, string][],
        parameters: { 'projection.dt.format': 'yyyy/MM/dd/HH' }
      },
      /projection\.dt\.format is 'yyyy\/MM\/dd\/HH', which is not a format of one day/
    ],
    // Java's MMM is a month's name and ddd no day field: read as MM+M and dd+d, they wrote '2026/1212/02'.
    ...['yyyy/MMM/dd', 'yyyy/MMMM/dd', 'yyyy/MM/ddd', 'yyyyy/MM/dd'].map((format): Refusal => [
      {
        partitionKeys: [['ts', 'string']] as [string, string][],
        parameters: { 'projection.ts.format': format }
      },
      /which is not a format of one day/
    ]),
    // (region, account): the one key after region is account, which cannot hold the date.
    ...[
      [
        ['region', 'string'],
        ['account', 'string']
      ],
      [['account', 'string']]
    ].map((partitionKeys): Refusal => [
      { partitionKeys: partitionKeys as [string, string][] },
      /This action writes \(account, region, year, month, day\)/
    ])
  ])('refuses %j', (options, message) => {
    expect(() => validateTable(table(options), ref, CLOUDTRAIL)).toThrow(ConfigurationError)
    expect(() => validateTable(table(options), ref, CLOUDTRAIL)).toThrow(message)
  })

  it("reads the date keys of AWS's own examples, account and region optional", () => {
    const keysOf = (partitionKeys: [string, string][], parameters: Record<string, string> = {}) =>
      validateTable(table({ partitionKeys, parameters }), ref, CLOUDTRAIL).keys
    // CloudTrail's partition-projection table (one Region of one account), projection turned off.
    expect(keysOf([['timestamp', 'string']], { 'projection.enabled': 'false' })).toEqual({
      date: { kind: 'formatted', name: 'timestamp', format: 'yyyy/MM/dd' },
      hasAccount: false,
      hasRegion: false
    })
    expect(keysOf([['day', 'string']], { 'projection.day.format': 'yyyy-M-d' }).date).toEqual({
      kind: 'formatted',
      name: 'day',
      format: 'yyyy-M-d'
    })
    // VPC Flow Logs' table: one key of type date.
    expect(keysOf([['date', 'date']])).toEqual({
      date: { kind: 'date', name: 'date' },
      hasAccount: false,
      hasRegion: false
    })
    // CloudTrail's manual table of one account: region, year, month, day.
    expect(
      keysOf([
        ['region', 'string'],
        ['year', 'string'],
        ['month', 'string'],
        ['day', 'string']
      ])
    ).toEqual({ date: { kind: 'parts', type: 'string' }, hasAccount: false, hasRegion: true })
  })

  it('warns about another location and lists missing newer columns with the statement that adds them', () => {
    const older = table()
    older.StorageDescriptor!.Columns = older.StorageDescriptor!.Columns!.filter(
      (c) => c.Name !== 'tlsdetails'
    )
    const validated = validateTable(older, ref, CLOUDTRAIL, 's3://logs/other/')
    expect(validated.warnings[0]).toContain("the logs' root for this layout is s3://logs/other/")
    expect(validated.missingColumns.map(([name]) => name)).toEqual(['tlsdetails'])
    expect(addColumnsStatement(ref, validated.missingColumns)).toBe(
      `ALTER TABLE \`security\`.\`cloudtrail\` ADD COLUMNS (tlsdetails ${CLOUDTRAIL_COLUMNS.at(-1)![1]})`
    )
  })
})
