import { CallStats } from '../../src/aws/clients.js'
import { formatIsoDate, syncWindow } from '../../src/vocabulary/dates.js'
import { seriesKey } from '../../src/vocabulary/keys.js'
import { planJsonChunks } from '../../src/report/plan-file.js'
import { renderPlain } from '../../src/report/terminal.js'
import { plainOptions } from '../../src/cli/sync.js'
import {
  renderFailureSummary,
  renderSummary,
  SUMMARY_BUDGET_BYTES,
  syncSummaryDocument
} from '../../src/report/summary.js'
import { changePatterns, findExceptions, formatRanges } from '../../src/report/sync-groups.js'
import { NOTICES_PER_STEP, syncNotices } from '../../src/report/sync-notices.js'
import { account, day, daySet, organization, REGIONS, report, YESTERDAY } from '../helpers/sync-report.js'

const size = (text: string) => Buffer.byteLength(text)

describe('sync summary', () => {
  it('says dry run and "would add / would remove", with the window, the table and AWS calls', () => {
    const calls = new CallStats()
    calls.record('Glue.GetPartitions', 3, false)
    calls.record('Glue.GetTable', 1, true, true)
    const text = renderSummary(
      report(organization(3, ['eu-west-1', 'us-east-1'], undefined), { dryRun: true }),
      calls
    )
    expect(text).toContain('## CloudTrail partitions: dry run, nothing written')
    expect(text).toContain('**Would add: 558 · Would remove: 0 · Unchanged: 0**')
    expect(text).toContain('2026-09-02 to 2026-12-03')
    expect(text).toContain('| Glue.GetPartitions | 1 | 2 | 0 | 0 |')
    // The expected "is the table there?" lookup is no failed call.
    expect(text).toContain('| Glue.GetTable | 1 | 0 | 0 | 1 |')
    expect(text).toContain('| Partition index | `by_date` (year, month, day) present, ACTIVE |')
    expect(text).toContain(
      'ALTER TABLE security.cloudtrail ADD COLUMNS (tlsdetails struct<tlsversion:string>)'
    )
    // A first sync: every series new, one line, and one pattern for all of them.
    expect(text).toContain('First sync of this table: all 6 series would get their first partitions.')
    // A first sync's series are all new: the summary does not then say there are no new series.
    expect(text).not.toContain('no new or vanished series')
    expect(text).toContain('Nothing else: no vanished series, nothing removed, nothing left alone.')
    expect(text).toContain('- 6 series · +2026-09-02..2026-12-03')
    expect(text).toContain('What would change (6 of 6 series; + would add, − would remove)')
  })

  it('shows the daily roll of 5,000 series as one row, with its days', () => {
    const text = renderSummary(report(organization(1000, REGIONS, YESTERDAY)), new CallStats())
    expect(text).toContain('**Added: 5,000 · Removed: 5,000 · Unchanged: 460,000**')
    expect(text).toContain('What changed (5,000 of 5,000 series; + added, − removed)')
    expect(text).toContain('| Accounts | 1,000 in scope of 1,000 found |')
    expect(text).toContain('- 5,000 series · +2026-12-03 · −2026-09-01')
    expect(text).toContain('None: no new or vanished series, no holes')
    expect(text.match(/^- \d/gm)).toHaveLength(1)
  })

  it('names the exceptions first and groups the rest', () => {
    const org = organization(1000, REGIONS, YESTERDAY)
    // A new account with two regions, a region new to a known account.
    org.desired.set('999999999999', ['eu-west-1', 'us-east-1'])
    org.desired.set(account(7), [...REGIONS, 'ap-northeast-1'])
    // A vanished folder: in Glue, not in the bucket.
    org.desired.set(
      account(3),
      REGIONS.filter((r) => r !== 'eu-west-2')
    )
    // A hole across a month end, and a stray old day far before the window.
    org.glue.set(
      seriesKey(account(5), 'us-east-1'),
      daySet(YESTERDAY, ['2026-09-30', '2026-10-01', '2026-10-02'])
    )
    const stray = daySet(YESTERDAY)
    stray.add(day('2025-01-15'))
    org.glue.set(seriesKey(account(9), 'eu-west-1'), stray)
    // Left alone: another location, another form; and a region outside the allow-list in the bucket.
    org.foreign = {
      total: 3,
      location: 1,
      bySeries: new Map([[seriesKey(account(2), 'eu-west-1'), { location: 1, form: 1 }]])
    }
    const r = report(org, { regionsSkipped: ['ap-south-1'] })
    const text = renderSummary(r, new CallStats())

    const exceptions = text.slice(text.indexOf('### Exceptions'), text.indexOf('### What changed'))
    expect(exceptions).toContain(
      '| New account | 999999999999: eu-west-1, us-east-1 | +2026-09-02..2026-12-03 |'
    )
    expect(exceptions).toContain('| New region | 100000000007 ap-northeast-1 | +2026-09-02..2026-12-03 |')
    expect(exceptions).toContain(
      '| Folder gone from the bucket | 100000000003 eu-west-2 | −2026-09-01 (92 partitions in or after the window left alone) |'
    )
    expect(exceptions).toContain('| Hole filled | 100000000005 us-east-1 | +2026-09-30..2026-10-02 |')
    expect(exceptions).toContain(
      '| Removed, not the days that just expired | 100000000009 eu-west-1 | −2025-01-15 |'
    )
    expect(exceptions).toMatch(
      /\| Left alone: another location \| 1 partition in 1 series: 100000000002 eu-west-1 \|/
    )
    expect(exceptions).toMatch(
      /\| Left alone: another form \| 2 partitions in 1 series: 100000000002 eu-west-1 \|/
    )
    expect(exceptions).toContain('| Logs outside the allow-list | ap-south-1 |')
    // Exceptions come before the routine, which stays one row.
    expect(text.indexOf('### Exceptions')).toBeLessThan(text.indexOf('### What changed'))
    expect(text).toContain('- 4,997 series · +2026-12-03 · −2026-09-01')
    expect(text).toContain(
      '- 1 series · +2026-09-30..2026-10-02, 2026-12-03 · −2026-09-01 (100000000005 us-east-1)'
    )
    expect(text).toContain('- 1 series · −2026-09-01 (100000000003 eu-west-2)')
    expect(text).toContain('- 1 series · +2026-12-03 · −2025-01-15, 2026-09-01 (100000000009 eu-west-1)')
    // The new account's and the new region's series share their pattern.
    expect(text).toContain(
      '- 3 series · +2026-09-02..2026-12-03 (100000000007 ap-northeast-1, 999999999999 eu-west-1, 999999999999 us-east-1)'
    )

    // The same exceptions become notices on the run page.
    expect(syncNotices(r)).toEqual([
      'New account 999999999999: eu-west-1, us-east-1 got first partitions (+2026-09-02..2026-12-03).',
      'New region ap-northeast-1 for account 100000000007: got first partitions (+2026-09-02..2026-12-03).',
      "Logs in ap-south-1, outside the 'regions' allow-list: no partitions for them. Add ap-south-1 to 'regions' to query them in Athena."
    ])
  })

  it('groups series with identical holes into one exception row', () => {
    const org = organization(4, ['eu-west-1'], YESTERDAY)
    for (const i of [0, 1, 2]) {
      org.glue.set(seriesKey(account(i), 'eu-west-1'), daySet(YESTERDAY, ['2026-10-31', '2026-11-01']))
    }
    const exceptions = findExceptions(report(org).plan)
    expect(exceptions.holes).toHaveLength(1)
    expect(exceptions.holes[0]?.series).toHaveLength(3)
    const text = renderSummary(report(org), new CallStats())
    expect(text).toContain(
      '| Hole filled | 3 series: 100000000000 eu-west-1, 100000000001 eu-west-1, 100000000002 eu-west-1 | +2026-10-31..2026-11-01 |'
    )
  })

  it('tells older days added at the window start (retention raised) from holes', () => {
    const org = organization(3, ['eu-west-1'], YESTERDAY)
    const text = renderSummary(report(org, { retentionDays: 120 }), new CallStats())
    expect(text).toContain(
      "| Older days added at the window's start | 3 series: 100000000000 eu-west-1, 100000000001 eu-west-1, 100000000002 eu-west-1 | +2026-08-04..2026-08-31 |"
    )
    expect(text).not.toContain('| Hole filled |')
  })

  it('writes day ranges across month and year ends, and counts the tail of many ranges', () => {
    expect(formatRanges([{ first: day('2026-12-30'), last: day('2027-01-02') }])).toBe(
      '2026-12-30..2027-01-02'
    )
    expect(formatRanges([{ first: day('2028-02-28'), last: day('2028-03-01') }])).toBe(
      '2028-02-28..2028-03-01'
    )
    const many = Array.from({ length: 12 }, (_, i) => ({
      first: day('2026-01-01') + 3 * i,
      last: day('2026-01-01') + 3 * i + 1
    }))
    expect(formatRanges(many)).toMatch(/^2026-01-01\.\.2026-01-02, .* … 4 more ranges \(8 days\)$/)
  })

  it('says which days a week-long pause adds and removes, as ranges, as the routine', () => {
    const org = organization(10, REGIONS, syncWindow(day('2026-11-25'), 91, 1))
    const r = report(org)
    expect(changePatterns(r.plan)).toHaveLength(1)
    const text = renderSummary(r, new CallStats())
    expect(text).toContain('- 50 series · +2026-11-27..2026-12-03 · −2026-08-26..2026-09-01')
    expect(text).toContain('None: no new or vanished series')
  })

  it('stays well under 1 MiB at 10,000 series: the detail while it fits, a pointer to the plan file after', () => {
    // The daily roll of 2,000 accounts x 5 regions: every series in the collapsed detail.
    const roll = renderSummary(report(organization(2000, REGIONS, YESTERDAY)), new CallStats())
    expect(roll).toContain('<details><summary>Every changed series by pattern (10,000 series')
    expect(roll).toContain('100000001999: eu-central-1, eu-west-1, eu-west-2, us-east-1, us-west-2')
    expect(size(roll)).toBeLessThan(SUMMARY_BUDGET_BYTES)

    // The worst case: every series changed in its own way (three holes, a different set each).
    const org = organization(2000, REGIONS, YESTERDAY)
    let n = 0
    for (const [key] of org.glue) {
      const holes = [n % 30, 31 + (Math.floor(n / 30) % 30), 61 + Math.floor(n / 900)]
      org.glue.set(
        key,
        daySet(
          YESTERDAY,
          holes.map((h) => formatIsoDate(YESTERDAY.first + 1 + h))
        )
      )
      n += 1
    }
    expect(changePatterns(report(org).plan)).toHaveLength(10_000)
    const scattered = renderSummary(report(org), new CallStats())
    expect(size(scattered)).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES)
    expect(scattered).toContain('is too long for the job summary: it is in the plan file')
    expect(scattered).toMatch(
      /\| Hole filled \| … [\d,]+ more series \| in the per-series detail and the plan file \|/
    )
    expect(scattered).toMatch(/… [\d,]+ more patterns \([\d,]+ series\)/)
    expect(SUMMARY_BUDGET_BYTES).toBeLessThanOrEqual((1024 * 1024) / 2)
  })

  it('escapes what it did not write: warnings and failure messages', () => {
    const r = report(organization(1, ['eu-west-1'], YESTERDAY))
    r.table.warnings.push('[click](https://evil.example) @octocat')
    r.applied!.failed = 1
    r.applied!.stoppedBy = 'InternalServiceException: <img src=x>'
    r.applied!.failures.push({ values: ['1', '`|'], code: 'X', message: '## not a heading' })
    const text = renderSummary(r, new CallStats())
    expect(text).not.toContain('[click](')
    expect(text).not.toContain('<img')
    expect(text).not.toMatch(/@octocat/)
    expect(text).not.toMatch(/^## not a heading/m)
  })

  it('has the same content as a document, for the command line', () => {
    const r = report(organization(2, ['eu-west-1'], YESTERDAY))
    const blocks = syncSummaryDocument(r, new CallStats())
    expect(blocks[0]).toMatchObject({ kind: 'heading', level: 2 })
    expect(blocks.some((b) => b.kind === 'details')).toBe(true)
  })

  it('keeps the daily roll of 1,000 accounts x 5 regions to one screen on a terminal, whole in a pipe', () => {
    const blocks = syncSummaryDocument(report(organization(1000, REGIONS, YESTERDAY)), new CallStats())
    const tty = renderPlain(blocks, plainOptions({ isTTY: true, columns: 120, write: () => true }))
    expect(tty.split('\n').length).toBeLessThan(60)
    expect(tty).toContain('- 5,000 series · +2026-12-03 · −2026-09-01')
    expect(tty).toContain('Every changed series by pattern (5,000 series, + added, − removed): (not shown')
    expect(Math.max(...tty.split('\n').map((line) => line.length))).toBeLessThanOrEqual(120)
    const piped = renderPlain(blocks, plainOptions({ write: () => true }))
    expect(piped).toContain('100000000999:')
    expect(piped.split('\n').length).toBeGreaterThan(500)
  })

  it('writes the plan as day ranges per series, with the status of each', () => {
    const org = organization(1, ['eu-west-1'], undefined)
    org.glue.set(seriesKey(account(5), 'eu-west-1'), daySet(YESTERDAY))
    const text = [...planJsonChunks(report(org, { dryRun: true }))].join('')
    // The streamed text is what JSON.stringify(document, null, 2) writes.
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n')
    const doc = JSON.parse(text) as {
      series: { account: string; status: string; add: string[][]; remove: string[][] }[]
      window: string[]
      removals: { days: number; oldest: string; exceeded: boolean }
    }
    expect(doc.window).toEqual(['2026-09-02', '2026-12-03'])
    expect(doc.series[0]).toMatchObject({ status: 'new', add: [['2026-09-02', '2026-12-03']] })
    expect(doc.series[1]).toMatchObject({
      account: account(5),
      status: 'gone',
      remove: [['2026-09-01', '2026-09-01']]
    })
    expect(doc.removals).toMatchObject({ days: 1, oldest: '2026-09-01', exceeded: false })
  })
})

