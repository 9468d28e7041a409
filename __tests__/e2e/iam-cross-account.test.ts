/**
 * End to end, cross-account as AWS Control Tower lays it out: the trail's bucket
 * `aws-controltower-logs-<log-archive>-<home-region>` in the Log Archive account, keys under the
 * organization id (`<o-id>/AWSLogs/<o-id>/<account>/CloudTrail/...`), and the sync role, Glue and
 * Athena in the audit account. The bucket policy statement of iam/cross-account/ is what lets the
 * sync list the bucket. Then the Glue catalog in a third account through `catalog-id` and the
 * catalog resource policy of iam/cross-account/, each of whose actions some path needs; and the
 * query check against that catalog (its columns from Glue, EXPLAIN in the data catalog registered
 * in Athena for it).
 */
import { AthenaClient, CreateDataCatalogCommand } from '@aws-sdk/client-athena'
import { rm } from 'node:fs/promises'
import type { StandIn } from '../../stand-in/index.js'
import { adminClient } from '../helpers/worlds.js'
import {
  checkQueriesWorkspace,
  createChecksWorkgroup,
  EXPIRED,
  expectedPartitions,
  expectSuccess,
  partitionsOf,
  runCheckQueries,
  runSync,
  syncWorld,
  transcript
} from '../helpers/documented-paths.js'
import {
  actionsOf,
  createRoleFromFiles,
  EXAMPLE,
  iamFile,
  roleArn,
  substitute,
  withoutAction,
  type PolicyDocument,
  type Statement
} from '../helpers/iam-world.js'

const AUDIT = EXAMPLE.account
const LOG_ARCHIVE = '222233334444'
const ORGANIZATION = 'o-abc123defg'
const CONTROL_TOWER_BUCKET = `aws-controltower-logs-${LOG_ARCHIVE}-${EXAMPLE.region}`
/** The account of the catalog in iam/cross-account/glue-catalog-resource-policy.json. */
const CATALOG_ACCOUNT = '444455556666'

describe('Control Tower: the bucket in the Log Archive account', () => {
  // What the README's "Control Tower and cross-account" says to change, in the role and the statement.
  const substitutions = {
    [`arn:aws:s3:::${EXAMPLE.bucket}`]: `arn:aws:s3:::${CONTROL_TOWER_BUCKET}`,
    '"AWSLogs/*"': `"${ORGANIZATION}/AWSLogs/*"`
  }
  const inputs = {
    bucket: CONTROL_TOWER_BUCKET,
    prefix: ORGANIZATION,
    'organization-id': ORGANIZATION
  }
  let standIn: StandIn
  let role: string

  beforeAll(async () => {
    standIn = await syncWorld({
      bucket: CONTROL_TOWER_BUCKET,
      prefix: ORGANIZATION,
      organizationId: ORGANIZATION,
      bucketOwner: LOG_ARCHIVE
    })
    role = createRoleFromFiles(standIn, 'sync', { substitutions })
  })

  afterAll(() => standIn.close())

  it('lays the bucket out as Control Tower does', () => {
    expect(standIn.s3.bucketOwner(CONTROL_TOWER_BUCKET)).toBe(LOG_ARCHIVE)
    const keys = standIn.s3.keys(CONTROL_TOWER_BUCKET)
    expect(keys.length).toBeGreaterThan(0)
    for (const key of keys) expect(key.startsWith(`${ORGANIZATION}/AWSLogs/${ORGANIZATION}/`)).toBe(true)
  })

  it('without the bucket policy statement, the sync fails with S3 AccessDenied naming s3:ListBucket and writes nothing', async () => {
    const result = await runSync(standIn, role, inputs)
    expect(result.exitCode).not.toBe(0)
    const text = transcript(result)
    expect(text).toContain('AccessDenied')
    expect(text).toContain('s3:ListBucket')
    expect(text).toContain(`arn:aws:s3:::${CONTROL_TOWER_BUCKET}`)
    // The step points at the statement the Log Archive account adds.
    expect(text).toContain('iam/cross-account/bucket-policy-statement.json')
    expect(
      standIn.iam.denials.map((denial) => [denial.operation, denial.action, denial.reason])
    ).toContainEqual(['S3.ListObjectsV2', 's3:ListBucket', 'no resource-based policy allows'])
    expect(partitionsOf(standIn)).toEqual([EXPIRED.join('/')])
  })

  it('with it (from iam/cross-account/bucket-policy-statement.json), the sync passes', async () => {
    const statement = substitute(
      iamFile<Statement>('cross-account/bucket-policy-statement.json'),
      substitutions
    )
    // The Log Archive account adds the statement to its bucket's policy.
    standIn.s3.setBucketPolicy(CONTROL_TOWER_BUCKET, { Version: '2012-10-17', Statement: [statement] })
    standIn.iam.denials.length = 0
    const result = await runSync(standIn, role, inputs)
    expectSuccess(result)
    expect(standIn.iam.denials).toEqual([])
    expect(partitionsOf(standIn)).toEqual(expectedPartitions())
    expect(result.outputs).toMatchObject({ added: String(expectedPartitions().length), removed: '1' })
  })
})

