/**
 * The job summary, as Markdown: what ran, totals, a table per account and region (the largest rows,
 * then a count of the rest, so a large organization stays far below GitHub's 1 MiB step summary
 * limit), time per phase and AWS calls by operation.
 */
import type { CallStats } from '../aws/clients.js'
import { formatIsoDate } from '../partitions/dates.js'
import { seriesKey } from '../partitions/keys.js'
import type { SyncReport } from '../partitions/sync.js'
import type { TableState } from '../table/ensure.js'

/** Rows of the per-series table before the rest is summed up in one line. */
export const MAX_SERIES_ROWS = 50

export interface SeriesRow {
  account: string
  region: string
  added: number
  removed: number
  unchanged: number
}

/** Per (account, region): applied counts, or planned counts on a dry run; largest change first. */
export function seriesRows(report: SyncReport): SeriesRow[] {
  const rows = report.plan.series.map((plan) => {
    const applied = report.applied?.bySeries.get(seriesKey(plan.account, plan.region))
    return {
      account: plan.account,
      region: plan.region,
      added: report.applied ? (applied?.created ?? 0) : plan.addCount,
      removed: report.applied ? (applied?.deleted ?? 0) : plan.removeCount,
      unchanged: plan.unchanged
    }
  })
  return rows.sort(
    (a, b) =>
      b.added + b.removed - (a.added + a.removed) ||
      a.account.localeCompare(b.account) ||
      a.region.localeCompare(b.region)
  )
}

export interface Totals {
  added: number
  removed: number
  unchanged: number
}

export function totalsOf(report: SyncReport): Totals {
  return {
    added: report.applied ? report.applied.created : report.plan.totals.add,
    removed: report.applied ? report.applied.deleted : report.plan.totals.remove,
    unchanged: report.plan.totals.unchanged
  }
}

const number = (n: number): string => n.toLocaleString('en-US')
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`

/** When the sync stops before it has a report: the error and every AWS call made until then (writes included). */
export function renderFailureSummary(message: string, calls: CallStats): string {
  const lines = [
    '## CloudTrail partitions: failed',
    '',
    escapeCell(message, 4000),
    '',
    'AWS calls made before the failure:',
    ''
  ]
  return [...lines, ...callsTable(calls)].join('\n') + '\n'
}

function callsTable(calls: CallStats): string[] {
  const lines = ['| Operation | Calls | Retries | Failed |', '| --- | ---: | ---: | ---: |']
  for (const [operation, stats] of [...calls.byOperation].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(
      `| ${operation} | ${number(stats.calls)} | ${number(stats.retries)} | ${number(stats.failed)} |`
    )
  }
  return lines
}

export function renderSummary(report: SyncReport, calls: CallStats): string {
  const { settings, plan, applied } = report
  const totals = totalsOf(report)
  const verb = applied ? '' : ' (planned)'
  const lines: string[] = [
    `## CloudTrail partitions: ${applied ? 'sync' : 'dry run, nothing written'}`,
    '',
    `| | |`,
    `| --- | --- |`,
    `| Table | \`${report.tableName}\` ${TABLE_ACTIONS[report.table.action]}, date keys ${report.dateKeyType}${report.table.databaseCreated ? ' (database created)' : ''} |`,
    `| Partition index | ${describeIndex(report.table)} |`,
    `| Partition filtering | ${FILTERING[report.table.partitionFiltering]} |`,
    `| Layout | ${report.layoutDescription} |`,
    `| Window | ${formatIsoDate(plan.window.first)} to ${formatIsoDate(plan.window.last)} (as of ${formatIsoDate(settings.asOf)}, ${settings.retentionDays} days kept, ${settings.futureDays} ahead) |`,
    `| Accounts | ${report.discovery.series.size} in scope of ${report.discovery.accountsFound} found |`,
    `| Regions skipped | ${[...report.discovery.regionsSkipped].sort().join(', ') || 'none'} |`,
    '',
    `**Added${verb}: ${number(totals.added)} · Removed${verb}: ${number(totals.removed)} · Unchanged: ${number(totals.unchanged)}**` +
      ` · Left alone: ${number(plan.totals.leftAlone)} · In Glue before: ${number(report.existingTotal)}`,
    ''
  ]
  if (report.table.addColumnsStatement) {
    lines.push(
      `The table lacks ${report.table.missingColumns.length} column(s) of AWS's current CloudTrail schema ` +
        `(${report.table.missingColumns.join(', ')}). Add them in Athena with:`,
      '',
      '```sql',
      report.table.addColumnsStatement,
      '```',
      ''
    )
  }
  for (const warning of report.table.warnings) lines.push(`> [!WARNING]`, `> ${warning}`, '')
  if (applied && (applied.alreadyDone || applied.failed || applied.skipped)) {
    lines.push(
      `Already done by another run: ${number(applied.alreadyDone)} · **Failed: ${number(applied.failed)}**` +
        ` · **Not attempted: ${number(applied.skipped)}**` +
        (applied.stoppedBy ? ` (stopped after: ${applied.stoppedBy})` : ''),
      ''
    )
    if (applied.failures.length) {
      lines.push('| Partition | Error |', '| --- | --- |')
      for (const failure of applied.failures) {
        lines.push(`| ${failure.values.join('/')} | ${failure.code}: ${escapeCell(failure.message)} |`)
      }
      lines.push('')
    }
  }
  lines.push(...seriesTable(seriesRows(report)), '', '### Time and AWS calls', '')
  const totalMs = report.timings.reduce((sum, [, ms]) => sum + ms, 0)
  lines.push(
    report.timings.map(([name, ms]) => `${name} ${seconds(ms)}`).join(' · ') + ` · total ${seconds(totalMs)}`
  )
  lines.push('', ...callsTable(calls))
  return lines.join('\n') + '\n'
}

