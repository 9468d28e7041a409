-- Constructs real queries use; every block that reads cloudtrail filters its partitions.
WITH recent AS (
  SELECT
    eventtime,
    eventname,
    useridentity.sessioncontext.sessionissuer.arn AS issuer,
    resources,
    json_extract_scalar(requestparameters, '$.roleArn') AS role_arn
  FROM cloudtrail
  WHERE year = '2026' AND month = '03' AND day BETWEEN '01' AND '07'
),
ranked AS (
  SELECT
    issuer,
    eventname,
    row_number() OVER (PARTITION BY issuer ORDER BY eventtime DESC) AS position,
    transform(resources, r -> r.arn) AS resource_arns,
    filter(resources, r -> r.accountid <> '123456789012') AS foreign_resources
  FROM recent
)
SELECT issuer, eventname, resource_arns
FROM ranked
WHERE position = 1
UNION ALL
SELECT useridentity.arn, eventname, ARRAY[res.arn]
FROM cloudtrail
CROSS JOIN UNNEST(resources) AS t(res)
WHERE (year = '2026' AND month = '02')
  AND day IN ('27', '28')
  AND eventname IN (SELECT eventname FROM watched_events)
  AND resources[1].type = 'AWS::IAM::Role'
ORDER BY 1;

SELECT eventname, count(*) AS calls
FROM cloudtrail
WHERE year = '2026'
  AND ((month = '12' AND day >= '20') OR (month = '01' AND day <= '05'))
  AND useridentity.sessioncontext.webidfederationdata.attributes['aud'] IS NOT NULL
GROUP BY eventname
