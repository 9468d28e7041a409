/**
 * The run's AWS clients, sharing one credential provider and one call counter. Endpoints come from
 * the SDK's standard configuration (AWS_ENDPOINT_URL and friends), so tests need no special flag.
 */
import { AthenaClient } from '@aws-sdk/client-athena'
import { GlueClient } from '@aws-sdk/client-glue'
import { S3Client } from '@aws-sdk/client-s3'
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types'
import { isRefreshable, type RefreshableCredentials } from './credentials.js'
import { describeStatementFor } from './policy-statements.js'
import { NOTE_RETRY } from './retry.js'

export interface OperationStats {
  calls: number
  /** Extra attempts the SDK made (throttling, 5xx). */
  retries: number
  failed: number
  /** Lookups answered "not found" that the caller expects (is there a table yet?): not failures. */
  notFound: number
}

/** AWS calls by operation (`Glue.GetPartitions`), for the report. */
export class CallStats {
  readonly byOperation = new Map<string, OperationStats>()

  record(operation: string, attempts: number, failed: boolean, notFound = false): void {
    let stats = this.byOperation.get(operation)
    if (!stats) this.byOperation.set(operation, (stats = { calls: 0, retries: 0, failed: 0, notFound: 0 }))
    stats.calls += 1
    stats.retries += Math.max(0, attempts - 1)
    if (notFound) stats.notFound += 1
    else if (failed) stats.failed += 1
  }

  /** A failed call that is being tried again: one call with one more retry, not a failure. */
  retried(operation: string): void {
    const stats = this.byOperation.get(operation)
    if (!stats || stats.failed === 0) return
    stats.calls -= 1
    stats.failed -= 1
    stats.retries += 1
  }

  get total(): number {
    let total = 0
    for (const stats of this.byOperation.values()) total += stats.calls
    return total
  }
}

/**
 * A lookup that found nothing: Glue's EntityNotFoundException (GetTable, GetDatabase), S3's NoSuchKey
 * or NotFound. The sync asks "is the table there?" on every table-creating run; the answer "no" is
 * no failed call. When the caller cannot go on without it, it says so in its own error.
 */
export function isNotFoundLookup(operation: string, error: unknown): boolean {
  const name = (error as { name?: string }).name ?? ''
  return (
    /\.(Get|Head|Describe)[A-Z]/.test(operation) &&
    ['EntityNotFoundException', 'NoSuchKey', 'NotFound', 'ResourceNotFoundException'].includes(name)
  )
}

/** The IAM action a failed call needed: `Glue.GetPartitions` -> `glue:GetPartitions`. */
export function iamActionOf(operation: string): string {
  if (operation === 'S3.ListObjectsV2') return 's3:ListBucket'
  const [service, name] = operation.split('.') as [string, string]
  return `${service.toLowerCase()}:${name}`
}

/** A denied AWS call explained: which permission the role lacks. */
export function explainDenied(error: unknown): string | undefined {
  const { name, message, operation } = error as { name?: string; message?: string; operation?: string }
  if (!operation || !/AccessDenied|UnauthorizedOperation|Forbidden/.test(name ?? '')) return undefined
  const action = iamActionOf(operation)
  return (
    `AWS denied ${operation} (${name}: ${message}). Give the role ${action} on the resource ` +
    `(${describeStatementFor(action)}); with Lake Formation, also grant it the table permissions.`
  )
}

const NETWORK = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|TimeoutError)$/
const BAD_CREDENTIALS =
  /^(ExpiredToken|ExpiredTokenException|InvalidClientTokenId|UnrecognizedClientException|InvalidSignatureException|SignatureDoesNotMatch)$/

/**
 * A failed AWS call explained by its cause: a denial names the permission; an unreachable endpoint
 * and expired or unknown credentials say so (none of them is a trust-policy matter).
 */
