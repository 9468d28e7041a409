/**
 * The documented paths of each command, as end-to-end runs of the bundle under a role made from
 * iam/: each path sets up its own fresh stand-in (the account the README's examples describe),
 * runs the action through GitHub OIDC as the matching workflow would, and checks what it did.
 * Used with the documented policies (everything passes) and with a policy missing one action
 * (some path fails, naming the action).
 */
import { AthenaClient, CreateWorkGroupCommand, type WorkGroupConfiguration } from '@aws-sdk/client-athena'
import { GetPartitionIndexesCommand, GlueClient } from '@aws-sdk/client-glue'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { cloudTrailTableInput } from '../../stand-in/cloudtrail-table.js'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import type { GitHubTrigger } from '../../stand-in/oidc.js'
import { runAction, type ActionRun } from '../../stand-in/run-action.js'
import { buildSyntheticBucket } from '../../stand-in/synthetic-bucket.js'
import {
  adminClient,
  instantPartitionIndexes,
  partitionsOf as partitionsIn,
  workspaceWith as worldWorkspace
} from './worlds.js'
import {
  createRoleFromFiles,
  EXAMPLE,
  iamFile,
  jobEnv,
  jobStartedBy,
  substitute,
  type Command,
  type PolicyDocument
} from './iam-world.js'

export const ORGANIZATION = 'o-iame2etest1'
export const TRAIL_ACCOUNTS = ['210987654321', '310987654321'] as const
export const TRAIL_REGIONS = ['eu-central-1', 'us-east-1'] as const
export const AS_OF = '2026-03-05'
const RETENTION_DAYS = 3
const FUTURE_DAYS = 1
/** A partition far before the retention window, which a sync removes. */
export const EXPIRED = [TRAIL_ACCOUNTS[0], 'us-east-1', '2026', '01', '01']
/** A partition of the window made before the table gained its last column, which a sync refreshes. */
export const STALE = [TRAIL_ACCOUNTS[0], 'eu-central-1', '2026', '03', '05']

export interface PathRun {
  standIn: StandIn
  /** The action's runs, in order; a path stops at the first one that fails. */
  runs: ActionRun[]
  /** Removes the path's temporary files and stops its stand-in. */
  close(): Promise<void>
}

export interface DocumentedPath {
  name: string
  command: Command
  /** What the user edits in the files for this path (besides nothing, for the examples). */
  substitutions?: Readonly<Record<string, string>>
  /**
   * Runs the path: a fresh stand-in, the role from iam/ (with `permissions` instead of the file's
   * when given, already substituted), the action through OIDC.
   */
  run(permissions?: PolicyDocument): Promise<PathRun>
  /** What the path must have done when every run passed. */
  verify(result: PathRun): void | Promise<void>
}

/** The role's permissions as the user would attach them for this path: the file, substituted. */
export function documentedPermissions(path: DocumentedPath): PolicyDocument {
  return substitute(iamFile(`${path.command}/permissions.json`), path.substitutions ?? {})
}

/** The run's whole text: log, errors and job summary. */
export function transcript(run: ActionRun): string {
  return `${run.stdout}\n${run.stderr}\n${run.summary}`
}

export { expectSuccess } from './worlds.js'

/** A path's result whose close also removes its workspace. */
function withWorkspace(standIn: StandIn, runs: ActionRun[], workspace: string): PathRun {
  return {
    standIn,
    runs,
    close: async () => {
      await standIn.close()
      await rm(workspace, { recursive: true, force: true })
    }
  }
}

/** Runs the action's steps in order, stopping at the first that fails. */
async function steps(...runs: (() => Promise<ActionRun>)[]): Promise<ActionRun[]> {
  const done: ActionRun[] = []
  for (const run of runs) {
    const result = await run()
    done.push(result)
    if (result.exitCode !== 0) break
  }
  return done
}

function seedTrailBucket(
  standIn: StandIn,
  bucket: string,
  prefix: string | undefined,
  owner: string,
  organizationId: string
): void {
  standIn.s3.createBucket(bucket, { ownerAccount: owner })
  buildSyntheticBucket(standIn.s3, {
    bucket,
    ...(prefix ? { prefix } : {}),
    layout: 'organization',
    organizationId,
    accounts: [...TRAIL_ACCOUNTS],
    regions: [...TRAIL_REGIONS],
    from: '2026-03-01',
    to: AS_OF,
    filesPerDay: 1,
    recordsPerFile: 1,
    compressedBodies: 'shared'
  })
}

