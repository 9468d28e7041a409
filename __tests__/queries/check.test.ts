/**
 * The query check on real-world SQL: AWS's documentation examples (eventtime filters only), a
 * valid query with every construct that must parse, broken files, wrong literals and typos.
 */
import { readFileSync } from 'node:fs'
import { checkSql, type QueryCheckSettings } from '../../src/queries/check.js'

const defaults: QueryCheckSettings = {
  table: 'cloudtrail',
  partitionColumns: ['year', 'month', 'day'],
  dateKeyType: 'string'
}

function fixture(name: string): string {
  return readFileSync(new URL(`../../__fixtures__/queries/${name}`, import.meta.url), 'utf8')
}

function problemsOf(sql: string, settings: Partial<QueryCheckSettings> = {}) {
  return checkSql(sql, { ...defaults, ...settings }).problems
}

describe('partition-filter on AWS documentation examples', () => {
  it('flags a two-week eventtime window and proposes the days within the month', () => {
    expect(problemsOf(fixture('aws-docs-console-sign-ins.sql'))).toEqual([
      {
        rule: 'partition-filter',
        line: 4,
        column: 6,
        message: expect.stringContaining(
          'without a condition on partition columns year, month, day in a top-level AND of its WHERE,'
        )
      }
    ])
    expect(problemsOf(fixture('aws-docs-console-sign-ins.sql'))[0]?.message).toContain(
      "Matching its eventtime condition: year = '2026' AND month = '03' AND day BETWEEN '01' AND '14'."
    )
  })

  it('flags the subquery that reads the table, with BETWEEN bounds', () => {
    const [problem, ...rest] = problemsOf(fixture('aws-docs-anonymous-s3.sql'))
    expect(rest).toEqual([])
    expect(problem).toMatchObject({ rule: 'partition-filter', line: 7, column: 8 })
    expect(problem?.message).toContain("year = '2026' AND month = '03' AND day BETWEEN '01' AND '31'")
  })

  it('proposes a correct superset across a month end', () => {
    const [problem] = problemsOf(fixture('aws-docs-iam-changes-across-months.sql'))
    expect(problem).toMatchObject({ rule: 'partition-filter', line: 3, column: 6 })
    // 2026-02-25 to 2026-03-04: the days 05..24 of any month are outside the window.
    expect(problem?.message).toContain(
      "year = '2026' AND month BETWEEN '02' AND '03' AND day NOT BETWEEN '05' AND '24'"
    )
  })

  it('counts the constraint on the alias of a joined table, and names the alias in the proposal', () => {
    const problems = problemsOf(fixture('join-single-day.sql'))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ rule: 'partition-filter', line: 3, column: 6 })
    expect(problems[0]?.message).toContain('"default"."cloudtrail" (as ct)')
    expect(problems[0]?.message).toContain("ct.year = '2026' AND ct.month = '03' AND ct.day = '01'")
  })

  it('accepts the proposals it makes', () => {
    for (const where of [
      "year = '2026' AND month = '03' AND day BETWEEN '01' AND '14'",
      "year = '2026' AND month BETWEEN '02' AND '03' AND day NOT BETWEEN '05' AND '24'",
      "year BETWEEN '2025' AND '2026' AND month NOT BETWEEN '02' AND '11' AND day BETWEEN '01' AND '31'"
    ]) {
      expect(problemsOf(`SELECT eventname FROM cloudtrail WHERE ${where}`)).toEqual([])
    }
  })
})

