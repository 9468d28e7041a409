import { fieldsOf, partitionKeyColumns } from '../../src/table/schema.js'
import { documentedTable } from '../../src/table/documented-tables.js'
import { SOURCE_NAMES } from '../../src/logs/sources.js'
import { PARTITION_KEY_NAMES } from '../../src/vocabulary/keys.js'

const CLOUDTRAIL_COLUMNS = documentedTable('CloudTrail').columns

describe('documented schemas', () => {
  it('have the documented CloudTrail columns, each once', () => {
    const names = CLOUDTRAIL_COLUMNS.map(([name]) => name)
    expect(new Set(names).size).toBe(names.length)
    expect(names).toEqual(
      expect.arrayContaining(['useridentity', 'eventname', 'tlsdetails', 'addendum', 'resources'])
    )
  })

  it.each(SOURCE_NAMES)('%s: columns once each, none named like a partition key, a source page', (source) => {
    const table = documentedTable(source)
    const names = table.columns.map(([name]) => name)
    expect(new Set(names).size).toBe(names.length)
    expect(names.filter((name) => (PARTITION_KEY_NAMES as readonly string[]).includes(name))).toEqual([])
    expect(table.documentation).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|repost\.aws)\//)
    expect(table.source).toBe(source)
  })

  it('reads nested struct fields through arrays and maps', () => {
    const identity = fieldsOf(CLOUDTRAIL_COLUMNS.find(([n]) => n === 'useridentity')![1])!
    const session = identity.get('sessioncontext')!
    expect([...session.get('sessionissuer')!.keys()]).toEqual([
      'type',
      'principalid',
      'arn',
      'accountid',
      'username'
    ])
    expect(session.get('webidfederationdata')!.get('attributes')).toBeNull()
    expect(identity.get('arn')).toBeNull()
    const resources = fieldsOf('array<struct<arn:string,accountid:string,type:string>>')!
    expect([...resources.keys()]).toEqual(['arn', 'accountid', 'type'])
    expect(fieldsOf('string')).toBeNull()
    expect(fieldsOf('map<string,struct<x:int>>')).toEqual(new Map([['x', null]]))
  })

  it('types the date keys as asked', () => {
    expect(partitionKeyColumns('int').map((c) => c.Type)).toEqual(['string', 'string', 'int', 'int', 'int'])
  })
})
