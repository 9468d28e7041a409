-- What it answers: which principals were denied access most often over the last 7 days, and to
-- what: a missing permission, or someone probing.
-- How: calls that failed with one of the access-denied error codes, counted per principal and API.
SELECT
  coalesce(useridentity.sessioncontext.sessionissuer.arn, useridentity.arn) AS principal,
  recipientaccountid AS account_id,
  eventsource,
  eventname,
  errorcode,
  count(*) AS denials,
  max(eventtime) AS last_seen,
  arbitrary(errormessage) AS sample_message
FROM cloudtrail
WHERE errorcode IN ('AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'Client.UnauthorizedOperation')
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
GROUP BY 1, 2, 3, 4, 5
ORDER BY denials DESC
LIMIT 200