describe('partition-filter', () => {
  it('names only the missing columns and says when eventtime has one bound', () => {
    const [problem] = problemsOf(
      "SELECT * FROM cloudtrail WHERE year = '2026' AND eventtime > '2026-03-01T00:00:00Z'"
    )
    expect(problem?.message).toContain('partition columns month, day in a top-level AND of its WHERE,')
    expect(problem?.message).toContain('has only one bound')
  })

  it('does not count a partition condition under OR unless every branch has it', () => {
    const [problem] = problemsOf(
      "SELECT * FROM cloudtrail WHERE year = '2026' AND month = '03' AND (day = '01' OR eventname = 'X')"
    )
    expect(problem?.message).toContain(
      'partition column day in a top-level AND of its WHERE (its condition on day is under OR),'
    )
  })

  it('checks every UNION branch and CTE, and leaves tables that are not CloudTrail alone', () => {
    const sql = [
      "WITH a AS (SELECT * FROM cloudtrail WHERE year = '2026' AND month = '03' AND day = '01')",
      'SELECT eventname FROM a',
      'UNION ALL SELECT eventname FROM other_table',
      'UNION ALL SELECT eventname FROM CloudTrail'
    ].join('\n')
    expect(problemsOf(sql).map(({ rule, line, column }) => ({ rule, line, column }))).toEqual([
      { rule: 'partition-filter', line: 4, column: 33 }
    ])
  })

  it('honours the configured database and columns', () => {
    expect(problemsOf('SELECT * FROM other_db.cloudtrail', { database: 'security' })).toEqual([])
    expect(problemsOf('SELECT * FROM security.cloudtrail', { database: 'security' })).toHaveLength(1)
    expect(problemsOf('SELECT * FROM other_db.cloudtrail', { table: 'security.cloudtrail' })).toEqual([])
    expect(problemsOf('SELECT * FROM cloudtrail', { table: 'security.cloudtrail' })).toHaveLength(1)
    expect(
      problemsOf("SELECT * FROM cloudtrail WHERE dt = '2026-03-01'", { partitionColumns: ['dt'] })
    ).toEqual([])
  })

  it('does not take a CTE named like the table for the table', () => {
    expect(problemsOf('WITH cloudtrail AS (SELECT 1 AS x) SELECT x FROM cloudtrail')).toEqual([])
  })
})

describe('partition-literal', () => {
  it('corrects numbers and unpadded strings on string keys', () => {
    expect(problemsOf(fixture('wrong-literals.sql'))).toEqual([
      {
        rule: 'partition-literal',
        line: 3,
        column: 14,
        message: "2026 is a number (year is a string partition key); write year = '2026'"
      },
      {
        rule: 'partition-literal',
        line: 4,
        column: 15,
        message:
          "'3' is not zero-padded to 2 digits, so it matches no partition (month is a string partition key); write month = '03'"
      },
      {
        rule: 'partition-literal',
        line: 5,
        column: 19,
        message:
          "'1' is not zero-padded to 2 digits, so it matches no partition (day is a string partition key); write day BETWEEN '01' AND '15'"
      }
    ])
  })

  it('corrects strings on int keys, in IN lists too', () => {
    const problems = problemsOf(
      "SELECT * FROM cloudtrail WHERE year = '2026' AND month IN ('03', 4) AND day = 1",
      {
        dateKeyType: 'int'
      }
    )
    expect(problems.map((problem) => problem.message)).toEqual([
      "'2026' is a string (year is an int partition key); write year = 2026",
      "'03' is a string (month is an int partition key); write month IN (3, 4)"
    ])
  })

  it('reports values no partition has, without a correction', () => {
    const [problem] = problemsOf(
      "SELECT * FROM cloudtrail WHERE year = '2026' AND month = '13' AND day = '01'"
    )
    expect(problem?.message).toBe("'13' is never a value of this key (month is a string partition key)")
  })
})

