/**
 * Publishes the team's SQL files as Athena named queries of one workgroup: creates the new ones,
 * updates the changed ones, leaves the rest alone and, when asked, deletes the ones this action
 * created for files that are gone. Ownership is read from Athena alone: the description of every
 * named query this action writes ends with `[cloudtrail-partitions:<owner>:<path>]` (see
 * publish-desired.ts), and only a named query whose marker names this run's owner is ours; any other
 * named query is never changed. When several carry our marker for one file, one is ours (the one
 * that already matches the file, else the only one named after it) and the others are copies: left
 * alone and reported, deleted with delete-missing only when they are exact copies of ours. When
 * Athena leaves any named query of the workgroup unread, nothing is written.
 */
import { randomUUID } from 'node:crypto'
import {
  CreateNamedQueryCommand,
  DeleteNamedQueryCommand,
  UpdateNamedQueryCommand,
  type AthenaClient,
  type NamedQuery
} from '@aws-sdk/client-athena'
import type { BackoffOptions } from '../aws/retry.js'
import type { Logger } from '../vocabulary/logger.js'
import { logQuoted } from '../vocabulary/escape.js'
import { Inputs } from '../vocabulary/constants.js'
import { desiredQuery, nameFor, parseMarker, type DesiredQuery, type QueryFile } from './publish-desired.js'
import { Pacer, pacedSender, type Send } from './publish-pace.js'
import { readWorkgroupQueries } from './publish-read.js'

export type { QueryFile } from './publish-desired.js'

export interface PublishOptions {
  files: QueryFile[]
  workgroup: string
  database: string
  /**
   * Who publishes: written into every marker, and only named queries whose marker names the same
   * owner are this run's to change or delete. The action passes GITHUB_REPOSITORY (`octo-org/ops`).
   */
  owner: string
  /** Delete the named queries this action created whose files are gone. */
  deleteMissing: boolean
  /** Plan and report only: no write call. */
  dryRun: boolean
  /**
   * The guard: a run that would delete more named queries than this writes nothing and fails (a dry
   * run reports it and succeeds). Default DEFAULT_MAX_DELETE_QUERIES.
   */
  maxDeletes?: number
  /** Client-side pace per Athena operation (default 4/s, under the documented 5/s). */
  callsPerSecond?: number
  /** Retries of throttled or failed calls on top of the SDK's (default: 8 attempts from 250 ms). */
  backoff?: BackoffOptions
}

/** `path` is the file's, or `*` for a problem that stopped the whole run. */
export interface PublishFailure {
  path: string
  message: string
}

/** A named query carrying our marker for `path` that is not the one this action keeps up to date. */
export interface PublishDuplicate {
  path: string
  name: string
  namedQueryId: string
  /** Why it is not the one this action keeps up to date. */
  why: string
}

/**
 * Paths of the SQL files by outcome; `foreignKept` names the named queries this action did not
 * create (another owner's included); `duplicates` the copies of ours left alone.
 */
export interface PublishResult {
  created: string[]
  updated: string[]
  deleted: string[]
  unchanged: string[]
  foreignKept: string[]
  duplicates: PublishDuplicate[]
  failures: PublishFailure[]
  dryRun: boolean
  /** Set when the deletion guard stopped the run (or, on a dry run, would stop a real one). */
  refusedDeletes?: RefusedDeletes
}

/** The deletions a run planned beyond the guard's `max`: none of them (nor anything else) written. */
export interface RefusedDeletes {
  /** The files whose named queries would be deleted, one per deletion. */
  paths: string[]
  max: number
  message: string
}

/**
 * A narrowed glob or a moved folder makes every other file look gone: a handful of deletions in one
 * run is routine, more is the exception to confirm (DESIGN.md section 12).
 */
export const DEFAULT_MAX_DELETE_QUERIES = 5

/** The path of the failure entry of a problem that stopped the whole run. */
export const WHOLE_RUN = '*'

const DEFAULT_BACKOFF: BackoffOptions = { attempts: 8, baseMs: 250, maxMs: 10_000 }

