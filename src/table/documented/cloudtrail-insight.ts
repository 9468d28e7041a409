/**
 * A table for CloudTrail Insights events. AWS documents none (the Athena user guide's CloudTrail
 * pages cover management, data and network activity events), so this one is designed from AWS's
 * documented record: "CloudTrail record contents for Insights events for trails"
 * (docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-insights-fields-trails.html), the
 * fields in that page's order, and CloudTrail's SerDe and input format, because "all event types
 * use a CloudTrail JSON log format ... enclosed in a Records array" ("Understanding CloudTrail
 * events", cloudtrail-events.html). Averages are decimals in AWS's example (9.82222E-5), durations
 * whole minutes.
 */
import { CLOUDTRAIL_INPUT_FORMAT } from './cloudtrail.js'
import { HCATALOG_JSON_SERDE, OPENX_JSON_SERDE, TEXT_OUTPUT_FORMAT, type DocumentedTable } from './types.js'

const VALUE_AVERAGES = 'array<struct<value:string,average:double>>'

export const CLOUDTRAIL_INSIGHT_TABLE: DocumentedTable = {
  source: 'CloudTrail-Insight',
  columns: [
    ['eventversion', 'string'],
    ['eventtype', 'string'],
    ['eventid', 'string'],
    ['eventtime', 'string'],
    ['awsregion', 'string'],
    ['recipientaccountid', 'string'],
    ['sharedeventid', 'string'],
    [
      'insightdetails',
      'struct<state:string,eventsource:string,eventname:string,insighttype:string,insightcontext:' +
        'struct<statistics:struct<baseline:struct<average:double>,insight:struct<average:double>,' +
        `insightduration:int,baselineduration:int>,attributions:array<struct<attribute:string,insight:${VALUE_AVERAGES},baseline:${VALUE_AVERAGES}>>>>`
    ],
    ['eventcategory', 'string']
  ],
  serde: HCATALOG_JSON_SERDE,
  serdeParameters: {},
  inputFormat: CLOUDTRAIL_INPUT_FORMAT,
  outputFormat: TEXT_OUTPUT_FORMAT,
  tableParameters: {},
  classification: 'cloudtrail',
  acceptedSerdes: [HCATALOG_JSON_SERDE, OPENX_JSON_SERDE],
  columnsByName: true,
  documentation:
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-insights-fields-trails.html',
  designedFrom: "AWS's documented Insights record (no Athena table for Insights is documented)"
}