describe('unknown-column', () => {
  it('names the nearest column or field, and skips aliases, lambda parameters and UNNEST columns', () => {
    expect(problemsOf(fixture('unknown-columns.sql'))).toEqual([
      {
        rule: 'unknown-column',
        line: 1,
        column: 8,
        message: 'Column eventnme does not exist in the CloudTrail table; did you mean eventname?'
      },
      {
        rule: 'unknown-column',
        line: 1,
        column: 60,
        message: 'useridentity.sessioncontext.sessionissuer has no field arnn; did you mean arn?'
      },
      {
        rule: 'unknown-column',
        line: 5,
        column: 7,
        message: 'Column eventsorce does not exist in the CloudTrail table; did you mean eventsource?'
      },
      {
        rule: 'unknown-column',
        line: 7,
        column: 17,
        message: 'eventname has no fields, so .detail cannot be read from it'
      },
      {
        rule: 'unknown-column',
        line: 9,
        column: 20,
        message: 'resources has no field arm; did you mean arn?'
      }
    ])
  })

  it('checks references qualified by the alias, and leaves the joined table alone', () => {
    const sql =
      "SELECT c.eventnam, o.whatever, unqualified FROM cloudtrail c JOIN other o ON o.id = c.eventid WHERE c.year = '2026' AND c.month = '03' AND c.day = '01'"
    expect(problemsOf(sql)).toEqual([
      expect.objectContaining({
        rule: 'unknown-column',
        line: 1,
        column: 10,
        message: expect.stringContaining('eventname')
      })
    ])
  })

  it("uses the table's own columns when given, struct fields and partition keys included", () => {
    const columns = [
      ['eventname', 'string'],
      ['customfield', 'string'],
      ['detail', 'struct<kind:string,tags:array<struct<key:string>>>'],
      ['account', 'string'],
      ['region', 'string'],
      ['year', 'string'],
      ['month', 'string'],
      ['day', 'string']
    ] as const
    const sql = `SELECT customfield, detail.kind, detail.tags[1].key, region FROM cloudtrail WHERE ${FILTER}`
    expect(problemsOf(sql)).toEqual([
      expect.objectContaining({ rule: 'unknown-column', column: 8 }),
      expect.objectContaining({ rule: 'unknown-column', column: 21 }),
      expect.objectContaining({ rule: 'unknown-column', column: 34 })
    ])
    expect(problemsOf(sql, { columns })).toEqual([])
    // A column of AWS's schema that this table lacks is unknown, and the nearest is the table's.
    expect(
      problemsOf(`SELECT useridentity.arn, detail.knd FROM cloudtrail WHERE ${FILTER}`, { columns })
    ).toEqual([
      {
        rule: 'unknown-column',
        line: 1,
        column: 8,
        message: 'Column useridentity does not exist in the CloudTrail table; did you mean eventname?'
      },
      {
        rule: 'unknown-column',
        line: 1,
        column: 33,
        message: 'detail has no field knd; did you mean kind?'
      }
    ])
  })

  it('accepts quoted names in any case', () => {
    expect(
      problemsOf(
        'SELECT "eventName", "userIdentity"."arn" FROM "cloudtrail" WHERE "year" = \'2026\' AND month = \'03\' AND day = \'01\''
      )
    ).toEqual([])
  })
})

describe('syntax', () => {
  it('reports each broken statement at its line and column, and checks the others', () => {
    expect(problemsOf(fixture('broken.sql'))).toEqual([
      { rule: 'syntax', line: 6, column: 25, message: "'AND' is not valid at this position" },
      { rule: 'syntax', line: 10, column: 1, message: "'SELEC' is not valid at this position" }
    ])
    expect(checkSql(fixture('broken.sql'), defaults).statements.map((statement) => statement.line)).toEqual([
      2, 9
    ])
  })

  it('parses CTEs, UNION, subqueries, json_extract, struct access, UNNEST, lambdas and window functions', () => {
    expect(problemsOf(fixture('valid-complex.sql'))).toEqual([])
  })

  it("skips Athena's Hive DDL and checks the query of an UNLOAD at its place in the file", () => {
    const sql = fixture('athena-ddl-and-unload.sql')
    expect(problemsOf(sql)).toEqual([
      {
        rule: 'unknown-column',
        line: 16,
        column: 21,
        message: 'Column eventsorce does not exist in the CloudTrail table; did you mean eventsource?'
      },
      {
        rule: 'partition-filter',
        line: 17,
        column: 8,
        message: expect.stringContaining('without a condition on partition column day ')
      }
    ])
    // Only the UNLOAD queries are statements (for EXPLAIN): the DDL reads no partitions.
    expect(
      checkSql(sql, defaults).statements.map(({ line, column, text }) => ({ line, column, text }))
    ).toEqual([
      {
        line: 16,
        column: 3,
        text: "SELECT eventname, eventsorce\n  FROM cloudtrail\n  WHERE year = '2026' AND month = '03'"
      },
      {
        line: 20,
        column: 9,
        text: "SELECT eventname FROM cloudtrail WHERE year = '2026' AND month = '03' AND day = '01'"
      }
    ])
  })

  it('still reports broken UNLOADs and DDL that is neither Hive nor Trino', () => {
    const syntax = (sql: string) => problemsOf(sql).map(({ rule, line, column }) => ({ rule, line, column }))
    // In the query, at its place in the file.
    expect(syntax("UNLOAD (\n  SELEC eventname FROM cloudtrail\n) TO 's3://x/'")).toEqual([
      { rule: 'syntax', line: 2, column: 3 }
    ])
    expect(syntax("UNLOAD SELECT 1 TO 's3://x/'")).toEqual([{ rule: 'syntax', line: 1, column: 8 }])
    expect(syntax("UNLOAD (SELECT 1) WITH (format = 'PARQUET')")).toEqual([
      { rule: 'syntax', line: 1, column: 19 }
    ])
    expect(syntax("UNLOAD (SELECT 1) TO 's3://x/' WITH (format = 'PARQUET') LIMIT 1")).toEqual([
      { rule: 'syntax', line: 1, column: 58 }
    ])
    expect(syntax("UNLOAD (SELECT 1 TO 's3://x/'")).toEqual([{ rule: 'syntax', line: 1, column: 8 }])
    // Not the leading keywords of a Hive statement: Trino's grammar judges them.
    expect(syntax('MSCK TABLE cloudtrail')).toEqual([{ rule: 'syntax', line: 1, column: 1 }])
    expect(syntax("ALTER TABLE ADD PARTITION (year = '2026')")).toEqual([
      { rule: 'syntax', line: 1, column: 17 }
    ])
    expect(syntax('SHOW PARTITION cloudtrail')).toEqual([{ rule: 'syntax', line: 1, column: 6 }])
    // A backquoted name is DDL's only: still an error in a SELECT.
    expect(syntax('SELECT 1 FROM `cloudtrail`')).toEqual([{ rule: 'syntax', line: 1, column: 15 }])
  })
})

