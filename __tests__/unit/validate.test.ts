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

describe('validateTable', () => {
  it('accepts the AWS-documented table and reads the key type', () => {
    expect(validateTable(table(), ref, CLOUDTRAIL, location)).toMatchObject({
      dateKeyType: 'string',
      missingColumns: [],
      warnings: []
    })
    expect(validateTable(table({ dateKeyType: 'int' }), ref, CLOUDTRAIL).dateKeyType).toBe('int')
  })

  it.each([
    [
      { partitionKeys: [['timestamp', 'string']] as [string, string][] },
      /has partition keys \(timestamp string\)/
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
      /in that order/
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
    [{ parameters: { 'projection.enabled': 'TRUE' } }, /partition projection/]
  ])('refuses %j', (options, message) => {
    expect(() => validateTable(table(options), ref, CLOUDTRAIL)).toThrow(ConfigurationError)
    expect(() => validateTable(table(options), ref, CLOUDTRAIL)).toThrow(message)
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
