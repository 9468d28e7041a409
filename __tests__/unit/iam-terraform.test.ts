/**
 * iam/terraform builds the same policies as the JSON files in iam/: its policy documents, evaluated
 * with the README's example values, equal the files statement by statement (Sid, Effect, Action,
 * Resource, Principal, Condition; lists compared as IAM reads them).
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import {
  canonicalPolicy,
  canonicalStatement,
  Evaluator,
  readModule,
  type Known,
  type PolicyDocument,
  type PolicyStatement,
  type TerraformModule
} from '../helpers/terraform-policy.js'

const IAM = fileURLToPath(new URL('../../iam/', import.meta.url))

/** The README's example values; everything else comes from the variables' defaults. */
const EXAMPLE: Known = {
  'var.account_id': '111122223333',
  'var.region': 'eu-central-1',
  'var.github_repository': 'my-org/ops',
  'var.bucket': 'org-cloudtrail-logs',
  'var.database': 'security',
  'var.table': 'cloudtrail'
}

/** What AWS computes: the partition, and the ARN of the provider the module creates. */
const COMPUTED: Known = {
  'data.aws_partition.current.partition': 'aws',
  'aws_iam_openid_connect_provider.github[0].arn':
    'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com'
}

/** The catalog-id scenario: the Glue catalog in another account. */
const CATALOG_ACCOUNT = '444455556666'

const POLICY_FILES: Record<string, string> = {
  sync_trust: 'sync/trust.json',
  sync_permissions: 'sync/permissions.json',
  check_queries_trust: 'check-queries/trust.json',
  check_queries_permissions: 'check-queries/permissions.json',
  publish_queries_trust: 'publish-queries/trust.json',
  publish_queries_permissions: 'publish-queries/permissions.json'
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(`${IAM}${path}`, 'utf8')) as T
}

let module: TerraformModule

beforeAll(async () => {
  module = await readModule(`${IAM}terraform`)
})

const evaluator = (known: Known = {}): Evaluator =>
  new Evaluator(module, { ...EXAMPLE, ...COMPUTED, ...known })

describe('iam/terraform', () => {
  it.each(Object.entries(POLICY_FILES))('%s equals iam/%s', async (document, file) => {
    const built = await evaluator().policyDocument(document)
    expect(canonicalPolicy(built)).toEqual(canonicalPolicy(await readJson<PolicyDocument>(file)))
  })

  it('bucket_policy_statement equals iam/cross-account/bucket-policy-statement.json', async () => {
    const built = await evaluator().policyDocument('bucket_policy_statement')
    expect(built.Statement).toHaveLength(1)
    const file = await readJson<PolicyStatement>('cross-account/bucket-policy-statement.json')
    expect(canonicalStatement(built.Statement[0] as PolicyStatement)).toEqual(canonicalStatement(file))
  })

  it('glue_catalog_resource_policy equals iam/cross-account/glue-catalog-resource-policy.json (catalog in another account)', async () => {
    const built = await evaluator({ 'var.glue_catalog_id': CATALOG_ACCOUNT }).policyDocument(
      'glue_catalog_resource_policy'
    )
    const file = await readJson<PolicyDocument>('cross-account/glue-catalog-resource-policy.json')
    expect(canonicalPolicy(built)).toEqual(canonicalPolicy(file))
  })

  it('has no policy document that no file checks', () => {
    const checked = [...Object.keys(POLICY_FILES), 'bucket_policy_statement', 'glue_catalog_resource_policy']
    expect(Object.keys(module.policyDocuments).sort()).toEqual(checked.sort())
  })

  it('notices a drift in any Sid, Effect, Action, Resource, Principal or Condition', async () => {
    const built = canonicalPolicy(await evaluator().policyDocument('sync_trust'))
    const file = canonicalPolicy(await readJson<PolicyDocument>('sync/trust.json'))
    const drifts: ((s: PolicyStatement) => void)[] = [
      (s) => (s.Sid = 'Renamed'),
      (s) => (s.Effect = 'Deny'),
      (s) => (s.Action = ['sts:AssumeRole']),
      (s) => (s.Resource = ['*']),
      (s) => ((s.Principal as Record<string, string[]>).Federated = ['arn:aws:iam::111122223333:root']),
      (s) =>
        ((s.Condition?.StringEquals as Record<string, string[]>)['token.actions.githubusercontent.com:sub'] =
          ['repo:my-org/ops:*'])
    ]
    for (const drift of drifts) {
      const changed = structuredClone(file)
      drift(changed.Statement[0] as PolicyStatement)
      expect(built).not.toEqual(changed)
    }
    const permissions = canonicalPolicy(await evaluator().policyDocument('sync_permissions'))
    const fewer = structuredClone(canonicalPolicy(await readJson<PolicyDocument>('sync/permissions.json')))
    ;(fewer.Statement[1] as PolicyStatement).Action = (fewer.Statement[1]?.Action as string[]).slice(1)
    expect(permissions).not.toEqual(fewer)
  })

  it('takes every value from its variables: prefix, OIDC provider, branch, workgroup, result bucket', async () => {
    const other = evaluator({
      'var.account_id': '999988887777',
      'var.region': 'us-east-1',
      'var.github_repository': 'acme/security',
      'var.default_branch': 'trunk',
      'var.prefix': 'o-abc123defg/',
      'var.bucket': 'aws-controltower-logs-222233334444-us-east-1',
      'var.workgroup': 'security',
      'var.athena_results_bucket': 'acme-athena-results',
      'var.oidc_provider_arn': 'arn:aws:iam::999988887777:oidc-provider/token.actions.githubusercontent.com',
      'var.role_name_prefix': 'ct'
    })
    const sync = await other.policyDocument('sync_permissions')
    expect(sync.Statement[0]).toMatchObject({
      Resource: ['arn:aws:s3:::aws-controltower-logs-222233334444-us-east-1'],
      Condition: { StringLike: { 's3:prefix': ['o-abc123defg/AWSLogs/*'] } }
    })
    expect(sync.Statement[1]?.Resource).toContain(
      'arn:aws:glue:us-east-1:999988887777:table/security/cloudtrail'
    )
    const trust = await other.policyDocument('sync_trust')
    expect(trust.Statement[0]).toMatchObject({
      Principal: {
        Federated: ['arn:aws:iam::999988887777:oidc-provider/token.actions.githubusercontent.com']
      },
      Condition: {
        StringEquals: {
          'token.actions.githubusercontent.com:sub': ['repo:acme/security:ref:refs/heads/trunk']
        }
      }
    })
    const check = await other.policyDocument('check_queries_permissions')
    expect(check.Statement.flatMap((s) => s.Resource)).toEqual(
      expect.arrayContaining([
        'arn:aws:athena:us-east-1:999988887777:workgroup/security',
        'arn:aws:s3:::acme-athena-results/*'
      ])
    )
    const bucket = await other.policyDocument('bucket_policy_statement')
    expect(bucket.Statement[0]?.Principal).toEqual({ AWS: ['arn:aws:iam::999988887777:role/ct-sync'] })
  })

  it('uses the account Terraform runs in when account_id is not set', async () => {
    const ambient = evaluator({
      'var.account_id': null,
      'data.aws_caller_identity.current.account_id': '123456789012'
    })
    const publish = await ambient.policyDocument('publish_queries_permissions')
    expect(publish.Statement[0]?.Resource).toEqual([
      'arn:aws:athena:eu-central-1:123456789012:workgroup/primary'
    ])
  })
})
