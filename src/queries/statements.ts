/**
 * Parses the statements of a SQL file with the Trino grammar Athena's engine uses. The file is cut
 * into statements in one pass (split.ts) and each is parsed once, on its own text, with a lexer
 * that starts at the statement's line and column: a syntax error in one does not hide the others,
 * positions are the file's, and the work is linear in the file.
 */
import { CharStreams, CommonTokenStream, PredictionMode, Token, type TokenSource } from 'antlr4ng'
// The Trino dialect only: dt-sql-parser's index loads all eight dialects' grammars.
import { TrinoSQL } from 'dt-sql-parser/dist/parser/trino/index.js'
import type { ErrorListener } from 'dt-sql-parser/dist/parser/common/parseErrorListener.js'
import { ErrorStrategy } from 'dt-sql-parser/dist/parser/common/errorStrategy.js'
import { TrinoSqlLexer } from 'dt-sql-parser/dist/lib/trino/TrinoSqlLexer.js'
import {
  ExplainAnalyzeContext,
  ExplainContext,
  ProgramContext
} from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser.js'
import { splitStatements, type StatementSource } from './split.js'
import type { Position } from './tree.js'

export interface ParsedStatement extends Position {
  /** Parse tree whose token lines and columns are those of the file. */
  tree: ProgramContext
  /** The statement's text, without the trailing semicolon. */
  text: string
  /**
   * False for `EXPLAIN ...` and `EXPLAIN ANALYZE ...` themselves: the check's own EXPLAIN is not
   * wrapped around them (EXPLAIN ANALYZE runs the query).
   */
  explainable: boolean
}

export interface SyntaxProblem extends Position {
  message: string
}

export interface ParsedFile {
  /** Statements that parsed cleanly, in file order. */
  statements: ParsedStatement[]
  /** The first syntax error of each statement that did not parse. */
  syntaxErrors: SyntaxProblem[]
}

/** What became of one statement. */
export type StatementOutcome =
  | { kind: 'parsed'; statement: ParsedStatement }
  | { kind: 'syntax-error'; problem: SyntaxProblem }
  /** Athena's Hive DDL: no query, no partitions read, and a grammar of its own. */
  | { kind: 'hive-ddl' }

const CLOCK_EVERY = 16

/** Thrown out of the parser when the time given to a file runs out. */
export class ParseDeadlineExceeded extends Error {
  constructor() {
    super('the time budget ran out while parsing')
  }
}

/** Reads the statements of a whole file (no limits: the check applies its own, see check.ts). */
export function parseSqlFile(file: string): ParsedFile {
  const result: ParsedFile = { statements: [], syntaxErrors: [] }
  for (const source of sqlStatements(file)) {
    const outcome = parseStatement(source)
    if (outcome.kind === 'parsed') result.statements.push(outcome.statement)
    else if (outcome.kind === 'syntax-error') result.syntaxErrors.push(outcome.problem)
  }
  return result
}

/**
 * The parser builds its prediction tables as it meets each construct: the first statements of a
 * run cost seconds more than the same ones later. Paid once, here, before any file's time budget
 * starts, so that a file's budget measures that file.
 */
const WARM_UP = `WITH recent AS (
  SELECT eventname, useridentity.arn AS arn, json_extract_scalar(requestparameters, '$.bucketName') AS bucket,
    CASE WHEN errorcode IS NULL THEN 'ok' ELSE errorcode END AS outcome, resources[1].arn AS first_arn,
    row_number() OVER (PARTITION BY eventname ORDER BY eventtime DESC) AS n
  FROM cloudtrail CROSS JOIN UNNEST(resources) AS r(res)
  WHERE year = '2026' AND month BETWEEN '01' AND '03' AND day IN ('01', '02') AND NOT (readonly = 'true')
    AND from_iso8601_timestamp(eventtime) > current_timestamp - INTERVAL '1' DAY
    AND cardinality(filter(resources, x -> x.type LIKE 'AWS::S3::%')) > 0
)
SELECT arn, count(*) AS calls, max(n) FROM recent r LEFT JOIN (SELECT 1 AS one) o ON true
GROUP BY arn HAVING count(*) > 1 ORDER BY calls DESC LIMIT 10`