type Action =
  | { kind: 'create'; want: DesiredQuery }
  | { kind: 'update'; want: DesiredQuery; have: NamedQuery }
  | { kind: 'recreate'; want: DesiredQuery; have: NamedQuery }
  | { kind: 'delete'; path: string; have: NamedQuery }

const VERBS: Record<Action['kind'], [string, string]> = {
  create: ['create', 'Created'],
  update: ['update', 'Updated'],
  recreate: ['recreate (its database changed)', 'Recreated (its database changed)'],
  delete: ['delete', 'Deleted']
}

function differs(want: DesiredQuery, have: NamedQuery): boolean {
  return (
    want.name !== have.Name || want.description !== have.Description || want.queryString !== have.QueryString
  )
}

/** Same Name, QueryString and Description: a copy nobody edited. */
function sameContent(a: NamedQuery, b: NamedQuery): boolean {
  return a.Name === b.Name && a.QueryString === b.QueryString && a.Description === b.Description
}

function messageOf(error: unknown): string {
  const { name, message } = error as { name?: string; message?: string }
  return name && message ? `${name}: ${message}` : String(error)
}

function byId(a: NamedQuery, b: NamedQuery): number {
  const [x, y] = [a.NamedQueryId ?? '', b.NamedQueryId ?? '']
  return x < y ? -1 : x > y ? 1 : 0
}

interface Resolved {
  /** The one this action keeps up to date (or deletes); undefined when it has none or cannot tell which. */
  ours?: NamedQuery
  /** Several carry our marker and our name, and none can be told to be ours: change none. */
  ambiguous: boolean
  /** Exact copies of ours: deleted with delete-missing. */
  copies: NamedQuery[]
  /** Everything else carrying our marker for the path: never written. */
  others: NamedQuery[]
}

/**
 * Which of the named queries carrying our marker for one path is ours. Ours carries the marker *and*
 * the name this action gives the path: a console "save as" keeps the description, so a query with
 * our marker under another name is a person's copy, left alone even when it is the only one (its
 * original deleted). Of several with our name, ours is the one already matching the file (lowest id
 * among equals), else the first when they are all the same; otherwise it is ambiguous. The rest
 * split into exact copies of ours and the others.
 */
function resolve(
  path: string,
  queries: NamedQuery[],
  want: DesiredQuery | undefined,
  database: string
): Resolved {
  const sorted = [...queries].sort(byId)
  const named = sorted.filter((query) => query.Name === nameFor(path))
  const ours =
    (named.length === 1 ? named[0] : undefined) ??
    (want && named.find((query) => !differs(want, query) && query.Database === database)) ??
    (named.length > 0 && named.every((query) => sameContent(query, named[0] as NamedQuery))
      ? named[0]
      : undefined)
  if (!ours) return { ambiguous: named.length > 0, copies: [], others: sorted }
  const rest = sorted.filter((query) => query !== ours)
  return {
    ours,
    ambiguous: false,
    copies: rest.filter((query) => sameContent(query, ours)),
    others: rest.filter((query) => !sameContent(query, ours))
  }
}

/** Why a query carrying our marker is not ours, for the summary. */
function whyKept(path: string, query: NamedQuery, ours: NamedQuery | undefined): string {
  if (query.Name !== nameFor(path))
    return `named differently from ${nameFor(path)} (a copy saved under another name)`
  return ours && sameContent(query, ours) ? 'an exact copy' : 'an edited copy under the same name'
}

interface Plan {
  actions: Action[]
  result: PublishResult
}

function emptyResult(dryRun: boolean): PublishResult {
  return {
    created: [],
    updated: [],
    deleted: [],
    unchanged: [],
    foreignKept: [],
    duplicates: [],
    failures: [],
    dryRun
  }
}

