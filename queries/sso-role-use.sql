-- What it answers: which IAM Identity Center (SSO) permission sets people used, in which
-- accounts, over the last 7 days.
-- How: every SSO sign-in to an account is an AssumeRoleWithSAML call to STS; the role it assumed
-- names the permission set (AWSReservedSSO_<PermissionSet>_<suffix>).
SELECT
  recipientaccountid AS account_id,
  regexp_extract(json_extract_scalar(requestparameters, '$.roleArn'), 'AWSReservedSSO_([^_/]+)', 1) AS permission_set,
  json_extract_scalar(requestparameters, '$.roleArn') AS role_arn,
  useridentity.username AS user_name,
  count(*) AS sign_ins,
  min(eventtime) AS first_seen,
  max(eventtime) AS last_seen
FROM cloudtrail
WHERE eventsource = 'sts.amazonaws.com'
  AND eventname = 'AssumeRoleWithSAML'
  AND errorcode IS NULL
  -- The last 7 days (UTC) in partition terms, so Athena reads only those days' files. To look
  -- further back, change 7 below and add the days to the day list.
  AND year IN (date_format(current_date - INTERVAL '7' DAY, '%Y'), date_format(current_date, '%Y'))
  AND month IN (date_format(current_date - INTERVAL '7' DAY, '%m'), date_format(current_date, '%m'))
  AND day IN (
    date_format(current_date - INTERVAL '7' DAY, '%d'), date_format(current_date - INTERVAL '6' DAY, '%d'),
    date_format(current_date - INTERVAL '5' DAY, '%d'), date_format(current_date - INTERVAL '4' DAY, '%d'),
    date_format(current_date - INTERVAL '3' DAY, '%d'), date_format(current_date - INTERVAL '2' DAY, '%d'),
    date_format(current_date - INTERVAL '1' DAY, '%d'), date_format(current_date, '%d')
  )
  AND from_iso8601_timestamp(eventtime) >= current_timestamp - INTERVAL '7' DAY
GROUP BY 1, 2, 3, 4
ORDER BY account_id, sign_ins DESC
