/**
 * The partitions of one table, built for 1.5 million of them: little memory per partition and
 * GetPartitions pages in O(page) time.
 *
 * Each partition gets a sequence number at creation. `records` is ordered by it (deleted records
 * stay as tombstones until a compaction), so a page resumes after the last sequence number
 * returned by a binary search, and segment membership is `seq % TotalSegments` (disjoint, union
 * complete, stable while partitions come and go). A record keeps its values only as the map key
 * (length-prefixed, so any value is safe), its own location, and a shared "shape": the rest of its
 * PartitionInput, interned, because partitions of one table mostly share a storage descriptor.
 */
import type { Json } from './glue-validation.js'

/**
 * What partitions of a table share: their PartitionInput without Values and Location, split the
 * way GetPartitions answers it, with and without the columns.
 */
export interface PartitionShape {
  /** The PartitionInput's members other than Values and StorageDescriptor. */
  readonly rest: Json
  /** The StorageDescriptor without Location. */
  readonly descriptor: Json | undefined
  /** The same without Columns, for ExcludeColumnSchema. */
  readonly lean: Json | undefined
}

export interface PartitionRecord {
  readonly seq: number
  key: string
  location: string | undefined
  shape: PartitionShape
  /** Creation time, epoch seconds. */
  readonly created: number
  deleted: boolean
}

/** Map key of a values list: each value as `<length>:<value>`; joined, so one flat string. */
export function valuesKey(values: readonly string[]): string {
  return values.map((value) => `${value.length}:${value}`).join('')
}

export function keyValues(key: string): string[] {
  const values: string[] = []
  let at = 0
  while (at < key.length) {
    const colon = key.indexOf(':', at)
    const length = Number(key.slice(at, colon))
    values.push(key.slice(colon + 1, colon + 1 + length))
    at = colon + 1 + length
  }
  return values
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((key) => Object.hasOwn(b, key) && sameJson((a as Json)[key], (b as Json)[key]))
}

/** Compacts when at least this many tombstones make up half of `records`. */
const COMPACT_MIN_TOMBSTONES = 1024

export class PartitionStore {
  private readonly byKey = new Map<string, PartitionRecord>()
  private records: PartitionRecord[] = []
  private tombstones = 0
  private nextSeq = 0
  private readonly shapes = new Map<string, PartitionShape>()
  private lastShape: PartitionShape | undefined

  get size(): number {
    return this.byKey.size
  }

  get(values: readonly string[]): PartitionRecord | undefined {
    return this.byKey.get(valuesKey(values))
  }

  /** Adds a partition; false when one with these values exists. */
  add(values: readonly string[], input: Json, created: number): boolean {
    const key = valuesKey(values)
    if (this.byKey.has(key)) return false
    const { location, shape } = this.split(input)
    const record: PartitionRecord = { seq: this.nextSeq++, key, location, shape, created, deleted: false }
    this.byKey.set(key, record)
    this.records.push(record)
    return true
  }

  /**
   * Replaces a partition's input, moving it to `newValues` when they differ. Returns false when
   * the partition is missing; throws nothing, the caller checks that `newValues` is free.
   */
  update(values: readonly string[], newValues: readonly string[], input: Json): boolean {
    const record = this.get(values)
    if (!record) return false
    const { location, shape } = this.split(input)
    record.location = location
    record.shape = shape
    const newKey = valuesKey(newValues)
    if (newKey !== record.key) {
      this.byKey.delete(record.key)
      record.key = newKey
      this.byKey.set(newKey, record)
    }
    return true
  }

  delete(values: readonly string[]): boolean {
    const record = this.get(values)
    if (!record) return false
    this.byKey.delete(record.key)
    record.deleted = true
    this.tombstones += 1
    if (this.tombstones >= COMPACT_MIN_TOMBSTONES && this.tombstones * 2 >= this.records.length) {
      this.records = this.records.filter((live) => !live.deleted)
      this.tombstones = 0
    }
    return true
  }

  /** Live records with seq > `afterSeq` in segment `segment` of `total`, in seq order. */
  *scan(afterSeq: number, segment: number, total: number): Generator<PartitionRecord> {
    const records = this.records
    let low = 0
    let high = records.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((records[middle] as PartitionRecord).seq <= afterSeq) low = middle + 1
      else high = middle
    }
    for (let i = low; i < records.length; i++) {
      const record = records[i] as PartitionRecord
      if (!record.deleted && record.seq % total === segment) yield record
    }
  }

  allValues(): string[][] {
    return [...this.byKey.keys()].map(keyValues)
  }

  /** The record's location apart; the rest interned so partitions of one shape share it. */
  private split(input: Json): { location: string | undefined; shape: PartitionShape } {
    const { Values: _values, StorageDescriptor: stored, ...rest } = input
    let location: string | undefined
    let descriptor: Json | undefined
    let lean: Json | undefined
    if (stored && typeof stored === 'object') {
      const { Location, ...others } = stored as Json
      const { Columns: _columns, ...withoutColumns } = others
      location = typeof Location === 'string' ? Location : undefined
      descriptor = others
      lean = withoutColumns
    }
    // Consecutive partitions mostly share a shape: a deep compare is cheaper than serializing.
    const last = this.lastShape
    if (last && sameJson(rest, last.rest) && sameJson(descriptor, last.descriptor))
      return { location, shape: last }
    const json = JSON.stringify([rest, descriptor])
    let shape = this.shapes.get(json)
    if (!shape) {
      shape = { rest, descriptor, lean }
      this.shapes.set(json, shape)
    }
    this.lastShape = shape
    return { location, shape }
  }
}
