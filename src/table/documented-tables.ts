/** The table the action creates and checks for each source (documented/*.ts). */
import type { SourceName } from '../logs/sources.js'
import { CLOUDTRAIL_TABLE } from './documented/cloudtrail.js'
import { CLOUDTRAIL_INSIGHT_TABLE } from './documented/cloudtrail-insight.js'
import { CONFIG_TABLE } from './documented/config.js'
import { ALB_ACCESS_LOGS_TABLE } from './documented/elasticloadbalancing.js'
import type { DocumentedTable } from './documented/types.js'
import { VPC_FLOW_LOGS_TABLE } from './documented/vpcflowlogs.js'

const TABLES: Readonly<Record<SourceName, DocumentedTable>> = {
  CloudTrail: CLOUDTRAIL_TABLE,
  'CloudTrail-Insight': CLOUDTRAIL_INSIGHT_TABLE,
  Config: CONFIG_TABLE,
  vpcflowlogs: VPC_FLOW_LOGS_TABLE,
  elasticloadbalancing: ALB_ACCESS_LOGS_TABLE
}

export function documentedTable(source: SourceName): DocumentedTable {
  return TABLES[source]
}

export type { Columns, DocumentedTable } from './documented/types.js'
