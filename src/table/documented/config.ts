/**
 * The AWS Config table as the AWS Knowledge Center documents it for Athena: "How can I use the
 * number of CIs recorded per month to understand AWS Config billing?"
 * (repost.aws/knowledge-center/retrieve-aws-config-items-per-month). The JSON SerDe without
 * STORED AS, so Athena's default text formats. AWS's table has no partitions (its location is one
 * account and Region): the partition keys are the action's, as for CloudTrail.
 */
import {
  HCATALOG_JSON_SERDE,
  OPENX_JSON_SERDE,
  TEXT_INPUT_FORMAT,
  TEXT_OUTPUT_FORMAT,
  type DocumentedTable
} from './types.js'

export const CONFIG_TABLE: DocumentedTable = {
  source: 'Config',
  columns: [
    ['fileversion', 'string'],
    ['configsnapshotid', 'string'],
    [
      'configurationitems',
      'array<struct<configurationitemversion:string,configurationitemcapturetime:string,configurationstateid:bigint,' +
        'awsaccountid:string,configurationitemstatus:string,resourcetype:string,resourceid:string,resourcename:string,' +
        'arn:string,awsregion:string,availabilityzone:string,configurationstatemd5hash:string,resourcecreationtime:string>>'
    ]
  ],
  serde: HCATALOG_JSON_SERDE,
  serdeParameters: {},
  inputFormat: TEXT_INPUT_FORMAT,
  outputFormat: TEXT_OUTPUT_FORMAT,
  tableParameters: {},
  classification: 'json',
  acceptedSerdes: [HCATALOG_JSON_SERDE, OPENX_JSON_SERDE],
  columnsByName: true,
  documentation: 'https://repost.aws/knowledge-center/retrieve-aws-config-items-per-month',
  designedFrom: "AWS's unpartitioned table, with the action's partition keys"
}
