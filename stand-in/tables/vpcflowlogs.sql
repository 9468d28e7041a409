-- The table for VPC Flow Logs of several accounts in one bucket, as AWS documents it for Athena.
--
-- Source: Amazon Athena User Guide, "Use partition projection for Amazon VPC flow logs"
-- (https://docs.aws.amazon.com/athena/latest/ug/vpc-flow-logs-partition-projection.html), the
-- statement "for VPC flow logs delivered in non-Hive style partitioning format" that "allows for
-- multi-account aggregation", read 2026-12 through the markdown source of the current page. Text
-- delimited by spaces (the LazySimpleSerDe), the header line skipped. Partitioned by account and
-- Region, it has no `region` column (the single-account table of "Create a table for VPC flow logs"
-- has one). Columns, clauses and properties are AWS's, placeholders ($LOCATION_OF_LOGS, $ACCID_1...)
-- included; only the indentation is ours.
--
-- The action's tables take its columns, SerDe and header property with the organization trail's
-- partition keys, and none of the projection properties (Glue partitions replace them).
--
-- stand-in/log-tables.ts reads this text into a Glue TableInput (stand-in/hive-ddl.ts), so the
-- product's own table (src/table/documented/vpcflowlogs.ts) is tested against AWS's.
CREATE EXTERNAL TABLE IF NOT EXISTS test_table_vpclogs (
  version int,
  account_id string,
  interface_id string,
  srcaddr string,
  dstaddr string,
  srcport int,
  dstport int,
  protocol bigint,
  packets bigint,
  bytes bigint,
  start bigint,
  `end` bigint,
  action string,
  log_status string,
  vpc_id string,
  subnet_id string,
  instance_id string,
  tcp_flags int,
  type string,
  pkt_srcaddr string,
  pkt_dstaddr string,
  az_id string,
  sublocation_type string,
  sublocation_id string,
  pkt_src_aws_service string,
  pkt_dst_aws_service string,
  flow_direction string,
  traffic_path int
)
PARTITIONED BY (accid string, region string, day string)
ROW FORMAT DELIMITED
FIELDS TERMINATED BY ' '
LOCATION '$LOCATION_OF_LOGS'
TBLPROPERTIES
(
"skip.header.line.count"="1",
"projection.enabled" = "true",
"projection.accid.type" = "enum",
"projection.accid.values" = "$ACCID_1,$ACCID_2",
"projection.region.type" = "enum",
"projection.region.values" = "$REGION_1,$REGION_2,$REGION_3",
"projection.day.type" = "date",
"projection.day.range" = "$START_RANGE,NOW",
"projection.day.format" = "yyyy/MM/dd",
"storage.location.template" = "s3://amzn-s3-demo-bucket/AWSLogs/${accid}/vpcflowlogs/${region}/${day}"
)