function plan(options: PublishOptions, existing: NamedQuery[], logger: Logger): Plan {
  const result = emptyResult(options.dryRun)
  const owned = new Map<string, NamedQuery[]>()
  const foreignNames = new Set<string>()
  for (const query of existing) {
    const marker = parseMarker(query.Description)
    if (marker?.owner !== options.owner) {
      result.foreignKept.push(query.Name ?? query.NamedQueryId ?? '?')
      foreignNames.add(query.Name ?? '')
    } else owned.set(marker.path, [...(owned.get(marker.path) ?? []), query])
  }

  const actions: Action[] = []
  /**
   * Ours for a path: undefined when none carries our marker and our name, null when it cannot tell which (a
   * failure, unless the file is gone and delete-missing off). Reports the copies kept; plans the
   * deletion of exact copies under delete-missing.
   */
  const ours = (path: string, want: DesiredQuery | undefined): NamedQuery | undefined | null => {
    const queries = owned.get(path) ?? []
    if (queries.length === 0) return undefined
    const resolved = resolve(path, queries, want, options.database)
    const kept = [...resolved.others, ...(options.deleteMissing ? [] : resolved.copies)]
    for (const query of kept) {
      result.duplicates.push({
        path,
        name: query.Name ?? '',
        namedQueryId: query.NamedQueryId ?? '',
        why: whyKept(path, query, resolved.ours)
      })
    }
    if (kept.length > 0) {
      logger.warning(
        `${path} has ${kept.length} more named quer${kept.length === 1 ? 'y' : 'ies'} carrying this action's marker ` +
          `(${kept.map((query) => query.Name).join(', ')}); left alone.`
      )
    }
    if (!resolved.ours && !resolved.ambiguous) return undefined
    if (!resolved.ours) {
      // Nothing to do for a gone file without delete-missing: its copies are only reported.
      if (!want && !options.deleteMissing) return null
      const named = queries.filter((query) => query.Name === nameFor(path))
      const ids = named.map((query) => query.NamedQueryId).join(', ')
      result.failures.push({
        path,
        message:
          `${named.length} named queries carry this action's marker and name for this file (${ids}) and it cannot tell ` +
          'which one it created, so it changes none; delete the copies or remove the marker from their descriptions'
      })
      return null
    }
    for (const copy of resolved.copies) {
      if (options.deleteMissing) actions.push({ kind: 'delete', path, have: copy })
    }
    return resolved.ours
  }

  const seen = new Set<string>()
  for (const file of options.files) {
    const want = desiredQuery(file, options.owner)
    if (seen.has(want.path)) {
      result.failures.push({ path: want.path, message: 'the same file is listed twice' })
      continue
    }
    // Marked seen even when broken: a present file's published query is not "missing".
    seen.add(want.path)
    if ('error' in want) {
      result.failures.push({ path: want.path, message: want.error })
      continue
    }
    const have = ours(want.path, want)
    if (have === null) continue
    if (!have) {
      if (foreignNames.has(want.name)) {
        result.failures.push({
          path: want.path,
          message: `workgroup ${options.workgroup} has a named query "${want.name}" that this action did not create; rename one of them`
        })
      } else actions.push({ kind: 'create', want })
    } else if (have.Database !== options.database) {
      // Database cannot be updated: the query is ours, so it is created again, then the old one deleted.
      actions.push({ kind: 'recreate', want, have })
    } else if (differs(want, have)) actions.push({ kind: 'update', want, have })
    else result.unchanged.push(want.path)
  }
  for (const path of owned.keys()) {
    if (seen.has(path)) continue
    const have = ours(path, undefined)
    if (!have) continue
    if (options.deleteMissing) actions.push({ kind: 'delete', path, have })
    else
      logger.info(
        `${logQuoted(path)} is gone; its named query ${logQuoted(have.Name ?? '')} stays (delete-missing is off).`
      )
  }
  return { actions, result }
}