describe('the Glue catalog in another account, through catalog-id', () => {
  // README: with catalog-id, the sync role's Glue ARNs name the catalog's account.
  const substitutions = {
    [`arn:aws:glue:${EXAMPLE.region}:${AUDIT}:`]: `arn:aws:glue:${EXAMPLE.region}:${CATALOG_ACCOUNT}:`
  }
  let standIn: StandIn
  let role: string

  beforeAll(async () => {
    standIn = await syncWorld({ catalog: CATALOG_ACCOUNT })
    role = createRoleFromFiles(standIn, 'sync', { substitutions })
  })

  afterAll(() => standIn.close())

  it('without the catalog resource policy, Glue denies the role', async () => {
    const result = await runSync(standIn, role, { 'catalog-id': CATALOG_ACCOUNT })
    expect(result.exitCode).not.toBe(0)
    const text = transcript(result)
    expect(text).toContain('AccessDeniedException')
    expect(text).toContain('glue:GetTable')
    expect(text).toContain(`arn:aws:glue:${EXAMPLE.region}:${CATALOG_ACCOUNT}:catalog`)
    expect(standIn.iam.denials[0]).toMatchObject({
      action: 'glue:GetTable',
      reason: 'no resource-based policy allows'
    })
    expect(partitionsOf(standIn, CATALOG_ACCOUNT)).toEqual([EXPIRED.join('/')])
  })

  it('with iam/cross-account/glue-catalog-resource-policy.json, the partitions land in that account', async () => {
    const policy = iamFile<PolicyDocument>('cross-account/glue-catalog-resource-policy.json')
    // The file names the sync role of the example account, which is this role.
    expect(JSON.stringify(policy)).toContain(roleArn('sync'))
    expect(role).toBe(roleArn('sync'))
    standIn.glue.setCatalogResourcePolicy(CATALOG_ACCOUNT, policy)
    standIn.iam.denials.length = 0
    const result = await runSync(standIn, role, { 'catalog-id': CATALOG_ACCOUNT })
    expectSuccess(result)
    expect(standIn.iam.denials).toEqual([])
    expect(partitionsOf(standIn, CATALOG_ACCOUNT)).toEqual(expectedPartitions())
    // Nothing in the role's own account's catalog.
    expect(standIn.glue.catalogIds()).toEqual([CATALOG_ACCOUNT])
  })
})

