/**
 * Account and region pairs ("series") as small integers. An organization at Glue's largest table has
 * 110,000 series; keyed by `account/region` strings, each cost a string, a Map entry and an object
 * (about 2.4 KB a series with the plan and report around them). Here a series is an index into two
 * typed arrays, account and region names are kept once each, and per-series state elsewhere is
 * typed arrays indexed by the id.
 */

/** Dense, from 0, in order of first sight. */
export type SeriesId = number

/** Pair keys stay small integers (V8 Smis) while ids fit in these bits. */
const REGION_BITS = 12
const MAX_SMALL_ACCOUNT = 2 ** (30 - REGION_BITS)

export class SeriesIndex {
  private readonly accountNames: string[] = []
  private readonly accountIds = new Map<string, number>()
  private readonly regionNames: string[] = []
  private readonly regionIds = new Map<string, number>()
  private accountOf = new Int32Array(1024)
  private regionOf = new Int32Array(1024)
  private readonly byPair = new Map<number | string, SeriesId>()
  private count = 0

  /** Number of series registered. */
  get size(): number {
    return this.count
  }

  /** The series' id, registering it on first sight. */
  id(account: string, region: string): SeriesId {
    const accountId = intern(account, this.accountNames, this.accountIds)
    const regionId = intern(region, this.regionNames, this.regionIds)
    const key = pairKey(accountId, regionId)
    const known = this.byPair.get(key)
    if (known !== undefined) return known
    const id = this.count++
    if (id === this.accountOf.length) {
      this.accountOf = grown(this.accountOf)
      this.regionOf = grown(this.regionOf)
    }
    this.accountOf[id] = accountId
    this.regionOf[id] = regionId
    this.byPair.set(key, id)
    return id
  }

  /** The series' id, or undefined when it was never registered. */
  find(account: string, region: string): SeriesId | undefined {
    const accountId = this.accountIds.get(account)
    const regionId = this.regionIds.get(region)
    if (accountId === undefined || regionId === undefined) return undefined
    return this.byPair.get(pairKey(accountId, regionId))
  }

  account(id: SeriesId): string {
    return this.accountNames[this.accountOf[id] ?? -1] ?? ''
  }

  region(id: SeriesId): string {
    return this.regionNames[this.regionOf[id] ?? -1] ?? ''
  }

  /** One shared copy of a region name (the bucket's listings hand out a new string per account). */
  internRegion(region: string): string {
    return this.regionNames[intern(region, this.regionNames, this.regionIds)] as string
  }

  /**
   * Ids ordered by account, then region, as the reports list them. Names are ranked once each,
   * so sorting 110,000 series compares numbers, not strings.
   */
  sorted(ids: Iterable<SeriesId>): Int32Array {
    const accountRank = ranks(this.accountNames)
    const regionRank = ranks(this.regionNames)
    const order = Int32Array.from(ids)
    const rank = (id: SeriesId): number =>
      (accountRank[this.accountOf[id] ?? 0] ?? 0) * this.regionNames.length +
      (regionRank[this.regionOf[id] ?? 0] ?? 0)
    const keys = new Float64Array(this.count)
    for (const id of order) keys[id] = rank(id)
    return order.sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0))
  }
}

function intern(name: string, names: string[], ids: Map<string, number>): number {
  let id = ids.get(name)
  if (id === undefined) {
    id = names.length
    // A flat copy: a slice of a long listing prefix would keep the whole prefix alive.
    const flat = (' ' + name).slice(1)
    names.push(flat)
    ids.set(flat, id)
  }
  return id
}

function pairKey(accountId: number, regionId: number): number | string {
  return accountId < MAX_SMALL_ACCOUNT && regionId < 2 ** REGION_BITS
    ? accountId * 2 ** REGION_BITS + regionId
    : `${accountId}:${regionId}`
}

function grown(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2)
  bigger.set(array)
  return bigger
}

/** Rank of each name in the reports' order (localeCompare, as the plan always sorted). */
function ranks(names: readonly string[]): Int32Array {
  const order = names.map((_, i) => i).sort((a, b) => (names[a] ?? '').localeCompare(names[b] ?? ''))
  const rank = new Int32Array(names.length)
  order.forEach((nameId, position) => (rank[nameId] = position))
  return rank
}