function createExampleTable(standIn: StandIn, location: string, catalog: string = EXAMPLE.account): void {
  standIn.glue.createTableDirect(
    EXAMPLE.database,
    cloudTrailTableInput({ name: EXAMPLE.table, location, dateKeyType: 'string' }),
    catalog
  )
}

/** The partitions a sync leaves: every series over [as-of - retention, as-of + future]. */
export function expectedPartitions(): string[] {
  const values: string[] = []
  const asOf = Date.parse(`${AS_OF}T00:00:00Z`)
  for (let offset = -RETENTION_DAYS; offset <= FUTURE_DAYS; offset++) {
    const date = new Date(asOf + offset * 86_400_000)
    const day = [
      String(date.getUTCFullYear()),
      String(date.getUTCMonth() + 1).padStart(2, '0'),
      String(date.getUTCDate()).padStart(2, '0')
    ]
    for (const account of TRAIL_ACCOUNTS) {
      for (const region of TRAIL_REGIONS) values.push([account, region, ...day].join('/'))
    }
  }
  return values.sort()
}

/** The example table's partitions in the catalog; none when there is no table. */
export function partitionsOf(standIn: StandIn, catalog: string = EXAMPLE.account): string[] {
  return partitionsIn(standIn, EXAMPLE.database, EXAMPLE.table, catalog)
}

export interface SyncWorld {
  bucket?: string
  prefix?: string
  bucketOwner?: string
  /** The account of the role, Glue and Athena. */
  account?: string
  /** false: no table (for create-table). */
  table?: boolean
  /** The catalog the table is in (`catalog-id`), when not the role's account. */
  catalog?: string
  organizationId?: string
  /** Also a partition of the window in the table's shape before its last column (STALE). */
  stalePartition?: boolean
}

/** A stand-in with the trail's bucket and (unless `table: false`) the example table with an expired partition. */
export async function syncWorld(world: SyncWorld = {}): Promise<StandIn> {
  const standIn = await startStandIn()
  // The sync waits for the index it creates; these paths are about permissions, not that wait.
  instantPartitionIndexes(standIn)
  const bucket = world.bucket ?? EXAMPLE.bucket
  const organizationId = world.organizationId ?? ORGANIZATION
  seedTrailBucket(
    standIn,
    bucket,
    world.prefix,
    world.bucketOwner ?? world.account ?? EXAMPLE.account,
    organizationId
  )
  if (world.table !== false) {
    const catalog = world.catalog ?? world.account ?? EXAMPLE.account
    const root = `s3://${bucket}/${world.prefix ? `${world.prefix}/` : ''}AWSLogs/${organizationId}/`
    createExampleTable(standIn, root, catalog)
    // Written by an earlier sync: CloudTrail's day folder, so this sync may remove it.
    const [account, region, ...day] = EXPIRED
    const location = `${root}${account}/CloudTrail/${region}/${day.join('/')}/`
    standIn.glue.addPartitionsDirect(
      EXAMPLE.database,
      EXAMPLE.table,
      [{ Values: EXPIRED, StorageDescriptor: { Location: location } }],
      catalog
    )
    if (world.stalePartition) {
      const [staleAccount, staleRegion, ...staleDay] = STALE
      const descriptor = standIn.glue.tableInput(EXAMPLE.database, EXAMPLE.table, catalog)
        .StorageDescriptor as { Columns: unknown[] }
      standIn.glue.addPartitionsDirect(
        EXAMPLE.database,
        EXAMPLE.table,
        [
          {
            Values: STALE,
            StorageDescriptor: {
              ...descriptor,
              Columns: descriptor.Columns.slice(0, -1),
              Location: `${root}${staleAccount}/CloudTrail/${staleRegion}/${staleDay.join('/')}/`
            }
          }
        ],
        catalog
      )
    }
  }
  return standIn
}

/** Column names of one partition of the example table. */
export function partitionColumns(
  standIn: StandIn,
  values: string[],
  catalog: string = EXAMPLE.account
): string[] {
  const partition = standIn.glue.getPartitionRecord(EXAMPLE.database, EXAMPLE.table, values, catalog) as
    { StorageDescriptor?: { Columns?: { Name: string }[] } } | undefined
  return (partition?.StorageDescriptor?.Columns ?? []).map((column) => column.Name)
}

