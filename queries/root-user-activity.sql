-- What it answers: what the root user of any account did over the last 7 days.
-- How: calls made as the Root identity by a person (not by an AWS service on its behalf).
SELECT
  eventtime,
  recipientaccountid AS account_id,
  eventsource,
  eventname,
  awsregion,
  sourceipaddress,
  useragent,
  errorcode
FROM cloudtrail
WHERE useridentity.type = 'Root'
  AND useridentity.invokedby IS NULL
  AND eventtype <> 'AwsServiceEvent'
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
