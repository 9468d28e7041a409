/**
 * The sync's report as a document (report/document.ts): what ran, totals, the changes by account and
 * region, time per phase and AWS calls by operation. Rendered as Markdown for the job summary, and as
 * plain text by the command line. Text we did not write (AWS messages, names from inputs and Glue)
 * goes in through text()/code(); raw() carries only our own Markdown.
 */
import type { CallStats } from '../aws/clients.js'
import { formatIsoDate } from '../partitions/dates.js'
import { seriesKey } from '../partitions/keys.js'
import type { SyncReport } from '../partitions/sync.js'
import type { TableState } from '../table/ensure.js'
import { code, raw, renderMarkdown, text, type Block, type Inline, type Line } from './document.js'

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

export const number = (n: number): string => n.toLocaleString('en-US')
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`
/** Our own wording and numbers: no escaping needed, and the Markdown stays readable. */
const ours = (markdown: string): Inline => raw(markdown)

/** When the sync stops before it has a report: the error and every AWS call made until then (writes included). */
export function failureSummaryDocument(message: string, calls: CallStats): Block[] {
  return [
    { kind: 'heading', level: 2, line: [ours('CloudTrail partitions: failed')] },
    { kind: 'paragraph', line: [text(message.slice(0, 4000))] },
    { kind: 'paragraph', line: [ours('AWS calls made before the failure:')] },
    callsTable(calls)
  ]
}

export function renderFailureSummary(message: string, calls: CallStats): string {
  return renderMarkdown(failureSummaryDocument(message, calls))
}

function callsTable(calls: CallStats): Block {
  return {
    kind: 'table',
    header: ['Operation', 'Calls', 'Retries', 'Failed'],
    align: ['l', 'r', 'r', 'r'],
    rows: [...calls.byOperation]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([operation, stats]) => [
        [ours(operation)],
        [ours(number(stats.calls))],
        [ours(number(stats.retries))],
        [ours(number(stats.failed))]
      ])
  }
}

export function syncSummaryDocument(report: SyncReport, calls: CallStats): Block[] {
  const { settings, plan, applied } = report
  const totals = totalsOf(report)
  const verb = applied ? '' : ' (planned)'
  const blocks: Block[] = [
    {
      kind: 'heading',
      level: 2,
      line: [ours(`CloudTrail partitions: ${applied ? 'sync' : 'dry run, nothing written'}`)]
    },
    {
      kind: 'table',
      header: ['', ''],
      rows: [
        [
          'Table',
          [
            code(report.tableName),
            ours(
              ` ${TABLE_ACTIONS[report.table.action]}, date keys ${report.dateKeyType}` +
                (report.table.databaseCreated ? ' (database created)' : '')
            )
          ]
        ],
        ['Partition index', describeIndex(report.table)],
        ['Partition filtering', [ours(FILTERING[report.table.partitionFiltering])]],
        ['Layout', [text(report.layoutDescription)]],
        [
          'Window',
          [
            ours(
              `${formatIsoDate(plan.window.first)} to ${formatIsoDate(plan.window.last)} ` +
                `(as of ${formatIsoDate(settings.asOf)}, ${settings.retentionDays} days kept, ${settings.futureDays} ahead)`
            )
          ]
        ],
        [
          'Accounts',
          [ours(`${report.discovery.series.size} in scope of ${report.discovery.accountsFound} found`)]
        ],
        ['Regions skipped', [ours([...report.discovery.regionsSkipped].sort().join(', ') || 'none')]]
      ]
    },
    {
      kind: 'paragraph',
      line: [
        ours(
          `**Added${verb}: ${number(totals.added)} · Removed${verb}: ${number(totals.removed)} · Unchanged: ${number(totals.unchanged)}**`
        ),
        ours(
          ` · Left alone: ${number(plan.totals.leftAlone)} · In Glue before: ${number(report.existingTotal)}`
        )
      ]
    }
  ]
  if (report.table.addColumnsStatement) {
    blocks.push(
      {
        kind: 'paragraph',
        line: [
          ours(
            `The table lacks ${report.table.missingColumns.length} column(s) of AWS's current CloudTrail schema (`
          ),
          text(report.table.missingColumns.join(', ')),
          ours('). Add them in Athena with:')
        ]
      },
      { kind: 'code-block', language: 'sql', code: report.table.addColumnsStatement }
    )
  }
  for (const warning of report.table.warnings) blocks.push({ kind: 'alert', type: 'WARNING', line: warning })
  if (applied && (applied.alreadyDone || applied.failed || applied.skipped)) {
    blocks.push({
      kind: 'paragraph',
      line: [
        ours(`Already done by another run: ${number(applied.alreadyDone)} · `),
        ours(`**Failed: ${number(applied.failed)}**`),
        ours(' · '),
        ours(`**Not attempted: ${number(applied.skipped)}**`),
        ...(applied.stoppedBy ? [ours(' (stopped after: '), text(applied.stoppedBy), ours(')')] : [])
      ]
    })
    if (applied.failures.length) {
      blocks.push({
        kind: 'table',
        header: ['Partition', 'Error'],
        rows: applied.failures.map((failure) => [
          [code(failure.values.join('/'))],
          [text(`${failure.code}: ${failure.message}`.slice(0, 300))]
        ])
      })
    }
  }
  blocks.push(...seriesTable(seriesRows(report)))
  const totalMs = report.timings.reduce((sum, [, ms]) => sum + ms, 0)
  blocks.push(
    { kind: 'heading', level: 3, line: [ours('Time and AWS calls')] },
    {
      kind: 'paragraph',
      line: [
        ours(
          report.timings.map(([name, ms]) => `${name} ${seconds(ms)}`).join(' · ') +
            ` · total ${seconds(totalMs)}`
        )
      ]
    },
    callsTable(calls)
  )
  return blocks
}

