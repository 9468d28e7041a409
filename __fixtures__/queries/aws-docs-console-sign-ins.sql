-- Modelled on the Athena User Guide, "Example queries for CloudTrail logs": console sign-ins in a
-- two-week window, filtered on eventtime only.
SELECT useridentity.username, sourceipaddress, eventtime, additionaleventdata
FROM default.cloudtrail
WHERE eventsource = 'signin.amazonaws.com'
  AND eventname = 'ConsoleLogin'
  AND eventtime >= '2026-03-01T00:00:00Z'
  AND eventtime < '2026-03-15T00:00:00Z'
