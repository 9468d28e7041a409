/**
 * The table `create-table` makes for each source, against AWS's documented DDL as the stand-in reads
 * it (stand-in/tables/<source>.sql): same columns and nested types, same SerDe, SerDe parameters and
 * formats, AWS's reading properties (VPC Flow Logs' header line), the organization trail's partition
 * keys. The product's tables are checked against AWS's, never against themselves: the stand-in's
 * tables owe nothing to src/.
 */
import { tableInputFor } from '../../src/table/create.js'
import { documentedTable } from '../../src/table/documented-tables.js'
import { SOURCE_NAMES, SOURCES, type SourceName } from '../../src/logs/sources.js'
import { documentedLogTable } from '../../stand-in/log-tables.js'

interface GlueTable {
  Name?: string
  TableType?: string
  Parameters?: Record<string, string>
  PartitionKeys?: { Name?: string; Type?: string }[]
  StorageDescriptor?: {
    Columns?: { Name?: string; Type?: string }[]
    Location?: string
    InputFormat?: string
    OutputFormat?: string
    SerdeInfo?: { SerializationLibrary?: string; Parameters?: Record<string, string> }
    Compressed?: boolean
    NumberOfBuckets?: number
    StoredAsSubDirectories?: boolean
  }
}

const ORGANIZATION_TRAIL_KEYS = ['account', 'region', 'year', 'month', 'day'].map((Name) => ({
  Name,
  Type: 'string'
}))

function ours(source: SourceName): GlueTable {
  const kind = SOURCES[source].layouts[0]!.kind
  const layout = {
    bucket: 'amzn-s3-demo-bucket',
    prefix: '',
    source,
    kind,
    ...(kind === 'organization' ? { organizationId: 'o-exampleorg1' } : {})
  }
  return tableInputFor({ database: 'security', table: 'logs' }, layout, 'string') as GlueTable
}

describe.each(SOURCE_NAMES)("the %s table create-table makes, against AWS's DDL", (source) => {
  const aws = documentedLogTable(source) as GlueTable
  const table = ours(source)

  it('has every column AWS documents, in its order, with its nested types', () => {
    expect(table.StorageDescriptor?.Columns).toEqual(aws.StorageDescriptor?.Columns)
  })

  it("reads the files as AWS's table does: SerDe and its parameters, input and output formats", () => {
    const { Columns: _ours, Location: _here, ...descriptor } = table.StorageDescriptor ?? {}
    const { Columns: _aws, Location: _there, ...documented } = aws.StorageDescriptor ?? {}
    expect(descriptor).toEqual(documented)
    expect(documentedTable(source).acceptedSerdes[0]).toBe(
      aws.StorageDescriptor?.SerdeInfo?.SerializationLibrary
    )
  })

  it("keeps AWS's reading properties, not its projection, with the organization trail's keys", () => {
    const reading = Object.fromEntries(
      Object.entries(aws.Parameters ?? {}).filter(
        ([key]) => !key.startsWith('projection.') && key !== 'storage.location.template'
      )
    )
    expect(table.Parameters).toMatchObject(reading)
    expect(Object.keys(table.Parameters ?? {}).filter((key) => key.startsWith('projection.'))).toEqual([])
    expect(table.PartitionKeys).toEqual(ORGANIZATION_TRAIL_KEYS)
    expect(table.TableType).toBe('EXTERNAL_TABLE')
  })
})

describe("CloudTrail's table", () => {
  it("is AWS's organization-trail table, keys included, at the trail's root", () => {
    const aws = documentedLogTable('CloudTrail') as GlueTable
    const table = ours('CloudTrail')
    expect(table.PartitionKeys).toEqual(aws.PartitionKeys)
    expect(table.Parameters).toMatchObject(aws.Parameters ?? {})
    expect(table.StorageDescriptor?.Location).toBe('s3://amzn-s3-demo-bucket/AWSLogs/o-exampleorg1/')
    expect(aws.StorageDescriptor?.Location).toBe('s3://amzn-s3-demo-bucket/AWSLogs/organization_id/')
  })
})
