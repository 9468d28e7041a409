/**
 * iam/terraform builds the same policies as the JSON files in iam/: its policy documents, evaluated
 * with the README's example values, equal the files statement by statement (Sid, Effect, Action,
 * Resource, NotResource, Principal, Condition; lists compared as IAM reads them). The switches
 * (roles left out, table-setup statements left out, the fallback trust, an existing OIDC provider,
 * a catalog in another account) are evaluated too, and compared with the files changed as the
 * README says to change them by hand.
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

/** The catalog-id scenario: the Glue catalog in another account, registered in Athena for EXPLAIN. */
const CATALOG_ACCOUNT = '444455556666'
const CROSS_ACCOUNT: Known = {
  'var.glue_catalog_id': CATALOG_ACCOUNT,
  'var.athena_catalog': 'security_catalog'
}

const POLICY_FILES: Record<string, string> = {
  sync_trust: 'sync/trust.json',
  sync_permissions: 'sync/permissions.json',
  check_queries_trust: 'check-queries/trust.json',
  check_queries_permissions: 'check-queries/permissions.json',
  results_bucket_policy: 'check-queries/results-bucket-policy.json',
  publish_queries_trust: 'publish-queries/trust.json',
  publish_queries_permissions: 'publish-queries/permissions.json'
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(`${IAM}${path}`, 'utf8')) as T
}

const policyFile = (path: string): Promise<PolicyDocument> => readJson<PolicyDocument>(path)

/** A policy file without the statements of these Sids, as the README says to drop them. */
async function fileWithout(path: string, ...sids: string[]): Promise<PolicyDocument> {
  const file = await policyFile(path)
  return { ...file, Statement: file.Statement.filter((statement) => !sids.includes(statement.Sid ?? '')) }
}

/** A policy file with every occurrence of `from` replaced, as the README says to edit it. */
async function fileWith(path: string, from: string, to: string): Promise<PolicyDocument> {
  return JSON.parse((await readFile(`${IAM}${path}`, 'utf8')).split(from).join(to)) as PolicyDocument
}

let module: TerraformModule

beforeAll(async () => {
  module = await readModule(`${IAM}terraform`)
})

const evaluator = (known: Known = {}): Evaluator =>
  new Evaluator(module, { ...EXAMPLE, ...COMPUTED, ...known })

const documentOf = async (name: string, known: Known = {}): Promise<PolicyDocument> =>
  canonicalPolicy(await evaluator(known).policyDocument(name))

const sids = (document: PolicyDocument): string[] =>
  document.Statement.map((statement) => statement.Sid ?? '')

