/**
 * The CloudTrail table as AWS currently documents it for Athena: columns (with the nested struct
 * types of useridentity, resources, addendum and tlsdetails), SerDe and formats, and the partition
 * keys of the organization-trail variant.
 *
 * Sources: Amazon Athena User Guide, "Create a table for CloudTrail logs in Athena using manual
 * partitioning" (docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table.html) and "Create a
 * table for an organization trail" (create-cloudtrail-table-org-wide-trail.html); the column order is
 * the manual-partitioning page's. AWS writes the types in upper case; Glue stores them lower case
 * without spaces, as below.
 */
import type { StorageDescriptor } from '@aws-sdk/client-glue'
import type { DateKeyType } from '../vocabulary/keys.js'
import { PARTITION_KEY_NAMES } from '../vocabulary/keys.js'

export const CLOUDTRAIL_COLUMNS: readonly (readonly [string, string])[] = [
  ['eventversion', 'string'],
  [
    'useridentity',
    'struct<type:string,principalid:string,arn:string,accountid:string,invokedby:string,accesskeyid:string,username:string,onbehalfof:struct<userid:string,identitystorearn:string>,sessioncontext:struct<attributes:struct<mfaauthenticated:string,creationdate:string>,sessionissuer:struct<type:string,principalid:string,arn:string,accountid:string,username:string>,ec2roledelivery:string,webidfederationdata:struct<federatedprovider:string,attributes:map<string,string>>>>'
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
  ['resources', 'array<struct<arn:string,accountid:string,type:string>>'],
  ['eventtype', 'string'],
  ['apiversion', 'string'],
  ['readonly', 'string'],
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

/** JSON SerDe: AWS notes the older CloudTrailSerde does not handle the newer fields. */
export const CLOUDTRAIL_SERDE = 'org.apache.hive.hcatalog.data.JsonSerDe'
export const CLOUDTRAIL_INPUT_FORMAT = 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'
export const CLOUDTRAIL_OUTPUT_FORMAT = 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'

/** SerDes that read CloudTrail's files: the documented one and the older CloudTrail-specific one. */
export const ACCEPTED_SERDES: ReadonlySet<string> = new Set([
  CLOUDTRAIL_SERDE,
  'com.amazon.emr.hive.serde.CloudTrailSerde'
])

/** The table's storage descriptor as AWS documents it: columns, SerDe and formats, at `location`. */
export function cloudTrailStorageDescriptor(location: string): StorageDescriptor {
  return {
    Columns: CLOUDTRAIL_COLUMNS.map(([Name, Type]) => ({ Name, Type })),
    Location: location,
    InputFormat: CLOUDTRAIL_INPUT_FORMAT,
    OutputFormat: CLOUDTRAIL_OUTPUT_FORMAT,
    SerdeInfo: { SerializationLibrary: CLOUDTRAIL_SERDE, Parameters: {} },
    Compressed: false,
    NumberOfBuckets: -1,
    StoredAsSubDirectories: false
  }
}

export function partitionKeyColumns(dateKeyType: DateKeyType): { Name: string; Type: string }[] {
  return PARTITION_KEY_NAMES.map((name, index) => ({ Name: name, Type: index < 2 ? 'string' : dateKeyType }))
}

/** A Hive type split into its struct fields, for checking `useridentity.sessioncontext.x` paths. */
export type FieldTree = Map<string, FieldTree | null>

/**
 * Parses `struct<a:string,b:struct<c:int>>` (and arrays or maps of structs) into a tree of field
 * names; null marks a leaf. Arrays and maps are looked through, as `resources[1].arn` reads them.
 */
export function fieldsOf(type: string): FieldTree | null {
  const text = type.replace(/\s+/g, '').toLowerCase()
  let position = 0
  const parseType = (): FieldTree | null => {
    if (text.startsWith('struct<', position)) {
      position += 'struct<'.length
      const fields: FieldTree = new Map()
      while (text[position] !== '>') {
        const colon = text.indexOf(':', position)
        const name = text.slice(position, colon)
        position = colon + 1
        fields.set(name, parseType())
        if (text[position] === ',') position += 1
      }
      position += 1
      return fields
    }
    for (const wrapper of ['array<', 'map<']) {
      if (text.startsWith(wrapper, position)) {
        position += wrapper.length
        let inner = parseType()
        if (wrapper === 'map<') {
          position += 1 // the comma between key and value types
          inner = parseType()
        }
        position += 1
        return inner
      }
    }
    const end = text.slice(position).search(/[,>]|$/)
    position += end
    return null
  }
  return parseType()
}
