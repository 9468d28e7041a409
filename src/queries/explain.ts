/**
 * Asks Athena itself whether a query is valid: runs `EXPLAIN <query>` (which plans the query, reading
 * the catalog, but scans no data) and reports why it failed. Athena refuses a syntax error at once
 * (StartQueryExecution answers InvalidRequestException, MALFORMED_QUERY); errors the planner finds,
 * such as TABLE_NOT_FOUND, come as a FAILED query.
 */
import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  GetQueryExecutionCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  type AthenaClient
} from '@aws-sdk/client-athena'
import { Inputs } from '../vocabulary/constants.js'
import { ConfigurationError } from '../vocabulary/errors.js'

export interface ExplainTarget {
  sql: string
  database: string
  /** The Athena data catalog of another account's Glue catalog (`athena-catalog`); none: AwsDataCatalog. */
  catalog?: string
  workgroup: string
  /** The `athena-output-location` input; without it, the workgroup's query result location. */
  outputLocation?: string
}

export interface ExplainOptions {
  /**
   * First wait between GetQueryExecution calls (default 200 ms), growing by a quarter each poll up
   * to `maxPollIntervalMs` (default 1000 ms): most EXPLAINs answer within a second or two, and the
   * account's GetQueryExecution quota (100/s) is shared with every other user of Athena.
   */
  pollIntervalMs?: number
  maxPollIntervalMs?: number
  /** Give up (and stop the query) after this long (default 60 s)... */
  timeoutMs?: number
  /** ... or at this `performance.now()` time, if sooner: the end of the check's EXPLAIN budget. */
  deadline?: number
}

/** What became of one EXPLAIN. */
export type ExplainOutcome =
  | { kind: 'passed' }
  /** Athena's error: the query's problem. */
  | { kind: 'failed'; message: string }
  /** No answer in time: stopped (or tried to); `byDeadline` when the phase's budget, not the timeout, ran out. */
  | { kind: 'unfinished'; message: string; byDeadline: boolean; stopFailure?: string }

const PREFIX = 'EXPLAIN '

/**
 * Positions in Athena's messages count in `EXPLAIN <sql>`; on the first line they are moved back by the
 * prefix, so that `line L:C` points into the file.
 */
function inFile(message: string): string {
  return message.replace(/\bline 1:(\d+)/g, (_all, column: string) => {
    const shifted = Number(column) - PREFIX.length
    return `line 1:${shifted >= 1 ? shifted : column}`
  })
}

/** A query file may end with `;`; Athena takes one statement without it. */
function statement(sql: string): string {
  return sql.replace(/[\s;]+$/, '')
}

/**
 * Athena's refusals about where results go, as the user's to fix: which of the two places to set,
 * or which bucket the role cannot use. Undefined for any other error.
 */
function outputLocationProblem(
  name: string | undefined,
  message: string,
  target: ExplainTarget
): ConfigurationError | undefined {
  if (name !== 'InvalidRequestException') return undefined
  if (/WorkGroup is not found/i.test(message)) {
    return new ConfigurationError(
      `Input '${Inputs.Workgroup}': Athena has no workgroup '${target.workgroup}' in this account and region; ` +
        `create the check's own (aws athena create-work-group --name ${target.workgroup} --configuration ` +
        `file://iam/check-queries/workgroup.json) or name an existing one (Athena: "${message}").`
    )
  }
  if (/no output location/i.test(message)) {
    return new ConfigurationError(
      `Athena has nowhere to write EXPLAIN's results: workgroup '${target.workgroup}' has no query result ` +
        `location and input '${Inputs.AthenaOutputLocation}' is empty. Set '${Inputs.AthenaOutputLocation}' ` +
        `(s3://bucket/prefix/), or give the workgroup a query result location (Athena: "${message}").`
    )
  }
  const bucket = /Unable to verify\/create output bucket (\S+)/i.exec(message)?.[1]
  if (bucket) {
    const from = target.outputLocation
      ? `input '${Inputs.AthenaOutputLocation}' (${target.outputLocation})`
      : `the query result location of workgroup '${target.workgroup}'`
    return new ConfigurationError(
      `Athena cannot write EXPLAIN's results to bucket ${bucket}, from ${from}: the bucket does not exist, or the ` +
        `role lacks s3:GetBucketLocation, s3:ListBucket, s3:PutObject and s3:GetObject on it (Athena: "${message}").`
    )
  }
  return undefined
}

/**
 * Athena's "Access denied when writing output to url" is the role's, not the query's: it names no
 * IAM action, so say which one (s3:PutObject on the result location) and stop, as every query would
 * fail the same way.
 */
function throwIfResultWriteDenied(reason: string, target: ExplainTarget): void {
  if (!/Access denied when writing output to url/i.test(reason)) return
  const from = target.outputLocation
    ? `input '${Inputs.AthenaOutputLocation}' (${target.outputLocation})`
    : `the query result location of workgroup '${target.workgroup}'`
  throw new ConfigurationError(
    `Athena could not write EXPLAIN's results to ${from}: give the role s3:PutObject on it ` +
      `(statement "QueryResultObjects" of iam/check-queries/permissions.json), and with a KMS-encrypted ` +
      `location the key's rights too (Athena: "${reason}").`
  )
}

/**
 * The data catalog of `athena-catalog` missing or refused is the setup's, not the query's: every
 * query would fail the same way, so say which input or statement to fix and stop.
 */