const FILTER = "year = '2026' AND month = '03' AND day = '01'"
const rulesAt = (sql: string) => problemsOf(sql).map(({ rule, line, column }) => ({ rule, line, column }))

describe('CTE names are visible only where Trino sees them', () => {
  it('reads the real table inside the definition of a CTE named like it', () => {
    expect(
      rulesAt("WITH cloudtrail AS (SELECT * FROM cloudtrail WHERE eventname = 'x') SELECT * FROM cloudtrail")
    ).toEqual([{ rule: 'partition-filter', line: 1, column: 35 }])
  })

  it('does not let a CTE see the ones defined after it', () => {
    expect(
      rulesAt('WITH a AS (SELECT * FROM cloudtrail), cloudtrail AS (SELECT 1 AS x) SELECT * FROM a')
    ).toEqual([{ rule: 'partition-filter', line: 1, column: 26 }])
  })

  it('applies a nested WITH only within its own query', () => {
    expect(
      rulesAt(
        'SELECT * FROM (WITH cloudtrail AS (SELECT 1 AS x) SELECT * FROM cloudtrail) t CROSS JOIN cloudtrail'
      )
    ).toEqual([{ rule: 'partition-filter', line: 1, column: 90 }])
  })

  it('still takes a CTE for itself where it is visible, under WITH RECURSIVE too', () => {
    expect(
      problemsOf(
        `WITH a AS (SELECT 1 AS x), cloudtrail AS (SELECT * FROM a) SELECT * FROM cloudtrail JOIN a ON true`
      )
    ).toEqual([])
    expect(
      problemsOf(
        'WITH RECURSIVE cloudtrail(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM cloudtrail WHERE n < 3) SELECT n FROM cloudtrail'
      )
    ).toEqual([])
  })
})

describe('characters outside the Basic Multilingual Plane', () => {
  it('keep positions and statement boundaries after an emoji', () => {
    const sql = [
      '-- 🔒 note',
      "SELECT eventname FROM cloudtrail WHERE year='2026' AND month='03' AND day = 7;",
      'SELECT eventname FROM cloudtrail;'
    ].join('\n')
    expect(rulesAt(sql)).toEqual([
      { rule: 'partition-literal', line: 2, column: 77 },
      { rule: 'partition-filter', line: 3, column: 23 }
    ])
    expect(problemsOf(sql)[0]?.message).toBe(
      "7 is a number (day is a string partition key); write day = '07'"
    )
    expect(
      checkSql(`/* 🔒 */ SELECT 1 AS x; -- 🔒\nSELECT '🔒' AS y`, defaults).statements.map((s) => s.text)
    ).toEqual(['SELECT 1 AS x', "SELECT '🔒' AS y"])
  })
})

describe('partition conditions that read every other partition', () => {
  it('does not count <>, != or NOT IN', () => {
    const [problem, ...rest] = problemsOf(
      "SELECT * FROM cloudtrail WHERE year <> '2025' AND month NOT IN ('12') AND day != '01'"
    )
    expect(rest).toEqual([])
    expect(problem?.message).toContain('partition columns year, month, day in a top-level AND of its WHERE')
    expect(problem?.message).toContain(
      'its condition on year is <>, which excludes a value but reads all others'
    )
    expect(problem?.message).toContain('its condition on month is NOT IN')
  })

  it('counts NOT BETWEEN on month and day only when the year is limited', () => {
    expect(
      problemsOf(
        "SELECT * FROM cloudtrail WHERE year < '2026' AND month NOT BETWEEN '02' AND '11' AND day = '01'"
      )
    ).toEqual([])
    const [problem] = problemsOf(
      "SELECT * FROM cloudtrail WHERE year <> '2025' AND month NOT BETWEEN '02' AND '11' AND day NOT BETWEEN '03' AND '29'"
    )
    expect(problem?.message).toContain('partition columns year, month, day in a top-level AND')
    expect(problem?.message).toContain(
      'its condition on month is NOT BETWEEN, which counts only with a condition on year'
    )
    const [onYear] = problemsOf(
      "SELECT * FROM cloudtrail WHERE year NOT BETWEEN '2020' AND '2025' AND month = '01' AND day = '01'"
    )
    expect(onYear?.message).toContain('partition column year in a top-level AND')
  })
})

