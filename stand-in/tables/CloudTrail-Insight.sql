-- A table for CloudTrail Insights events. AWS documents NONE: the Athena user guide's CloudTrail
-- pages cover management, data and network activity events only. This statement is written for
-- the stand-in from AWS's documented record, independently of the product's own table:
--
-- * the fields and their order: AWS CloudTrail User Guide, "CloudTrail record contents for Insights
--   events for trails" (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-insights-fields-trails.html):
--   eventVersion, eventType, eventID, eventTime, awsRegion, recipientAccountId, sharedEventID,
--   insightDetails (state, eventSource, eventName, insightType, insightContext: statistics with
--   baseline.average, insight.average, insightDuration, baselineDuration; attributions with
--   attribute and insight/baseline lists of value and average), eventCategory;
-- * the types: averages are decimals in AWS's example record (9.82222E-5), durations whole minutes;
-- * SerDe and input format: CloudTrail's, because "All event types use a CloudTrail JSON log
--   format ... The event data is enclosed in a Records array" ("Understanding CloudTrail events",
--   https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-events.html).
--
-- stand-in/log-tables.ts reads this text into a Glue TableInput (stand-in/hive-ddl.ts); the
-- product's table (src/table/documented/cloudtrail-insight.ts) is tested against it.
CREATE EXTERNAL TABLE cloudtrail_insights (
  eventVersion STRING,
  eventType STRING,
  eventID STRING,
  eventTime STRING,
  awsRegion STRING,
  recipientAccountId STRING,
  sharedEventID STRING,
  insightDetails STRUCT<
    state: STRING,
    eventSource: STRING,
    eventName: STRING,
    insightType: STRING,
    insightContext: STRUCT<
      statistics: STRUCT<
        baseline: STRUCT<average: DOUBLE>,
        insight: STRUCT<average: DOUBLE>,
        insightDuration: INT,
        baselineDuration: INT>,
      attributions: ARRAY<STRUCT<
        attribute: STRING,
        insight: ARRAY<STRUCT<value: STRING, average: DOUBLE>>,
        baseline: ARRAY<STRUCT<value: STRING, average: DOUBLE>>>>>>,
  eventCategory STRING
)
PARTITIONED BY (account STRING, region STRING, year STRING, month STRING, day STRING)
ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'
STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'
OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
LOCATION 's3://amzn-s3-demo-bucket/AWSLogs/organization_id/';