/** The sync step of examples/workflows/cloudtrail-partitions.yml, on the default branch. */
export function runSync(
  standIn: StandIn,
  role: string,
  inputs: Record<string, string> = {},
  trigger: GitHubTrigger = { kind: 'branch', branch: 'main', event: 'schedule' }
): Promise<ActionRun> {
  jobStartedBy(standIn, trigger, 'sync')
  return runAction({
    inputs: {
      'role-to-assume': role,
      'aws-region': EXAMPLE.region,
      bucket: EXAMPLE.bucket,
      database: EXAMPLE.database,
      table: EXAMPLE.table,
      regions: TRAIL_REGIONS.join(', '),
      'retention-days': String(RETENTION_DAYS),
      'future-days': String(FUTURE_DAYS),
      'as-of': AS_OF,
      ...inputs
    },
    env: jobEnv(standIn)
  })
}

function syncPath(
  name: string,
  options: {
    world?: SyncWorld
    inputs?: Record<string, string>
    substitutions?: Record<string, string>
    verify: DocumentedPath['verify']
  }
): DocumentedPath {
  const path: DocumentedPath = {
    name,
    command: 'sync',
    ...(options.substitutions ? { substitutions: options.substitutions } : {}),
    async run(permissions) {
      const standIn = await syncWorld(options.world)
      const role = createRoleFromFiles(standIn, 'sync', {
        permissions: permissions ?? documentedPermissions(path),
        ...(options.substitutions ? { substitutions: options.substitutions } : {})
      })
      const runs = await steps(() => runSync(standIn, role, options.inputs))
      return { standIn, runs, close: () => standIn.close() }
    },
    verify: options.verify
  }
  return path
}

const PARTITION_FILTERING = 'partition_filtering.enabled'

function tableParameters(standIn: StandIn): Record<string, string> {
  return (standIn.glue.tableInput(EXAMPLE.database, EXAMPLE.table, EXAMPLE.account).Parameters ??
    {}) as Record<string, string>
}

/** The table's partition indexes, read as the catalog account's administrator would. */
async function indexNames(standIn: StandIn): Promise<string[]> {
  const glue = adminClient(standIn, GlueClient, { region: EXAMPLE.region })
  try {
    const answer = await glue.send(
      new GetPartitionIndexesCommand({
        CatalogId: EXAMPLE.account,
        DatabaseName: EXAMPLE.database,
        TableName: EXAMPLE.table
      })
    )
    return (answer.PartitionIndexDescriptorList ?? []).map((index) => index.IndexName ?? '')
  } finally {
    glue.destroy()
  }
}

export const SYNC_PLAIN = syncPath('sync', {
  verify({ standIn, runs }) {
    expect(partitionsOf(standIn)).toEqual(expectedPartitions())
    expect(runs[0]?.outputs).toMatchObject({
      added: String(expectedPartitions().length),
      removed: '1'
    })
  }
})

export const SYNC_TABLE_CHANGED = syncPath('sync after the table gained a column', {
  world: { stalePartition: true },
  verify({ standIn }) {
    expect(partitionsOf(standIn)).toEqual(expectedPartitions())
    // Refreshed to the table's columns, the last one included.
    expect(partitionColumns(standIn, STALE)).toContain('tlsdetails')
  }
})

export const SYNC_DRY_RUN = syncPath('sync with dry-run', {
  inputs: { 'dry-run': 'true' },
  verify({ standIn, runs }) {
    // The plan is the plain sync's; nothing is written.
    expect(runs[0]?.outputs).toMatchObject({ added: String(expectedPartitions().length), removed: '1' })
    expect(partitionsOf(standIn)).toEqual([EXPIRED.join('/')])
  }
})

export const SYNC_PREFIX = syncPath('sync with a prefix', {
  world: { prefix: 'cloudtrail' },
  inputs: { prefix: 'cloudtrail' },
  // README: "with a prefix, the condition is prefix/AWSLogs/*".
  substitutions: { '"AWSLogs/*"': '"cloudtrail/AWSLogs/*"' },
  verify({ standIn }) {
    expect(partitionsOf(standIn)).toEqual(expectedPartitions())
  }
})

export const CREATE_TABLE = syncPath('sync with create-table', {
  world: { table: false },
  inputs: { 'create-table': 'true' },
  async verify({ standIn }) {
    expect(partitionsOf(standIn)).toEqual(expectedPartitions())
    expect(await indexNames(standIn)).toEqual(['cloudtrail_partitions_by_date'])
    expect(tableParameters(standIn)[PARTITION_FILTERING]).toBe('true')
  }
})

