/**
 * The sync command: layout -> accounts and regions -> table (looked at) -> what Glue has -> plan ->
 * guards -> table set up (created, index) -> apply.
 * Takes plain settings, clients and a logger (no @actions/*), and returns everything the report needs.
 * Every check that can refuse the run happens before the first write: the table is first looked at as
 * a dry run would, and only set up once the plan has passed the guards.
 */
import type { GlueClient } from '@aws-sdk/client-glue'
import type { S3Client as S3 } from '@aws-sdk/client-s3'
import { applyPlan, type ApplyTarget, type ProgressCallback } from '../partitions/apply.js'
import { emptyExisting, readExistingPartitions } from '../partitions/existing.js'
import { checkRemovals, DEFAULT_MAX_REMOVE_DAYS, describeRefusal, SyncRefused } from '../partitions/guards.js'
import { planSync } from '../partitions/plan.js'
import {
  checkTableQuota,
  DEFAULT_MAX_TABLE_PARTITIONS,
  describeQuotaRefusal,
  describeQuotaWarning
} from '../partitions/quota.js'
import {
  describeComparison,
  needsComparison,
  refreshOutcome,
  refreshPartitions,
  StaleStorage
} from '../partitions/refresh.js'
import type { SyncReport, SyncRequest } from '../report/sync-outcome.js'
import { describeKeys } from '../vocabulary/keys.js'
import { prepareTable } from '../table/ensure.js'
import { keySchemeFor } from '../table/key-scheme.js'
import type { IndexWait } from '../table/partition-index.js'
import { recordPartitionStorage } from '../table/partition-storage.js'
import { checkSourcePresent, detectLayout, discoverSeries, type Discovery } from '../logs/discover.js'
import { describeLayout, partitionLocation, sourceFolder } from '../logs/layout.js'
import { checkDateSpelling } from '../logs/date-spelling.js'
import { BACKFILL_CHECK_DAYS, checkAsOfAgainstLogs, oldestLogDay } from '../logs/oldest-day.js'
import { globalEventsLeftOut, isKnownRegion, nearestRegion } from '../logs/regions.js'
import { syncWindow } from '../vocabulary/dates.js'
import { Inputs } from '../vocabulary/constants.js'
import { subject, userError } from '../vocabulary/errors.js'
import { logQuoted } from '../vocabulary/escape.js'
import type { Logger } from '../vocabulary/logger.js'
import { storageFingerprint } from '../vocabulary/storage.js'
import { describeTable } from '../vocabulary/table-ref.js'
import { keepHeapGrowthSmall } from './heap.js'

export interface SyncClients {
  s3: S3
  glue: GlueClient
}

export interface SyncTuning {
  /** Parallel S3 listings during discovery. */
  listConcurrency: number
  /** Glue batch calls in flight. */
  writeConcurrency: number
  indexWait?: IndexWait
  /** Progress of the apply phase (the command line draws a bar with an ETA from it). */
  onApplyProgress?: ProgressCallback
}

export const DEFAULT_TUNING: SyncTuning = { listConcurrency: 16, writeConcurrency: 8 }

