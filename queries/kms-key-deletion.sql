-- What it answers: which KMS keys were scheduled for deletion or disabled over the last 7 days,
-- while there is still time to cancel it.
-- How: ScheduleKeyDeletion and DisableKey calls; the pending window is in the request.
SELECT
  eventtime,
  recipientaccountid AS account_id,
  awsregion,
  eventname,
  json_extract_scalar(requestparameters, '$.keyId') AS key_id,
  json_extract_scalar(requestparameters, '$.pendingWindowInDays') AS pending_window_days,
  json_extract_scalar(responseelements, '$.deletionDate') AS deletion_date,
  useridentity.arn AS requested_by
FROM cloudtrail
WHERE eventsource = 'kms.amazonaws.com'
  AND eventname IN ('ScheduleKeyDeletion', 'DisableKey')
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
ORDER BY eventtime DESC
