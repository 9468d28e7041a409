/** The one-pass statement splitter: boundaries, positions and nesting depth, against Trino's own lexer. */
import { TrinoSQL } from 'dt-sql-parser/dist/parser/trino/index.js'
import { TrinoSqlLexer } from 'dt-sql-parser/dist/lib/trino/TrinoSqlLexer.js'
import { splitStatements } from '../../src/queries/split.js'
import { seededRandom } from '../helpers/random.js'

const split = (sql: string) =>
  [...splitStatements(sql)].map(({ text, line, column }) => ({ text, line, column }))

describe('splitStatements', () => {
  it('cuts at semicolons outside strings, quoted and backquoted names and comments', () => {
    const sql = [
      "SELECT 'a;b', 'it''s;' AS x;",
      'SELECT "odd;name", "say ""hi;""" FROM t;',
      'SELECT `back;quoted`, `a``b;` FROM t; -- note; with a quote \' and "',
      '/* block; comment \' " ` */ SELECT 1 /* ; */ + 2;',
      'SELECT 3 -- trailing; comment',
      ';'
    ].join('\n')
    expect(split(sql)).toEqual([
      { text: "SELECT 'a;b', 'it''s;' AS x;", line: 1, column: 1 },
      { text: 'SELECT "odd;name", "say ""hi;""" FROM t;', line: 2, column: 1 },
      { text: 'SELECT `back;quoted`, `a``b;` FROM t;', line: 3, column: 1 },
      { text: 'SELECT 1 /* ; */ + 2;', line: 4, column: 28 },
      { text: 'SELECT 3 -- trailing; comment\n;', line: 5, column: 1 }
    ])
  })

  it('starts each statement at its first character after spaces and comments, over several lines', () => {
    const sql =
      '-- header;\n\n  /* a\n   multi-line; comment */  SELECT\n  a,\n  b\nFROM t;\n\t\r\n  SELECT 2'
    expect(split(sql)).toEqual([
      { text: 'SELECT\n  a,\n  b\nFROM t;', line: 4, column: 28 },
      { text: 'SELECT 2', line: 9, column: 3 }
    ])
  })

  it('skips stretches with only spaces, comments and semicolons', () => {
    expect(split(' ; -- a;\n /* b; */ ;\n\n')).toEqual([])
    expect(split('')).toEqual([])
  })

  it('counts columns in code points, as the lexer does', () => {
    expect(split("/* 🔒🔒 */ SELECT '🔒;'; SELECT 1")).toEqual([
      { text: "SELECT '🔒;';", line: 1, column: 10 },
      { text: 'SELECT 1', line: 1, column: 23 }
    ])
  })

  it('reads an unterminated string, name or comment as Trino does: the lone quote or /* is a character of its statement', () => {
    expect(split("SELECT 1; SELECT 'open; SELECT 2")).toEqual([
      { text: 'SELECT 1;', line: 1, column: 1 },
      { text: "SELECT 'open;", line: 1, column: 11 },
      { text: 'SELECT 2', line: 1, column: 25 }
    ])
    expect(split('SELECT 1; /* open; SELECT 2').map((s) => s.text)).toEqual([
      'SELECT 1;',
      '/* open;',
      'SELECT 2'
    ])
    expect(split('SELECT "open; x').map((s) => s.text)).toEqual(['SELECT "open;', 'x'])
    // Left open after a doubled quote, the string is the longest that did close: 'a' here.
    expect(split("SELECT 'a'';x").map((s) => s.text)).toEqual(["SELECT 'a'';", 'x'])
  })

  it('ends a -- comment at a carriage return as at a line feed', () => {
    const sql = 'SELECT eventname FROM cloudtrail -- note\r; EXPLAIN ANALYZE SELECT * FROM cloudtrail'
    expect(split(sql).map((s) => s.text)).toEqual([
      'SELECT eventname FROM cloudtrail -- note\r;',
      'EXPLAIN ANALYZE SELECT * FROM cloudtrail'
    ])
  })

  it('measures the nesting of parentheses, brackets and CASE', () => {
    const depths = [
      ...splitStatements(
        "SELECT (1); SELECT ((a[1])) ; SELECT CASE WHEN (x) THEN case when y then 1 end END; SELECT ')(' "
      )
    ].map((s) => s.depth)
    expect(depths).toEqual([1, 3, 2, 0])
    expect([...splitStatements('SELECT ' + '('.repeat(5000) + '1' + ')'.repeat(5000))][0]?.depth).toBe(5000)
  })

  it("agrees with Trino's lexer on where statements end", () => {
    const trino = new TrinoSQL()
    const inputs = [
      'SELECT \'a;b\' AS x; SELECT "c;d" FROM t; SELECT `e;f`',
      "SELECT 1 -- c; 'x\n; SELECT 2 /* ; */; SELECT U&'\\0041;' , X'00'; SELECT 'it''s;'",
      'SELECT "a""b;" FROM t WHERE x = \'y\'\';\' ; SELECT 1--;\n;SELECT 2',
      'SELECT a/*b;*/;SELECT-1;SELECT 1-- x\n;'
    ]
    for (const sql of inputs) {
      const ends = trino
        .createLexer(sql)
        .getAllTokens()
        .filter((token) => token.type === TrinoSqlLexer.SEMICOLON)
        .map((token) => token.stop + 1)
      let offset = 0
      const ours: number[] = []
      for (const statement of splitStatements(sql)) {
        const at = sql.indexOf(statement.text, offset)
        offset = at + statement.text.length
        if (statement.text.endsWith(';')) ours.push(offset)
      }
      expect(ours).toEqual(ends)
    }
  })

  it("cuts generated inputs exactly where Trino's lexer puts its semicolons (many seeds)", () => {
    let checked = 0
    for (let seed = 1; seed <= 300; seed++) {
      const random = prng(seed)
      for (let n = 0; n < 40; n++) {
        const sql = generated(random)
        const ours = [...splitStatements(sql)].map(({ offset, text, line, column }) => ({
          from: offset,
          to: offset + text.length,
          line,
          column
        }))
        const theirs = lexerPieces(sql)
        if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
          throw new Error(
            `seed ${seed}, input ${JSON.stringify(sql)}:\nours   ${JSON.stringify(ours)}\ntrino  ${JSON.stringify(theirs)}`
          )
        }
        checked += 1
      }
    }
    expect(checked).toBe(12_000)
  })
})

