/**
 * The CloudTrail table as AWS currently documents it for Athena: columns (with the nested struct
 * types of useridentity, resources, addendum and tlsdetails), SerDe and formats.
 *
 * Sources: Amazon Athena User Guide, "Create a table for CloudTrail logs in Athena using manual
 * partitioning" (docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table.html) and "Create a
 * table for an organization trail" (create-cloudtrail-table-org-wide-trail.html); the column order is
 * the manual-partitioning page's. AWS writes the types in upper case; Glue stores them lower case
 * without spaces, as below.
 */
import { HCATALOG_JSON_SERDE, TEXT_OUTPUT_FORMAT, type Columns, type DocumentedTable } from './types.js'

export const CLOUDTRAIL_COLUMNS: Columns = [
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

/** Reads the `{"Records": [...]}` wrapper of every CloudTrail log file, Insights included. */
export const CLOUDTRAIL_INPUT_FORMAT = 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'

export const CLOUDTRAIL_TABLE: DocumentedTable = {
  source: 'CloudTrail',
  columns: CLOUDTRAIL_COLUMNS,
  // AWS notes the older CloudTrailSerde does not handle the newer fields; both read the files.
  serde: HCATALOG_JSON_SERDE,
  serdeParameters: {},
  inputFormat: CLOUDTRAIL_INPUT_FORMAT,
  outputFormat: TEXT_OUTPUT_FORMAT,
  tableParameters: {},
  classification: 'cloudtrail',
  acceptedSerdes: [HCATALOG_JSON_SERDE, 'com.amazon.emr.hive.serde.CloudTrailSerde'],
  columnsByName: true,
  documentation: 'https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table-org-wide-trail.html'
}
