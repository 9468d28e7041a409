/** The partition store of the Glue stand-in: value keys, deletes with compaction, resumable scans. */
import { keyValues, PartitionStore, valuesKey } from '../../stand-in/glue-store.js'

const seqs = (store: PartitionStore, after: number, segment = 0, total = 1): number[] =>
  [...store.scan(after, segment, total)].map((record) => record.seq)

describe('PartitionStore', () => {
  it('encodes values so that any characters round-trip and different lists never collide', () => {
    const lists = [['a', 'b'], ['ab'], ['1:a'], ['', '1:'], ['a\u0001', 'b'], ['x:y:z', '12:34']]
    expect(new Set(lists.map(valuesKey)).size).toBe(lists.length)
    for (const values of lists) expect(keyValues(valuesKey(values))).toEqual(values)
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
})