describe('iam/terraform, with the README example values', () => {
  it.each(Object.entries(POLICY_FILES))('%s equals iam/%s', async (document, file) => {
    expect(await documentOf(document)).toEqual(canonicalPolicy(await policyFile(file)))
  })

  it('bucket_policy_statement equals iam/cross-account/bucket-policy-statement.json', async () => {
    const built = await evaluator().policyDocument('bucket_policy_statement')
    expect(built.Statement).toHaveLength(1)
    const file = await readJson<PolicyStatement>('cross-account/bucket-policy-statement.json')
    expect(canonicalStatement(built.Statement[0] as PolicyStatement)).toEqual(canonicalStatement(file))
  })

  it('glue_catalog_resource_policy equals iam/cross-account/glue-catalog-resource-policy.json (catalog in another account)', async () => {
    expect(await documentOf('glue_catalog_resource_policy', CROSS_ACCOUNT)).toEqual(
      canonicalPolicy(await policyFile('cross-account/glue-catalog-resource-policy.json'))
    )
  })

  it("check_queries_permissions with a catalog in another account: the file's Glue ARNs in that account, plus iam/check-queries/data-catalog-statement.json", async () => {
    const moved = await fileWith(
      'check-queries/permissions.json',
      'arn:aws:glue:eu-central-1:111122223333:',
      `arn:aws:glue:eu-central-1:${CATALOG_ACCOUNT}:`
    )
    const statement = await readJson<PolicyStatement>('check-queries/data-catalog-statement.json')
    expect(await documentOf('check_queries_permissions', CROSS_ACCOUNT)).toEqual(
      canonicalPolicy({ ...moved, Statement: [...moved.Statement, statement] })
    )
    // Without a name for the catalog in Athena, nothing is registered and no statement is added.
    expect(
      sids(await documentOf('check_queries_permissions', { 'var.glue_catalog_id': CATALOG_ACCOUNT }))
    ).not.toContain(statement.Sid)
  })

  it("makes the checks' workgroup of iam/check-queries/workgroup.json", async () => {
    const file = await readJson<{
      ResultConfiguration: { OutputLocation: string }
      EnforceWorkGroupConfiguration: boolean
      BytesScannedCutoffPerQuery: number
    }>('check-queries/workgroup.json')
    const workgroup = await evaluator().resource('aws_athena_workgroup.checks', [
      'count',
      'name',
      'configuration'
    ])
    expect(workgroup).toEqual({
      count: 1,
      name: 'cloudtrail-partitions-checks',
      configuration: [
        {
          enforce_workgroup_configuration: file.EnforceWorkGroupConfiguration,
          bytes_scanned_cutoff_per_query: file.BytesScannedCutoffPerQuery,
          result_configuration: [{ output_location: file.ResultConfiguration.OutputLocation }]
        }
      ]
    })
  })

  it('has no policy document that no file checks', () => {
    const checked = [...Object.keys(POLICY_FILES), 'bucket_policy_statement', 'glue_catalog_resource_policy']
    expect(Object.keys(module.policyDocuments).sort()).toEqual(checked.sort())
  })

  it('gives every policy for another account as a JSON string, or null', async () => {
    const other = evaluator(CROSS_ACCOUNT)
    const bucket = JSON.parse((await other.output('bucket_policy')) as string) as PolicyDocument
    expect(canonicalPolicy(bucket)).toEqual(
      canonicalPolicy({
        Version: '2012-10-17',
        Statement: [await readJson<PolicyStatement>('cross-account/bucket-policy-statement.json')]
      })
    )
    const catalog = JSON.parse(
      (await other.output('glue_catalog_resource_policy')) as string
    ) as PolicyDocument
    expect(canonicalPolicy(catalog)).toEqual(
      canonicalPolicy(await policyFile('cross-account/glue-catalog-resource-policy.json'))
    )
    const results = JSON.parse((await other.output('results_bucket_policy')) as string) as PolicyDocument
    expect(canonicalPolicy(results)).toEqual(
      canonicalPolicy(await policyFile('check-queries/results-bucket-policy.json'))
    )
    // Nothing to say without a catalog in another account.
    expect(await evaluator().output('glue_catalog_resource_policy')).toBeNull()
    expect(await evaluator({ 'var.create_sync_role': false }).output('bucket_policy')).toBeNull()
  })

  it('notices a drift in any Sid, Effect, Action, Resource, Principal or Condition', async () => {
    const built = await documentOf('sync_trust')
    const file = canonicalPolicy(await policyFile('sync/trust.json'))
    const drifts: ((s: PolicyStatement) => void)[] = [
      (s) => (s.Sid = 'Renamed'),
      (s) => (s.Effect = 'Deny'),
      (s) => (s.Action = ['sts:AssumeRole']),
      (s) => (s.Resource = ['*']),
      (s) => ((s.Principal as Record<string, string[]>).Federated = ['arn:aws:iam::111122223333:root']),
      (s) =>
        ((s.Condition?.StringEquals as Record<string, string[]>)['token.actions.githubusercontent.com:sub'] =
          ['repo:my-org/ops:ref:refs/heads/main'])
    ]
    for (const drift of drifts) {
      const changed = structuredClone(file)
      drift(changed.Statement[0] as PolicyStatement)
      expect(built).not.toEqual(changed)
    }
    const permissions = await documentOf('sync_permissions')
    const fewer = structuredClone(canonicalPolicy(await policyFile('sync/permissions.json')))
    ;(fewer.Statement[1] as PolicyStatement).Action = (fewer.Statement[1]?.Action as string[]).slice(1)
    expect(permissions).not.toEqual(fewer)
  })
})