export async function runSync(
  settings: SyncRequest,
  clients: SyncClients,
  logger: Logger,
  tuning: SyncTuning = DEFAULT_TUNING
): Promise<SyncReport> {
  keepHeapGrowthSmall()
  const timings: [string, number][] = []
  const warnings: string[] = []
  const warn = (message: string): void => {
    warnings.push(message)
    logger.warning(message)
  }
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now()
    try {
      return await logger.group(name, fn)
    } finally {
      timings.push([name, Math.round(performance.now() - started)])
    }
  }

  const { layout, discovery } = await phase('Discovery', async () => {
    const layout = await detectLayout(
      clients.s3,
      { ...settings, concurrency: tuning.listConcurrency },
      logger
    )
    logger.info(`layout: ${describeLayout(layout)}`)
    const discovery = await discoverSeries(
      clients.s3,
      layout,
      { accounts: settings.accounts, regions: settings.regions, concurrency: tuning.listConcurrency },
      logger
    )
    checkSourcePresent(layout, discovery)
    checkRegions(settings.regions, discovery)
    for (const account of discovery.missingAccounts) {
      logger.warning(`Input 'accounts': ${account} has no folder in the bucket; nothing to do for it.`)
    }
    if (discovery.regionsSkipped.size) {
      logger.info(
        `regions outside the allow-list, skipped: ${[...discovery.regionsSkipped].sort().join(', ')}`
      )
    }
    if (discovery.notRegions.size) {
      logger.info(
        `folders under ${sourceFolder(layout)} that are no AWS Region, left out: ${[...discovery.notRegions.keys()].map(logQuoted).join(', ')}`
      )
    }
    const leftOut = globalEventsLeftOut(layout.source, settings.regions, discovery.regionsSeen)
    if (leftOut) warn(leftOut)
    let series = 0
    for (const regions of discovery.series.values()) series += regions.length
    logger.info(`${discovery.series.size} account(s), ${series} account/region series to keep`)
    // Partitions point at folders spelled as the layout says: does the bucket spell them so? (3 listings.)
    await checkDateSpelling(clients.s3, layout, discovery.series)
    // A backfill a month or more back: are there logs that old at all? (A few listings; never daily.)
    if (
      settings.asOfGiven &&
      settings.today !== undefined &&
      settings.asOf <= settings.today - BACKFILL_CHECK_DAYS
    ) {
      const oldest = await oldestLogDay(clients.s3, layout, discovery.series, tuning.listConcurrency)
      checkAsOfAgainstLogs(settings.asOf, oldest)
    }
    return { layout, discovery }
  })

  const tableOptions = (dryRun: boolean) => ({
    createTable: settings.createTable,
    ...(settings.dateKeyType ? { dateKeyType: settings.dateKeyType } : {}),
    ...(settings.partitionIndex === undefined ? {} : { partitionIndex: settings.partitionIndex }),
    dryRun,
    ...(tuning.indexWait ? { indexWait: tuning.indexWait } : {})
  })
  // Looked at as a dry run does: creating the table or its index waits until the guards have passed.
  const deferred = new DeferredLogger(logger)
  let setUpNeeded = false
  const preview = await phase('Table', async () => {
    const state = await prepareTable(clients.glue, settings.table, layout, tableOptions(true), deferred)
    deferred.info(
      `${describeTable(settings.table)}: ${state.action}, date keys ${describeKeys({ date: state.keys.date })}`
    )
    setUpNeeded =
      !settings.dryRun &&
      (state.action === 'would-create' ||
        state.index?.action === 'would-create' ||
        state.partitionFiltering === 'would-enable')
    // Without set-up to do, the preview is what the run reports; with it, set-up logs for itself.
    if (!setUpNeeded) deferred.flush()
    return state
  })

  // A table without an account or region key holds one: the allow-lists must name it (before any write).
  const keys = keySchemeFor(preview.keys, settings, describeTable(settings.table))

  const window = syncWindow(settings.asOf, settings.retentionDays, settings.futureDays)
  // A table this run has yet to create has no partitions. Columns are read only when the table's
  // storage descriptor is not the one its partitions were last brought in line with.
  const stale =
    preview.action !== 'would-create' && needsComparison(preview.storageDescriptor, preview.partitionStorage)
      ? new StaleStorage(preview.storageDescriptor, window)
      : undefined
  const existing =
    preview.action === 'would-create'
      ? emptyExisting(window)
      : await phase('Existing partitions', () =>
          readExistingPartitions(
            clients.glue,
            settings.table,
            {
              window,
              dateKeyType: keys,
              locationOf: (ref) => partitionLocation(layout, ref),
              ...(stale ? { withColumns: true, inspect: stale.inspect.bind(stale) } : {})
            },
            logger
          )
        )
  for (const values of existing.foreignSamples) {
    logger.debug(`left alone (not in this action's form): ${values.join('/')}`)
  }

  const plan = planSync(
    existing,
    { desired: discovery.series, accounts: settings.accounts, regions: settings.regions },
    window
  )
  logger.info(
    `plan: add ${plan.totals.add}, remove ${plan.totals.remove}, unchanged ${plan.totals.unchanged}`
  )
  const removals = checkRemovals(plan, settings.maxRemoveDays ?? DEFAULT_MAX_REMOVE_DAYS)
  const quota = checkTableQuota(
    { before: existing.total, add: plan.totals.add, remove: plan.totals.remove },
    settings.maxTablePartitions ?? DEFAULT_MAX_TABLE_PARTITIONS,
    {
      seriesPerDay: plan.inBucketCount,
      leftAlone: plan.totals.leftAlone,
      retentionDays: settings.retentionDays,
      futureDays: settings.futureDays
    }
  )
  const fingerprint = storageFingerprint(preview.storageDescriptor)
  const refresh = refreshOutcome(fingerprint, stale, plan)
  if (stale) logger.info(describeComparison(refresh, preview.partitionStorage))

  const report: SyncReport = {
    settings,
    tableName: describeTable(settings.table),
    dateKeyType: preview.dateKeyType,
    keys,
    table: preview,
    layout,
    layoutDescription: describeLayout(layout),
    discovery,
    existingTotal: existing.total,
    plan,
    removals,
    quota,
    refresh,
    warnings,
    timings
  }
  const refusals = [
    ...(removals.exceeded ? [describeRefusal(removals, plan, settings.dryRun)] : []),
    ...(quota.exceeded ? [describeQuotaRefusal(quota, settings.dryRun)] : [])
  ]
  if (refusals.length) {
    if (!settings.dryRun) throw new SyncRefused(refusals.join('\n'), { ...report, refused: true })
    // A dry run writes nothing: it reports what a real run would refuse, and succeeds.
    for (const message of refusals) logger.warning(message)
  }
  if (quota.nearLimit) warn(describeQuotaWarning(quota))
  if (settings.dryRun) {
    logger.info('dry run: nothing written')
    return report
  }
  if (setUpNeeded) {
    report.table = await phase('Table set-up', async () => {
      const state = await prepareTable(clients.glue, settings.table, layout, tableOptions(false), logger)
      logger.info(`${describeTable(settings.table)}: ${state.action}, date keys ${describeKeys(keys)}`)
      return state
    })
  }
  const target: ApplyTarget = {
    glue: clients.glue,
    table: settings.table,
    layout,
    dateKeyType: keys,
    storageDescriptor: report.table.storageDescriptor,
    concurrency: tuning.writeConcurrency,
    ...(tuning.onApplyProgress ? { onProgress: tuning.onApplyProgress } : {})
  }
  const applied = await phase('Apply', () =>
    applyPlan(
      target,
      plan,
      logger,
      stale && refresh.planned
        ? {
            planned: refresh.planned,
            run: (result, progress) => refreshPartitions(target, stale, plan, result, progress, logger)
          }
        : undefined
    )
  )
  report.applied = applied
  // Recorded once every partition is in the shape compared against (and created in it): the next
  // runs read without columns. A run that stopped early compares again next time.
  if (stale) {
    const complete =
      applied.failed === 0 &&
      applied.skipped === 0 &&
      storageFingerprint(report.table.storageDescriptor) === fingerprint
    refresh.recorded = complete
      ? await recordPartitionStorage(clients.glue, settings.table, fingerprint, logger)
      : 'not-yet'
  }
  return report
}

/** An allow-listed region must be a known AWS region or at least appear in the bucket. */
function checkRegions(regions: readonly string[], discovery: Discovery): void {
  for (const region of regions) {
    if (isKnownRegion(region) || discovery.regionsSeen.has(region)) continue
    const hint = nearestRegion(region)
    throw userError`${subject(Inputs.Regions)}: '${region}' is not an AWS region${hint ? ` (did you mean ${hint}?)` : ''} and the bucket has no logs for it.`
  }
}

/** Holds log lines back, to be printed (flush) or dropped when a later step logs the same for real. */
class DeferredLogger implements Logger {
  private readonly lines: [keyof Omit<Logger, 'group'>, string][] = []
  constructor(private readonly target: Logger) {}
  info(message: string): void {
    this.lines.push(['info', message])
  }
  warning(message: string): void {
    this.lines.push(['warning', message])
  }
  debug(message: string): void {
    this.lines.push(['debug', message])
  }
  group<T>(_name: string, fn: () => Promise<T>): Promise<T> {
    return fn()
  }
  flush(): void {
    for (const [level, message] of this.lines) this.target[level](message)
    this.lines.length = 0
  }
}
