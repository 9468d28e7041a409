/** The partition store of the Glue stand-in: compact rows, lookups, deletes with compaction, resumable scans. */
import { PartitionStore } from '../../stand-in/glue-store.js'

const seqs = (store: PartitionStore, after: number, segment = 0, total = 1): number[] =>
  [...store.scan(after, segment, total)].map((record) => record.seq)

const ROOT = 's3://org-cloudtrail-logs/AWSLogs/o-abcdefghij/'
const cloudTrail = (values: string[], padded = values) => ({
  Values: values,
  StorageDescriptor: {
    Columns: [{ Name: 'eventversion', Type: 'string' }],
    Location: `${ROOT}${padded[0]}/CloudTrail/${padded[1]}/${padded[2]}/${padded[3]}/${padded[4]}/`
  }
})

describe('PartitionStore', () => {
  it('keeps values of any characters apart and round-trips them', () => {
    const store = new PartitionStore()
    const lists = [
      ['a', 'b'],
      ['ab', ''],
      ['1:a', ''],
      ['', '1:'],
      ['a\u0001', 'b'],
      ['x:y:z', '12:34']
    ]
    for (const values of lists) expect(store.add(values, {}, 0)).toBe(true)
    expect(store.size).toBe(lists.length)
    for (const values of lists) expect(store.get(values)?.values).toEqual(values)
    expect(store.get(['a', 'c'])).toBeUndefined()
    expect(store.allValues()).toEqual(lists)
  })

  it('scans in creation order after a sequence number, skipping deleted partitions, across compactions', () => {
    const store = new PartitionStore()
    for (let i = 0; i < 3000; i++) store.add([String(i)], { Values: [String(i)] }, 0)
    for (let i = 0; i < 3000; i += 3) store.delete([String(i)])
    // 1000 tombstones: no compaction yet; the next 1000 deletes compact.
    for (let i = 1; i < 3000; i += 3) store.delete([String(i)])
    expect(store.size).toBe(1000)
    expect(seqs(store, -1)).toEqual(Array.from({ length: 1000 }, (_, i) => 3 * i + 2))
    expect(seqs(store, 1500)).toEqual(Array.from({ length: 500 }, (_, i) => 1502 + 3 * i))
    expect(seqs(store, 2999)).toEqual([])
    for (let i = 0; i < 3000; i++) expect(store.get([String(i)]) !== undefined).toBe(i % 3 === 2)
  })

  it('splits scans into disjoint segments by sequence number', () => {
    const store = new PartitionStore()
    for (let i = 0; i < 100; i++) store.add([String(i)], {}, 0)
    const segments = [0, 1, 2].map((segment) => seqs(store, -1, segment, 3))
    expect(segments.map((s) => s.length)).toEqual([34, 33, 33])
    expect(segments.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i))
  })

  it('refuses a second partition with the same values and moves a partition on update', () => {
    const store = new PartitionStore()
    expect(store.add(['a'], {}, 0)).toBe(true)
    expect(store.add(['a'], {}, 0)).toBe(false)
    expect(store.update(['a'], ['b'], { Parameters: { p: '1' } })).toBe(true)
    expect(store.get(['a'])).toBeUndefined()
    expect(store.get(['b'])?.shape.rest).toEqual({ Parameters: { p: '1' } })
    expect(store.update(['a'], ['c'], {})).toBe(false)
  })

  it('shares one shape between partitions with equal descriptors and keeps each Location', () => {
    const store = new PartitionStore()
    const input = (location: string) => ({
      StorageDescriptor: { Columns: [{ Name: 'c', Type: 'string' }], Location: location }
    })
    store.add(['1'], input('s3://b/1/'), 0)
    store.add(['2'], input('s3://b/2/'), 0)
    store.add(['3'], { StorageDescriptor: { Location: 's3://b/3/' } }, 0)
    store.add(['4'], input('s3://b/4/'), 0)
    const [one, two, three, four] = ['1', '2', '3', '4'].map((v) => store.get([v]))
    expect(one?.shape).toBe(two?.shape)
    expect(one?.shape).toBe(four?.shape)
    expect(three?.shape).not.toBe(one?.shape)
    expect([one?.location, four?.location]).toEqual(['s3://b/1/', 's3://b/4/'])
    expect(one?.shape.lean).toEqual({})
  })

  it('gives back every location exactly: derived from the values (padded or not), or as written', () => {
    const store = new PartitionStore()
    const string = ['111122223333', 'eu-west-1', '2026', '03', '07']
    const int = ['111122223333', 'eu-west-1', '2026', '3', '7']
    const odd = ['444455556666', 'eu-west-1', '2026', '03', '08']
    store.add(string, cloudTrail(string), 1.5)
    store.add(int, cloudTrail(int, string), 2.5)
    store.add(odd, { ...cloudTrail(odd), StorageDescriptor: { Location: 's3://elsewhere/manual/' } }, 3.5)
    store.add(['x', 'y', 'z', 'w', 'v'], { StorageDescriptor: {} }, 4.5)
    expect(store.get(string)).toMatchObject({
      location: cloudTrail(string).StorageDescriptor.Location,
      created: 1.5
    })
    expect(store.get(int)?.location).toBe(cloudTrail(string).StorageDescriptor.Location)
    expect(store.get(odd)?.location).toBe('s3://elsewhere/manual/')
    expect(store.get(['x', 'y', 'z', 'w', 'v'])?.location).toBeUndefined()
  })

  it('agrees with a plain Map over random adds, updates and deletes', () => {
    let seed = 7
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    const store = new PartitionStore()
    const model = new Map<string, string>()
    const valuesOf = (i: number) => [`a${i % 37}`, `r${i % 5}`, String(2020 + (i % 7)), String(i)]
    const location = (values: string[], extra: string) => `s3://b/${values.join('/')}/${extra}`
    for (let step = 0; step < 20_000; step++) {
      const values = valuesOf(random(3000))
      const key = values.join('|')
      const action = random(10)
      if (action < 6) {
        const where = random(4) === 0 ? location(values, 'odd/') : location(values, '')
        expect(store.add(values, { StorageDescriptor: { Location: where } }, step)).toBe(!model.has(key))
        if (!model.has(key)) model.set(key, where)
      } else if (action < 9) {
        expect(store.delete(values)).toBe(model.delete(key))
      } else if (model.has(key)) {
        const moved = valuesOf(3000 + random(3000))
        if (!model.has(moved.join('|'))) {
          store.update(values, moved, { StorageDescriptor: { Location: location(moved, '') } })
          model.delete(key)
          model.set(moved.join('|'), location(moved, ''))
        }
      }
    }
    expect(store.size).toBe(model.size)
    const seen = new Map(
      [...store.scan(-1, 0, 1)].map((record) => [record.values.join('|'), record.location])
    )
    expect(seen).toEqual(model)
  })
})