async function apply(
  athena: AthenaClient,
  action: Action,
  options: PublishOptions,
  send: Send
): Promise<void> {
  const create = (want: DesiredQuery): Promise<unknown> => {
    // One token per query, reused by our retries: a lost answer cannot create it twice.
    const input = {
      Name: want.name,
      Description: want.description,
      QueryString: want.queryString,
      Database: options.database,
      WorkGroup: options.workgroup,
      ClientRequestToken: randomUUID()
    }
    return send('CreateNamedQuery', () => athena.send(new CreateNamedQueryCommand(input)))
  }
  const remove = (have: NamedQuery): Promise<unknown> =>
    send('DeleteNamedQuery', () =>
      athena.send(new DeleteNamedQueryCommand({ NamedQueryId: have.NamedQueryId }))
    )
  switch (action.kind) {
    case 'create':
      await create(action.want)
      return
    case 'recreate':
      // Create first: when it fails, the old query is still there.
      await create(action.want)
      try {
        await remove(action.have)
      } catch (error) {
        throw new Error(
          `the query was created in ${options.database}, but deleting the old one (${action.have.NamedQueryId}) failed: ${messageOf(error)}`
        )
      }
      return
    case 'update': {
      const input = {
        NamedQueryId: action.have.NamedQueryId,
        Name: action.want.name,
        Description: action.want.description,
        QueryString: action.want.queryString
      }
      await send('UpdateNamedQuery', () => athena.send(new UpdateNamedQueryCommand(input)))
      return
    }
    case 'delete':
      await remove(action.have)
  }
}

/** The guard on deletions: undefined when the run deletes at most `max` named queries. */
function deletionGuard(actions: readonly Action[], max: number): RefusedDeletes | undefined {
  const paths = actions.flatMap((action) => (action.kind === 'delete' ? [action.path] : []))
  if (paths.length <= max) return undefined
  const shown = paths.slice(0, 10).join(', ') + (paths.length > 10 ? `, and ${paths.length - 10} more` : '')
  return {
    paths,
    max,
    message:
      `this run would delete ${paths.length} named queries (${shown}), more than the ${max} that input ` +
      `'${Inputs.MaxDeleteQueries}' allows in one run, so it wrote nothing. If the 'queries' glob was narrowed ` +
      `by mistake, widen it again; if the files were removed on purpose, run once (after a dry run) with ` +
      `${Inputs.MaxDeleteQueries}: ${paths.length}.`
  }
}

function record(result: PublishResult, action: Action): void {
  if (action.kind === 'create') result.created.push(action.want.path)
  else if (action.kind === 'delete') result.deleted.push(action.path)
  else result.updated.push(action.want.path)
}

export async function publishQueries(
  athena: AthenaClient,
  options: PublishOptions,
  logger: Logger
): Promise<PublishResult> {
  if (options.owner.trim() === '') throw new Error('publishQueries needs an owner (GITHUB_REPOSITORY)')
  const send = pacedSender(new Pacer(options.callsPerSecond ?? 4), options.backoff ?? DEFAULT_BACKOFF, logger)
  const { queries, unreadable } = await readWorkgroupQueries(athena, options.workgroup, send, logger)
  if (unreadable.length > 0) {
    // Any of them may be ours: creating could duplicate it, deleting could hit a copy. Write nothing.
    const result = emptyResult(options.dryRun)
    result.failures.push({
      path: WHOLE_RUN,
      message:
        `Athena did not return ${unreadable.length} named queries of workgroup ${options.workgroup} ` +
        `(${unreadable.join(', ')}), so which ones this action created is unknown; nothing was written. Run it again.`
    })
    return result
  }
  const { actions, result } = plan(options, queries, logger)
  const refused = deletionGuard(actions, options.maxDeletes ?? DEFAULT_MAX_DELETE_QUERIES)
  if (refused) {
    result.refusedDeletes = refused
    if (!options.dryRun) {
      // Before any write: creating the new files' queries now would leave half a rename behind.
      logger.warning(refused.message)
      result.failures.push({ path: WHOLE_RUN, message: refused.message })
      return result
    }
    logger.warning(`A real run would stop here: ${refused.message}`)
  }
  for (const action of actions) {
    const path = action.kind === 'delete' ? action.path : action.want.path
    const [verb, done] = VERBS[action.kind]
    if (options.dryRun) {
      logger.info(`Would ${verb} ${logQuoted(path)}`)
      record(result, action)
      continue
    }
    try {
      await apply(athena, action, options, send)
      logger.info(`${done} ${logQuoted(path)}`)
      record(result, action)
    } catch (error) {
      result.failures.push({ path, message: `${verb} failed: ${messageOf(error)}` })
    }
  }
  return result
}