describe('failure summary', () => {
  it('names the source the run was for, known from the inputs before the layout is', () => {
    const heading = (source?: 'Config') =>
      renderFailureSummary('Flag --regions: give exactly one region.', new CallStats(), source).split('\n')[0]
    expect(heading('Config')).toBe('## Config partitions: failed')
    expect(heading()).toBe('## CloudTrail partitions: failed')
  })
})

describe('notices', () => {
  it("stay within GitHub's 10 per step, the last one counting the rest", () => {
    const org = organization(2, REGIONS, YESTERDAY)
    for (let i = 0; i < 14; i++) org.desired.set(String(900000000000 + i), ['eu-west-1'])
    const notices = syncNotices(report(org, { regionsSkipped: ['ap-south-1', 'sa-east-1'] }))
    expect(notices).toHaveLength(NOTICES_PER_STEP)
    expect(notices[0]).toMatch(/^New account 900000000000: eu-west-1 got first partitions/)
    expect(notices[9]).toBe(
      '7 more exceptions (new accounts or regions, regions outside the allow-list): see the job summary.'
    )
  })

  it('say "first sync" once instead of one notice per new series', () => {
    expect(syncNotices(report(organization(50, REGIONS, undefined), { dryRun: true }))).toEqual([
      'First sync of this table: 250 series in 50 account(s) would get their first partitions.'
    ])
  })
})
