/**
 * The sync's report as a document (report/document.ts): what ran, totals, the exceptions a reader
 * looks for (new, vanished, repaired, removed apart from the roll, left alone and why), the changes
 * grouped by pattern, the per-series detail while it fits, time per phase and AWS calls. Rendered as Markdown for the job summary, and as
 * plain text by the command line. Text we did not write (AWS messages, names from inputs and Glue)
 * goes in through text()/code(); raw() carries only our own Markdown.
 */
import type { CallStats } from '../aws/clients.js'
import { formatIsoDate } from '../vocabulary/dates.js'
import { DEFAULT_SOURCE, type SourceName } from '../logs/sources.js'
import type { ApplyResult } from '../partitions/apply.js'
import { describeRefusal } from '../partitions/guards.js'
import type { SyncPlan } from '../partitions/plan.js'
import type { SyncReport } from './sync-outcome.js'
import { upkeepBlocks } from './sync-upkeep.js'
import type { TableState } from '../table/ensure.js'
import { formatCount } from '../vocabulary/format.js'
import { describeKeys } from '../vocabulary/keys.js'
import { code, raw, renderMarkdown, text, type Block, type Inline, type Line } from './document.js'
import {
  changePatterns,
  findExceptions,
  formatPattern,
  nameAt,
  PatternGroups,
  seriesAtPositions,
  seriesByAccount,
  type PatternGroup,
  type SyncExceptions
} from './sync-groups.js'

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

export const number = formatCount
const partitions = (n: number): string => `${number(n)} partition${n === 1 ? '' : 's'}`
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`
/** Our own wording and numbers: no escaping needed, and the Markdown stays readable. */
const ours = (markdown: string): Inline => raw(markdown)

/**
 * When the sync stops before it has a report: the error and every AWS call made until then (writes
 * included), headed by the source the inputs named (the layout is not known yet).
 */
export function failureSummaryDocument(
  message: string,
  calls: CallStats,
  source: SourceName = DEFAULT_SOURCE
): Block[] {
  return [
    { kind: 'heading', level: 2, line: [ours(`${source} partitions: failed`)] },
    { kind: 'paragraph', line: [text(message.slice(0, 4000))] },
    { kind: 'paragraph', line: [ours('AWS calls made before the failure:')] },
    callsTable(calls)
  ]
}

export function renderFailureSummary(message: string, calls: CallStats, source?: SourceName): string {
  return renderMarkdown(failureSummaryDocument(message, calls, source))
}

/** Expected "not found" answers (is the table there yet?) have their own column: they are no failures. */
function callsTable(calls: CallStats): Block {
  return {
    kind: 'table',
    header: ['Operation', 'Calls', 'Retries', 'Failed', 'Not found'],
    align: ['l', 'r', 'r', 'r', 'r'],
    rows: [...calls.byOperation]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([operation, stats]) => [
        [ours(operation)],
        [ours(number(stats.calls))],
        [ours(number(stats.retries))],
        [ours(number(stats.failed))],
        [ours(number(stats.notFound))]
      ])
  }
}

export function syncSummaryDocument(report: SyncReport, calls: CallStats): Block[] {
  const { settings, plan, applied } = report
  const totals = totalsOf(report)
  const dry = !applied
  const title = report.refused ? 'refused, nothing written' : dry ? 'dry run, nothing written' : 'sync'
  const blocks: Block[] = [
    { kind: 'heading', level: 2, line: [ours(`${report.layout.source} partitions: ${title}`)] },
    settingsTable(report),
    {
      kind: 'paragraph',
      line: [
        ours(
          dry
            ? `**Would add: ${number(totals.added)} · Would remove: ${number(totals.removed)} · Unchanged: ${number(totals.unchanged)}**`
            : `**Added: ${number(totals.added)} · Removed: ${number(totals.removed)} · Unchanged: ${number(totals.unchanged)}**`
        ),
        ours(
          ` · Left alone: ${number(plan.totals.leftAlone)} · In Glue before: ${number(report.existingTotal)}`
        )
      ]
    }
  ]
  if (report.removals.exceeded) {
    blocks.push({
      kind: 'alert',
      type: 'CAUTION',
      // Our own words, numbers and dates only.
      line: [ours(describeRefusal(report.removals, plan, settings.dryRun))]
    })
  }
  blocks.push(...tableNotes(report.table, report.layout.source))
  if (applied && (applied.alreadyDone || applied.failed || applied.skipped)) blocks.push(...failures(applied))
  blocks.push(...upkeepBlocks(report))

  const exceptions = findExceptions(plan)
  blocks.push(...exceptionBlocks(report, exceptions))
  const patterns = changePatterns(plan)
  blocks.push(...patternBlocks(report, patterns))

  const totalMs = report.timings.reduce((sum, [, ms]) => sum + ms, 0)
  const tail: Block[] = [
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
  ]
  // The per-series detail goes in while the whole summary stays within the budget.
  const size = (parts: readonly Block[]): number => Buffer.byteLength(renderMarkdown(parts))
  const changed = patterns.reduce((n, group) => n + group.series.length, 0)
  if (changed > 0) {
    const room = SUMMARY_BUDGET_BYTES - size([...blocks, detailBlock([], changed, dry), ...tail])
    const paragraphs = detailParagraphs(plan, patterns, room)
    blocks.push(
      paragraphs
        ? detailBlock(paragraphs, changed, dry)
        : {
            kind: 'paragraph',
            line: [
              ours(
                `The per-series detail (${number(changed)} series, ${number(patterns.length)} patterns) ` +
                  'is too long for the job summary: it is in the plan file.'
              )
            ]
          }
    )
  }
  blocks.push(...tail)
  return blocks
}

/**
 * GitHub drops a step summary over 1 MiB whole (limits.md). Everything but the per-series detail is
 * bounded by the row limits below; the detail goes in only while the summary stays under this.
 */
export const SUMMARY_BUDGET_BYTES = 512 * 1024
/** Rows per kind of exception, and patterns listed, before the rest is counted. */
export const MAX_EXCEPTION_ROWS = 20
export const MAX_PATTERN_ROWS = 30
/** A pattern of at most this many series names them. */
const NAMED_SERIES = 3
/** An exception row names at most this many series. */
const NAMES_PER_ROW = 10

function settingsTable(report: SyncReport): Block {
  const { settings, plan } = report
  return {
    kind: 'table',
    // GFM tables have a header row: an empty one shows as a blank bar above the table.
    header: ['What', 'This run'],
    rows: [
      [
        'Table',
        [
          code(report.tableName),
          ours(
            ` ${TABLE_ACTIONS[report.table.action]}, date keys ${describeKeys(report.keys ?? report.dateKeyType)}` +
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
        [
          ours(
            `${number(report.discovery.series.size)} in scope of ${number(report.discovery.accountsFound)} found`
          )
        ]
      ],
      ['Regions skipped', [ours([...report.discovery.regionsSkipped].sort().join(', ') || 'none')]]
    ]
  }
}

function tableNotes(table: TableState, source: string): Block[] {
  const blocks: Block[] = []
  if (table.addColumnsStatement) {
    blocks.push(
      {
        kind: 'paragraph',
        line: [
          ours(
            `The table lacks ${table.missingColumns.length} column(s) of AWS's current ${source} schema (`
          ),
          text(table.missingColumns.join(', ')),
          ours('). Add them in Athena with:')
        ]
      },
      { kind: 'code-block', language: 'sql', code: table.addColumnsStatement }
    )
  }
  for (const warning of table.warnings) blocks.push({ kind: 'alert', type: 'WARNING', line: warning })
  return blocks
}

