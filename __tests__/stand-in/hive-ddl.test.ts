import { describe, expect, it } from '@jest/globals'
import {
  cloudTrailDdl,
  cloudTrailTableInput,
  documentedCloudTrailTable
} from '../../stand-in/cloudtrail-table.js'
import { HiveDdlError, readCreateTable, tableInputOf } from '../../stand-in/hive-ddl.js'

type Table = {
  Name: string
  TableType: string
  Parameters: Record<string, string>
  PartitionKeys: { Name: string; Type: string }[]
  StorageDescriptor: {
    Columns: { Name: string; Type: string; Comment?: string }[]
    Location?: string
    InputFormat?: string
    OutputFormat?: string
    SerdeInfo: { SerializationLibrary?: string; Parameters: Record<string, string> }
  }
}

describe("AWS's CloudTrail DDL read by the stand-in", () => {
  const table = documentedCloudTrailTable() as Table

  it('keeps its source with the text', () => {
    expect(cloudTrailDdl()).toContain(
      'https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table.html'
    )
  })

  it("has the organization trail's partition keys, SerDe, formats and location", () => {
    expect(table).toMatchObject({
      Name: 'cloudtrail_logs',
      TableType: 'EXTERNAL_TABLE',
      Parameters: { EXTERNAL: 'TRUE' },
      PartitionKeys: ['account', 'region', 'year', 'month', 'day'].map((Name) => ({ Name, Type: 'string' })),
      StorageDescriptor: {
        Location: 's3://amzn-s3-demo-bucket/AWSLogs/organization_id/',
        InputFormat: 'com.amazon.emr.cloudtrail.CloudTrailInputFormat',
        OutputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
        SerdeInfo: { SerializationLibrary: 'org.apache.hive.hcatalog.data.JsonSerDe', Parameters: {} }
      }
    })
  })

  it('has the current columns, nested types in Glue form', () => {
    const columns = new Map(table.StorageDescriptor.Columns.map((c) => [c.Name, c.Type]))
    expect(columns.size).toBe(29)
    expect(columns.get('useridentity')).toContain('onbehalfof:struct<userid:string,identitystorearn:string>')
    expect(columns.get('useridentity')).toContain(
      'webidfederationdata:struct<federatedprovider:string,attributes:map<string,string>>>>'
    )
    expect(columns.get('resources')).toBe('array<struct<arn:string,accountid:string,type:string>>')
    expect(columns.get('tlsdetails')).toBe(
      'struct<tlsversion:string,ciphersuite:string,clientprovidedhostheader:string>'
    )
    expect(columns.get('addendum')).toBe(
      'struct<reason:string,updatedfields:string,originalrequestid:string,originaleventid:string>'
    )
    expect(columns.get('edgedevicedetails')).toBe('string')
  })

  it('takes the fixture options tests use: name, location, int dates, parameters, other keys', () => {
    const int = cloudTrailTableInput({
      name: 'Trail',
      location: 's3://b/AWSLogs/o-1/',
      dateKeyType: 'int',
      parameters: { 'projection.enabled': 'true' }
    }) as Table
    expect(int.Name).toBe('trail')
    expect(int.StorageDescriptor.Location).toBe('s3://b/AWSLogs/o-1/')
    expect(int.PartitionKeys.map((k) => k.Type)).toEqual(['string', 'string', 'int', 'int', 'int'])
    expect(int.Parameters).toEqual({ EXTERNAL: 'TRUE', 'projection.enabled': 'true' })
    const other = cloudTrailTableInput({
      name: 't',
      location: 's3://b/',
      partitionKeys: [['dt', 'date']]
    }) as Table
    expect(other.PartitionKeys).toEqual([{ Name: 'dt', Type: 'date' }])
    expect(other.StorageDescriptor.Columns).toEqual(table.StorageDescriptor.Columns)
  })
})

describe('the Hive DDL reader', () => {
  it('reads comments, properties, quoted names, qualified names and sized types', () => {
    const read = readCreateTable(`
      -- a comment
      CREATE EXTERNAL TABLE IF NOT EXISTS logs.\`Access\` (
        \`date\` date COMMENT 'the day',
        bytes BIGINT,
        price DECIMAL(10, 2),
        tags MAP<STRING, ARRAY<STRUCT<k:STRING COMMENT 'key', v:INT>>>
      )
      COMMENT 'access logs'
      PARTITIONED BY (dt string)
      ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
      WITH SERDEPROPERTIES ('ignore.malformed.json' = 'true')
      /* stored */ STORED AS INPUTFORMAT 'in' OUTPUTFORMAT 'out'
      LOCATION 's3://bucket/logs/'
      TBLPROPERTIES ('projection.enabled'='true', 'has_encrypted_data'='false');`)
    expect(tableInputOf(read)).toEqual({
      Name: 'access',
      Description: 'access logs',
      TableType: 'EXTERNAL_TABLE',
      Parameters: { EXTERNAL: 'TRUE', 'projection.enabled': 'true', has_encrypted_data: 'false' },
      PartitionKeys: [{ Name: 'dt', Type: 'string' }],
      StorageDescriptor: {
        Columns: [
          { Name: 'date', Type: 'date', Comment: 'the day' },
          { Name: 'bytes', Type: 'bigint' },
          { Name: 'price', Type: 'decimal(10,2)' },
          { Name: 'tags', Type: 'map<string,array<struct<k:string,v:int>>>' }
        ],
        Location: 's3://bucket/logs/',
        InputFormat: 'in',
        OutputFormat: 'out',
        SerdeInfo: {
          SerializationLibrary: 'org.openx.data.jsonserde.JsonSerDe',
          Parameters: { 'ignore.malformed.json': 'true' }
        },
        Compressed: false,
        NumberOfBuckets: -1,
        StoredAsSubDirectories: false
      }
    })
  })

  it.each([
    ['a missing >', 'CREATE TABLE t (a STRUCT<b:STRING)', /expected >/],
    ['an unknown clause', 'CREATE TABLE t (a STRING) CLUSTERED BY (a)', /expected COMMENT, PARTITIONED BY/],
    ['an unclosed string', "CREATE TABLE t (a STRING) LOCATION 's3://x", /unclosed string/],
    ['a second statement', 'CREATE TABLE t (a STRING); DROP TABLE t', /expected the end of the statement/],
    ['not a CREATE', 'SELECT 1', /expected CREATE, found "SELECT"/]
  ])('refuses %s, saying where', (_, sql, message) => {
    expect(() => readCreateTable(sql)).toThrow(HiveDdlError)
    expect(() => readCreateTable(sql)).toThrow(message)
  })
})
