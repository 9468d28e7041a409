/**
 * Which source a column reference reads. Only references that can be pinned on the CloudTrail
 * table are checked against its schema; anything unclear is left alone rather than guessed.
 */
import type { ColumnRef, QueryBlock, Source } from './blocks.js'

export interface Resolved {
  source: Source
  /** The column and its fields, without the qualifier: `['useridentity', 'arn']`. */
  path: string[]
  /**
   * False when the reference is unqualified and the block joins other tables: it is attributed to
   * the CloudTrail table for the partition rules, but not reported as unknown.
   */
  certain: boolean
}

export function resolveColumn(block: QueryBlock, ref: ColumnRef): Resolved | undefined {
  const [first, ...rest] = ref.path
  if (first === undefined) return undefined
  // A qualifier names a source of this block or, in a correlated subquery, of an enclosing one.
  if (rest.length > 0) {
    for (let scope: QueryBlock | undefined = block; scope; scope = scope.parent) {
      const source = scope.sources.find((candidate) => candidate.qualifier === first)
      if (source) return source.isCloudTrail ? { source, path: rest, certain: true } : undefined
    }
  }
  if (ref.lambdaParameters.has(first)) return undefined
  for (let scope: QueryBlock | undefined = block; scope; scope = scope.parent) {
    if (scope.sources.some((source) => source.columns.includes(first))) return undefined
  }
  const cloudTrail = block.sources.filter((source) => source.isCloudTrail)
  const [source] = cloudTrail
  if (cloudTrail.length !== 1 || !source) return undefined
  // UNNEST with named columns adds only those names; any other source may have a column so named.
  const certain = block.sources.every(
    (other) => other === source || (other.kind === 'unnest' && other.columns.length > 0)
  )
  return { source, path: ref.path, certain }
}