let warm = false

export function warmUpParser(): void {
  if (warm) return
  warm = true
  for (const source of splitStatements(WARM_UP)) parseStatement(source)
}

/** The file's statements, in order; a byte order mark is not part of the text. */
export function sqlStatements(file: string): Generator<StatementSource> {
  // Editors show the line after a byte order mark from column 1.
  return splitStatements(file.replace(/^\uFEFF/, ''))
}

/**
 * Parses one statement. `deadline` (a `performance.now()` time) stops a parse that takes too long
 * with ParseDeadlineExceeded; a stack overflow on deep nesting comes out as a RangeError.
 */
export function parseStatement(source: StatementSource, deadline = Infinity): StatementOutcome {
  const lexed = trino.lex(source.text, source, deadline)
  const tokens = lexed.tokens.filter(
    (token) =>
      token.channel === Token.DEFAULT_CHANNEL &&
      token.type !== TrinoSqlLexer.SEMICOLON &&
      token.type !== Token.EOF
  )
  const [first, last] = [tokens[0], tokens.at(-1)]
  if (!first || !last) {
    const problem = lexed.errors[0]
    return problem ? { kind: 'syntax-error', problem } : { kind: 'hive-ddl' }
  }
  if (isHiveDdl(tokens)) return { kind: 'hive-ddl' }
  // The lexer and parser count code points, strings are indexed by UTF-16 code units: they differ
  // after a character outside the Basic Multilingual Plane (an emoji in a comment).
  const unitOffset = utf16Offsets(source.text)
  const query = unloadQuery(tokens)
  if (query && 'message' in query) return { kind: 'syntax-error', problem: query }
  let tree: ProgramContext | SyntaxProblem
  if (query) {
    // An UNLOAD's query is parsed on its own, up to its closing parenthesis.
    const [from, to] = [query.tokens[0] as Token, query.tokens.at(-1) as Token]
    const text = source.text.slice(unitOffset(from.start), unitOffset(to.stop + 1))
    tree = trino.parseLexed(trino.lex(text, positionOfToken(from), deadline))
  } else tree = trino.parseLexed(lexed)
  if (!(tree instanceof ProgramContext)) return { kind: 'syntax-error', problem: tree }
  const significant = query ? query.tokens : tokens
  const backquoted = backquotedIn(significant)
  if (backquoted) return { kind: 'syntax-error', problem: backquoted }
  const [start, end] = [significant[0] as Token, significant.at(-1) as Token]
  const text = source.text.slice(unitOffset(start.start), unitOffset(end.stop + 1))
  const explainable = !tree.statements().some((one) => {
    const kind = one.singleStatement().statement()
    return kind instanceof ExplainContext || kind instanceof ExplainAnalyzeContext
  })
  return { kind: 'parsed', statement: { tree, text, explainable, ...positionOfToken(start) } }
}

interface Lexed {
  stream: CommonTokenStream
  tokens: Token[]
  /** Lexer errors, in order. */
  errors: SyntaxProblem[]
}

/** Stops the listener's parse at the first syntax error: the check reports only that one. */
class FirstSyntaxError extends Error {
  constructor(readonly problem: SyntaxProblem) {
    super(problem.message)
  }
}

/**
 * A token stream that checks the clock every few look-aheads: the parser's prediction reads
 * through it, so a parse that would take too long stops inside the statement, not after it. On
 * deep nesting the parser can work for milliseconds between two look-aheads.
 */
class DeadlineTokenStream extends CommonTokenStream {
  private countdown = CLOCK_EVERY

  constructor(
    source: TokenSource,
    private readonly deadline: number
  ) {
    super(source)
  }