function failures(applied: ApplyResult): Block[] {
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      line: [
        ours(`Already done by another run: ${number(applied.alreadyDone)} · `),
        ours(`**Failed: ${number(applied.failed)}**`),
        ours(' · '),
        ours(`**Not attempted: ${number(applied.skipped)}**`),
        ...(applied.stoppedBy ? [ours(' (stopped after: '), text(applied.stoppedBy), ours(')')] : [])
      ]
    }
  ]
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
  return blocks
}

/** `3 series: 111111111111 eu-west-1, …` with at most `max` names. */
function namedSeries(plan: SyncPlan, series: readonly number[], max = NAMES_PER_ROW): string {
  const names = series.slice(0, max).map((position) => nameAt(plan, position))
  if (series.length > max) names.push(`… ${number(series.length - max)} more`)
  return series.length === 1 ? (names[0] ?? '') : `${number(series.length)} series: ${names.join(', ')}`
}

/** Rows of one kind of exception: series with the same days in one row. */
function exceptionRows(
  plan: SyncPlan,
  what: string,
  groups: readonly PatternGroup[],
  note?: (g: PatternGroup) => string
): Line[][] {
  const rows: Line[][] = groups
    .slice(0, MAX_EXCEPTION_ROWS)
    .map((group) => [
      [ours(what)],
      [ours(namedSeries(plan, group.series))],
      [ours(formatPattern(group.add, group.remove) + (note ? note(group) : ''))]
    ])
  const rest = groups.slice(MAX_EXCEPTION_ROWS)
  if (rest.length) {
    const series = rest.reduce((n, group) => n + group.series.length, 0)
    rows.push([
      [ours(what)],
      [ours(`… ${number(series)} more series`)],
      [ours('in the per-series detail and the plan file')]
    ])
  }
  return rows
}

