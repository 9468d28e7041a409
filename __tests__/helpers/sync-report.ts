/**
 * A synthetic sync report, built as the sync builds it (planSync over what Glue has and what the
 * bucket has) but without AWS: an organization of N accounts x regions, each series with every day
 * of a window in Glue. For the report's tests: the summary, the terminal rendering, the notices.
 */
import {
  daysOf,
  formatIsoDate,
  parseIsoDate,
  syncWindow,
  type DayWindow
} from '../../src/vocabulary/dates.js'
import { DaySet } from '../../src/partitions/day-set.js'
import type { ForeignCounts } from '../../src/partitions/existing.js'
import { AppliedBySeries } from '../../src/partitions/apply.js'
import { checkRemovals } from '../../src/partitions/guards.js'
import { checkTableQuota } from '../../src/partitions/quota.js'
import { refreshOutcome } from '../../src/partitions/refresh.js'
import { seriesKey } from '../../src/vocabulary/keys.js'
import { planSync } from '../../src/partitions/plan.js'
import type { SyncReport } from '../../src/report/sync-outcome.js'
import { existingOf } from './existing.js'
import { ORGANIZATION_LAYOUT } from './layouts.js'

export const day = (text: string) => parseIsoDate(text)!
export const REGIONS = ['eu-central-1', 'eu-west-1', 'eu-west-2', 'us-east-1', 'us-west-2']
export const account = (i: number) => String(100000000000 + i)

export interface Org {
  /** Account -> regions in the bucket. */
  desired: Map<string, string[]>
  /** Our partitions in Glue: `account/region` -> days. */
  glue: Map<string, DaySet>
  /** Partitions in Glue not in our form or place. */
  foreign: { total: number; location: number; bySeries: Map<string, ForeignCounts> }
}

/** `accounts` x `regions` series, each with every day of `had` in Glue (yesterday's window). */
export function organization(accounts: number, regions: readonly string[], had: DayWindow | undefined): Org {
  const desired = new Map<string, string[]>()
  const glue = new Map<string, DaySet>()
  for (let i = 0; i < accounts; i++) {
    desired.set(account(i), [...regions])
    if (!had) continue
    for (const region of regions) glue.set(seriesKey(account(i), region), daySet(had))
  }
  return { desired, glue, foreign: { total: 0, location: 0, bySeries: new Map() } }
}

export function daySet(window: DayWindow, except: readonly string[] = []): DaySet {
  const days = new DaySet()
  for (const d of daysOf(window)) if (!except.includes(formatIsoDate(d))) days.add(d)
  return days
}

export interface ReportOptions {
  asOf?: string
  retentionDays?: number
  futureDays?: number
  dryRun?: boolean
  maxRemoveDays?: number
  regions?: string[]
  regionsSkipped?: string[]
}

export function report(org: Org, options: ReportOptions = {}): SyncReport {
  const asOf = day(options.asOf ?? '2026-12-02')
  const retentionDays = options.retentionDays ?? 91
  const futureDays = options.futureDays ?? 1
  const dryRun = options.dryRun ?? false
  const window = syncWindow(asOf, retentionDays, futureDays)
  const existing = existingOf(window, org.glue, org.foreign.total)
  existing.foreignLocation = org.foreign.location
  for (const [key, counts] of org.foreign.bySeries) {
    const [accountId, region] = key.split('/') as [string, string]
    existing.foreignBySeries.set(existing.index.id(accountId, region), counts)
  }
  const plan = planSync(
    existing,
    { desired: org.desired, accounts: [], regions: options.regions ?? [] },
    window
  )
  const settings = {
    source: 'CloudTrail' as const,
    bucket: 'logs',
    prefix: '',
    organizationId: '',
    table: { database: 'security', table: 'cloudtrail' },
    regions: options.regions ?? [],
    accounts: [],
    retentionDays,
    futureDays,
    asOf,
    dryRun,
    createTable: false
  }
  const bySeries = new AppliedBySeries(plan.index.size)
  for (const series of plan.series()) {
    for (let n = 0; n < series.addCount; n++) bySeries.count(series.id, 'created')
    for (let n = 0; n < series.removeCount; n++) bySeries.count(series.id, 'deleted')
  }
  return {
    settings,
    tableName: 'security.cloudtrail',
    dateKeyType: 'string',
    table: {
      action: 'validated',
      databaseCreated: false,
      dateKeyType: 'string',
      keys: { date: { kind: 'parts', type: 'string' }, hasAccount: true, hasRegion: true },
      storageDescriptor: {},
      missingColumns: ['tlsdetails'],
      addColumnsStatement:
        'ALTER TABLE security.cloudtrail ADD COLUMNS (tlsdetails struct<tlsversion:string>)',
      warnings: [],
      index: { action: 'existing', name: 'by_date', keys: ['year', 'month', 'day'], status: 'ACTIVE' },
      partitionFiltering: 'enabled'
    },
    layout: ORGANIZATION_LAYOUT,
    layoutDescription: 'organization trail o-abcdef1234',
    discovery: {
      series: org.desired,
      accountsFound: org.desired.size,
      accountsWithoutSource: 0,
      missingAccounts: [],
      regionsSeen: new Set(),
      regionsSkipped: new Set(options.regionsSkipped ?? []),
      notRegions: new Map(),
      notRegionsOmitted: 0
    },
    existingTotal: existing.total,
    plan,
    removals: checkRemovals(plan, options.maxRemoveDays ?? 7),
    quota: checkTableQuota(
      { before: existing.total, add: plan.totals.add, remove: plan.totals.remove },
      10_000_000,
      { seriesPerDay: plan.inBucketCount, leftAlone: plan.totals.leftAlone, retentionDays, futureDays }
    ),
    refresh: refreshOutcome('sha256:x', undefined, plan),
    warnings: [],
    ...(dryRun
      ? {}
      : {
          applied: {
            created: plan.totals.add,
            deleted: plan.totals.remove,
            refreshed: 0,
            alreadyDone: 0,
            failed: 0,
            failures: [],
            skipped: 0,
            bySeries
          }
        }),
    timings: [
      ['Discovery', 1200],
      ['Table', 10]
    ]
  }
}

/** Yesterday's window for the default as-of (2026-12-02, 91 days kept, 1 ahead). */
export const YESTERDAY = syncWindow(day('2026-12-01'), 91, 1)
