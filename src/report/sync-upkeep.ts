/**
 * What a year of use brings, in the sync's report: partitions brought back in line with a changed
 * table, the partition quota, folders that are no AWS Region, warnings that did not stop the run.
 * Blocks for the summary (both front doors), notices for the run page, fields for the plan file.
 * Names from S3 and Glue go in through text()/code(); raw() carries only our own words.
 */
import { sourceFolder } from '../logs/layout.js'
import { describeQuotaRefusal, explainQuotaFailure } from '../partitions/quota.js'
import { MAX_DRIFT_NAMES, type RefreshOutcome, type StorageDrift } from '../partitions/refresh.js'
import { Inputs } from '../vocabulary/constants.js'
import { logQuoted, logText } from '../vocabulary/escape.js'
import { formatCount } from '../vocabulary/format.js'
import { code, inlinePlain, raw, text, type Block, type Inline } from './document.js'
import type { SyncReport } from './sync-outcome.js'

const ours = (markdown: string): Inline => raw(markdown)
const count = formatCount
const partitions = (n: number): string => `${count(n)} partition${n === 1 ? '' : 's'}`
/** Column names listed before the rest are counted. */
const MAX_NAMES = 20

function names(set: ReadonlySet<string>): string {
  const list = [...set].slice(0, MAX_NAMES)
  const more = set.size - list.length
  // A full set stopped counting (refresh.ts): there may be more than it holds.
  const tail = set.size >= MAX_DRIFT_NAMES ? ', … and more' : `, … ${count(more)} more`
  return list.join(', ') + (more > 0 ? tail : '')
}

/**
 * `columns added: a, b; retyped: c; another SerDe`: what differs, by name. Our words as they are,
 * column names (from Glue) through text().
 */
export function driftLine(drift: StorageDrift): Inline[] {
  const parts: Inline[][] = []
  const columns = (what: string, set: ReadonlySet<string>): void => {
    if (set.size) parts.push([ours(`columns ${what}: `), text(names(set))])
  }
  columns('added', drift.added)
  columns('removed', drift.removed)
  columns('retyped', drift.retyped)
  if (drift.reordered) parts.push([ours('columns reordered')])
  if (drift.serde) parts.push([ours('another SerDe')])
  if (drift.serdeParameters) parts.push([ours('other SerDe parameters')])
  if (drift.formats) parts.push([ours('another input or output format')])
  if (parts.length === 0) return [ours('another storage descriptor')]
  return parts.flatMap((part, index) => (index === 0 ? part : [ours('; '), ...part]))
}

/** The same, as plain text (log, notices). */
export function describeDrift(drift: StorageDrift): string {
  return inlinePlain(driftLine(drift))
}

/** The refresh, in sentences a reader can act on; undefined when the shapes were not compared. */
export function refreshLine(report: SyncReport): Inline[] | undefined {
  const refresh: RefreshOutcome = report.refresh
  if (!refresh.compared) return undefined
  const { own, foreign } = refresh
  const applied = report.applied
  const line: Inline[] = []
  if (own.partitions > 0) {
    const expiring = own.partitions - refresh.planned
    line.push(
      ours(
        applied
          ? `Refreshed ${count(applied.refreshed)} of ${partitions(refresh.planned)} of this action's to the table's storage descriptor (`
          : `Would refresh ${partitions(refresh.planned)} of this action's to the table's storage descriptor (`
      ),
      ...driftLine(own),
      ours(`)${expiring > 0 ? `; ${count(expiring)} more expire in this run` : ''}.`)
    )
  }
  if (foreign.partitions) {
    line.push(
      ours(
        `${line.length ? ' ' : ''}${partitions(foreign.partitions)} not made by this action ${foreign.partitions === 1 ? 'differs' : 'differ'} from the table${own.partitions ? ' too' : ''} (`
      ),
      ...driftLine(foreign),
      ours(
        '): left alone; Athena may fail on them with HIVE_PARTITION_SCHEMA_MISMATCH until their owner updates them.'
      )
    )
  }
  if (refresh.recorded === 'denied') {
    line.push(
      ours(
        `${line.length ? ' ' : ''}The table could not record that its partitions are in line (UpdateTable denied): the next run compares again.`
      )
    )
  } else if (refresh.recorded === 'not-yet' && applied) {
    line.push(
      ours(`${line.length ? ' ' : ''}The run did not finish every change: the next run compares again.`)
    )
  }
  // Nothing differed and all went well: nothing to say.
  return line.length ? line : undefined
}

