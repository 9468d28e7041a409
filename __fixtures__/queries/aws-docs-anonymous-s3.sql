-- Modelled on the Athena User Guide: anonymous (unauthenticated) requests to Amazon S3 in March.
SELECT bucket_name, count(*) AS requests
FROM (
  SELECT
    json_extract_scalar(requestparameters, '$.bucketName') AS bucket_name,
    sourceipaddress
  FROM cloudtrail
  WHERE eventsource = 's3.amazonaws.com'
    AND useridentity.accountid = 'anonymous'
    AND eventtime BETWEEN '2026-03-01T00:00:00Z' AND '2026-03-31T23:59:59Z'
)
GROUP BY bucket_name
ORDER BY requests DESC
