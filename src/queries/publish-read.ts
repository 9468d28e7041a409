/**
 * Reads every named query of a workgroup. ListNamedQueries answers ids only (50 a page), so the
 * queries themselves come from BatchGetNamedQuery, 50 ids a call; ids it leaves unprocessed are
 * asked again while that makes progress (an id that no longer exists never does), then reported
 * rather than guessed at: the publish then writes nothing, since any of them may be ours.
 */
import {
  BatchGetNamedQueryCommand,
  ListNamedQueriesCommand,
  type AthenaClient,
  type NamedQuery
} from '@aws-sdk/client-athena'
import type { Logger } from '../vocabulary/logger.js'
import type { Send } from './publish-pace.js'

const PAGE_SIZE = 50
const BATCH_SIZE = 50
/** Unprocessed ids are asked again while each round answers some of them, at most this often. */
const MAX_ROUNDS = 10

export interface WorkgroupQueries {
  queries: NamedQuery[]
  /** Ids BatchGetNamedQuery never answered: their owner is unknown, so the publish writes nothing. */
  unreadable: string[]
}

async function listIds(athena: AthenaClient, workgroup: string, send: Send): Promise<string[]> {
  const ids: string[] = []
  let token: string | undefined
  do {
    const page = await send('ListNamedQueries', () =>
      athena.send(
        new ListNamedQueriesCommand({ WorkGroup: workgroup, MaxResults: PAGE_SIZE, NextToken: token })
      )
    )
    ids.push(...(page.NamedQueryIds ?? []))
    token = page.NextToken
  } while (token)
  return ids
}

/** One BatchGetNamedQuery pass over `ids`; returns the ids it left unprocessed. */
async function batchGet(
  athena: AthenaClient,
  ids: string[],
  into: NamedQuery[],
  send: Send,
  logger: Logger
): Promise<string[]> {
  const left: string[] = []
  for (let start = 0; start < ids.length; start += BATCH_SIZE) {
    const batch = ids.slice(start, start + BATCH_SIZE)
    const answer = await send('BatchGetNamedQuery', () =>
      athena.send(new BatchGetNamedQueryCommand({ NamedQueryIds: batch }))
    )
    into.push(...(answer.NamedQueries ?? []))
    for (const entry of answer.UnprocessedNamedQueryIds ?? []) {
      if (entry.NamedQueryId) left.push(entry.NamedQueryId)
      logger.debug(`BatchGetNamedQuery left ${entry.NamedQueryId}: ${entry.ErrorCode} ${entry.ErrorMessage}`)
    }
  }
  return left
}

export async function readWorkgroupQueries(
  athena: AthenaClient,
  workgroup: string,
  send: Send,
  logger: Logger
): Promise<WorkgroupQueries> {
  const queries: NamedQuery[] = []
  let pending = [...new Set(await listIds(athena, workgroup, send))]
  for (let round = 0; round < MAX_ROUNDS && pending.length > 0; round++) {
    const left = await batchGet(athena, pending, queries, send, logger)
    const progress = left.length < pending.length
    pending = left
    if (!progress) break
  }
  if (pending.length > 0) {
    logger.warning(
      `Athena did not return ${pending.length} named queries of workgroup ${workgroup} (${pending.join(', ')}); their owner is unknown.`
    )
  }
  return { queries, unreadable: pending }
}
