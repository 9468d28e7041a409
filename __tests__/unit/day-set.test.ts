import { DaySet } from '../../src/partitions/day-set.js'

describe('DaySet', () => {
  it('behaves as a set of day numbers, iterating in ascending order', () => {
    const days = new DaySet()
    const added = [20_500, 20_497, 20_600, 20_500, 19_000, 20_503, 25_000]
    const reference = new Set<number>()
    for (const day of added) {
      days.add(day)
      reference.add(day)
    }
    expect(days.size).toBe(reference.size)
    expect([...days]).toEqual([...reference].sort((a, b) => a - b))
    for (let day = 18_990; day < 25_010; day++) expect(days.has(day)).toBe(reference.has(day))
  })

  it('is empty until something is added', () => {
    const days = new DaySet()
    expect(days.size).toBe(0)
    expect(days.has(0)).toBe(false)
    expect([...days]).toEqual([])
    days.add(0)
    expect([...days]).toEqual([0])
  })
})