function throwIfCatalogUnusable(reason: string, target: ExplainTarget): void {
  if (!target.catalog) return
  const missing = /CATALOG_NOT_FOUND: .*Catalog '([^']*)' does not exist/.exec(reason)?.[1]
  if (missing?.toLowerCase() === target.catalog.toLowerCase()) {
    throw new ConfigurationError(
      `Input '${Inputs.AthenaCatalog}': Athena has no data catalog '${target.catalog}' in this account and region; ` +
        `register the Glue catalog of '${Inputs.CatalogId}' under that name (aws athena create-data-catalog ` +
        `--type GLUE --parameters catalog-id=<account>) (Athena: "${reason}").`
    )
  }
  if (/athena:GetDataCatalog/.test(reason)) {
    throw new ConfigurationError(
      `Athena refused the role the data catalog '${target.catalog}' of input '${Inputs.AthenaCatalog}': give it ` +
        `athena:GetDataCatalog on it (iam/check-queries/data-catalog-statement.json) (Athena: "${reason}").`
    )
  }
}

/** Why Athena cannot run `sql` (its own message, or that it did not answer in time), or undefined. */
export async function explainQuery(
  athena: AthenaClient,
  target: ExplainTarget,
  options: ExplainOptions = {}
): Promise<string | undefined> {
  const outcome = await explainStatement(athena, target, options)
  return outcome.kind === 'passed' ? undefined : outcome.message
}

/** Runs `EXPLAIN <sql>` and waits for its answer, at most until the timeout or the deadline. */
export async function explainStatement(
  athena: AthenaClient,
  target: ExplainTarget,
  options: ExplainOptions = {}
): Promise<ExplainOutcome> {
  let pollIntervalMs = options.pollIntervalMs ?? 200
  const maxPollIntervalMs = Math.max(pollIntervalMs, options.maxPollIntervalMs ?? 1000)
  const timeoutMs = options.timeoutMs ?? 60_000
  const started = performance.now()
  const byDeadline = options.deadline !== undefined && options.deadline < started + timeoutMs
  const deadline = byDeadline ? (options.deadline as number) : started + timeoutMs
  let id: string | undefined
  try {
    const started = await athena.send(
      new StartQueryExecutionCommand({
        QueryString: `${PREFIX}${statement(target.sql)}`,
        QueryExecutionContext: {
          Database: target.database,
          ...(target.catalog ? { Catalog: target.catalog } : {})
        },
        WorkGroup: target.workgroup,
        ...(target.outputLocation ? { ResultConfiguration: { OutputLocation: target.outputLocation } } : {}),
        ClientRequestToken: randomUUID()
      })
    )
    id = started.QueryExecutionId
  } catch (error) {
    const { name, AthenaErrorCode, message } = error as {
      name?: string
      AthenaErrorCode?: string
      message?: string
    }
    if (name === 'InvalidRequestException' && AthenaErrorCode === 'MALFORMED_QUERY') {
      return { kind: 'failed', message: `SYNTAX_ERROR: ${inFile(message ?? '')}` }
    }
    throw outputLocationProblem(name, message ?? '', target) ?? error
  }
  if (!id) throw new Error('StartQueryExecution answered no QueryExecutionId')

  for (;;) {
    const { QueryExecution: execution } = await athena.send(
      new GetQueryExecutionCommand({ QueryExecutionId: id })
    )
    const status = execution?.Status
    switch (status?.State) {
      case 'SUCCEEDED':
        return { kind: 'passed' }
      case 'FAILED': {
        const reason = status.StateChangeReason ?? status.AthenaError?.ErrorMessage ?? 'the query failed'
        throwIfResultWriteDenied(reason, target)
        throwIfCatalogUnusable(reason, target)
        return { kind: 'failed', message: inFile(reason) }
      }
      case 'CANCELLED':
        return { kind: 'failed', message: `EXPLAIN was cancelled (query execution ${id})` }
    }
    const left = deadline - performance.now()
    if (left <= 0) break
    // The last wait ends at the deadline, so that no EXPLAIN outlives what is left of the budget.
    await sleep(Math.min(pollIntervalMs, left))
    pollIntervalMs = Math.min(maxPollIntervalMs, Math.round(pollIntervalMs * 1.25))
  }
  // Best effort: an EXPLAIN left running costs nothing, but should not linger; a refusal is reported.
  const stopFailure = await athena.send(new StopQueryExecutionCommand({ QueryExecutionId: id })).then(
    () => undefined,
    (error: unknown) => {
      const { name, message } = error as { name?: string; message?: string }
      return `stopping query execution ${id} failed (${name ?? 'Error'}: ${message ?? String(error)})`
    }
  )
  const waited = byDeadline ? deadline - started : timeoutMs
  const limit = waited >= 1000 ? `${Math.round(waited / 1000)} s` : `${Math.round(waited)} ms`
  const why = byDeadline ? ", when the check's EXPLAIN time budget ran out" : ''
  return {
    kind: 'unfinished',
    byDeadline,
    ...(stopFailure ? { stopFailure } : {}),
    message:
      `EXPLAIN did not finish within ${limit}${why} (query execution ${id}, workgroup ${target.workgroup})` +
      (stopFailure ? `; ${stopFailure}` : '')
  }
}
