/**
 * What one scan of the table reads, as far as its partitions go: for each query block that reads
 * the table, the conditions of its WHERE on partition keys (top-level AND terms, and ORs of them)
 * with literal values. Trino prunes partitions on these (conditions on other columns do not), so
 * counting the partitions that satisfy them estimates what the scan reads. A condition on a
 * partition key that cannot be read this way (a function, a cast, a literal of the wrong type)
 * makes the estimate an upper bound.
 */
import type { BooleanExpressionContext } from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser.js'
import { OrContext } from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser.js'
import { orBranches, topLevelConjuncts, type QueryBlock, type Source } from './blocks.js'
import { columnPredicate, type Operator } from './predicates.js'
import { literalOf, positionOf, type Position } from './tree.js'
import { resolveColumn } from './resolve.js'

export type PartitionKeyKind = 'string' | 'integer'

export interface PartitionKey {
  name: string
  kind: PartitionKeyKind
}

export type Term =
  | { kind: 'compare'; key: string; operator: Exclude<Operator, '!='>; value: string }
  | { kind: 'between'; key: string; low: string; high: string; negated: boolean }
  | { kind: 'in'; key: string; values: string[]; negated: boolean }
  /** Any of the branches, each an AND of terms. */
  | { kind: 'or'; branches: Term[][] }

export interface ScanPredicate extends Position {
  /** ANDed; none: every partition. */
  terms: Term[]
  /** False when a condition on a partition key could not be read: the count is then an upper bound. */
  exact: boolean
}

/** The partition predicate of each scan of the table in the statement's blocks. */
export function scansOf(blocks: readonly QueryBlock[], keys: readonly PartitionKey[]): ScanPredicate[] {
  const scans: ScanPredicate[] = []
  for (const block of blocks) {
    for (const source of block.sources.filter((candidate) => candidate.isCloudTrail)) {
      const state = { exact: true }
      const terms = termsOf(block.conjuncts, block, source, keys, state)
      scans.push({ ...positionOf(source.node), terms, exact: state.exact })
    }
  }
  return scans
}

function termsOf(
  conjuncts: readonly BooleanExpressionContext[],
  block: QueryBlock,
  source: Source,
  keys: readonly PartitionKey[],
  state: { exact: boolean }
): Term[] {
  const terms: Term[] = []
  for (const conjunct of conjuncts) {
    const term = termOf(conjunct, block, source, keys, state)
    if (term) terms.push(term)
  }
  return terms
}

/** One AND term as a partition condition; undefined when it says nothing about partitions. */
function termOf(
  conjunct: BooleanExpressionContext,
  block: QueryBlock,
  source: Source,
  keys: readonly PartitionKey[],
  state: { exact: boolean }
): Term | undefined {
  if (conjunct instanceof OrContext) {
    const branches: Term[][] = []
    for (const branch of orBranches(conjunct)) {
      const terms = termsOf(topLevelConjuncts(branch), block, source, keys, state)
      // A branch with no partition condition admits every partition: so does the OR.
      if (terms.length === 0) return undefined
      branches.push(terms)
    }
    return { kind: 'or', branches }
  }
  const predicate = columnPredicate(block, conjunct)
  const column = predicate?.column.path[0]
  const key = keys.find((candidate) => candidate.name === column)
  if (!predicate || predicate.column.source !== source || !key) {
    // A partition key under anything else (a function, NOT, a cast) still narrows what Athena reads.
    if (mentionsKey(conjunct, block, source, keys)) state.exact = false
    return undefined
  }
  const values = predicate.values.map((value) => literalValue(value, key))
  if (values.some((value) => value === undefined)) {
    state.exact = false
    return undefined
  }
  const [first = '', second = ''] = values as string[]
  switch (predicate.kind) {
    case 'comparison': {
      const operator = predicate.operator === '!=' ? '<>' : (predicate.operator ?? '=')
      return { kind: 'compare', key: key.name, operator, value: first }
    }
    case 'between':
      return { kind: 'between', key: key.name, low: first, high: second, negated: predicate.negated }
    case 'in':
      return { kind: 'in', key: key.name, values: values as string[], negated: predicate.negated }
  }
}

/** A literal of the key's type: a string for a string key, an integer for an integer key. */
function literalValue(value: Parameters<typeof literalOf>[0], key: PartitionKey): string | undefined {
  const literal = literalOf(value)
  if (!literal) return undefined
  if (key.kind === 'string') return literal.kind === 'string' ? literal.value : undefined
  return literal.kind === 'number' && /^[+-]?\d+$/.test(literal.value) ? literal.value : undefined
}

