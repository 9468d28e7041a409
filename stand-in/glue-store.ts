/**
 * The partitions of one table, built for the largest table Glue allows (10,000,000 partitions) in
 * well under the default heap: about 50 bytes a partition, nearly all of it in typed arrays off the
 * JavaScript heap, and GetPartitions pages in O(page) time.
 *
 * Columns, one row a partition, in creation order:
 * - the values as ids into one intern table (a CloudTrail table has ~22,000 distinct values for
 *   10 million partitions);
 * - a sequence number (GetPartitions resumes after the last one returned; segment membership is
 *   `seq % TotalSegments`: disjoint, complete, stable while partitions come and go);
 * - the creation time;
 * - a shape id: the rest of the PartitionInput (storage descriptor without Location, parameters),
 *   interned, because a table's partitions mostly share the table's descriptor;
 * - a location kind: derived from the values by a template learnt from earlier partitions
 *   (`s3://b/AWSLogs/o-x/{0}/CloudTrail/{1}/{2}/{3}/{4}/`), or kept as written when no template fits.
 * Lookups by values go through an open-addressing hash over the value ids. Deleted rows stay as
 * tombstones until a compaction.
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

/** One partition, as read from the store (a fresh object each time; change the store, not it). */
export interface PartitionRecord {
  readonly seq: number
  readonly values: string[]
  readonly location: string | undefined
  readonly shape: PartitionShape
  /** Creation time, epoch seconds. */
  readonly created: number
}

/** A location template: literal text, and values (by key position, optionally zero-padded). */
type TemplatePart = string | { index: number; width: number }

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((key) => Object.hasOwn(b, key) && sameJson((a as Json)[key], (b as Json)[key]))
}

function render(template: readonly TemplatePart[], values: readonly string[]): string {
  let text = ''
  for (const part of template) {
    text += typeof part === 'string' ? part : (values[part.index] as string).padStart(part.width, '0')
  }
  return text
}

/**
 * A template that renders `location` from `values`, found by looking for each value (last first,
 * as CloudTrail paths end in the values) as a whole path segment, as written or zero-padded.
 */
function learnTemplate(location: string, values: readonly string[]): TemplatePart[] | undefined {
  const parts: TemplatePart[] = []
  let end = location.length
  for (let index = values.length - 1; index >= 0; index--) {
    const value = values[index] as string
    if (value === '') return undefined
    let found: { at: number; width: number } | undefined
    for (const width of [0, 2, 4]) {
      const text = value.padStart(width, '0')
      let at = location.lastIndexOf(text, end - text.length)
      while (at >= 0) {
        const before = at === 0 ? '/' : location[at - 1]
        const after = at + text.length === location.length ? '/' : location[at + text.length]
        if (before === '/' && after === '/') break
        at = at === 0 ? -1 : location.lastIndexOf(text, at - 1)
      }
      if (at >= 0 && (!found || at > found.at)) found = { at, width: width === 0 ? 0 : width }
    }
    if (!found) return undefined
    const length = value.padStart(found.width, '0').length
    parts.unshift(location.slice(found.at + length, end))
    parts.unshift({ index, width: found.width })
    end = found.at
  }
  parts.unshift(location.slice(0, end))
  const template = parts.filter((part) => part !== '')
  return render(template, values) === location ? template : undefined
}

/** Compacts when at least this many tombstones make up half of the rows. */
const COMPACT_MIN_TOMBSTONES = 1024
const LOCATION_NONE = 0
const LOCATION_EXPLICIT = 255
const MAX_TEMPLATES = 254
const DELETED = 1

function grown<T extends Uint8Array | Uint32Array | Float64Array>(array: T, length: number): T {
  const next = new (array.constructor as new (length: number) => T)(length)
  next.set(array)
  return next
}

export class PartitionStore {
  private width = -1
  private rows = 0
  private live = 0
  private capacity = 0
  private nextSeq = 0
  private valueIds = new Uint32Array(0)
  private seqs = new Uint32Array(0)
  private created = new Float64Array(0)
  private shapeIds = new Uint32Array(0)
  private locationKinds = new Uint8Array(0)
  private flags = new Uint8Array(0)
  /** Open addressing, linear probing: row + 1, 0 for an empty slot. */
  private slots = new Uint32Array(0)
  private readonly explicitLocations = new Map<number, string>()
  private readonly templates: TemplatePart[][] = []
  private readonly internIds = new Map<string, number>()
  private readonly interned: string[] = []
  private readonly shapeList: PartitionShape[] = []
  private readonly shapeIndex = new Map<string, number>()
  private lastShape = -1
  private lastTemplate = -1

