SELECT eventnme, useridentity.sessioncontext.sessionissuer.arnn, u.arn, resources[1].arn AS first_arn
FROM cloudtrail
CROSS JOIN UNNEST(resources) AS u(arn, accountid, type)
WHERE year = '2026' AND month = '03' AND day = '01'
  AND eventsorce = 'iam.amazonaws.com'
  AND any_match(resources, x -> x.arn LIKE '%prod%')
  AND eventname.detail = 'x'
  AND accountid <> recipientaccountid
  AND resources[1].arm IS NOT NULL
