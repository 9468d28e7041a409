-- What it answers: whether anyone stopped, deleted or reconfigured a trail over the last 7 days
-- (the first thing an intruder turns off).
-- How: the CloudTrail API calls that stop logging or change what a trail records.
SELECT
  eventtime,
  recipientaccountid AS account_id,
  awsregion,
  eventname,
  json_extract_scalar(requestparameters, '$.name') AS trail,
  useridentity.arn AS changed_by,
  sourceipaddress,
  errorcode
FROM cloudtrail
WHERE eventsource = 'cloudtrail.amazonaws.com'
  AND eventname IN (
    'StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors', 'PutInsightSelectors',
    'DeleteEventDataStore', 'StopEventDataStoreIngestion'
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