function notRegionsLine(report: SyncReport): string | undefined {
  const { notRegions, notRegionsOmitted } = report.discovery
  if (notRegions.size === 0) return undefined
  const list = [...notRegions]
    .map(([name, accounts]) => `${name} (${count(accounts)} account${accounts === 1 ? '' : 's'})`)
    .join(', ')
  return list + (notRegionsOmitted ? `, and ${count(notRegionsOmitted)} more folders` : '')
}

export function upkeepBlocks(report: SyncReport): Block[] {
  const blocks: Block[] = []
  if (report.quota.exceeded) {
    blocks.push({
      kind: 'alert',
      type: 'CAUTION',
      line: [ours(describeQuotaRefusal(report.quota, report.settings.dryRun))]
    })
  }
  const quotaFailure = explainQuotaFailure(report.applied?.stoppedBy)
  if (quotaFailure) blocks.push({ kind: 'alert', type: 'CAUTION', line: [ours(quotaFailure)] })
  // Warnings hold names from inputs: text() escapes them.
  for (const warning of report.warnings)
    blocks.push({ kind: 'alert', type: 'WARNING', line: [text(warning)] })
  const refresh = refreshLine(report)
  if (refresh) blocks.push({ kind: 'paragraph', line: refresh })
  const notRegions = notRegionsLine(report)
  if (notRegions) {
    blocks.push({
      kind: 'paragraph',
      line: [
        ours('Folders under '),
        code(sourceFolder(report.layout)),
        ours(' that are no AWS Region, given no partitions: '),
        text(notRegions),
        ours(`. A Region newer than this release is trusted once it is in '${Inputs.Regions}'.`)
      ]
    })
  }
  return blocks
}

/** Lines for the run page: each folder that is no Region, and the refresh. */
export function upkeepNotices(report: SyncReport): string[] {
  const notices: string[] = []
  for (const [name, accounts] of report.discovery.notRegions) {
    notices.push(
      `Folder ${logQuoted(name)} under ${sourceFolder(report.layout)} (${count(accounts)} account${accounts === 1 ? '' : 's'}) is not an AWS Region: ` +
        `no partitions for it. If it is a Region newer than this release, add it to '${Inputs.Regions}'.`
    )
  }
  const refresh = report.refresh
  if (refresh.compared && refresh.own.partitions > 0) {
    const refreshed = report.applied ? report.applied.refreshed : refresh.planned
    notices.push(
      `${report.applied ? 'Refreshed' : 'Would refresh'} ${partitions(refreshed)} to the table's storage descriptor ` +
        `(${logText(describeDrift(refresh.own))}).`
    )
  }
  return notices
}

/** The plan file's view of the same. */
export function upkeepPlanFields(report: SyncReport): object {
  const drift = (d: StorageDrift) => ({
    partitions: d.partitions,
    columnsAdded: [...d.added],
    columnsRemoved: [...d.removed],
    columnsRetyped: [...d.retyped],
    reordered: d.reordered,
    serde: d.serde,
    serdeParameters: d.serdeParameters,
    formats: d.formats
  })
  const { quota, refresh } = report
  return {
    quota: {
      before: quota.before,
      after: quota.after,
      maxTablePartitions: quota.max,
      exceeded: quota.exceeded,
      nearLimit: quota.nearLimit
    },
    storage: {
      compared: refresh.compared,
      fingerprint: refresh.fingerprint,
      toRefresh: refresh.planned,
      ...(report.applied ? { refreshed: report.applied.refreshed } : {}),
      own: drift(refresh.own),
      foreign: drift(refresh.foreign),
      ...(refresh.recorded ? { recorded: refresh.recorded } : {})
    },
    notRegions: Object.fromEntries(report.discovery.notRegions)
  }
}
