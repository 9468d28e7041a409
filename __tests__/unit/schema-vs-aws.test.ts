/**
 * The table `create-table` makes, against AWS's documented DDL for organization trails as the
 * stand-in reads it (stand-in/cloudtrail-table.sql): same columns and nested types, same SerDe and
 * formats, same partition keys, at the same location. The product's schema is checked against AWS's,
 * never against itself: the stand-in's table owes nothing to src/.
 */
import { cloudTrailTableInput } from '../../src/table/create.js'
import { ACCEPTED_SERDES, CLOUDTRAIL_COLUMNS } from '../../src/table/schema.js'
import { documentedCloudTrailTable } from '../../stand-in/cloudtrail-table.js'

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

const aws = documentedCloudTrailTable() as GlueTable
const LAYOUT = {
  bucket: 'amzn-s3-demo-bucket',
  prefix: '',
  kind: 'organization' as const,
  organizationId: 'o-exampleorg1'
}
const ours = cloudTrailTableInput(
  { database: 'security', table: 'cloudtrail_logs' },
  LAYOUT,
  'string'
) as GlueTable

describe("the table create-table makes, against AWS's DDL", () => {
  it('has every column AWS documents, in its order, with its nested types', () => {
    expect(ours.StorageDescriptor?.Columns).toEqual(aws.StorageDescriptor?.Columns)
    expect(CLOUDTRAIL_COLUMNS.map(([Name, Type]) => ({ Name, Type }))).toEqual(aws.StorageDescriptor?.Columns)
  })

  it("reads the files as AWS's table does: SerDe, input and output formats, no buckets", () => {
    const { Columns: _ours, Location: _here, ...descriptor } = ours.StorageDescriptor ?? {}
    const { Columns: _aws, Location: _there, ...documented } = aws.StorageDescriptor ?? {}
    expect(descriptor).toEqual(documented)
    expect(ACCEPTED_SERDES.has(aws.StorageDescriptor?.SerdeInfo?.SerializationLibrary ?? '')).toBe(true)
  })

  it("has the organization trail's partition keys and is an external table at the trail's root", () => {
    expect(ours.PartitionKeys).toEqual(aws.PartitionKeys)
    expect(ours.TableType).toBe(aws.TableType)
    expect(ours.Parameters).toMatchObject(aws.Parameters ?? {})
    expect(ours.StorageDescriptor?.Location).toBe('s3://amzn-s3-demo-bucket/AWSLogs/o-exampleorg1/')
    expect(aws.StorageDescriptor?.Location).toBe('s3://amzn-s3-demo-bucket/AWSLogs/organization_id/')
  })
})