export const PARTITION_INDEX = syncPath('sync with partition-index on an existing table', {
  inputs: { 'partition-index': 'true' },
  async verify({ standIn }) {
    expect(await indexNames(standIn)).toEqual(['cloudtrail_partitions_by_date'])
    expect(tableParameters(standIn)[PARTITION_FILTERING]).toBe('true')
    expect(partitionsOf(standIn)).toEqual(expectedPartitions())
  }
})

/** A workspace of query files, removed by the path's close. */
export const workspaceWith = (files: Record<string, string>): Promise<string> =>
  worldWorkspace(files, 'ctp-iam-')

export const GOOD_QUERY =
  "-- Console sign-ins\nSELECT eventname, sourceipaddress FROM cloudtrail WHERE year = '2026' AND month = '03' AND day = '01' AND eventname = 'ConsoleLogin'\n"

/** The checks' own results, where the enforced workgroup puts them. */
export const CHECK_RESULTS = `s3://${EXAMPLE.resultsBucket}/${EXAMPLE.resultsPrefix}`

/**
 * Creates the check workgroup as the README does (`aws athena create-work-group --configuration
 * file://iam/check-queries/workgroup.json`), as the account's administrator; `configuration` replaces
 * the file's.
 */
export async function createChecksWorkgroup(
  standIn: StandIn,
  configuration: WorkGroupConfiguration = iamFile<WorkGroupConfiguration>('check-queries/workgroup.json')
): Promise<void> {
  const athena = adminClient(standIn, AthenaClient, { region: EXAMPLE.region })
  try {
    await athena.send(
      new CreateWorkGroupCommand({ Name: EXAMPLE.checksWorkgroup, Configuration: configuration })
    )
  } finally {
    athena.destroy()
    // The administrator's setup call is not the action's: only the action's calls are checked for their signer.
    standIn.server.signers.delete('Athena.CreateWorkGroup')
  }
}

/** A pull request's workspace: one query file and the event GitHub writes. */
export function checkQueriesWorkspace(): Promise<string> {
  return workspaceWith({
    'queries/console-sign-ins.sql': GOOD_QUERY,
    'event.json': JSON.stringify({
      pull_request: { number: 12 },
      repository: { name: 'ops', owner: { login: 'my-org' } }
    })
  })
}

/** The step of examples/workflows/check-queries.yml in pull request 12, with `inputs` added. */
export function runCheckQueries(
  standIn: StandIn,
  role: string,
  workspace: string,
  inputs: Record<string, string> = {}
): Promise<ActionRun> {
  jobStartedBy(standIn, { kind: 'pull_request', number: 12 }, 'check-queries')
  return runAction({
    inputs: {
      command: 'check-queries',
      queries: 'queries/**/*.sql',
      table: EXAMPLE.table,
      database: EXAMPLE.database,
      'role-to-assume': role,
      'aws-region': EXAMPLE.region,
      workgroup: EXAMPLE.checksWorkgroup,
      'date-key-type': 'string',
      'github-token': 'ghs_pull_request_token',
      ...inputs
    },
    env: jobEnv(standIn, {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: join(workspace, 'event.json')
    }),
    workspace
  })
}

function checkQueriesPath(
  options: { explainHangs?: boolean; outputLocationInput?: boolean } = {}
): DocumentedPath {
  const path: DocumentedPath = {
    name: options.explainHangs
      ? 'check-queries with an EXPLAIN that does not finish'
      : options.outputLocationInput
        ? 'check-queries with EXPLAIN in a pull request, results at athena-output-location'
        : 'check-queries with EXPLAIN in a pull request',
    command: 'check-queries',
    async run(permissions) {
      const standIn = await syncWorld()
      // Athena answers QUEUED, then RUNNING, for longer than the check's EXPLAIN budget (set short below).
      if (options.explainHangs) standIn.athena.pollsPerState = 1_000_000
      standIn.s3.createBucket(EXAMPLE.resultsBucket, { ownerAccount: EXAMPLE.account })
      // The README's workgroup (results enforced under the prefix), or one without a location of
      // its own, where the input names the prefix.
      await createChecksWorkgroup(standIn, options.outputLocationInput ? {} : undefined)
      const role = createRoleFromFiles(standIn, 'check-queries', {
        permissions: permissions ?? documentedPermissions(path)
      })
      const workspace = await checkQueriesWorkspace()
      const runs = await steps(() =>
        runCheckQueries(standIn, role, workspace, {
          ...(options.explainHangs ? { 'explain-time-budget-seconds': '2' } : {}),
          ...(options.outputLocationInput ? { 'athena-output-location': CHECK_RESULTS } : {})
        })
      )
      return withWorkspace(standIn, runs, workspace)
    },
    verify({ standIn, runs }) {
      expect(runs[0]?.outputs.summary).toBe('1 file(s) checked: 0 error(s), 0 warning(s)')
      // EXPLAIN ran in Athena, as the role, and read the table from Glue.
      expect(standIn.server.calls.get('Athena.StartQueryExecution')).toBe(1)
      expect(standIn.iam.denials).toEqual([])
      // Its result is under the checks' prefix, and nowhere else in the bucket.
      const keys = standIn.s3.keys(EXAMPLE.resultsBucket)
      expect(keys).toHaveLength(1)
      expect(keys[0]).toMatch(new RegExp(`^${EXAMPLE.resultsPrefix}[0-9a-f-]+\\.txt$`))
    }
  }
  return path
}

