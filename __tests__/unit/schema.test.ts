import { CLOUDTRAIL_COLUMNS, fieldsOf, partitionKeyColumns } from '../../src/table/schema.js'

describe('CloudTrail schema', () => {
  it('has the documented columns, each once', () => {
    const names = CLOUDTRAIL_COLUMNS.map(([name]) => name)
    expect(new Set(names).size).toBe(names.length)
    expect(names).toEqual(
      expect.arrayContaining(['useridentity', 'eventname', 'tlsdetails', 'addendum', 'resources'])
    )
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
