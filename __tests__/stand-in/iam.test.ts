/**
 * IAM in the whole stand-in, through the real SDK clients: trust policies judged at
 * AssumeRoleWithWebIdentity for each GitHub `sub` form, sessions authorized by their role's
 * policies, denials in each service's own shape, cross-account access needing both the identity
 * and the resource policy, Glue's CatalogId and three-ARN rule, the s3:prefix condition, Athena
 * queries reading Glue as their caller, and ambient keys left unrestricted.
 */
import {
  AthenaClient,
  GetQueryExecutionCommand,
  ListNamedQueriesCommand,
  StartQueryExecutionCommand
} from '@aws-sdk/client-athena'
import {
  GetPartitionsCommand,
  GetResourcePolicyCommand,
  GetTableCommand,
  GlueClient,
  PutResourcePolicyCommand
} from '@aws-sdk/client-glue'
import {
  GetBucketPolicyCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  S3Client
} from '@aws-sdk/client-s3'
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import type { AwsCredentialIdentity } from '@aws-sdk/types'
import { cloudTrailTableInput } from '../../stand-in/cloudtrail-table.js'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import type { GitHubTrigger } from '../../stand-in/oidc.js'

const AUDIT = '111122223333'
const LOG_ARCHIVE = '444455556666'
const DATA = '777788889999'
const REPO = 'my-org/ops'
const REGION = 'eu-central-1'
const BUCKET = 'org-cloudtrail-logs'
const PROVIDER = `arn:aws:iam::${AUDIT}:oidc-provider/token.actions.githubusercontent.com`
const CATALOG = `arn:aws:glue:${REGION}:${AUDIT}:catalog`
const DATABASE = `arn:aws:glue:${REGION}:${AUDIT}:database/security`
const TABLE = `arn:aws:glue:${REGION}:${AUDIT}:table/security/cloudtrail`
const AMBIENT = { accessKeyId: 'AKIASTANDINAMBIENT01', secretAccessKey: 'stand-in-ambient-secret' }

let standIn: StandIn
const clients: { destroy(): void }[] = []

function track<T extends { destroy(): void }>(client: T): T {
  clients.push(client)
  return client
}

function trust(subjects: string[], account = AUDIT): object {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${account}:oidc-provider/token.actions.githubusercontent.com` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          StringLike: { 'token.actions.githubusercontent.com:sub': subjects }
        }
      }
    ]
  }
}

function allow(action: string | string[], resource: string | string[], condition?: object): object {
  return {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}) }
    ]
  }
}

function role(name: string, policies: object[], subjects = [`repo:${REPO}:ref:refs/heads/main`]): string {
  return standIn.iam.createRole({ account: AUDIT, name, trustPolicy: trust(subjects), policies }).arn
}

async function assume(
  roleArn: string,
  trigger: GitHubTrigger = { kind: 'branch', branch: 'main' }
): Promise<AwsCredentialIdentity> {
  standIn.oidc.setTrigger(trigger, REPO)
  const sts = track(new STSClient({ endpoint: standIn.endpoint, region: REGION, credentials: AMBIENT }))
  const { Credentials } = await sts.send(
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: roleArn,
      RoleSessionName: 'GitHubActions',
      WebIdentityToken: standIn.oidc.issueToken({ audience: 'sts.amazonaws.com' })
    })
  )
  return {
    accessKeyId: Credentials!.AccessKeyId!,
    secretAccessKey: Credentials!.SecretAccessKey!,
    sessionToken: Credentials!.SessionToken!
  }
}

function s3(credentials: AwsCredentialIdentity): S3Client {
  return track(
    new S3Client({
      endpoint: standIn.endpoint,
      region: REGION,
      forcePathStyle: true,
      credentials,
      maxAttempts: 1
    })
  )
}
function glue(credentials: AwsCredentialIdentity): GlueClient {
  return track(new GlueClient({ endpoint: standIn.endpoint, region: REGION, credentials, maxAttempts: 1 }))
}
function athena(credentials: AwsCredentialIdentity): AthenaClient {
  return track(new AthenaClient({ endpoint: standIn.endpoint, region: REGION, credentials, maxAttempts: 1 }))
}

async function failure(
  promise: Promise<unknown>
): Promise<{ name: string; message: string; $metadata: { httpStatusCode?: number } }> {
  try {
    await promise
  } catch (error) {
    return error as { name: string; message: string; $metadata: { httpStatusCode?: number } }
  }
  throw new Error('expected the call to fail')
}

const session = (name: string) => `arn:aws:sts::${AUDIT}:assumed-role/${name}/GitHubActions`

beforeAll(async () => {
  standIn = await startStandIn()
  standIn.iam.createOidcProvider(AUDIT)
  standIn.s3.createBucket(BUCKET, { ownerAccount: AUDIT })
  standIn.s3.putObject(BUCKET, 'AWSLogs/o-1/111122223333/CloudTrail/x.json.gz', 'x')
  const location = `s3://${BUCKET}/AWSLogs/o-1/`
  standIn.glue.createTableDirect('security', cloudTrailTableInput({ name: 'cloudtrail', location }), AUDIT)
  standIn.glue.createTableDirect('security', cloudTrailTableInput({ name: 'cloudtrail', location }), DATA)
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  await standIn.close()
})

