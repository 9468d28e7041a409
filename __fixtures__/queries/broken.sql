-- Several statements; the second and the fourth do not parse.
SELECT eventname FROM cloudtrail WHERE year = '2026' AND month = '03' AND day = '01';

SELECT eventname
FROM cloudtrail
WHERE year = '2026' AND AND month = '03';

/* a comment; with a semicolon */
SELECT 'a; string' AS text FROM cloudtrail WHERE year = '2026' AND month = '03' AND day = '02';
SELEC eventname FROM cloudtrail
