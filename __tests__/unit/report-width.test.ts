/**
 * The sync's report in an 80-column terminal, at organization size: 1,000 accounts x 5 regions with
 * every kind of exception, a missing column's SQL and failed changes. No line is wider than the
 * terminal, and wrapping loses no word.
 */
import { CallStats } from '../../src/aws/clients.js'
import { plainOptions } from '../../src/cli/sync.js'
import { syncSummaryDocument } from '../../src/report/summary.js'
import { breakSql, renderPlain } from '../../src/report/terminal.js'
import { seriesKey } from '../../src/vocabulary/keys.js'
import { account, day, daySet, organization, REGIONS, report, YESTERDAY } from '../helpers/sync-report.js'

/** The daily roll of 1,000 accounts x 5 regions, with each exception the report singles out. */
function busyOrganization() {
  const org = organization(1000, REGIONS, YESTERDAY)
  org.desired.set('999999999999', ['eu-west-1', 'us-east-1'])
  org.desired.set(account(7), [...REGIONS, 'ap-northeast-1'])
  org.desired.set(
    account(3),
    REGIONS.filter((region) => region !== 'eu-west-2')
  )
  org.glue.set(
    seriesKey(account(5), 'us-east-1'),
    daySet(YESTERDAY, ['2026-09-30', '2026-10-01', '2026-10-02'])
  )
  for (const i of [11, 12, 13, 14, 15, 16]) {
    org.glue.set(seriesKey(account(i), 'us-east-1'), daySet(YESTERDAY, ['2026-10-01']))
  }
  const stray = daySet(YESTERDAY)
  stray.add(day('2025-01-15'))
  org.glue.set(seriesKey(account(9), 'eu-west-1'), stray)
  org.foreign = {
    total: 3,
    location: 1,
    bySeries: new Map([[seriesKey(account(2), 'eu-west-1'), { location: 1, form: 1 }]])
  }
  const r = report(org, { regionsSkipped: ['ap-south-1', 'me-central-1'] })
  r.table.missingColumns = ['addendum', 'tlsdetails']
  r.table.addColumnsStatement =
    'ALTER TABLE `security`.`cloudtrail` ADD COLUMNS (addendum struct<reason:string,updatedfields:string,' +
    'originalrequestid:string,originaleventid:string>, tlsdetails struct<tlsversion:string,ciphersuite:string,' +
    'clientprovidedhostheader:string>)'
  r.applied!.failed = 2
  r.applied!.skipped = 40
  r.applied!.stoppedBy =
    'ThrottlingException: Rate exceeded for operation BatchCreatePartition in this account'
  r.applied!.failures.push({
    values: ['100000000001', 'eu-west-1', '2026', '12', '03'],
    code: 'InternalServiceException',
    message: 'An internal service error occurred while creating the partition; retry the request later.'
  })
  return r
}

const calls = new CallStats()
calls.record('Glue.BatchCreatePartition', 3, false)
calls.record('Glue.GetPartitions', 1, false)

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean)

/**
 * Reads back an aligned table printed between `from` and `to`: the dashes under the header give the
 * columns; a row's cell is the text of its column on each of its lines (rows of several lines are
 * set apart by blank lines).
 */
function tableBetween(text: string, from: string, to: string): { header: string[]; rows: string[][] } {
  const start = text.indexOf(from) + from.length
  const lines = text.slice(start, text.indexOf(to, start)).trim().split('\n')
  const dashes = lines.findIndex((line) => /^-+( +-+)*$/.test(line))
  const columns = [...(lines[dashes] ?? '').matchAll(/-+/g)].map((match) => ({
    start: match.index,
    width: match[0].length
  }))
  const cells = (group: readonly string[]): string[] =>
    columns.map(({ start, width }) =>
      words(group.map((line) => line.slice(start, start + width)).join(' ')).join(' ')
    )
  const rows = lines
    .slice(dashes + 1)
    .join('\n')
    .split('\n\n')
    .map((group) => cells(group.split('\n')))
  return { header: cells(lines.slice(0, dashes)), rows }
}

describe('the terminal report at 80 columns', () => {
  const blocks = syncSummaryDocument(busyOrganization(), calls)
  const terminal = renderPlain(blocks, plainOptions({ isTTY: true, columns: 80, write: () => true }))
  const piped = renderPlain(blocks, plainOptions({ write: () => true }))

  it.each([
    ['on a terminal', terminal],
    ['in a pipe, every series listed', piped]
  ])('has no line wider than 80 %s', (_where, text) => {
    const wide = text.split('\n').filter((line) => line.length > 80)
    expect(wide).toEqual([])
  })

  it('keeps every word of the exceptions, each cell wrapped inside its column', () => {
    const table = tableBetween(terminal, 'Exceptions\n----------\n', '\nWhat changed')
    expect(table.header).toEqual(['What', 'Series', 'Days (+ added, − removed), or why'])
    expect(table.rows).toContainEqual([
      'New account',
      '999999999999: eu-west-1, us-east-1',
      '+2026-09-02..2026-12-03'
    ])
    expect(table.rows).toContainEqual([
      'Hole filled',
      '6 series: 100000000011 us-east-1, 100000000012 us-east-1, 100000000013 us-east-1, ' +
        '100000000014 us-east-1, 100000000015 us-east-1, 100000000016 us-east-1',
      '+2026-10-01'
    ])
    expect(table.rows).toContainEqual([
      'Removed, not the days that just expired',
      '100000000009 eu-west-1',
      '−2025-01-15'
    ])
    expect(table.rows).toContainEqual([
      'Left alone: another location',
      '1 partition in 1 series: 100000000002 eu-west-1',
      "our values, but not at the logs' path for this layout (another bucket or organization)"
    ])
    expect(table.rows).toHaveLength(9)
  })

  it('keeps the key-value table and the settings readable', () => {
    expect(terminal).toMatch(/^Window +2026-09-02 to 2026-12-03 \(as of 2026-12-02, 91 days kept, 1$/m)
    expect(terminal).toMatch(/^ +ahead\)$/m)
    expect(piped).toContain('100000000999: eu-central-1, eu-west-1, eu-west-2, us-east-1,')
  })

  it('breaks the SQL to add columns between tokens, so that it still runs as it is pasted', () => {
    const sql = busyOrganization().table.addColumnsStatement!
    const shown = terminal.slice(
      terminal.indexOf('    ALTER TABLE'),
      terminal.indexOf('\n\n', terminal.indexOf('    ALTER TABLE'))
    )
    expect(shown.split('\n').length).toBeGreaterThan(1)
    expect(shown.replace(/\s+/g, '')).toBe(sql.replace(/\s+/g, ''))
    expect(words(shown).join(' ').replace(/, /g, ',')).toBe(sql.replace(/, /g, ','))
  })
})

describe('breakSql', () => {
  it('breaks at spaces and after commas, never inside quotes or backquotes', () => {
    expect(breakSql("SELECT 'a, b, c, d' AS x, `e f g`.y FROM t", 14)).toEqual([
      'SELECT',
      "  'a, b, c, d'",
      '  AS x,',
      '  `e f g`.y',
      '  FROM t'
    ])
    expect(breakSql('SELECT 1', 80)).toEqual(['SELECT 1'])
    // A token longer than the width is left whole.
    expect(breakSql('x'.repeat(30), 10)).toEqual(['x'.repeat(30)])
  })
})