describe('qualified stars', () => {
  it('are not columns', () => {
    expect(problemsOf(`SELECT ct.* FROM cloudtrail ct WHERE ${FILTER}`)).toEqual([])
    expect(problemsOf(`SELECT cloudtrail.*, eventname FROM cloudtrail WHERE ${FILTER}`)).toEqual([])
  })
})

describe('a byte order mark', () => {
  it('is not a syntax error and does not move positions', () => {
    expect(
      rulesAt('\uFEFFSELECT eventname FROM cloudtrail;\nSELECT eventnme FROM cloudtrail WHERE ' + FILTER)
    ).toEqual([
      { rule: 'partition-filter', line: 1, column: 23 },
      { rule: 'unknown-column', line: 2, column: 8 }
    ])
  })
})

describe('lambda parameters', () => {
  it('hide columns only inside the lambda body', () => {
    expect(
      rulesAt(
        `SELECT transform(resources, eventnme -> eventnme.arn), eventnme FROM cloudtrail WHERE ${FILTER}`
      )
    ).toEqual([{ rule: 'unknown-column', line: 1, column: 56 }])
    expect(
      rulesAt(
        `SELECT any_match(resources, year -> year.arn LIKE 'x') FROM cloudtrail WHERE year = '2026' AND month = '03'`
      )
    ).toEqual([{ rule: 'partition-filter', line: 1, column: 61 }])
  })
})

describe('backquoted identifiers', () => {
  it('are a syntax error in Athena DML, at the identifier', () => {
    expect(problemsOf(`SELECT 1;\nSELECT \`eventname\` FROM cloudtrail WHERE ${FILTER}`)).toEqual([
      {
        rule: 'syntax',
        line: 2,
        column: 8,
        message: 'backquoted identifiers are not supported; use double quotes: "eventname"'
      }
    ])
  })
})

describe('partition-filter messages', () => {
  const messageOf = (sql: string): string => problemsOf(sql)[0]?.message ?? ''

  it('says why a condition the query has does not count', () => {
    expect(
      messageOf(
        "SELECT * FROM cloudtrail WHERE (year = '2026' OR year = '2025') AND month = '03' AND day = '01' OR eventname = 'x'"
      )
    ).toContain(
      'without a condition on partition columns year, month, day in a top-level AND of its WHERE (its condition on year is under OR;'
    )
    expect(
      messageOf(
        "SELECT * FROM cloudtrail c JOIN other o ON c.year = o.year AND c.month = '03' WHERE c.day = '01'"
      )
    ).toContain(
      '(its condition on year is in a JOIN ON clause; its condition on month is in a JOIN ON clause)'
    )
    expect(
      messageOf(
        `SELECT day FROM cloudtrail WHERE year = '2026' AND month = '03' GROUP BY day HAVING day = '01'`
      )
    ).toContain('partition column day in a top-level AND of its WHERE (its condition on day is in HAVING)')
    expect(messageOf(`SELECT * FROM (SELECT * FROM cloudtrail) t WHERE ${FILTER}`)).toContain(
      '(its condition on year is in an enclosing query;'
    )
    expect(
      messageOf(
        "SELECT * FROM cloudtrail WHERE year = '2026' AND month = '03' AND day = format('%02d', 1 + 0) || eventname"
      )
    ).toContain('(its condition on day does not compare the column itself with a constant value)')
    expect(
      messageOf("SELECT * FROM cloudtrail WHERE year = '2026' AND month = '03' AND NOT day = '01'")
    ).toContain('(its condition on day is under NOT)')
  })

  it('gives no reason when the WHERE does not mention the column', () => {
    expect(messageOf("SELECT * FROM cloudtrail WHERE year = '2026' AND month = '03'")).toContain(
      'partition column day in a top-level AND of its WHERE, so Athena scans every partition.'
    )
  })
})