export const CHECK_QUERIES = checkQueriesPath()
export const CHECK_QUERIES_OUTPUT_LOCATION_INPUT = checkQueriesPath({ outputLocationInput: true })
/** Not a passing path: the check fails when its EXPLAIN budget runs out; it is where StopQueryExecution is called. */
export const CHECK_QUERIES_EXPLAIN_HANGS = checkQueriesPath({ explainHangs: true })

function publishPath(workgroup: string | undefined): DocumentedPath {
  const inWorkgroup = workgroup ?? EXAMPLE.workgroup
  const path: DocumentedPath = {
    name: workgroup
      ? `publish-queries to the workgroup ${workgroup}`
      : 'publish-queries to the default workgroup',
    command: 'publish-queries',
    ...(workgroup ? { substitutions: { 'workgroup/primary': `workgroup/${workgroup}` } } : {}),
    async run(permissions) {
      const standIn = await startStandIn()
      if (workgroup) standIn.athena.addWorkGroup(workgroup)
      const role = createRoleFromFiles(standIn, 'publish-queries', {
        permissions: permissions ?? documentedPermissions(path)
      })
      const workspace = await workspaceWith({
        'queries/console-sign-ins.sql': GOOD_QUERY,
        'queries/root/root-activity.sql':
          "-- Root activity\nSELECT eventname FROM cloudtrail WHERE year = '2026' AND month = '03' AND day = '01' AND useridentity.type = 'Root'\n"
      })
      const publish = () => {
        jobStartedBy(standIn, { kind: 'branch', branch: 'main', event: 'push' }, 'publish-queries')
        return runAction({
          inputs: {
            command: 'publish-queries',
            'role-to-assume': role,
            'aws-region': EXAMPLE.region,
            queries: 'queries/**/*.sql',
            ...(workgroup ? { workgroup } : {}),
            database: EXAMPLE.database,
            'delete-missing': 'true'
          },
          env: jobEnv(standIn),
          workspace
        })
      }
      // The first push publishes both; the next changes one file and removes the other.
      const runs = await steps(publish, async () => {
        await writeFile(
          join(workspace, 'queries/console-sign-ins.sql'),
          GOOD_QUERY.replace('sourceipaddress', 'sourceipaddress, useragent')
        )
        await rm(join(workspace, 'queries/root/root-activity.sql'))
        return publish()
      })
      return withWorkspace(standIn, runs, workspace)
    },
    verify({ standIn }) {
      const queries = standIn.athena.namedQueries(inWorkgroup)
      expect(queries).toHaveLength(1)
      expect(queries[0]?.QueryString).toContain('useragent')
      expect(queries[0]?.Database).toBe(EXAMPLE.database)
    }
  }
  return path
}

export const PUBLISH_DEFAULT_WORKGROUP = publishPath(undefined)
export const PUBLISH_NAMED_WORKGROUP = publishPath('security-queries')

export const DOCUMENTED_PATHS: readonly DocumentedPath[] = [
  SYNC_PLAIN,
  SYNC_TABLE_CHANGED,
  SYNC_DRY_RUN,
  SYNC_PREFIX,
  CREATE_TABLE,
  PARTITION_INDEX,
  CHECK_QUERIES,
  CHECK_QUERIES_OUTPUT_LOCATION_INPUT,
  PUBLISH_DEFAULT_WORKGROUP,
  PUBLISH_NAMED_WORKGROUP
]
