/** What Glue holds, as tests write it: `account/region` -> days, built into the sync's compact form. */
import { emptyExisting, type ExistingPartitions } from '../../src/partitions/existing.js'
import type { DayNumber, DayWindow } from '../../src/vocabulary/dates.js'

export function existingOf(
  span: DayWindow,
  series: Iterable<[string, Iterable<DayNumber>]> | Record<string, Iterable<DayNumber>> = {},
  foreign = 0
): ExistingPartitions {
  const existing = emptyExisting(span)
  const entries = Symbol.iterator in series ? series : Object.entries(series)
  for (const [key, days] of entries as Iterable<[string, Iterable<DayNumber>]>) {
    const [account, region] = key.split('/') as [string, string]
    const id = existing.index.id(account, region)
    for (const day of days) existing.bySeries.add(id, day)
  }
  existing.foreign = foreign
  existing.total = existing.bySeries.total + foreign
  return existing
}