describe('partition-literal messages', () => {
  const messagesOf = (where: string, settings: Partial<QueryCheckSettings> = {}) =>
    problemsOf(`SELECT * FROM cloudtrail WHERE ${where}`, settings).map((problem) => problem.message)

  it('says a year has 4 digits', () => {
    expect(messagesOf("year = '26' AND month = '03' AND day = '01'")).toEqual([
      "'26' is not a year: a year has 4 digits (year is a string partition key)"
    ])
    expect(messagesOf('year = 26 AND month = 3 AND day = 1', { dateKeyType: 'int' })).toEqual([
      '26 is not a year: a year has 4 digits (year is an int partition key)'
    ])
  })

  it('says a value is over-padded', () => {
    expect(messagesOf("year = '02026' AND month = '003' AND day = '01'")).toEqual([
      "'02026' has more than 4 digits (leading zeros), so it matches no partition (year is a string partition key); write year = '2026'",
      "'003' has more than 2 digits (leading zeros), so it matches no partition (month is a string partition key); write month = '03'"
    ])
  })

  it('does not report a value no partition has in a condition that excludes it', () => {
    expect(
      messagesOf(
        "year = '2026' AND month = '03' AND day = '01' AND day != '00' AND day NOT IN ('32') AND year <> '0'"
      )
    ).toEqual([])
    expect(messagesOf("year = '2026' AND month = '03' AND day = '01' AND day != 1")).toEqual([
      "1 is a number (day is a string partition key); write day != '01'"
    ])
  })
})

describe('TABLE', () => {
  it('reads the whole table', () => {
    expect(
      rulesAt('SELECT 1;\nTABLE cloudtrail;\nWITH cloudtrail AS (SELECT 1 AS x) TABLE cloudtrail')
    ).toEqual([{ rule: 'partition-filter', line: 2, column: 7 }])
    expect(problemsOf('TABLE cloudtrail')[0]?.message).toContain(
      'This query reads cloudtrail without a condition on partition columns year, month, day'
    )
  })
})

describe('partition-literal: typed literals', () => {
  const messagesOf = (where: string, dateKeyType: 'string' | 'int' = 'string') => {
    const [year, month] = dateKeyType === 'string' ? ["'2025'", "'06'"] : ['2025', '6']
    return problemsOf(`SELECT 1 FROM cloudtrail WHERE year = ${year} AND month = ${month} AND ${where}`, {
      dateKeyType
    }).map(({ rule, message }) => `${rule}: ${message}`)
  }

  it('flags a date or timestamp compared with a string key and proposes its day', () => {
    expect(messagesOf("day BETWEEN DATE '2025-06-01' AND DATE '2025-06-10'")).toEqual([
      "partition-literal: DATE '2025-06-01' is a date, and Athena does not compare a date with varchar (day is a string partition key); write day BETWEEN '01' AND '10'"
    ])
    expect(messagesOf("day = TIMESTAMP '2025-06-03 10:00:00'")).toEqual([
      "partition-literal: TIMESTAMP '2025-06-03 10:00:00' is a timestamp, and Athena does not compare a timestamp with varchar (day is a string partition key); write day = '03'"
    ])
    expect(messagesOf("day IN (date '2025-06-01', '02')")).toEqual([
      "partition-literal: date '2025-06-01' is a date, and Athena does not compare a date with varchar (day is a string partition key); write day IN ('01', '02')"
    ])
  })

  it('flags a date compared with an int key and proposes the number', () => {
    expect(messagesOf("day >= DATE '2025-06-01'", 'int')).toEqual([
      "partition-literal: DATE '2025-06-01' is a date, and Athena does not compare a date with integer (day is an int partition key); write day >= 1"
    ])
    expect(
      problemsOf("SELECT 1 FROM cloudtrail WHERE year = DATE '2025-01-01' AND month = 6 AND day = 1", {
        dateKeyType: 'int'
      }).map(({ message }) => message)
    ).toEqual([
      "DATE '2025-01-01' is a date, and Athena does not compare a date with integer (year is an int partition key); write year = 2025"
    ])
  })

  it('proposes no rewrite when the dates span months (the day alone would not say the same)', () => {
    expect(messagesOf("day BETWEEN DATE '2025-05-25' AND DATE '2025-06-05'")).toEqual([
      "partition-literal: DATE '2025-05-25' is a date, and Athena does not compare a date with varchar (day is a string partition key); compare day with a string such as '01', and year and month with theirs"
    ])
  })
})