export function renderSummary(report: SyncReport, calls: CallStats): string {
  return renderMarkdown(syncSummaryDocument(report, calls))
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

function describeIndex(table: TableState): Line {
  const index = table.index
  if (!index) return [ours('none (set partition-index: true to add one)')]
  if (index.action === 'no-slot') return [ours('none usable; no slot left (3 indexes)')]
  if (index.action === 'failed') {
    return [code(index.name ?? ''), ours(' FAILED: delete it and run again (see the log)')]
  }
  const what: Inline[] = [
    code(index.name ?? 'cloudtrail_partitions_by_date'),
    ours(` (${(index.keys ?? ['year', 'month', 'day']).join(', ')})`)
  ]
  if (index.action === 'would-create') return [...what, ours(' would be created')]
  const status = index.status === 'CREATING' ? 'CREATING, still building' : (index.status ?? 'unknown')
  return [...what, ours(` ${index.action === 'created' ? 'created' : 'present'}, ${status}`)]
}

function seriesTable(rows: SeriesRow[]): Block[] {
  const changed = rows.filter((row) => row.added + row.removed > 0)
  if (changed.length === 0) {
    return [
      {
        kind: 'paragraph',
        line: [ours(`No changes: all ${number(rows.length)} account/region series are up to date.`)]
      }
    ]
  }
  const shown = changed.slice(0, MAX_SERIES_ROWS)
  const rest = changed.slice(MAX_SERIES_ROWS)
  const sum = (pick: (row: SeriesRow) => number): string => number(rest.reduce((s, row) => s + pick(row), 0))
  const cells = (row: SeriesRow): Line[] => [
    [ours(row.account)],
    [ours(row.region)],
    [ours(number(row.added))],
    [ours(number(row.removed))],
    [ours(number(row.unchanged))]
  ]
  return [
    {
      kind: 'heading',
      level: 3,
      line: [
        ours(
          `Changes by account and region (${number(changed.length)} of ${number(rows.length)} series changed)`
        )
      ]
    },
    {
      kind: 'table',
      header: ['Account', 'Region', 'Added', 'Removed', 'Unchanged'],
      align: ['l', 'l', 'r', 'r', 'r'],
      rows: [
        ...shown.map(cells),
        ...(rest.length
          ? [
              [
                [ours(`… ${number(rest.length)} more series`)],
                [ours('')],
                [ours(sum((r) => r.added))],
                [ours(sum((r) => r.removed))],
                [ours(sum((r) => r.unchanged))]
              ]
            ]
          : [])
      ]
    }
  ]
}
