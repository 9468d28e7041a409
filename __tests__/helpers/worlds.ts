/**
 * The worlds tests start from, one helper per kind: an organization's trail bucket, AWS's CloudTrail
 * table over it, an IAM account whose role a GitHub token assumes, SDK clients of the account's
 * administrator, and a server of only the services a test file needs. Each returns what a test
 * needs to name it (bucket, location, role ARN, session credentials, client) so tests do not repeat
 * the set-up of the stand-in.
 */
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import type { AwsCredentialIdentity } from '@aws-sdk/types'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cloudTrailTableInput, type CloudTrailTableOptions } from '../../stand-in/cloudtrail-table.js'
import type { StandIn } from '../../stand-in/index.js'
import type { ActionRun } from '../../stand-in/run-action.js'
import type { StandInServer } from '../../stand-in/server.js'
import {
  buildSyntheticBucket,
  type SyntheticBucketResult,
  type SyntheticBucketSpec
} from '../../stand-in/synthetic-bucket.js'

export const WORLD = {
  bucket: 'org-cloudtrail-logs',
  organizationId: 'o-exampleorg1',
  accounts: ['111111111111', '222222222222'],
  regions: ['eu-west-1', 'us-east-1'],
  database: 'security',
  table: 'cloudtrail',
  /** The audit account where Glue, Athena and the workflow's roles live. */
  auditAccount: '111122223333',
  region: 'eu-central-1'
} as const

export interface OrganizationBucket extends SyntheticBucketResult {
  /** `s3://bucket/[prefix/]AWSLogs/o-id/`: the table's location. */
  location: string
}

/** An organization trail's bucket with log files for each account, region and day (defaults: 2 x 2 x 3 days). */
export function organizationBucket(
  standIn: StandIn,
  spec: Partial<SyntheticBucketSpec> & { ownerAccount?: string } = {}
): OrganizationBucket {
  const { ownerAccount, ...rest } = spec
  const bucket = rest.bucket ?? WORLD.bucket
  standIn.s3.createBucket(bucket, ownerAccount ? { ownerAccount } : {})
  const result = buildSyntheticBucket(standIn.s3, {
    bucket,
    layout: 'organization',
    organizationId: WORLD.organizationId,
    accounts: [...WORLD.accounts],
    regions: [...WORLD.regions],
    from: '2026-02-27',
    to: '2026-03-01',
    filesPerDay: 1,
    recordsPerFile: 1,
    ...rest
  })
  return { ...result, location: `s3://${bucket}/${result.root}` }
}

/** AWS's documented CloudTrail table (stand-in/cloudtrail-table.sql) at `location`, in `database`. */
export function cloudTrailTable(
  standIn: StandIn,
  location: string,
  options: Partial<CloudTrailTableOptions> & { database?: string; catalogId?: string } = {}
): { database: string; table: string } {
  const { database = WORLD.database, catalogId, ...table } = options
  const name = table.name ?? WORLD.table
  standIn.glue.createTableDirect(database, cloudTrailTableInput({ ...table, name, location }), catalogId)
  return { database, table: name }
}

/** A table's partitions in the stand-in as `account/region/year/month/day`, sorted; none without the table. */
export function partitionsOf(
  standIn: StandIn,
  database: string,
  table: string,
  catalogId?: string
): string[] {
  try {
    return standIn.glue
      .partitionValues(database, table, catalogId)
      .map((values) => values.join('/'))
      .sort()
  } catch (error) {
    if ((error as Error).name === 'EntityNotFoundException') return []
    throw error
  }
}

/** Fails with the run's log when the action did not succeed. */
export function expectSuccess(run: ActionRun): void {
  if (run.exitCode !== 0) throw new Error(`action failed (${run.exitCode}):\n${run.stdout}\n${run.stderr}`)
}

/** A repository's checkout with these files (path: text) in a new temporary folder; its path. */
export async function workspaceWith(
  files: Record<string, string>,
  prefix = 'ctp-workspace-'
): Promise<string> {
  const workspace = await mkdtemp(join(tmpdir(), prefix))
  for (const [file, text] of Object.entries(files)) {
    await mkdir(join(workspace, file, '..'), { recursive: true })
    await writeFile(join(workspace, file), text)
  }
  return workspace
}

/** After a file's tests: stops the stand-in (if it started) and removes the temporary folders. */
export async function tearDown(
  standIn: StandIn | undefined,
  ...folders: (string | undefined)[]
): Promise<void> {
  await standIn?.close()
  await Promise.all(folders.map((folder) => folder && rm(folder, { recursive: true, force: true })))
}

/** The product's partition index wait polls every few seconds: a test that is not about it makes indexes ACTIVE at once. */
export function instantPartitionIndexes(standIn: StandIn): void {
  standIn.glue.indexActivationMs = 0
}

/**
 * Runs `change` right before the stand-in handles the `nth` next call of `operation`
 * (`Glue.GetPartitionIndexes`): a state change between two of the product's looks, at the look
 * rather than after a real wait. With the clock, an index finishes building or deleting there.
 */