function mentionsKey(
  node: BooleanExpressionContext,
  block: QueryBlock,
  source: Source,
  keys: readonly PartitionKey[]
): boolean {
  const names = new Set(keys.map((key) => key.name))
  return block.columnRefs.some((ref) => {
    if (!isInside(ref.node, node)) return false
    const resolved = resolveColumn(block, ref)
    return resolved?.source === source && names.has(resolved.path[0] ?? '')
  })
}

function isInside(node: { parent: unknown }, container: unknown): boolean {
  for (let current = node as { parent: unknown } | null; current; current = current.parent as never) {
    if (current === container) return true
  }
  return false
}

/** Glue's `Expression` for the terms (its grammar: = <> < > <= >= AND OR NOT IN BETWEEN). */
export function glueExpression(terms: readonly Term[], keys: readonly PartitionKey[]): string {
  const kindOf = new Map(keys.map((key) => [key.name, key.kind]))
  const value = (key: string, text: string): string =>
    kindOf.get(key) === 'integer' ? String(Number(text)) : `'${text.replaceAll("'", "''")}'`
  // Glue's own examples write keys bare (`year='2020'`); a name of another shape is quoted.
  const name = (key: string): string => (/^[a-z_][a-z0-9_]*$/.test(key) ? key : `\`${key}\``)
  const one = (term: Term): string => {
    switch (term.kind) {
      case 'compare':
        return `${name(term.key)} ${term.operator} ${value(term.key, term.value)}`
      case 'between': {
        const between = `${name(term.key)} BETWEEN ${value(term.key, term.low)} AND ${value(term.key, term.high)}`
        return term.negated ? `NOT (${between})` : between
      }
      case 'in': {
        const list = `${name(term.key)} IN (${term.values.map((v) => value(term.key, v)).join(', ')})`
        return term.negated ? `NOT (${list})` : list
      }
      case 'or':
        return `(${term.branches.map((branch) => `(${all(branch)})`).join(' OR ')})`
    }
  }
  const all = (list: readonly Term[]): string => list.map(one).join(' AND ')
  return all(terms)
}

const inSets = new WeakMap<Term, Set<string>>()

/** The values of an IN as a set, made once: a list of thousands is tested against every partition. */
function setOf(term: Extract<Term, { kind: 'in' }>, integer: boolean): Set<string> {
  let set = inSets.get(term)
  if (!set) {
    set = new Set(term.values.map((value) => (integer ? String(Number(value)) : value)))
    inSets.set(term, set)
  }
  return set
}

/** How many values a scan's terms hold: a bound on the work of testing one partition. */
export function sizeOf(terms: readonly Term[]): number {
  let size = 0
  for (const term of terms) {
    if (term.kind === 'or') size += term.branches.reduce((sum, branch) => sum + sizeOf(branch), 0)
    else size += term.kind === 'in' ? Math.min(term.values.length, 1) : 1
  }
  return size
}

/** Whether a partition's values satisfy the terms, as Glue compares them (text, or numbers for integer keys). */
export function matches(
  terms: readonly Term[],
  keys: readonly PartitionKey[],
  values: readonly string[]
): boolean {
  const index = new Map(keys.map((key, i) => [key.name, i]))
  const kindOf = new Map(keys.map((key) => [key.name, key.kind]))
  const compare = (key: string, a: string, b: string): number | undefined => {
    if (kindOf.get(key) !== 'integer') return a < b ? -1 : a > b ? 1 : 0
    if (!/^[+-]?\d+$/.test(a)) return undefined
    return Math.sign(Number(a) - Number(b))
  }
  const test = (term: Term): boolean => {
    if (term.kind === 'or') return term.branches.some((branch) => branch.every(test))
    const actual = values[index.get(term.key) ?? -1]
    if (actual === undefined) return false
    switch (term.kind) {
      case 'compare': {
        const c = compare(term.key, actual, term.value)
        if (c === undefined) return false
        const operators: Record<typeof term.operator, boolean> = {
          '=': c === 0,
          '<>': c !== 0,
          '<': c < 0,
          '<=': c <= 0,
          '>': c > 0,
          '>=': c >= 0
        }
        return operators[term.operator]
      }
      case 'between': {
        const low = compare(term.key, actual, term.low)
        const high = compare(term.key, actual, term.high)
        if (low === undefined || high === undefined) return false
        return (low >= 0 && high <= 0) !== term.negated
      }
      case 'in': {
        const integer = kindOf.get(term.key) === 'integer'
        if (integer && !/^[+-]?\d+$/.test(actual)) return false
        return setOf(term, integer).has(integer ? String(Number(actual)) : actual) !== term.negated
      }
    }
  }
  return terms.every(test)
}