  override LA(i: number): number {
    this.countdown -= 1
    if (this.countdown === 0) {
      this.countdown = CLOCK_EVERY
      if (performance.now() > this.deadline) throw new ParseDeadlineExceeded()
    }
    return super.LA(i)
  }
}

/** TrinoSQL with its lexer and parser put together the way the check needs them. */
class StatementParser extends TrinoSQL {
  /** Lexes `text` as if it started at `at` in the file. */
  lex(text: string, at: Position, deadline: number): Lexed {
    const lexer = this.createLexerFromCharStream(CharStreams.fromString(text))
    lexer.line = at.line
    lexer.column = at.column - 1
    const errors: SyntaxProblem[] = []
    lexer.removeErrorListeners()
    lexer.addErrorListener(this.createErrorListener(listenerInto(errors)))
    const stream = new DeadlineTokenStream(lexer, deadline)
    stream.fill()
    return { stream, tokens: stream.getTokens(), errors }
  }

  /** The tree, or the first error (the lexer's first: it runs before the parser). */
  parseLexed(lexed: Lexed): ProgramContext | SyntaxProblem {
    if (lexed.errors[0]) return lexed.errors[0]
    const parser = this.createParserFromTokenStream(lexed.stream)
    parser.interpreter.predictionMode = PredictionMode.SLL
    parser.removeErrorListeners()
    parser.addErrorListener(
      this.createErrorListener((error) => {
        throw new FirstSyntaxError(problemOf(error))
      })
    )
    parser.buildParseTrees = true
    parser.errorHandler = new ErrorStrategy()
    try {
      const program = parser.program()
      return secondStatement(program) ?? program
    } catch (error) {
      if (error instanceof FirstSyntaxError) return error.problem
      throw error
    }
  }
}

const trino = new StatementParser()

/**
 * The grammar's `program` takes several statements without a `;` between them (`SELECT 1 SELECT 2`);
 * Athena takes one per request, so a piece holding two is a syntax error and is never sent.
 */
function secondStatement(program: ProgramContext): SyntaxProblem | undefined {
  const second = program.statements(1)?.start
  if (!second) return undefined
  return {
    ...positionOfToken(second),
    message:
      `a second statement starts at '${second.text ?? ''}' with no ';' before it; Athena runs one statement ` +
      'per query: end the first with a semicolon'
  }
}

function listenerInto(errors: SyntaxProblem[]): ErrorListener {
  return (error) => errors.push(problemOf(error))
}

function problemOf(error: { startLine: number; startColumn: number; message: string }): SyntaxProblem {
  return { line: error.startLine, column: error.startColumn, message: error.message }
}

/**
 * The Hive DDL statements Athena runs but the Trino grammar does not parse (or parses without
 * their backquotes), recognised by their leading keywords: each is a sequence of words, `*`
 * standing for the table name (any tokens up to the next word).
 */
const HIVE_DDL: readonly (readonly string[])[] = [
  ['MSCK', 'REPAIR', 'TABLE'],
  ['ALTER', 'TABLE', '*', 'ADD', 'PARTITION'],
  ['ALTER', 'TABLE', '*', 'ADD', 'IF', 'NOT', 'EXISTS', 'PARTITION'],
  ['ALTER', 'TABLE', '*', 'ADD', 'COLUMNS'],
  ['ALTER', 'TABLE', '*', 'DROP', 'PARTITION'],
  ['ALTER', 'TABLE', '*', 'DROP', 'IF', 'EXISTS', 'PARTITION'],
  ['SHOW', 'PARTITIONS'],
  ['SHOW', 'CREATE', 'TABLE'],
  ['CREATE', 'EXTERNAL', 'TABLE'],
  ['DESCRIBE']
]

function isHiveDdl(tokens: readonly Token[]): boolean {
  const words = tokens.map((token) => (token.text ?? '').toUpperCase())
  return HIVE_DDL.some((pattern) => {
    let at = 0
    for (const [i, word] of pattern.entries()) {
      if (word === '*') {
        const next = pattern[i + 1]
        // The name: at least one token, up to the next word of the pattern.
        const found = next === undefined ? -1 : words.indexOf(next, at + 1)
        if (found < 0) return false
        at = found
      } else if (words[at] === word) at += 1
      else return false
    }
    return true
  })
}

