-- The CloudTrail table for an organization trail, as AWS documents it for Athena.
--
-- Source: Amazon Athena User Guide, "Create a table for CloudTrail logs in Athena using manual
-- partitioning" (https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table.html), with
-- the two changes of "Create a table for an organization wide trail using manual partitioning"
-- (https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table-org-wide-trail.html):
-- LOCATION 's3://amzn-s3-demo-bucket/AWSLogs/organization_id/' and
-- PARTITIONED BY (account string, region string, year string, month string, day string).
-- Read 2026-12 from the stored copies of both pages (English and Chinese editions); those copies cut
-- the DDL after `originalrequestid:STRING,` in `addendum`: the rest (originaleventid, then
-- sessioncredentialfromconsole, edgedevicedetails, tlsdetails) is as the same guide's
-- partition-projection page ("Create the table for CloudTrail logs in Athena using partition
-- projection") lists those columns. Columns and clauses are AWS's; only the line breaks are ours.
--
-- stand-in/log-tables.ts reads this text into a Glue TableInput (stand-in/hive-ddl.ts), so the
-- product's own table (src/table/documented/cloudtrail.ts) is tested against AWS's, never against
-- itself.
CREATE EXTERNAL TABLE cloudtrail_logs (
eventversion STRING,
useridentity STRUCT<
               type:STRING,
               principalid:STRING,
               arn:STRING,
               accountid:STRING,
               invokedby:STRING,
               accesskeyid:STRING,
               username:STRING,
               onbehalfof: STRUCT<
                    userid: STRING,
                    identitystorearn: STRING>,
  sessioncontext:STRUCT<
    attributes:STRUCT<
               mfaauthenticated:STRING,
               creationdate:STRING>,
    sessionissuer:STRUCT<
               type:STRING,
               principalid:STRING,
               arn:STRING,
               accountid:STRING,
               username:STRING>,
    ec2roledelivery:string,
    webidfederationdata: STRUCT<
               federatedprovider: STRING,
               attributes: map<string,string>>
  >
>,
eventtime STRING,
eventsource STRING,
eventname STRING,
awsregion STRING,
sourceipaddress STRING,
useragent STRING,
errorcode STRING,
errormessage STRING,
requestparameters STRING,
responseelements STRING,
additionaleventdata STRING,
requestid STRING,
eventid STRING,
resources ARRAY<STRUCT<
               arn:STRING,
               accountid:STRING,
               type:STRING>>,
eventtype STRING,
apiversion STRING,
readonly STRING,
recipientaccountid STRING,
serviceeventdetails STRING,
sharedeventid STRING,
vpcendpointid STRING,
vpcendpointaccountid STRING,
eventcategory STRING,
addendum STRUCT<
  reason:STRING,
  updatedfields:STRING,
  originalrequestid:STRING,
  originaleventid:STRING>,
sessioncredentialfromconsole STRING,
edgedevicedetails STRING,
tlsdetails STRUCT<
  tlsversion:STRING,
  ciphersuite:STRING,
  clientprovidedhostheader:STRING>
)
PARTITIONED BY (account string, region string, year string, month string, day string)
ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'
STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'
OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
LOCATION 's3://amzn-s3-demo-bucket/AWSLogs/organization_id/';
