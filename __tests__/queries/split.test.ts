/** The one-pass statement splitter: boundaries, positions and nesting depth, against Trino's own lexer. */
import { TrinoSQL } from 'dt-sql-parser'
import { TrinoSqlLexer } from 'dt-sql-parser/dist/lib/trino/TrinoSqlLexer.js'
import { splitStatements } from '../../src/queries/split.js'

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

  it('keeps an unterminated string, name or comment to the end of the file in its statement', () => {
    expect(split("SELECT 1; SELECT 'open; SELECT 2")).toEqual([
      { text: 'SELECT 1;', line: 1, column: 1 },
      { text: "SELECT 'open; SELECT 2", line: 1, column: 11 }
    ])
    expect(split('SELECT 1; /* open; SELECT 2').map((s) => s.text)).toEqual([
      'SELECT 1;',
      '/* open; SELECT 2'
    ])
    expect(split('SELECT "open; x').map((s) => s.text)).toEqual(['SELECT "open; x'])
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
})
