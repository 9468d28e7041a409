-- The AWS Config table, as AWS documents it for Athena.
--
-- Source: AWS Knowledge Center, "How can I use the number of CIs recorded per month to understand
-- AWS Config billing?" (https://repost.aws/knowledge-center/retrieve-aws-config-items-per-month),
-- read 2026-12 from a stored copy of the article (an older revision: the current one also has a
-- variant for AWS Control Tower buckets, whose text could not be read). The Athena user guide has
-- no Config page. JSON SerDe, no STORED AS (Athena's default text formats), no partitions: the
-- location is one account and Region. Columns and clauses are AWS's; only the line breaks are ours.
--
-- The action's tables take these columns and SerDe with the organization trail's partition keys.
-- Their locations are the folders Config writes: YYYY/M/D without leading zeros (2016/9/27).
--
-- stand-in/log-tables.ts reads this text into a Glue TableInput (stand-in/hive-ddl.ts), so the
-- product's own table (src/table/documented/config.ts) is tested against AWS's.
CREATE EXTERNAL TABLE awsconfig (
         fileversion string,
         configSnapshotId string,
         configurationitems ARRAY < STRUCT < configurationItemVersion : STRING,
         configurationItemCaptureTime : STRING,
         configurationStateId : BIGINT,
         awsAccountId : STRING,
         configurationItemStatus : STRING,
         resourceType : STRING,
         resourceId : STRING,
         resourceName : STRING,
         ARN : STRING,
         awsRegion : STRING,
         availabilityZone : STRING,
         configurationStateMd5Hash : STRING,
         resourceCreationTime : STRING > >
)
ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe' LOCATION 's3://<BUCKET-NAME>/AWSLogs/<ACCOUNT-ID>/Config/<REGION>/';
