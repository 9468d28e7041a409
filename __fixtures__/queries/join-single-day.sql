-- The CloudTrail side of a join must be constrained through its alias; the other table is not.
SELECT ct.eventname, ct.useridentity.arn, a.account_name
FROM "default"."cloudtrail" AS ct
JOIN accounts a ON a.account_id = ct.recipientaccountid
WHERE a.environment = 'production'
  AND date(from_iso8601_timestamp(ct.eventtime)) = date '2026-03-01';
SELECT ct.eventname
FROM cloudtrail ct
JOIN accounts a ON a.account_id = ct.recipientaccountid
WHERE ct.year = '2026' AND ct.month = '03' AND ct.day = '01'
