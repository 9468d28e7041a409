import { emptyExisting } from '../../src/partitions/existing.js'
import { CallStats } from '../../src/aws/clients.js'
import { parseIsoDate, syncWindow } from '../../src/partitions/dates.js'
import { planSync } from '../../src/partitions/plan.js'
import type { SyncReport } from '../../src/partitions/sync.js'
import { planDocument } from '../../src/report/plan-file.js'
import { MAX_SERIES_ROWS, renderSummary, seriesRows } from '../../src/report/summary.js'

const asOf = parseIsoDate('2026-03-01')!

function report(accounts: number, dryRun: boolean): SyncReport {
  const desired = new Map<string, string[]>()
  for (let i = 0; i < accounts; i++) desired.set(String(100000000000 + i), ['eu-west-1', 'us-east-1'])
  const plan = planSync(emptyExisting(), { desired, accounts: [], regions: [] }, syncWindow(asOf, 90, 1))
  const settings = {
    bucket: 'logs',
    prefix: '',
    organizationId: '',
    table: { database: 'security', table: 'cloudtrail' },
    regions: [],
    accounts: [],
    retentionDays: 90,
    futureDays: 1,
    asOf,
    dryRun,
    createTable: false
  }
  return {
    settings,
    tableName: 'security.cloudtrail',
    dateKeyType: 'string',
    table: {
      action: 'validated',
      databaseCreated: false,
      dateKeyType: 'string',
      storageDescriptor: {},
      missingColumns: ['tlsdetails'],
      addColumnsStatement:
        'ALTER TABLE security.cloudtrail ADD COLUMNS (tlsdetails struct<tlsversion:string>)',
      warnings: [],
      index: { action: 'existing', name: 'by_date', keys: ['year', 'month', 'day'], status: 'ACTIVE' },
      partitionFiltering: 'enabled'
    },
    layout: { bucket: 'logs', prefix: '', kind: 'organization', organizationId: 'o-abcdef1234' },
    layoutDescription: 'organization trail o-abcdef1234',
    discovery: {
      series: desired,
      accountsFound: accounts,
      missingAccounts: [],
      regionsSeen: new Set(),
      regionsSkipped: new Set(['ap-south-1'])
    },
    existingTotal: 0,
    plan,
    timings: [
      ['Table', 10],
      ['Discovery', 1200]
    ]
  }
}

describe('job summary', () => {
  it('says dry run, shows planned totals, the window and AWS calls', () => {
    const calls = new CallStats()
    calls.record('Glue.GetPartitions', 3, false)
    const text = renderSummary(report(3, true), calls)
    expect(text).toContain('dry run, nothing written')
    expect(text).toContain('Added (planned): 552')
    expect(text).toContain('2025-12-01 to 2026-03-02')
    expect(text).toContain('| Glue.GetPartitions | 1 | 2 | 0 |')
    expect(text).toContain('ap-south-1')
    expect(text).toContain('| Partition index | `by_date` (year, month, day) present, ACTIVE |')
    expect(text).toContain('| Partition filtering | on |')
    expect(text).toContain(
      'ALTER TABLE security.cloudtrail ADD COLUMNS (tlsdetails struct<tlsversion:string>)'
    )
  })

  it('shows the largest rows of a large organization and sums the rest, far below 1 MiB', () => {
    const big = report(5000, true)
    const text = renderSummary(big, new CallStats())
    const rows = text.split('\n').filter((line) => /^\| \d{12} \|/.test(line))
    expect(rows).toHaveLength(MAX_SERIES_ROWS)
    expect(text).toContain(`… ${(10000 - MAX_SERIES_ROWS).toLocaleString('en-US')} more series`)
    expect(Buffer.byteLength(text)).toBeLessThan(64 * 1024)
    expect(seriesRows(big)).toHaveLength(10000)
  })

  it('writes the plan as day ranges per series', () => {
    const doc = planDocument(report(1, true)) as { series: { add: string[][] }[]; window: string[] }
    expect(doc.window).toEqual(['2025-12-01', '2026-03-02'])
    expect(doc.series[0]!.add).toEqual([['2025-12-01', '2026-03-02']])
  })
})