describe('each action of the catalog resource policy is needed in the other account', () => {
  const substitutions = {
    [`arn:aws:glue:${EXAMPLE.region}:${AUDIT}:`]: `arn:aws:glue:${EXAMPLE.region}:${CATALOG_ACCOUNT}:`
  }
  const PLAIN = { name: 'sync', table: true, inputs: {}, stale: false }
  const CREATE = { name: 'create-table', table: false, inputs: { 'create-table': 'true' }, stale: false }
  const INDEX = { name: 'partition-index', table: true, inputs: { 'partition-index': 'true' }, stale: false }
  const CHANGED = { name: 'sync after the table gained a column', table: true, inputs: {}, stale: true }
  const NEEDED_BY: Record<string, typeof PLAIN> = {
    'glue:GetTable': PLAIN,
    'glue:GetPartitions': PLAIN,
    'glue:BatchCreatePartition': PLAIN,
    'glue:BatchDeletePartition': PLAIN,
    'glue:BatchUpdatePartition': CHANGED,
    'glue:GetPartitionIndexes': PLAIN,
    'glue:GetDatabase': CREATE,
    'glue:CreateDatabase': CREATE,
    'glue:CreateTable': CREATE,
    'glue:CreatePartitionIndex': INDEX,
    'glue:UpdateTable': INDEX
  }
  const resourcePolicy = iamFile<PolicyDocument>('cross-account/glue-catalog-resource-policy.json')

  /** A fresh stand-in with the table (or not) in the catalog account, its resource policy, and one sync. */
  async function syncInCatalog(path: typeof PLAIN, policy: PolicyDocument) {
    const standIn = await syncWorld({
      catalog: CATALOG_ACCOUNT,
      table: path.table,
      stalePartition: path.stale
    })
    try {
      const role = createRoleFromFiles(standIn, 'sync', { substitutions })
      standIn.glue.setCatalogResourcePolicy(CATALOG_ACCOUNT, policy)
      const result = await runSync(standIn, role, { 'catalog-id': CATALOG_ACCOUNT, ...path.inputs })
      return { result, denials: [...standIn.iam.denials], partitions: partitionsOf(standIn, CATALOG_ACCOUNT) }
    } finally {
      await standIn.close()
    }
  }

  it('covers every action of the file', () => {
    expect(Object.keys(NEEDED_BY).sort()).toEqual(actionsOf(resourcePolicy).sort())
  })

  it.concurrent.each([CREATE, INDEX, CHANGED])(
    'with the whole policy, $name passes in the catalog account',
    async (path) => {
      const { result, denials, partitions } = await syncInCatalog(path, resourcePolicy)
      expectSuccess(result)
      expect(denials).toEqual([])
      expect(partitions).toEqual(expectedPartitions())
    }
  )

  it.concurrent.each(Object.entries(NEEDED_BY))(
    'without %s, the sync fails naming it',
    async (action, path) => {
      const { result, denials } = await syncInCatalog(path, withoutAction(resourcePolicy, action))
      expect(result.exitCode).not.toBe(0)
      expect(transcript(result)).toContain(action)
      expect(denials.map((denial) => [denial.action, denial.reason])).toContainEqual([
        action,
        'no resource-based policy allows'
      ])
    }
  )
})