/** Pieces of SQL that decide where Trino's tokens start and end, and some that do not. */
const FRAGMENTS = [
  ';',
  ';',
  "'",
  "''",
  '"',
  '""',
  '`',
  '--',
  '-',
  '/*',
  '*/',
  '/',
  '*',
  '\r',
  '\n',
  '\r\n',
  ' ',
  '\t',
  '\f',
  'U&',
  'u&',
  'X',
  'x',
  'AX',
  '1',
  '1X',
  'e',
  'SELECT',
  'a',
  '_',
  '.',
  '&',
  '(',
  ')',
  'CASE',
  'END',
  '🔒',
  'é',
  '\u00a0',
  '$',
  ',',
  '='
]

function generated(random: () => number): string {
  const length = 1 + Math.floor(random() * 24)
  let sql = ''
  for (let i = 0; i < length; i++) sql += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]
  return sql
}

const prng = seededRandom

/**
 * The statements as Trino's lexer sees them: from the first token on the default channel to its
 * semicolon (or the end), in UTF-16 offsets; the lexer counts code points.
 */
function lexerPieces(sql: string): { from: number; to: number; line: number; column: number }[] {
  const units: number[] = []
  let unit = 0
  for (const character of sql) {
    units.push(unit)
    unit += character.length
  }
  units.push(unit)
  const lexer = new TrinoSQL().createLexer(sql)
  lexer.removeErrorListeners()
  const pieces: { from: number; to: number; line: number; column: number }[] = []
  let current: { from: number; line: number; column: number } | undefined
  for (const token of lexer.getAllTokens()) {
    if (token.channel !== 0) continue
    if (token.type === TrinoSqlLexer.SEMICOLON) {
      if (current)
        pieces.push({
          from: current.from,
          to: units[token.stop + 1] as number,
          line: current.line,
          column: current.column
        })
      current = undefined
    } else current ??= { from: units[token.start] as number, line: token.line, column: token.column + 1 }
  }
  if (current) pieces.push({ from: current.from, to: sql.length, line: current.line, column: current.column })
  return pieces
}
