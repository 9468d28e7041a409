-- Modelled on the Athena User Guide: IAM changes, with a timestamp window across a month end.
SELECT eventname, useridentity.arn, eventtime
FROM cloudtrail
WHERE eventsource = 'iam.amazonaws.com'
  AND from_iso8601_timestamp(eventtime) >= timestamp '2026-02-25 00:00:00'
  AND from_iso8601_timestamp(eventtime) < timestamp '2026-03-05 00:00:00'