export function beforeGlueCall(standIn: StandIn, operation: string, nth: number, change: () => void): void {
  const faults = standIn.glue.faults
  if (nth <= 1) faults.beforeNext(operation, change)
  else faults.beforeNext(operation, () => beforeGlueCall(standIn, operation, nth - 1, change))
}

export interface IamAccount {
  account: string
  roleArn: string
  /** Session credentials of the role for a GitHub token (STS AssumeRoleWithWebIdentity). */
  assume(extra?: {
    DurationSeconds?: number
    Policy?: string
  }): Promise<AwsCredentialIdentity & { expiration: Date }>
}

/**
 * An account with GitHub's OIDC provider and one role that any token of the provider may assume
 * (the trust is not what such tests are about), with these permission policies.
 */
export function iamAccount(
  standIn: StandIn,
  options: { account?: string; roleName?: string; policies: object[]; maxSessionDurationSeconds?: number }
): IamAccount {
  const account = options.account ?? WORLD.auditAccount
  const provider = standIn.iam.createOidcProvider(account)
  const roleArn = standIn.iam.createRole({
    account,
    name: options.roleName ?? 'cloudtrail-partitions-sync',
    trustPolicy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: provider.arn },
          Action: 'sts:AssumeRoleWithWebIdentity'
        }
      ]
    },
    policies: options.policies,
    ...(options.maxSessionDurationSeconds
      ? { maxSessionDurationSeconds: options.maxSessionDurationSeconds }
      : {})
  }).arn
  return {
    account,
    roleArn,
    async assume(extra = {}) {
      const env = standIn.env()
      const sts = new STSClient({
        endpoint: standIn.endpoint,
        region: WORLD.region,
        credentials: {
          accessKeyId: env.AWS_ACCESS_KEY_ID as string,
          secretAccessKey: env.AWS_SECRET_ACCESS_KEY as string
        }
      })
      try {
        const { Credentials } = await sts.send(
          new AssumeRoleWithWebIdentityCommand({
            RoleArn: roleArn,
            RoleSessionName: 'GitHubActions',
            WebIdentityToken: standIn.oidc.issueToken({ audience: 'sts.amazonaws.com' }),
            ...extra
          })
        )
        return {
          accessKeyId: Credentials?.AccessKeyId as string,
          secretAccessKey: Credentials?.SecretAccessKey as string,
          sessionToken: Credentials?.SessionToken as string,
          expiration: Credentials?.Expiration as Date
        }
      } finally {
        sts.destroy()
      }
    }
  }
}

/** An SDK client's settings for a stand-in at `endpoint`. */
export interface StandInClientConfig {
  endpoint: string
  region: string
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
  maxAttempts?: number
  /** S3: `http://endpoint/bucket/key` rather than a bucket host name. */
  forcePathStyle?: boolean
}

/** Settings for a stand-in at `endpoint`: WORLD's Region and a key of no session (`extra` overrides). */
export function standInClientConfig(
  endpoint: string,
  extra: Partial<StandInClientConfig> = {}
): StandInClientConfig {
  return {
    endpoint,
    region: WORLD.region,
    credentials: { accessKeyId: 'AKIDSTANDINTEST', secretAccessKey: 'x' },
    ...extra
  }
}

type SdkClient<C> = new (config: StandInClientConfig) => C

/** A client of the account's administrator (the stand-in's ambient key): set-up and checks, not the product's calls. */
export function adminClient<C>(
  standIn: StandIn,
  Client: SdkClient<C>,
  extra: Partial<StandInClientConfig> = {}
): C {
  const env = standIn.env()
  return new Client(
    standInClientConfig(standIn.endpoint, {
      credentials: {
        accessKeyId: env.AWS_ACCESS_KEY_ID as string,
        secretAccessKey: env.AWS_SECRET_ACCESS_KEY as string
      },
      ...extra
    })
  )
}

export interface Served {
  readonly server: StandInServer
  /** The server's address, once it listens (in the file's tests and in hooks registered after). */
  readonly endpoint: string
  /** An SDK client for the server, destroyed after the tests. */
  client<C extends { destroy(): void }>(Client: SdkClient<C>, extra?: Partial<StandInClientConfig>): C
}

/**
 * A server of only the services some tests need (`new StandInServer().register(...)`), for the tests
 * of the file or describe block this is called in: it listens before them (hooks registered after
 * this call see it listening); after them, the clients made with `client` are destroyed and the
 * server is closed.
 */
export function serving(server: StandInServer): Served {
  const clients: { destroy(): void }[] = []
  let endpoint = ''
  beforeAll(async () => {
    endpoint = await server.listen()
  })
  afterAll(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
  })
  return {
    server,
    get endpoint() {
      return endpoint
    },
    client(Client, extra = {}) {
      const client = new Client(standInClientConfig(endpoint, extra))
      clients.push(client)
      return client
    }
  }
}