describe('trust policies at AssumeRoleWithWebIdentity', () => {
  it.each<[string, GitHubTrigger, string, string]>([
    [
      'a push to main',
      { kind: 'branch', branch: 'main' },
      `repo:${REPO}:ref:refs/heads/main`,
      `repo:${REPO}:pull_request`
    ],
    [
      'a pull request',
      { kind: 'pull_request', number: 7 },
      `repo:${REPO}:pull_request`,
      `repo:${REPO}:ref:refs/heads/main`
    ],
    [
      'a job with an environment',
      { kind: 'environment', environment: 'prod' },
      `repo:${REPO}:environment:prod`,
      `repo:${REPO}:ref:refs/heads/main`
    ],
    ['a tag', { kind: 'tag', tag: 'v1' }, `repo:${REPO}:ref:refs/tags/v*`, `repo:${REPO}:ref:refs/heads/*`]
  ])('admits %s only where the trust policy names its sub', async (_what, trigger, admitted, other) => {
    const name = `t-${admitted.length}-${other.length}-${trigger.kind}`
    const admitting = role(`${name}-yes`, [], [admitted])
    const refusing = role(`${name}-no`, [], [other])
    await expect(assume(admitting, trigger)).resolves.toMatchObject({
      accessKeyId: expect.stringMatching(/^ASIA/)
    })
    const denied = await failure(assume(refusing, trigger))
    expect(denied).toMatchObject({
      name: 'AccessDenied',
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity'
    })
    expect(denied.$metadata.httpStatusCode).toBe(403)
  })

  it('mints the claims GitHub documents for each trigger, and conditions can test them', async () => {
    standIn.oidc.setTrigger({ kind: 'environment', environment: 'prod' }, REPO)
    const claims = standIn.oidc.verify(standIn.oidc.issueToken())
    expect(claims).toMatchObject({
      sub: `repo:${REPO}:environment:prod`,
      environment: 'prod',
      ref: 'refs/heads/main',
      repository: REPO
    })
    standIn.oidc.setTrigger({ kind: 'pull_request', number: 7 }, REPO)
    expect(standIn.oidc.verify(standIn.oidc.issueToken())).toMatchObject({
      ref: 'refs/pull/7/merge',
      event_name: 'pull_request'
    })
    const byRepository = standIn.iam.createRole({
      account: AUDIT,
      name: 'by-repository',
      trustPolicy: {
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: PROVIDER },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: {
              StringEquals: {
                'token.actions.githubusercontent.com:repository': REPO,
                'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com'
              }
            }
          }
        ]
      }
    }).arn
    await expect(assume(byRepository, { kind: 'tag', tag: 'v2' })).resolves.toBeDefined()
  })

  it('refuses a role IAM does not have, a token for another audience, and an account without the OIDC provider', async () => {
    const unknown = await failure(assume(`arn:aws:iam::${AUDIT}:role/never-created`))
    expect(unknown).toMatchObject({
      name: 'AccessDenied',
      $metadata: expect.objectContaining({ httpStatusCode: 403 })
    })

    const arn = role('audience', [])
    const sts = track(new STSClient({ endpoint: standIn.endpoint, region: REGION, credentials: AMBIENT }))
    const otherAudience = await failure(
      sts.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: arn,
          RoleSessionName: 'GitHubActions',
          WebIdentityToken: standIn.oidc.issueToken({ audience: `https://github.com/my-org` })
        })
      )
    )
    expect(otherAudience).toMatchObject({
      name: 'InvalidIdentityTokenException',
      message: 'Incorrect token audience'
    })

    const elsewhere = standIn.iam.createRole({
      account: '222233334444',
      name: 'no-provider',
      trustPolicy: trust([`repo:${REPO}:*`], '222233334444')
    }).arn
    const noProvider = await failure(assume(elsewhere))
    expect(noProvider).toMatchObject({
      name: 'InvalidIdentityTokenException',
      message:
        'No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com'
    })
  })
})