describe('check-queries against the Glue catalog of another account (catalog-id, athena-catalog)', () => {
  // README: with catalog-id, the check-queries role's Glue ARNs name the catalog's account, and the
  // role gets iam/check-queries/data-catalog-statement.json for the data catalog registered in Athena.
  const substitutions = {
    [`arn:aws:glue:${EXAMPLE.region}:${AUDIT}:`]: `arn:aws:glue:${EXAMPLE.region}:${CATALOG_ACCOUNT}:`
  }
  const ATHENA_CATALOG = 'security_catalog'
  const inputs = { 'catalog-id': CATALOG_ACCOUNT, 'athena-catalog': ATHENA_CATALOG }
  const resourcePolicy = iamFile<PolicyDocument>('cross-account/glue-catalog-resource-policy.json')
  const CHECK_SIDS = [
    'CloudTrailPartitionsCheckQueriesReadTheDatabase',
    'CloudTrailPartitionsCheckQueriesReadTheTable'
  ]
  let standIn: StandIn
  let role: string
  let workspace: string

  /** The role's permissions as the README says: the file in the catalog's account, and the data-catalog statement. */
  function permissions(withCatalogStatement = true): PolicyDocument {
    const file = substitute(iamFile('check-queries/permissions.json'), substitutions)
    const statement = iamFile<Statement>('check-queries/data-catalog-statement.json')
    return { ...file, Statement: [...file.Statement, ...(withCatalogStatement ? [statement] : [])] }
  }

  beforeAll(async () => {
    standIn = await syncWorld({ catalog: CATALOG_ACCOUNT })
    standIn.s3.createBucket(EXAMPLE.resultsBucket, { ownerAccount: EXAMPLE.account })
    await createChecksWorkgroup(standIn)
    // The README's registration, as the audit account's administrator.
    const athena = adminClient(standIn, AthenaClient, { region: EXAMPLE.region })
    await athena.send(
      new CreateDataCatalogCommand({
        Name: ATHENA_CATALOG,
        Type: 'GLUE',
        Parameters: { 'catalog-id': CATALOG_ACCOUNT }
      })
    )
    athena.destroy()
    role = createRoleFromFiles(standIn, 'check-queries', { permissions: permissions() })
    workspace = await checkQueriesWorkspace()
  })

  afterAll(async () => {
    await standIn.close()
    await rm(workspace, { recursive: true, force: true })
  })

  beforeEach(() => {
    standIn.iam.denials.length = 0
    standIn.iam.putRolePolicy(role, 'cloudtrail-partitions-check-queries-permissions', permissions())
  })

  it('with iam/cross-account/glue-catalog-resource-policy.json, the check reads the columns there and EXPLAINs in that catalog', async () => {
    expect(JSON.stringify(resourcePolicy)).toContain(roleArn('check-queries'))
    standIn.glue.setCatalogResourcePolicy(CATALOG_ACCOUNT, resourcePolicy)
    const run = await runCheckQueries(standIn, role, workspace, inputs)
    expectSuccess(run)
    expect(standIn.iam.denials).toEqual([])
    expect(transcript(run)).toContain('columns from Glue')
    expect(run.outputs.summary).toBe('1 file(s) checked: 0 error(s), 0 warning(s)')
    expect(standIn.server.calls.get('Athena.StartQueryExecution')).toBeGreaterThan(0)
  })

  it('without its statements in the catalog resource policy, Glue and Athena deny the role, and the check fails saying so', async () => {
    const syncOnly = {
      ...resourcePolicy,
      Statement: resourcePolicy.Statement.filter((statement) => !CHECK_SIDS.includes(statement.Sid ?? ''))
    }
    standIn.glue.setCatalogResourcePolicy(CATALOG_ACCOUNT, syncOnly)
    const run = await runCheckQueries(standIn, role, workspace, inputs)
    expect(run.exitCode).not.toBe(0)
    const text = transcript(run)
    expect(text).toContain(`Could not read ${EXAMPLE.database}.${EXAMPLE.table} from Glue`)
    expect(text).toContain('glue:GetTable')
    expect(standIn.iam.denials.map((denial) => [denial.action, denial.reason])).toContainEqual([
      'glue:GetTable',
      'no resource-based policy allows'
    ])
  })

  it.each(CHECK_SIDS)(
    'without %s in the catalog resource policy, the check fails naming its action',
    async (sid) => {
      standIn.glue.setCatalogResourcePolicy(CATALOG_ACCOUNT, {
        ...resourcePolicy,
        Statement: resourcePolicy.Statement.filter((statement) => statement.Sid !== sid)
      })
      const run = await runCheckQueries(standIn, role, workspace, inputs)
      expect(run.exitCode).not.toBe(0)
      const removed = resourcePolicy.Statement.find((statement) => statement.Sid === sid)
      const actions = ([] as string[]).concat(removed?.Action ?? [])
      expect(actions.some((action) => transcript(run).includes(action))).toBe(true)
    }
  )

  it('without iam/check-queries/data-catalog-statement.json, the step stops and names that file', async () => {
    standIn.glue.setCatalogResourcePolicy(CATALOG_ACCOUNT, resourcePolicy)
    standIn.iam.putRolePolicy(role, 'cloudtrail-partitions-check-queries-permissions', permissions(false))
    const run = await runCheckQueries(standIn, role, workspace, inputs)
    expect(run.exitCode).not.toBe(0)
    expect(transcript(run)).toContain('iam/check-queries/data-catalog-statement.json')
    expect(standIn.iam.denials.map((denial) => denial.action)).toContain('athena:GetDataCatalog')
  })

  it('with catalog-id and a workgroup but no athena-catalog, the step stops before any AWS call and names the input', async () => {
    standIn.server.calls.reset()
    const run = await runCheckQueries(standIn, role, workspace, { 'catalog-id': CATALOG_ACCOUNT })
    expect(run.exitCode).not.toBe(0)
    expect(transcript(run)).toContain("Input 'athena-catalog' is required with 'catalog-id' and 'workgroup'")
    expect(standIn.server.calls.get('Athena.StartQueryExecution')).toBe(0)
  })
})