  get size(): number {
    return this.live
  }

  get(values: readonly string[]): PartitionRecord | undefined {
    const row = this.find(values)
    return row < 0 ? undefined : this.record(row)
  }

  /** Adds a partition; false when one with these values exists. */
  add(values: readonly string[], input: Json, created: number): boolean {
    if (this.width < 0) this.width = values.length
    if (values.length !== this.width)
      throw new Error(`stand-in bug: ${values.length} values for ${this.width} keys`)
    if (this.find(values) >= 0) return false
    if (this.rows === this.capacity) this.grow()
    const row = this.rows++
    this.live += 1
    this.setValues(row, values)
    this.seqs[row] = this.nextSeq++
    this.created[row] = created
    this.flags[row] = 0
    this.setInput(row, values, input)
    this.index(row)
    return true
  }

  /**
   * Replaces a partition's input, moving it to `newValues` when they differ. Returns false when
   * the partition is missing; throws nothing, the caller checks that `newValues` is free.
   */
  update(values: readonly string[], newValues: readonly string[], input: Json): boolean {
    const row = this.find(values)
    if (row < 0) return false
    this.unindex(row)
    this.setValues(row, newValues)
    this.explicitLocations.delete(row)
    this.setInput(row, newValues, input)
    this.index(row)
    return true
  }

  delete(values: readonly string[]): boolean {
    const row = this.find(values)
    if (row < 0) return false
    this.unindex(row)
    this.flags[row] = DELETED
    this.explicitLocations.delete(row)
    this.live -= 1
    const tombstones = this.rows - this.live
    if (tombstones >= COMPACT_MIN_TOMBSTONES && tombstones * 2 >= this.rows) this.compact()
    return true
  }

