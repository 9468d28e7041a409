/** The GetPartitions Expression compiler of the Glue stand-in, without HTTP. */
import { columnKind, compileExpression } from '../../stand-in/glue-expression.js'
import { AwsError } from '../../stand-in/types.js'

const KEYS = [
  { Name: 'account', Type: 'string' },
  { Name: 'region', Type: 'varchar(32)' },
  { Name: 'year', Type: 'int' },
  { Name: 'month', Type: 'bigint' },
  { Name: 'day', Type: 'string' },
  { Name: 'at', Type: 'timestamp' }
]
const ROWS = [
  ['111', 'eu-central-1', '2025', '12', '31', 'x'],
  ['111', 'us-east-1', '2026', '1', '9', 'x'],
  ['222', "o'brien", '2026', '10', '10', 'x'],
  ['333', 'eu-west-1', 'n/a', '2', '02', 'x']
]

/** Indexes of the rows the expression selects. */
function select(expression: string): number[] {
  const matches = compileExpression(expression, KEYS)
  return ROWS.flatMap((row, index) => (matches(row) ? [index] : []))
}

function refusal(expression: string): AwsError {
  try {
    compileExpression(expression, KEYS)
  } catch (error) {
    if (error instanceof AwsError) return error
    throw error
  }
  throw new Error(`expected "${expression}" to be refused`)
}

describe('compileExpression', () => {
  it('matches everything when empty or blank', () => {
    expect(select('')).toEqual([0, 1, 2, 3])
    expect(select('   ')).toEqual([0, 1, 2, 3])
  })

  it('supports each comparison operator', () => {
    expect(select("account = '111'")).toEqual([0, 1])
    expect(select("account <> '111'")).toEqual([2, 3])
    expect(select("account != '111'")).toEqual([2, 3])
    expect(select('month < 10')).toEqual([1, 3])
    expect(select('month <= 10')).toEqual([1, 2, 3])
    expect(select('month > 2')).toEqual([0, 2])
    expect(select('month >= 2')).toEqual([0, 2, 3])
  })

  it('compares int-like keys numerically and string keys as text, quoted or not', () => {
    expect(select("month > '9'")).toEqual([0, 2])
    expect(select("day > '9'")).toEqual([])
    expect(select('day < 9')).toEqual([0, 2, 3])
    expect(select('year = 2026')).toEqual([1, 2])
  })

  it('treats a non-integer value of an int key as unknown: neither it nor its negation matches', () => {
    expect(select('year < 3000')).toEqual([0, 1, 2])
    expect(select('NOT year < 3000')).toEqual([])
    expect(select("year < 3000 OR account = '333'")).toEqual([0, 1, 2, 3])
  })

  it('supports AND, OR, NOT with SQL precedence and parentheses', () => {
    expect(select("account = '111' OR account = '222' AND year = 2025")).toEqual([0, 1])
    expect(select("(account = '111' OR account = '222') AND year = 2025")).toEqual([0])
    expect(select("NOT account = '111' AND NOT region = 'eu-west-1'")).toEqual([2])
    expect(select("NOT (account = '111' OR account = '222')")).toEqual([3])
  })

  it('supports [NOT] BETWEEN and [NOT] IN', () => {
    expect(select('month BETWEEN 2 AND 12')).toEqual([0, 2, 3])
    expect(select('month NOT BETWEEN 2 AND 12')).toEqual([1])
    expect(select("day IN ('31', '02')")).toEqual([0, 3])
    expect(select("region NOT IN ('us-east-1', 'eu-west-1')")).toEqual([0, 2])
    expect(select('month in (1, 10)')).toEqual([1, 2])
  })

  it('takes case-insensitive, backquoted and double-quoted key names and escaped quotes', () => {
    expect(select("ACCOUNT = '222'")).toEqual([2])
    expect(select("`Region` = 'o''brien'")).toEqual([2])
    expect(select('"year" = 2025 and "month" = 12')).toEqual([0])
  })

  it('refuses unknown columns, unsupported key types and non-integer literals for int keys', () => {
    expect(refusal("eventname = 'x'").message).toMatch(/Unknown column 'eventname'/)
    expect(refusal("at = 'x'").message).toMatch(/type 'timestamp'/)
    expect(refusal("year = 'abc'").message).toMatch(/not an integer/)
    expect(refusal("year = 'abc'").code).toBe('InvalidInputException')
    expect(refusal("year = 'abc'").status).toBe(400)
  })

  it('refuses syntax errors with the position', () => {
    expect(refusal("account = '111").message).toMatch(/unterminated string literal at position 11/)
    expect(refusal("account = '1' AND").message).toMatch(/expected a partition key at the end/)
    expect(refusal("(account = '1'").message).toMatch(/expected '\)'/)
    expect(refusal("account = '1' account").message).toMatch(/unexpected 'account'/)
    expect(refusal('account').message).toMatch(/expected a comparison operator/)
    expect(refusal("account LIKE '1%'").message).toMatch(/does not support LIKE/)
    expect(refusal('account IS NULL').message).toMatch(/does not support IS/)
    expect(refusal("account ~ '1'").message).toMatch(/unexpected character '~'/)
  })
})

describe('columnKind', () => {
  it('classifies the types partition indexes and expressions support', () => {
    expect(['string', 'char(2)', 'VARCHAR(10)'].map(columnKind)).toEqual(['string', 'string', 'string'])
    expect(['int', 'integer', 'bigint', 'long', 'tinyint', 'smallint'].map(columnKind)).toEqual(
      Array(6).fill('integer')
    )
    expect(columnKind('date')).toBe('date')
    expect(['timestamp', 'boolean', 'decimal(10,2)', 'double'].map(columnKind)).toEqual(
      Array(4).fill(undefined)
    )
  })
})
