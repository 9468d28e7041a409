SELECT eventname
FROM cloudtrail
WHERE year = 2026
  AND month = '3'
  AND day BETWEEN '1' AND '15'
  AND region IN ('eu-central-1')
  AND year IN ('2026', '2025')
