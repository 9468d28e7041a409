-- What it answers: which security groups were opened, closed, created or deleted over the last
-- 7 days, and by whom.
-- How: the EC2 API calls that change security groups and their rules.
SELECT
  eventtime,
  recipientaccountid AS account_id,
  awsregion,
  eventname,
  json_extract_scalar(requestparameters, '$.groupId') AS group_id,
  json_extract(requestparameters, '$.ipPermissions') AS rules,
  useridentity.arn AS changed_by,
  errorcode
FROM cloudtrail
WHERE eventsource = 'ec2.amazonaws.com'
  AND eventname IN (
    'AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress',
    'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress',
    'ModifySecurityGroupRules', 'CreateSecurityGroup', 'DeleteSecurityGroup'
  )
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
ORDER BY eventtime DESC