function exceptionBlocks(report: SyncReport, exceptions: SyncExceptions): Block[] {
  const { plan } = report
  const dry = !report.applied
  const rows: Line[][] = []
  const newAccounts = [...exceptions.newAccounts]
  for (const [account, positions] of newAccounts.slice(0, MAX_EXCEPTION_ROWS)) {
    const patterns = new PatternGroups()
    const regions: string[] = []
    for (const series of seriesAtPositions(plan, positions)) {
      patterns.add(series.position, series.add, series.remove)
      regions.push(series.region)
    }
    const [only, ...others] = patterns.sorted()
    rows.push([
      [ours('New account')],
      [ours(`${account}: ${regions.join(', ')}`)],
      [ours(only && others.length === 0 ? formatPattern(only.add, []) : 'several patterns')]
    ])
  }
  if (newAccounts.length > MAX_EXCEPTION_ROWS) {
    rows.push([
      [ours('New account')],
      [ours(`… ${number(newAccounts.length - MAX_EXCEPTION_ROWS)} more accounts`)],
      [ours('in the per-series detail and the plan file')]
    ])
  }
  rows.push(...exceptionRows(plan, 'New region', exceptions.newRegions))
  rows.push(
    ...exceptionRows(plan, 'Folder gone from the bucket', exceptions.gone, (group) => {
      let kept = 0
      for (const series of seriesAtPositions(plan, group.series)) kept += series.leftAlone
      return kept ? ` (${partitions(kept)} in or after the window left alone)` : ''
    })
  )
  rows.push(...exceptionRows(plan, 'Hole filled', exceptions.holes))
  rows.push(...exceptionRows(plan, "Older days added at the window's start", exceptions.olderDays))
  rows.push(...exceptionRows(plan, 'Removed, not the days that just expired', exceptions.strayRemovals))
  rows.push(...leftAloneRows(report))

  const blocks: Block[] = [{ kind: 'heading', level: 3, line: [ours('Exceptions')] }]
  if (exceptions.firstRun) {
    let created = 0
    for (let position = 0; position < plan.seriesCount; position++) {
      if (plan.statusAt(position) === 'new') created += 1
    }
    if (created) {
      blocks.push({
        kind: 'paragraph',
        line: [
          ours(
            `First sync of this table: all ${number(created)} series ${dry ? 'would get' : 'got'} their first partitions.`
          )
        ]
      })
    }
  }
  if (rows.length === 0) {
    blocks.push({
      kind: 'paragraph',
      line: [
        ours(
          exceptions.firstRun
            ? 'Nothing else: no vanished series, nothing removed, nothing left alone.'
            : 'None: no new or vanished series, no holes or older days added, nothing removed apart from the roll, nothing left alone.'
        )
      ]
    })
    return blocks
  }
  blocks.push({
    kind: 'table',
    header: [
      'What',
      'Series',
      dry ? 'Days (+ would add, − would remove), or why' : 'Days (+ added, − removed), or why'
    ],
    rows
  })
  return blocks
}

