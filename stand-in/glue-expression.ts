/**
 * The `Expression` of GetPartitions: a recursive-descent parser compiled once per request into a
 * predicate evaluated per partition.
 *
 * Supported: `=`, `<>`, `!=`, `<`, `<=`, `>`, `>=`, `[NOT] BETWEEN a AND b`, `[NOT] IN (a, ...)`,
 * `AND`, `OR`, `NOT`, parentheses; identifiers are partition key names (case-insensitive, bare,
 * `backquoted` or "double-quoted"); literals are 'strings' ('' escapes a quote) and integers.
 * Comparisons follow the key's type: int-like keys compare numerically (a quoted integer literal
 * is allowed), string and date keys compare as text (an unquoted number is compared as its text:
 * an assumption, AWS does not document it). Other key types, `LIKE` and `IS NULL` are refused.
 * A partition value that is not an integer on an int-like key makes the comparison unknown (SQL
 * three-valued logic), so such a partition never matches.
 */
import { invalidInput } from './glue-validation.js'

export type ColumnKind = 'string' | 'integer' | 'date'

const INTEGER_TYPES = new Set(['int', 'integer', 'bigint', 'long', 'tinyint', 'smallint'])

/** The kind of a Glue column type that partition indexes and expressions handle, else undefined. */
export function columnKind(type: string): ColumnKind | undefined {
  const base = type
    .trim()
    .toLowerCase()
    .replace(/\(.*\)$/, '')
  if (base === 'string' || base === 'char' || base === 'varchar') return 'string'
  if (INTEGER_TYPES.has(base)) return 'integer'
  if (base === 'date') return 'date'
  return undefined
}

export interface ExpressionKey {
  Name: string
  Type: string
}

/** true: matches; false: does not; undefined: unknown (SQL NULL), which does not match either. */
type Truth = boolean | undefined
type Node = (values: readonly string[]) => Truth
export type PartitionPredicate = (values: readonly string[]) => boolean

type TokenKind = 'identifier' | 'quoted' | 'string' | 'number' | 'operator' | '(' | ')' | ','
interface Token {
  kind: TokenKind
  text: string
  position: number
}

const OPERATORS = ['<=', '>=', '<>', '!=', '=', '<', '>']
const INTEGER = /^[+-]?\d+$/

function syntaxError(message: string, position: number): never {
  throw invalidInput(`Unsupported expression: ${message} at position ${position + 1}`)
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const c = text.charAt(i)
    if (/\s/.test(c)) {
      i += 1
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c, text: c, position: i })
      i += 1
    } else if (c === "'") {
      let value = ''
      let j = i + 1
      for (;;) {
        if (j >= text.length) syntaxError('unterminated string literal', i)
        if (text.charAt(j) === "'") {
          if (text.charAt(j + 1) !== "'") break
          value += "'"
          j += 2
        } else {
          value += text.charAt(j)
          j += 1
        }
      }
      tokens.push({ kind: 'string', text: value, position: i })
      i = j + 1
    } else if (c === '`' || c === '"') {
      const end = text.indexOf(c, i + 1)
      if (end < 0) syntaxError('unterminated quoted identifier', i)
      tokens.push({ kind: 'quoted', text: text.slice(i + 1, end), position: i })
      i = end + 1
    } else {
      const operator = OPERATORS.find((op) => text.startsWith(op, i))
      const word = /^(?:-?\d+|[A-Za-z_][\w$]*)/.exec(text.slice(i))?.[0]
      if (operator) {
        tokens.push({ kind: 'operator', text: operator, position: i })
        i += operator.length
      } else if (word) {
        tokens.push({ kind: /^-?\d/.test(word) ? 'number' : 'identifier', text: word, position: i })
        i += word.length
      } else {
        syntaxError(`unexpected character '${c}'`, i)
      }
    }
  }
  return tokens
}

interface Operand {
  index: number
  kind: ColumnKind
}

/** Compares a partition value with a literal as the key's type does; undefined when unknown. */
type Compare = (value: string) => number | undefined

class Parser {
  private at = 0
  constructor(
    private readonly tokens: Token[],
    private readonly keys: readonly ExpressionKey[],
    private readonly end: number
  ) {}

  parse(): Node {
    const node = this.or()
    const extra = this.tokens[this.at]
    if (extra) syntaxError(`unexpected '${extra.text}'`, extra.position)
    return node
  }

  private peek(): Token | undefined {
    return this.tokens[this.at]
  }

  private keyword(word: string): boolean {
    const token = this.peek()
    if (token?.kind !== 'identifier' || token.text.toUpperCase() !== word) return false
    this.at += 1
    return true
  }

  private expect(kind: TokenKind, what: string): Token {
    const token = this.peek()
    if (token?.kind !== kind) this.fail(`expected ${what}`)
    this.at += 1
    return token
  }

  private fail(message: string): never {
    const token = this.peek()
    return syntaxError(
      token ? `${message}, found '${token.text}'` : `${message} at the end`,
      token?.position ?? this.end
    )
  }

