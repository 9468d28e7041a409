/**
 * What a sync was asked and what it found and did: produced by run/sync.ts, read by the summary, the
 * notices, the plan file and both front doors. It lives on the report's floor so that the report
 * reads the outcome without importing the orchestration that produces it.
 */
import type { ApplyResult } from '../partitions/apply.js'
import type { RemovalCheck } from '../partitions/guards.js'
import type { SyncPlan } from '../partitions/plan.js'
import type { QuotaCheck } from '../partitions/quota.js'
import type { RefreshOutcome } from '../partitions/refresh.js'
import type { TableState } from '../table/ensure.js'
import type { Discovery } from '../logs/discover.js'
import type { Layout } from '../logs/layout.js'
import type { SourceName } from '../logs/sources.js'
import type { DayNumber } from '../vocabulary/dates.js'
import type { DateKeyType, KeyScheme } from '../vocabulary/keys.js'
import type { TableRef } from '../vocabulary/table-ref.js'

export interface SyncRequest {
  source: SourceName
  bucket: string
  prefix: string
  organizationId: string
  table: TableRef
  regions: readonly string[]
  accounts: readonly string[]
  retentionDays: number
  futureDays: number
  asOf: DayNumber
  dryRun: boolean
  /** The removal guard (default DEFAULT_MAX_REMOVE_DAYS). */
  maxRemoveDays?: number
  /** The quota guard (default DEFAULT_MAX_TABLE_PARTITIONS). */
  maxTablePartitions?: number
  /** The day taken for today; with `asOfGiven`, a backfill a month back is checked against the bucket. */
  today?: DayNumber
  asOfGiven?: boolean
  createTable: boolean
  dateKeyType?: DateKeyType
  partitionIndex?: boolean
}

export interface SyncReport {
  settings: SyncRequest
  tableName: string
  dateKeyType: DateKeyType
  /** The key scheme written (a one-key table, a table of one account or Region); absent: the five keys. */
  keys?: KeyScheme
  table: TableState
  layout: Layout
  layoutDescription: string
  discovery: Discovery
  existingTotal: number
  plan: SyncPlan
  /** The removal guard's verdict; exceeded on a dry run means a real run would be refused. */
  removals: RemovalCheck
  /** The partition quota guard's verdict, as the removal guard's. */
  quota: QuotaCheck
  /** The action's partitions whose storage descriptor is not the table's, and what became of them. */
  refresh: RefreshOutcome
  /** Things a person should know that did not stop the run (us-east-1 left out, the quota near). */
  warnings: string[]
  /** Set when the guard refused the run: nothing was written. */
  refused?: boolean
  /** Undefined on a dry run. */
  applied?: ApplyResult
  /** Milliseconds per phase, in order. */
  timings: [string, number][]
}