describe('iam/terraform switches', () => {
  it('grant_create_table = false leaves out the two ...WithCreateTable statements, here and in the catalog policy', async () => {
    const off = { 'var.grant_create_table': false }
    expect(await documentOf('sync_permissions', off)).toEqual(
      canonicalPolicy(
        await fileWithout(
          'sync/permissions.json',
          'CreateDatabaseWithCreateTable',
          'CreateTableWithCreateTable'
        )
      )
    )
    expect(await documentOf('glue_catalog_resource_policy', { ...CROSS_ACCOUNT, ...off })).toEqual(
      canonicalPolicy(
        await fileWithout(
          'cross-account/glue-catalog-resource-policy.json',
          'CloudTrailPartitionsCreateDatabaseWithCreateTable',
          'CloudTrailPartitionsCreateTableWithCreateTable'
        )
      )
    )
  })

  it('grant_partition_index = false leaves out PartitionIndexAndFiltering; both off leave the two statements every run needs', async () => {
    expect(await documentOf('sync_permissions', { 'var.grant_partition_index': false })).toEqual(
      canonicalPolicy(await fileWithout('sync/permissions.json', 'PartitionIndexAndFiltering'))
    )
    const both = { 'var.grant_create_table': false, 'var.grant_partition_index': false }
    expect(sids(await documentOf('sync_permissions', both))).toEqual([
      'ListTrailFolders',
      'ReadAndWritePartitions'
    ])
    expect(sids(await documentOf('glue_catalog_resource_policy', { ...CROSS_ACCOUNT, ...both }))).toEqual([
      'CloudTrailPartitionsCheckQueriesReadTheDatabase',
      'CloudTrailPartitionsCheckQueriesReadTheTable',
      'CloudTrailPartitionsReadAndWritePartitions'
    ])
  })

  it.each([
    ['sync', 'aws_iam_role.sync', 'aws_iam_role_policy.sync'],
    ['check_queries', 'aws_iam_role.check_queries', 'aws_iam_role_policy.check_queries'],
    ['publish_queries', 'aws_iam_role.publish_queries', 'aws_iam_role_policy.publish_queries']
  ])(
    'create_%s_role = false makes neither the role nor its policy',
    async (role, roleAddress, policyAddress) => {
      const off = evaluator({ [`var.create_${role}_role`]: false })
      expect(await off.resource(roleAddress, ['count'])).toEqual({ count: 0 })
      expect(await off.resource(policyAddress, ['count'])).toEqual({ count: 0 })
      expect(await evaluator().resource(roleAddress, ['count'])).toEqual({ count: 1 })
    }
  )

  it('the cross-account documents name only the roles that are made; the workgroup comes with the check-queries role', async () => {
    const noSync = await documentOf('glue_catalog_resource_policy', {
      ...CROSS_ACCOUNT,
      'var.create_sync_role': false
    })
    expect(sids(noSync)).toEqual([
      'CloudTrailPartitionsCheckQueriesReadTheDatabase',
      'CloudTrailPartitionsCheckQueriesReadTheTable'
    ])
    const noCheck = { ...CROSS_ACCOUNT, 'var.create_check_queries_role': false }
    expect(sids(await documentOf('glue_catalog_resource_policy', noCheck))).not.toContain(
      'CloudTrailPartitionsCheckQueriesReadTheTable'
    )
    expect(await evaluator(noCheck).resource('aws_athena_workgroup.checks', ['count'])).toEqual({ count: 0 })
    expect(await evaluator(noCheck).resource('aws_athena_data_catalog.cross_account', ['count'])).toEqual({
      count: 0
    })
    expect(
      await evaluator(CROSS_ACCOUNT).resource('aws_athena_data_catalog.cross_account', [
        'count',
        'name',
        'type',
        'parameters'
      ])
    ).toEqual({
      count: 1,
      name: 'security_catalog',
      type: 'GLUE',
      parameters: { 'catalog-id': CATALOG_ACCOUNT }
    })
    expect(
      await evaluator({
        'var.create_sync_role': false,
        'var.create_check_queries_role': false,
        ...CROSS_ACCOUNT
      }).output('glue_catalog_resource_policy')
    ).toBeNull()
  })

  it('results_bucket_policy = true sets the guard as the results bucket policy; false (the default) does not', async () => {
    expect(await evaluator().resource('aws_s3_bucket_policy.results', ['count'])).toEqual({ count: 0 })
    expect(
      await evaluator({ 'var.results_bucket_policy': true }).resource('aws_s3_bucket_policy.results', [
        'count',
        'bucket'
      ])
    ).toEqual({ count: 1, bucket: 'aws-athena-query-results-111122223333-eu-central-1' })
  })

  it('pin_workflows = false is the documented fallback: the default subject, which every workflow of the branch carries', async () => {
    const fallback = { 'var.pin_workflows': false }
    const subjectOf = async (document: string): Promise<PolicyStatement['Condition']> =>
      (await documentOf(document, fallback)).Statement[0]?.Condition
    for (const document of ['sync_trust', 'publish_queries_trust']) {
      expect(await subjectOf(document)).toEqual({
        StringEquals: {
          'token.actions.githubusercontent.com:aud': ['sts.amazonaws.com'],
          'token.actions.githubusercontent.com:sub': ['repo:my-org/ops:ref:refs/heads/main']
        }
      })
    }
    expect(await subjectOf('check_queries_trust')).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': ['sts.amazonaws.com'],
        'token.actions.githubusercontent.com:sub': ['repo:my-org/ops:pull_request']
      }
    })
    expect(await evaluator(fallback).output('github_oidc_subject_claim_keys')).toBeNull()
    expect(await evaluator().output('github_oidc_subject_claim_keys')).toEqual([
      'repo',
      'context',
      'job_workflow_ref'
    ])
  })

  it('an existing OIDC provider: given by ARN, or looked up by its URL; the module creates one only when asked neither', async () => {
    const lookedUp = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com'
    const lookup = evaluator({
      'var.existing_oidc_provider': true,
      'data.aws_iam_openid_connect_provider.github[0].arn': lookedUp,
      // Not created, so not known: a reference to it would throw.
      'aws_iam_openid_connect_provider.github[0].arn': null
    })
    expect(await lookup.resource('aws_iam_openid_connect_provider.github', ['count'])).toEqual({ count: 0 })
    expect((await lookup.policyDocument('sync_trust')).Statement[0]?.Principal).toEqual({
      Federated: [lookedUp]
    })
    const given = evaluator({ 'var.oidc_provider_arn': 'arn:aws:iam::111122223333:oidc-provider/elsewhere' })
    expect(await given.resource('aws_iam_openid_connect_provider.github', ['count'])).toEqual({ count: 0 })
    expect(await evaluator().resource('aws_iam_openid_connect_provider.github', ['count'])).toEqual({
      count: 1
    })
    expect(await evaluator().output('oidc_provider_arn')).toBe(
      COMPUTED['aws_iam_openid_connect_provider.github[0].arn']
    )
  })

  it('permissions_boundary and tags reach every role, and tags every other resource the module makes', async () => {
    const known = {
      'var.permissions_boundary': 'arn:aws:iam::111122223333:policy/ct-boundary',
      'var.tags': 'TAGS'
    }
    for (const address of evaluator().resourcesOf('aws_iam_role')) {
      expect(await evaluator(known).resource(address, ['permissions_boundary', 'tags'])).toEqual({
        permissions_boundary: 'arn:aws:iam::111122223333:policy/ct-boundary',
        tags: 'TAGS'
      })
    }
    for (const address of [
      'aws_iam_openid_connect_provider.github',
      'aws_athena_workgroup.checks',
      'aws_athena_data_catalog.cross_account'
    ]) {
      expect(await evaluator(known).resource(address, ['tags'])).toEqual({ tags: 'TAGS' })
    }
    // Unset, no boundary.
    expect(await evaluator().resource('aws_iam_role.sync', ['permissions_boundary'])).toEqual({
      permissions_boundary: null
    })
  })

  it('takes every value from its variables: prefix, OIDC provider, branch, workflows, workgroups, result bucket and prefix', async () => {
    const other = evaluator({
      'var.account_id': '999988887777',
      'var.region': 'us-east-1',
      'var.github_repository': 'acme/security',
      'var.default_branch': 'trunk',
      'var.sync_workflow': '.github/workflows/partitions.yml',
      'var.prefix': 'o-abc123defg/',
      'var.bucket': 'aws-controltower-logs-222233334444-us-east-1',
      'var.workgroup': 'security',
      'var.checks_workgroup': 'pr-checks',
      'var.athena_results_bucket': 'acme-athena-results',
      'var.checks_results_prefix': 'ci/explain/',
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
          'token.actions.githubusercontent.com:sub': [
            'repo:acme/security:ref:refs/heads/trunk:job_workflow_ref:acme/security/.github/workflows/partitions.yml@refs/heads/trunk'
          ]
        }
      }
    })
    const check = await other.policyDocument('check_queries_permissions')
    expect(check.Statement.flatMap((s) => s.Resource)).toEqual(
      expect.arrayContaining([
        'arn:aws:athena:us-east-1:999988887777:workgroup/pr-checks',
        'arn:aws:s3:::acme-athena-results/ci/explain/*'
      ])
    )
    expect(check.Statement.find((s) => s.Sid === 'QueryResultListing')?.Condition).toEqual({
      StringLike: { 's3:prefix': ['ci/explain/*'] }
    })
    expect(await other.resource('aws_athena_workgroup.checks', ['name', 'configuration'])).toMatchObject({
      name: 'pr-checks',
      configuration: [{ result_configuration: [{ output_location: 's3://acme-athena-results/ci/explain/' }] }]
    })
    const publish = await other.policyDocument('publish_queries_permissions')
    expect(publish.Statement[0]?.Resource).toEqual([
      'arn:aws:athena:us-east-1:999988887777:workgroup/security'
    ])
    const bucket = await other.policyDocument('bucket_policy_statement')
    expect(bucket.Statement[0]?.Principal).toEqual({ AWS: ['arn:aws:iam::999988887777:role/ct-sync'] })
  })

  it('more_tables: each role reaches those tables of the database too (a matrix of sources), and only those', async () => {
    const sources = evaluator({ 'var.more_tables': ['config', 'vpc_flow_logs'] })
    const table = (name: string) => `arn:aws:glue:eu-central-1:111122223333:table/security/${name}`
    for (const document of ['sync_permissions', 'check_queries_permissions']) {
      const resources = (await sources.policyDocument(document)).Statement.flatMap((statement) =>
        ([] as string[]).concat(statement.Resource ?? [])
      )
      for (const name of ['cloudtrail', 'config', 'vpc_flow_logs']) expect(resources).toContain(table(name))
      expect(
        resources
          .filter((arn) => arn.includes(':table/'))
          .every((arn) => /\/(cloudtrail|config|vpc_flow_logs)$/.test(arn))
      ).toBe(true)
    }
    const plain = await evaluator({}).policyDocument('sync_permissions')
    expect(JSON.stringify(plain)).not.toContain('table/security/config')
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