const TABLE_ACTIONS: Record<TableState['action'], string> = {
  validated: 'validated',
  created: 'created',
  'would-create': 'would be created'
}

const FILTERING: Record<TableState['partitionFiltering'], string> = {
  enabled: 'on',
  'enabled-now': 'turned on (partition_filtering.enabled=true)',
  'would-enable': 'would be turned on',
  off: 'off'
}

function describeIndex(table: TableState): string {
  const index = table.index
  if (!index) return 'none (set partition-index: true to add one)'
  if (index.action === 'no-slot') return 'none usable; no slot left (3 indexes)'
  if (index.action === 'failed') return `${index.name ?? ''} FAILED: delete it and run again (see the log)`
  const what = `${index.name ?? 'cloudtrail_partitions_by_date'} (${(index.keys ?? ['year', 'month', 'day']).join(', ')})`
  if (index.action === 'would-create') return `${what} would be created`
  const status = index.status === 'CREATING' ? 'CREATING, still building' : (index.status ?? 'unknown')
  return `${what} ${index.action === 'created' ? 'created' : 'present'}, ${status}`
}

function seriesTable(rows: SeriesRow[]): string[] {
  const changed = rows.filter((row) => row.added + row.removed > 0)
  if (changed.length === 0) {
    return [`No changes: all ${number(rows.length)} account/region series are up to date.`]
  }
  const shown = changed.slice(0, MAX_SERIES_ROWS)
  const lines = [
    `### Changes by account and region (${number(changed.length)} of ${number(rows.length)} series changed)`,
    '',
    '| Account | Region | Added | Removed | Unchanged |',
    '| --- | --- | ---: | ---: | ---: |',
    ...shown.map(
      (row) =>
        `| ${row.account} | ${row.region} | ${number(row.added)} | ${number(row.removed)} | ${number(row.unchanged)} |`
    )
  ]
  const rest = changed.slice(MAX_SERIES_ROWS)
  if (rest.length) {
    const sum = (pick: (row: SeriesRow) => number): string =>
      number(rest.reduce((s, row) => s + pick(row), 0))
    lines.push(
      `| … ${number(rest.length)} more series | | ${sum((r) => r.added)} | ${sum((r) => r.removed)} | ${sum((r) => r.unchanged)} |`
    )
  }
  return lines
}

function escapeCell(text: string, max = 300): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').slice(0, max)
}