describe('S3', () => {
  it('denies in S3 shape: AccessDenied, 403, naming the session, the action and the quoted bucket ARN', async () => {
    const credentials = await assume(role('s3-none', [allow('glue:GetTable', '*')]))
    const error = await failure(s3(credentials).send(new ListObjectsV2Command({ Bucket: BUCKET })))
    expect(error.name).toBe('AccessDenied')
    expect(error.$metadata.httpStatusCode).toBe(403)
    expect(error.message).toBe(
      `User: ${session('s3-none')} is not authorized to perform: s3:ListBucket on resource: "arn:aws:s3:::${BUCKET}" because no identity-based policy allows the s3:ListBucket action`
    )
    expect(standIn.iam.denials.at(-1)).toMatchObject({
      operation: 'S3.ListObjectsV2',
      action: 's3:ListBucket',
      resource: `arn:aws:s3:::${BUCKET}`
    })
  })

  it('applies the s3:prefix condition to ListBucket', async () => {
    const arn = role('s3-prefix', [
      allow('s3:ListBucket', `arn:aws:s3:::${BUCKET}`, { StringLike: { 's3:prefix': ['AWSLogs/*'] } })
    ])
    const client = s3(await assume(arn))
    const listed = await client.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'AWSLogs/', Delimiter: '/' })
    )
    expect(listed.CommonPrefixes).toEqual([{ Prefix: 'AWSLogs/o-1/' }])
    expect(
      (await failure(client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'secrets/' })))).name
    ).toBe('AccessDenied')
    expect((await failure(client.send(new ListObjectsV2Command({ Bucket: BUCKET })))).name).toBe(
      'AccessDenied'
    )
  })

  it('lets an explicit deny win and says where it is', async () => {
    const arn = role('s3-deny', [
      allow('s3:*', '*'),
      {
        Statement: [
          {
            Effect: 'Deny',
            Action: 's3:ListBucket',
            Resource: '*',
            Condition: { StringLike: { 's3:prefix': 'secrets/*' } }
          }
        ]
      }
    ])
    const client = s3(await assume(arn))
    await expect(
      client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'AWSLogs/' }))
    ).resolves.toBeDefined()
    const error = await failure(
      client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'secrets/x' }))
    )
    expect(error.message).toMatch(
      /s3:ListBucket on resource: "arn:aws:s3:::org-cloudtrail-logs" with an explicit deny in an identity-based policy$/
    )
  })

  it('needs both the identity policy and the bucket policy for a bucket of another account', async () => {
    const bucket = `aws-controltower-logs-${LOG_ARCHIVE}-${REGION}`
    standIn.s3.createBucket(bucket, { ownerAccount: LOG_ARCHIVE })
    standIn.s3.putObject(bucket, 'o-1/AWSLogs/o-1/x', 'x')
    const listOnly = allow('s3:ListBucket', `arn:aws:s3:::${bucket}`, {
      StringLike: { 's3:prefix': 'o-1/AWSLogs/*' }
    })
    const withIdentity = role('cross-s3', [listOnly])
    const withoutIdentity = role('cross-s3-no-identity', [allow('glue:GetTable', '*')])
    const list = async (arn: string) =>
      s3(await assume(arn)).send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'o-1/AWSLogs/' }))

    const noBucketPolicy = await failure(list(withIdentity))
    expect(noBucketPolicy.message).toBe(
      `User: ${session('cross-s3')} is not authorized to perform: s3:ListBucket on resource: "arn:aws:s3:::${bucket}" because no resource-based policy allows the s3:ListBucket action`
    )
    standIn.s3.setBucketPolicy(bucket, {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: {
            AWS: [`arn:aws:iam::${AUDIT}:role/cross-s3`, `arn:aws:iam::${AUDIT}:role/cross-s3-no-identity`]
          },
          Action: 's3:ListBucket',
          Resource: `arn:aws:s3:::${bucket}`
        }
      ]
    })
    await expect(list(withIdentity)).resolves.toMatchObject({ KeyCount: 1 })
    expect((await failure(list(withoutIdentity))).message).toMatch(
      /because no identity-based policy allows the s3:ListBucket action$/
    )
  })

  it('grants in the same account through the bucket policy alone when it names the role, and serves Put/GetBucketPolicy', async () => {
    const bucket = 'same-account-bucket'
    standIn.s3.createBucket(bucket, { ownerAccount: AUDIT })
    const arn = role('same-account', [
      allow(['s3:PutBucketPolicy', 's3:GetBucketPolicy'], `arn:aws:s3:::${bucket}`)
    ])
    const client = s3(await assume(arn))
    expect((await failure(client.send(new ListObjectsV2Command({ Bucket: bucket })))).name).toBe(
      'AccessDenied'
    )
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: arn },
          Action: 's3:ListBucket',
          Resource: `arn:aws:s3:::${bucket}`
        }
      ]
    }
    await client.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }))
    expect(JSON.parse((await client.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy!)).toEqual(
      policy
    )
    await expect(client.send(new ListObjectsV2Command({ Bucket: bucket }))).resolves.toMatchObject({
      KeyCount: 0
    })
    // Naming only the account delegates to IAM: no grant by itself.
    standIn.s3.setBucketPolicy(bucket, {
      ...policy,
      Statement: [{ ...policy.Statement[0], Principal: { AWS: `arn:aws:iam::${AUDIT}:root` } }]
    })
    expect((await failure(client.send(new ListObjectsV2Command({ Bucket: bucket })))).name).toBe(
      'AccessDenied'
    )
  })
})

