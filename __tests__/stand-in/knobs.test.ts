import { CallCounter, Knobs } from '../../stand-in/knobs.js'

describe('Knobs', () => {
  it('throttles with a token bucket: burst at once, then refills at the rate', async () => {
    const knobs = new Knobs()
    knobs.setThrottle('Glue.*', { ratePerSecond: 50, burst: 2 })
    expect([
      knobs.admit('Glue.GetPartitions'),
      knobs.admit('Glue.GetPartitions'),
      knobs.admit('Glue.GetPartitions')
    ]).toEqual([true, true, false])
    expect(knobs.admit('S3.ListObjectsV2')).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 60)) // 50/s: about 3 tokens, capped at the burst of 2
    expect([
      knobs.admit('Glue.GetPartitions'),
      knobs.admit('Glue.GetPartitions'),
      knobs.admit('Glue.GetPartitions')
    ]).toEqual([true, true, false])
  })

  it('throttles the next n calls of one operation, then admits them again, however close together', () => {
    const knobs = new Knobs()
    knobs.throttleNext('Glue.BatchCreatePartition', 2)
    expect(knobs.admit('Glue.GetPartitions')).toBe(true)
    expect([1, 2, 3].map(() => knobs.admit('Glue.BatchCreatePartition'))).toEqual([false, false, true])
    knobs.throttleNext('Glue.GetTable', 1)
    knobs.reset()
    expect(knobs.admit('Glue.GetTable')).toBe(true)
  })

  it('throttles the next n calls of a whole service with Service.*; an operation setting wins', () => {
    const knobs = new Knobs()
    knobs.throttleNext('Glue.*', 2)
    knobs.throttleNext('Glue.GetTable', 0)
    expect([
      knobs.admit('Glue.GetTable'),
      knobs.admit('Glue.GetPartitions'),
      knobs.admit('Glue.BatchCreatePartition'),
      knobs.admit('Glue.GetPartitions'),
      knobs.admit('S3.ListObjectsV2')
    ]).toEqual([true, false, false, true, true])
  })

  it('fails the next n calls, or every nth call; an operation setting wins over the service one', () => {
    const knobs = new Knobs()
    knobs.failNext('Glue.GetTable', 2)
    expect([1, 2, 3].map(() => knobs.shouldFail('Glue.GetTable'))).toEqual([true, true, false])
    knobs.failEvery('S3.*', 3)
    expect([1, 2, 3, 4, 5, 6].map(() => knobs.shouldFail('S3.ListObjectsV2'))).toEqual([
      false,
      false,
      true,
      false,
      false,
      true
    ])
    knobs.setLatency('*', 5)
    knobs.setLatency('Glue.*', 7)
    knobs.setLatency('Glue.GetTable', 1)
    expect([
      knobs.latencyFor('S3.PutObject'),
      knobs.latencyFor('Glue.GetPartitions'),
      knobs.latencyFor('Glue.GetTable')
    ]).toEqual([5, 7, 1])
    knobs.reset()
    expect(knobs.shouldFail('S3.ListObjectsV2')).toBe(false)
    expect(knobs.latencyFor('Glue.GetTable')).toBe(0)
  })
})

describe('CallCounter', () => {
  it('counts per operation and outcome, and per service', () => {
    const calls = new CallCounter()
    calls.record('Glue.GetPartitions', 'ok')
    calls.record('Glue.GetPartitions', 'throttled')
    calls.record('Glue.GetTable', 'error')
    calls.record('S3.ListObjectsV2', 'ok')
    expect(calls.get('Glue.GetPartitions')).toBe(2)
    expect(calls.get('Glue.GetPartitions', 'throttled')).toBe(1)
    expect(calls.get('Glue.*')).toBe(3)
    expect(calls.snapshot()['Glue.GetTable']).toEqual({ ok: 0, error: 1, throttled: 0, failed: 0 })
    calls.reset()
    expect(calls.get('Glue.*')).toBe(0)
  })
})
