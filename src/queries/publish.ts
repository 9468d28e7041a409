/**
 * Publishes the team's SQL files as Athena named queries of one workgroup: creates the new ones,
 * updates the changed ones, leaves the rest alone and, when asked, deletes the ones this action
 * created for files that are gone. Ownership is read from Athena alone: the description of every
 * named query this action writes ends with `[cloudtrail-partitions:<path>]`; any other named query
 * is never changed.
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
import type { Logger } from '../logger.js'
import { desiredQuery, ownerPath, type DesiredQuery, type QueryFile } from './publish-desired.js'
import { Pacer, pacedSender, type Send } from './publish-pace.js'
import { readWorkgroupQueries } from './publish-read.js'

export { renderPublishSummary } from './publish-summary.js'
export type { QueryFile } from './publish-desired.js'

export interface PublishOptions {
  files: QueryFile[]
  workgroup: string
  database: string
  /** Delete the named queries this action created whose files are gone. */
  deleteMissing: boolean
  /** Plan and report only: no write call. */
  dryRun: boolean
  /** Client-side pace per Athena operation (default 4/s, under the documented 5/s). */
  callsPerSecond?: number
  /** Retries of throttled or failed calls on top of the SDK's (default: 8 attempts from 250 ms). */
  backoff?: BackoffOptions
}

export interface PublishFailure {
  path: string
  message: string
}

/** Paths of the SQL files by outcome; `foreignKept` names the named queries this action did not create. */
export interface PublishResult {
  created: string[]
  updated: string[]
  deleted: string[]
  unchanged: string[]
  foreignKept: string[]
  failures: PublishFailure[]
  dryRun: boolean
}

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

function messageOf(error: unknown): string {
  const { name, message } = error as { name?: string; message?: string }
  return name && message ? `${name}: ${message}` : String(error)
}

interface Plan {
  actions: Action[]
  result: PublishResult
}

function plan(options: PublishOptions, existing: NamedQuery[], logger: Logger): Plan {
  const result: PublishResult = {
    created: [],
    updated: [],
    deleted: [],
    unchanged: [],
    foreignKept: [],
    failures: [],
    dryRun: options.dryRun
  }
  const owned = new Map<string, NamedQuery[]>()
  const foreignNames = new Set<string>()
  for (const query of existing) {
    const path = ownerPath(query.Description)
    if (path === undefined) {
      result.foreignKept.push(query.Name ?? query.NamedQueryId ?? '?')
      foreignNames.add(query.Name ?? '')
    } else owned.set(path, [...(owned.get(path) ?? []), query])
  }

  const actions: Action[] = []
  const seen = new Set<string>()
  for (const file of options.files) {
    const want = desiredQuery(file)
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
    const [have, ...duplicates] = owned.get(want.path) ?? []
    // Two of ours for one file (say, an interrupted earlier run): the extras are stale copies.
    for (const extra of duplicates) {
      if (options.deleteMissing) actions.push({ kind: 'delete', path: want.path, have: extra })
      else
        logger.warning(`${want.path} has more than one named query; delete-missing would remove the extras.`)
    }
    if (!have) {
      if (foreignNames.has(want.name)) {
        result.failures.push({
          path: want.path,
          message: `workgroup ${options.workgroup} has a named query "${want.name}" that this action did not create; rename one of them`
        })
      } else actions.push({ kind: 'create', want })
    } else if (have.Database !== options.database) {
      // Database cannot be updated: the query is ours, so it is deleted and created again.
      actions.push({ kind: 'recreate', want, have })
    } else if (differs(want, have)) actions.push({ kind: 'update', want, have })
    else result.unchanged.push(want.path)
  }
  for (const [path, queries] of owned) {
    if (seen.has(path)) continue
    for (const have of queries) {
      if (options.deleteMissing) actions.push({ kind: 'delete', path, have })
      else logger.info(`${path} is gone; its named query "${have.Name}" stays (delete-missing is off).`)
    }
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
      await remove(action.have)
      await create(action.want)
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
  const send = pacedSender(new Pacer(options.callsPerSecond ?? 4), options.backoff ?? DEFAULT_BACKOFF)
  const { queries } = await readWorkgroupQueries(athena, options.workgroup, send, logger)
  const { actions, result } = plan(options, queries, logger)
  for (const action of actions) {
    const path = action.kind === 'delete' ? action.path : action.want.path
    const [verb, done] = VERBS[action.kind]
    if (options.dryRun) {
      logger.info(`Would ${verb} ${path}`)
      record(result, action)
      continue
    }
    try {
      await apply(athena, action, options, send)
      logger.info(`${done} ${path}`)
      record(result, action)
    } catch (error) {
      result.failures.push({ path, message: `${verb} failed: ${messageOf(error)}` })
    }
  }
  return result
}