describe('Glue', () => {
  const getTable = (client: GlueClient, CatalogId?: string) =>
    client.send(
      new GetTableCommand({
        DatabaseName: 'security',
        Name: 'cloudtrail',
        ...(CatalogId ? { CatalogId } : {})
      })
    )

  it('authorizes table actions on the catalog, database and table ARNs, denying in Glue shape', async () => {
    const catalogAndDatabase = await assume(role('glue-two', [allow('glue:GetTable', [CATALOG, DATABASE])]))
    const error = await failure(getTable(glue(catalogAndDatabase)))
    expect(error.name).toBe('AccessDeniedException')
    expect(error.$metadata.httpStatusCode).toBe(400)
    expect(error.message).toBe(
      `User: ${session('glue-two')} is not authorized to perform: glue:GetTable on resource: ${TABLE} because no identity-based policy allows the glue:GetTable action`
    )
    const tableOnly = await assume(role('glue-table', [allow('glue:GetTable', TABLE)]))
    expect((await failure(getTable(glue(tableOnly)))).message).toContain(
      `glue:GetTable on resource: ${CATALOG} because`
    )
    const all = await assume(
      role('glue-three', [allow(['glue:GetTable', 'glue:GetPartitions'], [CATALOG, DATABASE, TABLE])])
    )
    await expect(getTable(glue(all))).resolves.toMatchObject({
      Table: { Name: 'cloudtrail', CatalogId: AUDIT }
    })
    const partitions = await glue(all).send(
      new GetPartitionsCommand({ DatabaseName: 'security', TableName: 'cloudtrail' })
    )
    expect(partitions.Partitions).toEqual([])
  })

  it("honours CatalogId: another account's catalog, allowed only with its resource policy too", async () => {
    // Ambient keys administer 123456789012, whose catalog has no such table; CatalogId selects DATA's.
    expect((await failure(getTable(glue(AMBIENT)))).name).toBe('EntityNotFoundException')
    await expect(getTable(glue(AMBIENT), DATA)).resolves.toMatchObject({
      Table: { CatalogId: DATA, DatabaseName: 'security' }
    })

    const dataArns = [
      `arn:aws:glue:${REGION}:${DATA}:catalog`,
      `arn:aws:glue:${REGION}:${DATA}:database/security`,
      `arn:aws:glue:${REGION}:${DATA}:table/security/cloudtrail`
    ]
    const arn = role('cross-glue', [allow('glue:GetTable', dataArns)])
    const client = glue(await assume(arn))
    const denied = await failure(getTable(client, DATA))
    expect(denied.message).toBe(
      `User: ${session('cross-glue')} is not authorized to perform: glue:GetTable on resource: ${dataArns[0]} because no resource-based policy allows the glue:GetTable action`
    )
    // The catalog's owner puts the resource policy through Glue's API, with an administrator key of DATA.
    const owner = glue(standIn.iam.administratorKey(DATA))
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: arn }, Action: 'glue:GetTable', Resource: dataArns }]
    }
    await owner.send(new PutResourcePolicyCommand({ PolicyInJson: JSON.stringify(policy) }))
    expect(JSON.parse((await owner.send(new GetResourcePolicyCommand({}))).PolicyInJson!)).toEqual(policy)
    await expect(getTable(client, DATA)).resolves.toMatchObject({ Table: { CatalogId: DATA } })
    // Without CatalogId the session reads its own account's catalog, which it has no right to.
    expect((await failure(getTable(client))).message).toContain(
      `on resource: ${CATALOG} because no identity-based policy`
    )
    standIn.glue.setCatalogResourcePolicy(DATA, undefined)
  })
})