  /** Live records with seq > `afterSeq` in segment `segment` of `total`, in seq order. */
  *scan(afterSeq: number, segment: number, total: number): Generator<PartitionRecord> {
    let low = 0
    let high = this.rows
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((this.seqs[middle] as number) <= afterSeq) low = middle + 1
      else high = middle
    }
    for (let row = low; row < this.rows; row++) {
      if (this.flags[row] === DELETED || (this.seqs[row] as number) % total !== segment) continue
      yield this.record(row)
    }
  }

  allValues(): string[][] {
    const all: string[][] = []
    for (let row = 0; row < this.rows; row++) if (this.flags[row] !== DELETED) all.push(this.valuesAt(row))
    return all
  }

  // ---- rows ----

  private record(row: number): PartitionRecord {
    const values = this.valuesAt(row)
    const kind = this.locationKinds[row] as number
    let location: string | undefined
    if (kind === LOCATION_EXPLICIT) location = this.explicitLocations.get(row)
    else if (kind !== LOCATION_NONE) location = render(this.templates[kind - 1] as TemplatePart[], values)
    return {
      seq: this.seqs[row] as number,
      values,
      location,
      shape: this.shapeList[this.shapeIds[row] as number] as PartitionShape,
      created: this.created[row] as number
    }
  }

  private valuesAt(row: number): string[] {
    const values: string[] = []
    const base = row * this.width
    for (let i = 0; i < this.width; i++)
      values.push(this.interned[this.valueIds[base + i] as number] as string)
    return values
  }

  private setValues(row: number, values: readonly string[]): void {
    const base = row * this.width
    values.forEach((value, i) => {
      let id = this.internIds.get(value)
      if (id === undefined) {
        id = this.interned.length
        this.interned.push(value)
        this.internIds.set(value, id)
      }
      this.valueIds[base + i] = id
    })
  }

  /** The shape (interned) and the location (derived when a template renders it exactly). */
  private setInput(row: number, values: readonly string[], input: Json): void {
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
    this.shapeIds[row] = this.shapeOf(rest, descriptor, lean)
    this.locationKinds[row] =
      location === undefined ? LOCATION_NONE : this.locationKind(row, location, values)
  }

  private shapeOf(rest: Json, descriptor: Json | undefined, lean: Json | undefined): number {
    // Consecutive partitions mostly share a shape: a deep compare is cheaper than serializing.
    const last = this.shapeList[this.lastShape]
    if (last && sameJson(rest, last.rest) && sameJson(descriptor, last.descriptor)) return this.lastShape
    const json = JSON.stringify([rest, descriptor])
    let id = this.shapeIndex.get(json)
    if (id === undefined) {
      id = this.shapeList.length
      this.shapeList.push({ rest, descriptor, lean })
      this.shapeIndex.set(json, id)
    }
    this.lastShape = id
    return id
  }

  private locationKind(row: number, location: string, values: readonly string[]): number {
    const last = this.templates[this.lastTemplate]
    if (last && render(last, values) === location) return this.lastTemplate + 1
    const known = this.templates.findIndex((template) => render(template, values) === location)
    if (known >= 0) {
      this.lastTemplate = known
      return known + 1
    }
    const learnt = this.templates.length < MAX_TEMPLATES ? learnTemplate(location, values) : undefined
    if (learnt) {
      this.templates.push(learnt)
      this.lastTemplate = this.templates.length - 1
      return this.templates.length
    }
    this.explicitLocations.set(row, location)
    return LOCATION_EXPLICIT
  }

  // ---- growth and compaction ----

  private grow(): void {
    const capacity = Math.max(1024, Math.ceil(this.capacity * 1.5))
    this.valueIds = grown(this.valueIds, capacity * this.width)
    this.seqs = grown(this.seqs, capacity)
    this.created = grown(this.created, capacity)
    this.shapeIds = grown(this.shapeIds, capacity)
    this.locationKinds = grown(this.locationKinds, capacity)
    this.flags = grown(this.flags, capacity)
    this.capacity = capacity
    // Keep the hash at most 60% full.
    if (this.slots.length * 0.6 < capacity) this.rehash(2 ** Math.ceil(Math.log2(capacity / 0.6)))
  }

  /** Moves live rows down over the tombstones, in order, and rebuilds the hash. */
  private compact(): void {
    const explicit = new Map(this.explicitLocations)
    this.explicitLocations.clear()
    let to = 0
    for (let from = 0; from < this.rows; from++) {
      if (this.flags[from] === DELETED) continue
      if (to !== from) {
        this.valueIds.copyWithin(to * this.width, from * this.width, (from + 1) * this.width)
        this.seqs[to] = this.seqs[from] as number
        this.created[to] = this.created[from] as number
        this.shapeIds[to] = this.shapeIds[from] as number
        this.locationKinds[to] = this.locationKinds[from] as number
        this.flags[to] = 0
      }
      const location = explicit.get(from)
      if (location !== undefined) this.explicitLocations.set(to, location)
      to += 1
    }
    this.rows = to
    this.rehash(this.slots.length)
  }

  // ---- the hash over value ids ----

  private hashOfIds(ids: ArrayLike<number>, offset: number): number {
    let hash = 0x811c9dc5
    for (let i = 0; i < this.width; i++) {
      hash = Math.imul(hash ^ (ids[offset + i] as number), 0x01000193)
      hash ^= hash >>> 15
    }
    return hash >>> 0
  }

  private rehash(size: number): void {
    this.slots = new Uint32Array(size)
    for (let row = 0; row < this.rows; row++) if (this.flags[row] !== DELETED) this.index(row)
  }

  private index(row: number): void {
    const mask = this.slots.length - 1
    let slot = this.hashOfIds(this.valueIds, row * this.width) & mask
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask
    this.slots[slot] = row + 1
  }

  /** Removes the row's slot, shifting later slots of the same run back (no tombstones in the hash). */
  private unindex(row: number): void {
    const mask = this.slots.length - 1
    let slot = this.hashOfIds(this.valueIds, row * this.width) & mask
    while (this.slots[slot] !== row + 1) slot = (slot + 1) & mask
    let hole = slot
    let next = (hole + 1) & mask
    while (this.slots[next] !== 0) {
      const other = (this.slots[next] as number) - 1
      const home = this.hashOfIds(this.valueIds, other * this.width) & mask
      // Move `other` into the hole unless its home lies cyclically in (hole, next].
      const between = hole <= next ? home > hole && home <= next : home > hole || home <= next
      if (!between) {
        this.slots[hole] = this.slots[next] as number
        hole = next
      }
      next = (next + 1) & mask
    }
    this.slots[hole] = 0
  }

  /** The row with these values, or -1. */
  private find(values: readonly string[]): number {
    if (this.rows === 0 || values.length !== this.width) return -1
    const ids = new Uint32Array(this.width)
    for (let i = 0; i < this.width; i++) {
      const id = this.internIds.get(values[i] as string)
      if (id === undefined) return -1
      ids[i] = id
    }
    const mask = this.slots.length - 1
    let slot = this.hashOfIds(ids, 0) & mask
    for (;;) {
      const entry = this.slots[slot] as number
      if (entry === 0) return -1
      const row = entry - 1
      let same = true
      for (let i = 0; i < this.width && same; i++) same = this.valueIds[row * this.width + i] === ids[i]
      if (same) return row
      slot = (slot + 1) & mask
    }
  }
}