export function explainAwsError(error: unknown): string | undefined {
  const denied = explainDenied(error)
  if (denied) return denied
  const { name, message, operation, code } = error as {
    name?: string
    message?: string
    operation?: string
    code?: string
  }
  if (!operation) return undefined
  if (NETWORK.test(code ?? '') || NETWORK.test(name ?? '')) {
    return (
      `Could not reach AWS for ${operation} (${code ?? name}: ${message}): a network or endpoint problem ` +
      `(runner network, proxy, AWS_ENDPOINT_URL, aws-region), not a permission one.`
    )
  }
  if (BAD_CREDENTIALS.test(name ?? '')) {
    return (
      `AWS refused the credentials for ${operation} (${name}: ${message}): they have expired or are not valid ` +
      `here. With role-to-assume the action assumes the role itself; without it, check the step that sets credentials.`
    )
  }
  return undefined
}

export interface AwsClients {
  s3: S3Client
  glue: GlueClient
  athena: AthenaClient
  calls: CallStats
}

/** Glue throttles per account and Region; adaptive retry also slows our own send rate. */
const MAX_ATTEMPTS = 10

type Countable = S3Client | GlueClient | AthenaClient

function countCalls(client: Countable, service: string, stats: CallStats): void {
  // The three stacks differ only in their input and output types, which this middleware ignores.
  const stack = client.middlewareStack as GlueClient['middlewareStack']
  stack.add(
    (next, context) => async (args) => {
      const operation = `${service}.${(context.commandName ?? 'Unknown').replace(/Command$/, '')}`
      try {
        const result = await next(args)
        const attempts = (result.output as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1
        stats.record(operation, attempts, false)
        return result
      } catch (error) {
        stats.record(
          operation,
          (error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1,
          true,
          isNotFoundLookup(operation, error)
        )
        // Which call failed, for messages such as "AWS denied Glue.GetPartitions"; and how to count
        // it if aws/retry.ts tries it again.
        if (error instanceof Error) {
          Object.assign(error, { operation, [NOTE_RETRY]: () => stats.retried(operation) })
        }
        throw error
      }
    },
    { step: 'initialize', name: 'cloudtrailPartitionsCallCounter' }
  )
}

/** Each service's answer to a call signed with expired credentials (S3, STS; Glue, Athena). */
const EXPIRED_CREDENTIALS = new Set(['ExpiredToken', 'ExpiredTokenException'])

/**
 * A call AWS refused because the session had expired is made once more with a new session: the
 * credentials are refreshed before they expire, but AWS's clock is the one that counts.
 */
function renewExpiredCredentials(client: Countable, credentials: RefreshableCredentials): void {
  const stack = client.middlewareStack as GlueClient['middlewareStack']
  stack.add(
    (next) => async (args) => {
      const generation = credentials.generation
      try {
        return await next(args)
      } catch (error) {
        if (!EXPIRED_CREDENTIALS.has((error as Error).name)) throw error
        credentials.expire(generation)
        return next(args)
      }
    },
    { step: 'initialize', name: 'cloudtrailPartitionsRenewExpiredCredentials' }
  )
}

export function createClients(
  region: string,
  credentials: AwsCredentialIdentityProvider | undefined
): AwsClients {
  const common = {
    region,
    maxAttempts: MAX_ATTEMPTS,
    retryMode: 'adaptive',
    ...(credentials ? { credentials } : {})
  }
  const calls = new CallStats()
  // The bucket may live in another Region than the catalog: follow S3's redirects.
  const s3 = new S3Client({ ...common, followRegionRedirects: true })
  const glue = new GlueClient(common)
  const athena = new AthenaClient(common)
  countCalls(s3, 'S3', calls)
  countCalls(glue, 'Glue', calls)
  countCalls(athena, 'Athena', calls)
  if (isRefreshable(credentials)) {
    for (const client of [s3, glue, athena]) renewExpiredCredentials(client, credentials)
  }
  return { s3, glue, athena, calls }
}