/**
 * The query of `UNLOAD (<query>) TO 's3://...' [WITH (property = value, ...)]`: its tokens, or a
 * syntax problem when the statement is an UNLOAD of another shape; undefined for other statements.
 */
function unloadQuery(tokens: readonly Token[]): { tokens: Token[] } | SyntaxProblem | undefined {
  if (tokens[0]?.text?.toUpperCase() !== 'UNLOAD') return undefined
  const problem = (at: Token | undefined, message: string): SyntaxProblem => {
    const token = at ?? tokens.at(-1) ?? (tokens[0] as Token)
    return { ...positionOfToken(token), message }
  }
  if (tokens[1]?.text !== '(')
    return problem(tokens[1], 'UNLOAD takes its query in parentheses: UNLOAD (SELECT ...) TO ...')
  const close = matchingParenthesis(tokens, 1)
  if (close === undefined) return problem(tokens[1], "the query of UNLOAD has no closing ')'")
  const query = tokens.slice(2, close)
  if (query.length === 0) return problem(tokens[close], 'UNLOAD has no query between its parentheses')
  let at = close + 1
  if (tokens[at]?.text?.toUpperCase() !== 'TO')
    return problem(tokens[at], "UNLOAD needs TO 's3://...' after its query")
  at += 1
  const location = tokens[at]
  if (location?.type !== TrinoSqlLexer.STRING)
    return problem(location, "UNLOAD writes TO an S3 location in a string: TO 's3://...'")
  at += 1
  if (tokens[at]?.text?.toUpperCase() === 'WITH') {
    at += 1
    if (tokens[at]?.text !== '(')
      return problem(
        tokens[at],
        "UNLOAD's WITH takes its properties in parentheses: WITH (format = 'PARQUET')"
      )
    const end = matchingParenthesis(tokens, at)
    if (end === undefined) return problem(tokens[at], "UNLOAD's WITH has no closing ')'")
    at = end + 1
  }
  if (at < tokens.length)
    return problem(tokens[at], `'${tokens[at]?.text ?? ''}' is not valid at this position`)
  return { tokens: query }
}

/** Index of the `)` that closes the `(` at `open`. */
function matchingParenthesis(tokens: readonly Token[], open: number): number | undefined {
  let depth = 0
  for (let i = open; i < tokens.length; i += 1) {
    const text = tokens[i]?.text
    if (text === '(') depth += 1
    else if (text === ')') {
      depth -= 1
      if (depth === 0) return i
    }
  }
  return undefined
}

function positionOfToken(token: Token): Position {
  return { line: token.line, column: token.column + 1 }
}

/** Athena's DML takes no `backquoted` names (only its DDL does): the first one is a syntax error. */
function backquotedIn(tokens: readonly Token[]): SyntaxProblem | undefined {
  const token = tokens.find((candidate) => candidate.type === TrinoSqlLexer.BACKQUOTED_IDENTIFIER)
  if (!token) return undefined
  return {
    ...positionOfToken(token),
    message: `backquoted identifiers are not supported; use double quotes: ${doubleQuoted(token.text ?? '')}`
  }
}

/** Maps a code point offset in `text` to its UTF-16 offset. */
function utf16Offsets(text: string): (offset: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (offset) => offset
  const units: number[] = []
  let unit = 0
  for (const character of text) {
    units.push(unit)
    unit += character.length
  }
  units.push(unit)
  return (offset) => units[Math.min(offset, units.length - 1)] ?? unit
}

/** `` `a``b` `` as `"a`b"`. */
function doubleQuoted(backquoted: string): string {
  const name = backquoted.slice(1, -1).replaceAll('``', '`')
  return `"${name.replaceAll('"', '""')}"`
}
