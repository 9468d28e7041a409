-- Hive DDL that Athena runs: the Trino grammar does not parse it, the check skips it.
MSCK REPAIR TABLE cloudtrail;
alter table `security`.`cloudtrail` ADD IF NOT EXISTS
  PARTITION (account = '111122223333', region = 'eu-central-1', year = '2026', month = '03', day = '01')
  LOCATION 's3://logs/AWSLogs/o-example0001/111122223333/CloudTrail/eu-central-1/2026/03/01/';
ALTER TABLE cloudtrail DROP PARTITION (account = '111122223333', region = 'eu-central-1', year = '2026', month = '03', day = '01');
/* partitions */ SHOW PARTITIONS cloudtrail;
CREATE EXTERNAL TABLE cloudtrail_copy (eventname string)
  PARTITIONED BY (account string, region string, year string, month string, day string)
  ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'
  LOCATION 's3://logs/AWSLogs/';
DESCRIBE `cloudtrail`;
SHOW CREATE TABLE `cloudtrail`;
-- The query of an UNLOAD is checked like any query.
UNLOAD (
  SELECT eventname, eventsorce
  FROM cloudtrail
  WHERE year = '2026' AND month = '03'
) TO 's3://exports/cloudtrail/' WITH (format = 'PARQUET', compression = 'SNAPPY');
UNLOAD (SELECT eventname FROM cloudtrail WHERE year = '2026' AND month = '03' AND day = '01')
TO 's3://exports/ok/' WITH (format = 'JSON', partitioned_by = ARRAY['eventname'])
