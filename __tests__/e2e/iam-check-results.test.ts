/**
 * End to end, the pull-request role reaches only its own results: whoever can push a branch controls
 * a pull_request run and can use the check-queries role (made from iam/check-queries/) as they like.
 * Through GitHub OIDC and STS, that role's credentials read, list and write nothing in the account's
 * results bucket outside `cloudtrail-partitions/checks/` (where the analysts' results are) and nothing
 * of the trail's logs, run queries only in the checks' workgroup, and cannot choose where EXPLAIN's
 * results go (the workgroup enforces its location). The optional bucket-policy guard of
 * iam/check-queries/results-bucket-policy.json holds even when someone widens the role later.
 */
import { AthenaClient, StartQueryExecutionCommand } from '@aws-sdk/client-athena'
import {
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig
} from '@aws-sdk/client-s3'
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import type { AwsCredentialIdentity } from '@aws-sdk/types'
import { rm } from 'node:fs/promises'
import type { StandIn } from '../../stand-in/index.js'
import {
  checkQueriesWorkspace,
  createChecksWorkgroup,
  expectSuccess,
  runCheckQueries,
  syncWorld
} from '../helpers/documented-paths.js'
import { createRoleFromFiles, EXAMPLE, iamFile, jobStartedBy } from '../helpers/iam-world.js'

const RESULTS = EXAMPLE.resultsBucket
const OWN = EXAMPLE.resultsPrefix
/** What the security team's analysts keep next to the checks' results. */
const FINDINGS = 'security-team/incident-42/results.csv'

let standIn: StandIn
let role: string
let workspace: string
let credentials: AwsCredentialIdentity
const clients: { destroy(): void }[] = []

function track<T extends { destroy(): void }>(client: T): T {
  clients.push(client)
  return client
}

function s3(): S3Client {
  const config: S3ClientConfig = {
    endpoint: standIn.endpoint,
    region: EXAMPLE.region,
    forcePathStyle: true,
    credentials,
    maxAttempts: 1
  }
  return track(new S3Client(config))
}

/** The error name of a refused call, or 'ok'. */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'ok'
  } catch (error) {
    return (error as Error).name
  }
}

beforeAll(async () => {
  standIn = await syncWorld()
  standIn.s3.createBucket(RESULTS, { ownerAccount: EXAMPLE.account })
  standIn.s3.putObject(RESULTS, FINDINGS, 'eventname,sourceipaddress\nConsoleLogin,203.0.113.7\n')
  await createChecksWorkgroup(standIn)
  role = createRoleFromFiles(standIn, 'check-queries')
  workspace = await checkQueriesWorkspace()
  // What anyone with a branch gets: the token of a pull_request run of their own workflow copy.
  jobStartedBy(standIn, { kind: 'pull_request', number: 13, workflow: 'anything.yml' })
  const sts = track(new STSClient({ endpoint: standIn.endpoint, region: EXAMPLE.region, maxAttempts: 1 }))
  const { Credentials } = await sts.send(
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: role,
      RoleSessionName: 'pull-request',
      WebIdentityToken: standIn.oidc.issueToken({ audience: 'sts.amazonaws.com' })
    })
  )
  credentials = {
    accessKeyId: Credentials!.AccessKeyId!,
    secretAccessKey: Credentials!.SecretAccessKey!,
    sessionToken: Credentials!.SessionToken!
  }
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  await standIn.close()
  await rm(workspace, { recursive: true, force: true })
})