/** Partitions the run did not touch, and why. */
function leftAloneRows(report: SyncReport): Line[][] {
  const { leftAlone, foreignBySeries, index } = report.plan
  const rows: Line[][] = []
  const bySeries = (reason: 'location' | 'form'): string => {
    const names: string[] = []
    let series = 0
    for (const [id, counts] of foreignBySeries) {
      if (counts[reason] === 0) continue
      series += 1
      if (names.length < NAMES_PER_ROW) names.push(`${index.account(id)} ${index.region(id)}`)
    }
    if (series === 0) return ''
    return ` in ${number(series)} series: ${names.join(', ')}${series > names.length ? ', …' : ''}`
  }
  if (leftAlone.otherLocation) {
    rows.push([
      [ours('Left alone: another location')],
      [ours(`${partitions(leftAlone.otherLocation)}${bySeries('location')}`)],
      [ours("our values, but not at the logs' path for this layout (another bucket or organization)")]
    ])
  }
  if (leftAlone.otherForm) {
    rows.push([
      [ours('Left alone: another form')],
      [ours(`${partitions(leftAlone.otherForm)}${bySeries('form')}`)],
      [ours('values not in the form this action writes (unpadded, not a day, other keys)')]
    ])
  }
  if (leftAlone.outsideAllowLists) {
    const regions = [...leftAlone.outsideRegions].sort()
    const accounts = [...leftAlone.outsideAccounts].sort()
    const which = [
      regions.length
        ? `regions ${regions.slice(0, NAMES_PER_ROW).join(', ')}${regions.length > NAMES_PER_ROW ? ', …' : ''}`
        : '',
      accounts.length
        ? `accounts ${accounts.slice(0, NAMES_PER_ROW).join(', ')}${accounts.length > NAMES_PER_ROW ? ', …' : ''}`
        : ''
    ].filter(Boolean)
    rows.push([
      [ours('Left alone: outside the allow-lists')],
      [
        ours(`${number(leftAlone.outsideAllowLists)} partitions in ${number(leftAlone.outsideSeries)} series`)
      ],
      [ours(which.join('; '))]
    ])
  }
  if (leftAlone.afterWindow) {
    rows.push([
      [ours('Left alone: after the window')],
      [ours(partitions(leftAlone.afterWindow))],
      [ours(`later than ${formatIsoDate(report.plan.window.last)}: not provably expired`)]
    ])
  }
  const skipped = [...report.discovery.regionsSkipped].sort()
  if (skipped.length) {
    rows.push([
      [ours('Logs outside the allow-list')],
      [ours(skipped.join(', '))],
      [ours("regions in the bucket but not in 'regions': no partitions")]
    ])
  }
  return rows
}

function patternBlocks(report: SyncReport, patterns: readonly PatternGroup[]): Block[] {
  const dry = !report.applied
  const changed = patterns.reduce((n, group) => n + group.series.length, 0)
  const all = report.plan.seriesCount
  if (changed === 0) {
    return [
      {
        kind: 'paragraph',
        line: [ours(`No changes: all ${number(all)} account/region series are up to date.`)]
      }
    ]
  }
  const items: Line[] = patterns
    .slice(0, MAX_PATTERN_ROWS)
    .map((group) => [
      ours(
        `${number(group.series.length)} series · ${formatPattern(group.add, group.remove)}` +
          (group.series.length <= NAMED_SERIES
            ? ` (${group.series.map((position) => nameAt(report.plan, position)).join(', ')})`
            : '')
      )
    ])
  const rest = patterns.slice(MAX_PATTERN_ROWS)
  if (rest.length) {
    const series = rest.reduce((n, group) => n + group.series.length, 0)
    items.push([
      ours(
        `… ${number(rest.length)} more patterns (${number(series)} series) in the per-series detail and the plan file`
      )
    ])
  }
  const unchanged = all - changed
  if (unchanged > 0) items.push([ours(`${number(unchanged)} series unchanged`)])
  const blocks: Block[] = [
    {
      kind: 'heading',
      level: 3,
      line: [
        ours(
          `${dry ? 'What would change' : 'What changed'} (${number(changed)} of ${number(all)} series; ` +
            `${dry ? '+ would add, − would remove' : '+ added, − removed'})`
        )
      ]
    },
    { kind: 'list', items }
  ]
  const applied = report.applied
  if (applied && (applied.failed || applied.skipped)) {
    blocks.push({
      kind: 'paragraph',
      line: [ours('These are the planned changes; see above for what failed or was not attempted.')]
    })
  }
  return blocks
}

/**
 * One paragraph a pattern naming every series under it, while their Markdown stays within `room`
 * bytes; undefined (and nothing more built) as soon as it would not: the plan file has the detail.
 */
function detailParagraphs(
  plan: SyncPlan,
  patterns: readonly PatternGroup[],
  room: number
): Block[] | undefined {
  const paragraphs: Block[] = []
  let used = 0
  for (const group of patterns) {
    const parts = [`**${formatPattern(group.add, group.remove)}** (${number(group.series.length)}): `]
    used += Buffer.byteLength(parts[0] as string) + (paragraphs.length ? 2 : 0)
    let first = true
    for (const piece of seriesByAccount(plan, group.series)) {
      const text = first ? piece : ` · ${piece}`
      first = false
      used += Buffer.byteLength(text)
      if (used > room) return undefined
      parts.push(text)
    }
    if (used > room) return undefined
    paragraphs.push({ kind: 'paragraph', line: [ours(parts.join(''))] })
  }
  return paragraphs
}

/** Every changed series under its pattern, by account: the full detail, collapsed. */
function detailBlock(paragraphs: readonly Block[], series: number, dry: boolean): Block {
  return {
    kind: 'details',
    summary: `Every changed series by pattern (${formatCount(series)} series, ${dry ? '+ would add, − would remove' : '+ added, − removed'})`,
    blocks: paragraphs
  }
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