  private or(): Node {
    const nodes = [this.and()]
    while (this.keyword('OR')) nodes.push(this.and())
    if (nodes.length === 1) return nodes[0] as Node
    return (values) => {
      let result: Truth = false
      for (const node of nodes) {
        const truth = node(values)
        if (truth === true) return true
        if (truth === undefined) result = undefined
      }
      return result
    }
  }

  private and(): Node {
    const nodes = [this.not()]
    while (this.keyword('AND')) nodes.push(this.not())
    if (nodes.length === 1) return nodes[0] as Node
    return (values) => {
      let result: Truth = true
      for (const node of nodes) {
        const truth = node(values)
        if (truth === false) return false
        if (truth === undefined) result = undefined
      }
      return result
    }
  }

  private not(): Node {
    if (!this.keyword('NOT')) return this.primary()
    return negate(this.not())
  }

  private primary(): Node {
    if (this.peek()?.kind === '(') {
      this.at += 1
      const node = this.or()
      this.expect(')', "')'")
      return node
    }
    return this.predicate()
  }

  private predicate(): Node {
    const operand = this.operand()
    const token = this.peek()
    if (token?.kind === 'operator') {
      this.at += 1
      return comparison(operand.index, token.text, this.literal(operand))
    }
    const negated = this.keyword('NOT')
    let node: Node
    if (this.keyword('BETWEEN')) {
      const low = this.literal(operand)
      if (!this.keyword('AND')) this.fail('expected AND of BETWEEN')
      const high = this.literal(operand)
      node = between(operand.index, low, high)
    } else if (this.keyword('IN')) {
      this.expect('(', "'(' after IN")
      const list = [this.literal(operand)]
      while (this.peek()?.kind === ',') {
        this.at += 1
        list.push(this.literal(operand))
      }
      this.expect(')', "')' closing IN")
      node = within(operand.index, list)
    } else {
      const word = token?.text.toUpperCase()
      if (word === 'LIKE' || word === 'IS') this.fail(`the stand-in does not support ${word}`)
      return this.fail('expected a comparison operator, BETWEEN or IN')
    }
    return negated ? negate(node) : node
  }

  private operand(): Operand {
    const token = this.peek()
    if (token?.kind !== 'identifier' && token?.kind !== 'quoted') return this.fail('expected a partition key')
    this.at += 1
    const name = token.text.toLowerCase()
    const index = this.keys.findIndex((key) => key.Name.toLowerCase() === name)
    const key = this.keys[index]
    if (!key) throw invalidInput(`Unknown column '${token.text}' in expression: it is not a partition key`)
    const kind = columnKind(key.Type)
    if (!kind) {
      throw invalidInput(
        `Unsupported partition key type '${key.Type}' of '${key.Name}' in expression (the stand-in supports string, char, varchar, date and integer types)`
      )
    }
    return { index, kind }
  }

  private literal(operand: Operand): Compare {
    const token = this.peek()
    if (token?.kind !== 'string' && token?.kind !== 'number') this.fail('expected a literal')
    this.at += 1
    if (operand.kind !== 'integer') {
      const text = token.text
      return (value) => (value < text ? -1 : value > text ? 1 : 0)
    }
    if (!INTEGER.test(token.text)) {
      throw invalidInput(`'${token.text}' is not an integer: the partition key is of an integer type`)
    }
    const literal = BigInt(token.text)
    return (value) => {
      if (!INTEGER.test(value)) return undefined
      const number = BigInt(value)
      return number < literal ? -1 : number > literal ? 1 : 0
    }
  }
}

function negate(node: Node): Node {
  return (values) => {
    const truth = node(values)
    return truth === undefined ? undefined : !truth
  }
}

const TESTS: Record<string, (order: number) => boolean> = {
  '=': (order) => order === 0,
  '<>': (order) => order !== 0,
  '!=': (order) => order !== 0,
  '<': (order) => order < 0,
  '<=': (order) => order <= 0,
  '>': (order) => order > 0,
  '>=': (order) => order >= 0
}

function comparison(index: number, operator: string, compare: Compare): Node {
  const test = TESTS[operator] as (order: number) => boolean
  return (values) => {
    const order = compare(values[index] as string)
    return order === undefined ? undefined : test(order)
  }
}

function between(index: number, low: Compare, high: Compare): Node {
  return (values) => {
    const value = values[index] as string
    const above = low(value)
    const below = high(value)
    if (above === undefined || below === undefined) return undefined
    return above >= 0 && below <= 0
  }
}

function within(index: number, list: Compare[]): Node {
  return (values) => {
    const value = values[index] as string
    let result: Truth = false
    for (const compare of list) {
      const order = compare(value)
      if (order === 0) return true
      if (order === undefined) result = undefined
    }
    return result
  }
}

/** Compiles `expression` against the table's partition keys; an empty one matches everything. */
export function compileExpression(expression: string, keys: readonly ExpressionKey[]): PartitionPredicate {
  const tokens = tokenize(expression)
  if (tokens.length === 0) return () => true
  const node = new Parser(tokens, keys, expression.length).parse()
  return (values) => node(values) === true
}