describe("the pull-request role in the account's results bucket", () => {
  it("neither reads, lists nor overwrites another prefix's results", async () => {
    const client = s3()
    expect(await outcome(client.send(new GetObjectCommand({ Bucket: RESULTS, Key: FINDINGS })))).toBe(
      'AccessDenied'
    )
    expect(
      await outcome(client.send(new PutObjectCommand({ Bucket: RESULTS, Key: FINDINGS, Body: 'forged' })))
    ).toBe('AccessDenied')
    expect(
      await outcome(client.send(new ListObjectsV2Command({ Bucket: RESULTS, Prefix: 'security-team/' })))
    ).toBe('AccessDenied')
    expect(await outcome(client.send(new ListObjectsV2Command({ Bucket: RESULTS })))).toBe('AccessDenied')
    // A prefix that merely starts like the checks' one is another prefix.
    expect(
      await outcome(
        client.send(
          new PutObjectCommand({ Bucket: RESULTS, Key: 'cloudtrail-partitions/checks-x', Body: 'x' })
        )
      )
    ).toBe('AccessDenied')
    expect(standIn.s3.getObjectBody(RESULTS, FINDINGS)?.toString()).toContain('ConsoleLogin')
  })

  it('reads, lists and writes under its own prefix', async () => {
    const client = s3()
    const key = `${OWN}scratch.txt`
    expect(
      await outcome(client.send(new PutObjectCommand({ Bucket: RESULTS, Key: key, Body: 'plan' })))
    ).toBe('ok')
    const read = await client.send(new GetObjectCommand({ Bucket: RESULTS, Key: key }))
    expect(await read.Body?.transformToString()).toBe('plan')
    const listed = await client.send(new ListObjectsV2Command({ Bucket: RESULTS, Prefix: OWN }))
    expect(listed.Contents?.map((object) => object.Key)).toContain(key)
  })

  it("reads nothing of the trail's logs", async () => {
    const client = s3()
    const [logKey] = standIn.s3.keys(EXAMPLE.bucket)
    expect(await outcome(client.send(new GetObjectCommand({ Bucket: EXAMPLE.bucket, Key: logKey })))).toBe(
      'AccessDenied'
    )
    expect(
      await outcome(client.send(new ListObjectsV2Command({ Bucket: EXAMPLE.bucket, Prefix: 'AWSLogs/' })))
    ).toBe('AccessDenied')
  })

  it("runs queries in the checks' workgroup only", async () => {
    const athena = track(
      new AthenaClient({ endpoint: standIn.endpoint, region: EXAMPLE.region, credentials, maxAttempts: 1 })
    )
    standIn.athena.addWorkGroup('primary', { outputLocation: `s3://${RESULTS}/` })
    const error = await athena
      .send(
        new StartQueryExecutionCommand({
          QueryString: 'SELECT 1',
          WorkGroup: 'primary',
          ResultConfiguration: { OutputLocation: `s3://${RESULTS}/security-team/` }
        })
      )
      .catch((caught: Error) => caught)
    expect(error).toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining(
        `athena:StartQueryExecution on resource: arn:aws:athena:${EXAMPLE.region}:${EXAMPLE.account}:workgroup/primary`
      )
    })
  })
})

describe("EXPLAIN's results in the checks' workgroup", () => {
  it('go under the prefix whatever athena-output-location says: the workgroup enforces its location', async () => {
    const before = standIn.s3.keys(RESULTS, 'security-team/')
    const run = await runCheckQueries(standIn, role, workspace, {
      'athena-output-location': `s3://${RESULTS}/security-team/`
    })
    expectSuccess(run)
    expect(standIn.s3.keys(RESULTS, 'security-team/')).toEqual(before)
    expect(standIn.s3.keys(RESULTS, OWN).filter((key) => key.endsWith('.txt'))).not.toEqual([])
  })

  it('the workgroup the README creates enforces that location with the smallest per-query cutoff Athena allows', () => {
    expect(standIn.athena.workGroup(EXAMPLE.checksWorkgroup)).toEqual({
      outputLocation: `s3://${RESULTS}/${OWN}`,
      enforce: true,
      bytesScannedCutoffPerQuery: 10_000_000
    })
  })
})

describe('the optional results-bucket guard (iam/check-queries/results-bucket-policy.json)', () => {
  it('keeps the role out of other prefixes even after someone gives it the whole bucket', async () => {
    standIn.s3.setBucketPolicy(RESULTS, iamFile('check-queries/results-bucket-policy.json'))
    standIn.iam.putRolePolicy(role, 'too-broad', {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:*',
          Resource: [`arn:aws:s3:::${RESULTS}`, `arn:aws:s3:::${RESULTS}/*`]
        }
      ]
    })
    standIn.iam.denials.length = 0
    const client = s3()
    expect(await outcome(client.send(new GetObjectCommand({ Bucket: RESULTS, Key: FINDINGS })))).toBe(
      'AccessDenied'
    )
    expect(await outcome(client.send(new ListObjectsV2Command({ Bucket: RESULTS })))).toBe('AccessDenied')
    expect(standIn.iam.denials.map((denial) => [denial.action, denial.reason])).toEqual([
      ['s3:GetObject', 'explicit deny in a resource-based policy'],
      ['s3:ListBucket', 'explicit deny in a resource-based policy']
    ])
    // The check itself still runs.
    standIn.iam.deleteRolePolicy(role, 'too-broad')
    expectSuccess(await runCheckQueries(standIn, role, workspace))
  })
})