describe('Athena', () => {
  it('denies in Athena shape on the workgroup ARN', async () => {
    const credentials = await assume(role('athena-none', [allow('glue:GetTable', '*')]))
    const error = await failure(
      athena(credentials).send(new ListNamedQueriesCommand({ WorkGroup: 'primary' }))
    )
    expect(error.name).toBe('AccessDeniedException')
    expect(error.$metadata.httpStatusCode).toBe(400)
    expect(error.message).toBe(
      `User: ${session('athena-none')} is not authorized to perform: athena:ListNamedQueries on resource: arn:aws:athena:${REGION}:${AUDIT}:workgroup/primary because no identity-based policy allows the athena:ListNamedQueries action`
    )
  })

  it('runs a query with the caller rights: Glue to read the table, S3 to write the result', async () => {
    const workgroup = `arn:aws:athena:${REGION}:${AUDIT}:workgroup/primary`
    const queryRights = allow(['athena:StartQueryExecution', 'athena:GetQueryExecution'], workgroup)
    const run = async (arn: string, output?: string) => {
      const client = athena(await assume(arn))
      const { QueryExecutionId } = await client.send(
        new StartQueryExecutionCommand({
          QueryString: 'EXPLAIN SELECT eventname FROM security.cloudtrail',
          WorkGroup: 'primary',
          ...(output ? { ResultConfiguration: { OutputLocation: output } } : {})
        })
      )
      for (;;) {
        const { QueryExecution } = await client.send(new GetQueryExecutionCommand({ QueryExecutionId }))
        const state = QueryExecution?.Status?.State
        if (state !== 'QUEUED' && state !== 'RUNNING') return QueryExecution!.Status!
      }
    }
    // Athena needs a result location (the workgroup has none here) and checks it first.
    standIn.s3.createBucket('query-results', { ownerAccount: AUDIT })
    const output = 's3://query-results/explain/'
    const locationOnly = allow('s3:GetBucketLocation', 'arn:aws:s3:::query-results')
    const put = allow('s3:PutObject', 'arn:aws:s3:::query-results/explain/*')
    const noGlue = await run(role('query-no-glue', [queryRights, locationOnly, put]), output)
    expect(noGlue.State).toBe('FAILED')
    expect(noGlue.StateChangeReason).toMatch(
      /^Insufficient permissions to execute the query\. User: .* is not authorized to perform: glue:GetDatabase on resource: arn:aws:glue:eu-central-1:111122223333:catalog because no identity-based policy allows the glue:GetDatabase action/
    )
    const glueRights = allow(
      ['glue:GetDatabase', 'glue:GetTable', 'glue:GetPartitions'],
      [CATALOG, DATABASE, TABLE]
    )
    expect((await run(role('query-glue', [queryRights, glueRights, locationOnly, put]), output)).State).toBe(
      'SUCCEEDED'
    )

    const noBucket = await failure(
      run(role('query-no-s3', [queryRights, glueRights]), 's3://query-results/explain/')
    )
    expect(noBucket).toMatchObject({
      name: 'InvalidRequestException',
      message: 'Unable to verify/create output bucket query-results'
    })
    const noPut = await run(
      role('query-no-put', [queryRights, glueRights, locationOnly]),
      's3://query-results/explain/'
    )
    expect(noPut.State).toBe('FAILED')
    expect(noPut.StateChangeReason).toMatch(
      /^Access denied when writing output to url: s3:\/\/query-results\/explain\/[0-9a-f-]+\.txt /
    )
    expect(
      (
        await run(
          role('query-s3', [queryRights, glueRights, locationOnly, put]),
          's3://query-results/explain/'
        )
      ).State
    ).toBe('SUCCEEDED')
  })
})

describe('keys the stand-in did not issue', () => {
  it('stay unrestricted administrators, even under a bucket policy that denies everyone', async () => {
    const bucket = 'deny-all-bucket'
    standIn.s3.createBucket(bucket)
    standIn.s3.setBucketPolicy(bucket, {
      Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }]
    })
    await expect(s3(AMBIENT).send(new ListObjectsV2Command({ Bucket: bucket }))).resolves.toMatchObject({
      KeyCount: 0
    })
    const key = standIn.iam.administratorKey(LOG_ARCHIVE)
    const sts = track(new STSClient({ endpoint: standIn.endpoint, region: REGION, credentials: key }))
    await expect(sts.send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Account: LOG_ARCHIVE })
  })
})
