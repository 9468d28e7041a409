/**
 * The VPC Flow Logs table AWS documents for logs of several accounts in one bucket: Amazon Athena
 * User Guide, "Create tables for flow logs in Apache Parquet format using partition projection" is
 * for Parquet; this is its text sibling, "Use partition projection for Amazon VPC flow logs"
 * (docs.aws.amazon.com/athena/latest/ug/vpc-flow-logs-partition-projection.html): space-delimited
 * text read by the LazySimpleSerDe (`ROW FORMAT DELIMITED FIELDS TERMINATED BY ' '`, which Athena
 * stores as `field.delim` and `serialization.format`), the header line skipped. That table is
 * partitioned by account and Region, so it has no `region` column (the user guide's single-account
 * table has one, which would clash with the partition key). Its projection properties are left out:
 * Glue partitions replace them.
 */
import { TEXT_INPUT_FORMAT, TEXT_OUTPUT_FORMAT, type DocumentedTable } from './types.js'

export const LAZY_SIMPLE_SERDE = 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'
export const PARQUET_SERDE = 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'

export const VPC_FLOW_LOGS_TABLE: DocumentedTable = {
  source: 'vpcflowlogs',
  columns: [
    ['version', 'int'],
    ['account_id', 'string'],
    ['interface_id', 'string'],
    ['srcaddr', 'string'],
    ['dstaddr', 'string'],
    ['srcport', 'int'],
    ['dstport', 'int'],
    ['protocol', 'bigint'],
    ['packets', 'bigint'],
    ['bytes', 'bigint'],
    ['start', 'bigint'],
    ['end', 'bigint'],
    ['action', 'string'],
    ['log_status', 'string'],
    ['vpc_id', 'string'],
    ['subnet_id', 'string'],
    ['instance_id', 'string'],
    ['tcp_flags', 'int'],
    ['type', 'string'],
    ['pkt_srcaddr', 'string'],
    ['pkt_dstaddr', 'string'],
    ['az_id', 'string'],
    ['sublocation_type', 'string'],
    ['sublocation_id', 'string'],
    ['pkt_src_aws_service', 'string'],
    ['pkt_dst_aws_service', 'string'],
    ['flow_direction', 'string'],
    ['traffic_path', 'int']
  ],
  serde: LAZY_SIMPLE_SERDE,
  serdeParameters: { 'field.delim': ' ', 'serialization.format': ' ' },
  inputFormat: TEXT_INPUT_FORMAT,
  outputFormat: TEXT_OUTPUT_FORMAT,
  tableParameters: { 'skip.header.line.count': '1' },
  // Parquet flow logs (AWS's Parquet tables) are read by the Parquet SerDe.
  acceptedSerdes: [LAZY_SIMPLE_SERDE, PARQUET_SERDE],
  columnsByName: false,
  documentation: 'https://docs.aws.amazon.com/athena/latest/ug/vpc-flow-logs-partition-projection.html'
}
