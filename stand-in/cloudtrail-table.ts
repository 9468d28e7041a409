/**
 * A CloudTrail table as users create it from AWS's Athena documentation for organization trails
 * (CloudTrail SerDe, partition keys account, region, year, month, day), as Glue TableInput JSON,
 * for seeding the stand-in in tests, the demo and the benchmark.
 */
export type DateKeyType = 'string' | 'int'

const COLUMNS: [string, string][] = [
  ['eventversion', 'string'],
  [
    'useridentity',
    'struct<type:string,principalid:string,arn:string,accountid:string,invokedby:string,accesskeyid:string,username:string,onbehalfof:struct<userid:string,identitystorearn:string>,sessioncontext:struct<attributes:struct<mfaauthenticated:string,creationdate:string>,sessionissuer:struct<type:string,principalid:string,arn:string,accountid:string,username:string>,sourceidentity:string,ec2roledelivery:string,webidfederationdata:struct<federatedprovider:string,attributes:map<string,string>>>>'
  ],
  ['eventtime', 'string'],
  ['eventsource', 'string'],
  ['eventname', 'string'],
  ['awsregion', 'string'],
  ['sourceipaddress', 'string'],
  ['useragent', 'string'],
  ['errorcode', 'string'],
  ['errormessage', 'string'],
  ['requestparameters', 'string'],
  ['responseelements', 'string'],
  ['additionaleventdata', 'string'],
  ['requestid', 'string'],
  ['eventid', 'string'],
  ['readonly', 'string'],
  ['resources', 'array<struct<arn:string,accountid:string,type:string>>'],
  ['eventtype', 'string'],
  ['apiversion', 'string'],
  ['recipientaccountid', 'string'],
  ['serviceeventdetails', 'string'],
  ['sharedeventid', 'string'],
  ['vpcendpointid', 'string'],
  ['vpcendpointaccountid', 'string'],
  ['eventcategory', 'string'],
  ['addendum', 'struct<reason:string,updatedfields:string,originalrequestid:string,originaleventid:string>'],
  ['sessioncredentialfromconsole', 'string'],
  ['edgedevicedetails', 'string'],
  ['tlsdetails', 'struct<tlsversion:string,ciphersuite:string,clientprovidedhostheader:string>']
]

export interface CloudTrailTableOptions {
  name: string
  /** `s3://bucket/[prefix/]AWSLogs/[o-id/]` */
  location: string
  dateKeyType?: DateKeyType
  /** Extra table parameters (for example `projection.enabled`). */
  parameters?: Record<string, string>
  /** Replaces the partition keys (for tables made by other tools). */
  partitionKeys?: [string, string][]
}

export function cloudTrailTableInput(options: CloudTrailTableOptions): Record<string, unknown> {
  const dateType = options.dateKeyType ?? 'string'
  const keys = options.partitionKeys ?? [
    ['account', 'string'],
    ['region', 'string'],
    ['year', dateType],
    ['month', dateType],
    ['day', dateType]
  ]
  return {
    Name: options.name,
    TableType: 'EXTERNAL_TABLE',
    Parameters: { classification: 'cloudtrail', EXTERNAL: 'TRUE', ...options.parameters },
    PartitionKeys: keys.map(([Name, Type]) => ({ Name, Type })),
    StorageDescriptor: {
      Columns: COLUMNS.map(([Name, Type]) => ({ Name, Type })),
      Location: options.location,
      InputFormat: 'com.amazon.emr.cloudtrail.CloudTrailInputFormat',
      OutputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
      SerdeInfo: { SerializationLibrary: 'org.apache.hive.hcatalog.data.JsonSerDe', Parameters: {} },
      Compressed: false,
      NumberOfBuckets: -1,
      StoredAsSubDirectories: false
    }
  }
}
