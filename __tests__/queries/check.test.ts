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
        message: expect.stringContaining('without a WHERE condition on partition columns year, month, day')
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
    expect(problem?.message).toContain('partition columns month, day,')
    expect(problem?.message).toContain('has only one bound')
  })

  it('does not count a partition condition under OR unless every branch has it', () => {
    const [problem] = problemsOf(
      "SELECT * FROM cloudtrail WHERE year = '2026' AND month = '03' AND (day = '01' OR eventname = 'X')"
    )
    expect(problem?.message).toContain('partition column day,')
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
      "'2026' is a string (year is a int partition key); write year = 2026",
      "'03' is a string (month is a int partition key); write month IN (3, 4)"
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
})
