/**
 * The stand-in's IAM policy evaluator on its own: explicit deny wins, Action/NotAction and
 * Resource/NotResource wildcards, condition operators with their missing-key rules and set
 * qualifiers, Principal matching for resource policies, and validation of malformed policies.
 */
import {
  evaluate,
  validatePolicy,
  wildcardMatch,
  type PolicyDocument,
  type EvaluationRequest
} from '../../stand-in/iam/policy.js'

const TABLE = 'arn:aws:glue:eu-central-1:111122223333:table/security/cloudtrail'

function request(overrides: Partial<EvaluationRequest> = {}): EvaluationRequest {
  return { action: 'glue:GetTable', resource: TABLE, context: {}, ...overrides }
}

function policy(...Statement: PolicyDocument['Statement'][]): PolicyDocument {
  return { Version: '2012-10-17', Statement: Statement.flat() }
}

describe('statements', () => {
  it('allows what a statement allows and nothing else', () => {
    const doc = policy({ Effect: 'Allow', Action: 'glue:GetTable', Resource: TABLE })
    expect(evaluate([doc], request()).decision).toBe('Allow')
    expect(evaluate([doc], request({ action: 'glue:UpdateTable' })).decision).toBe('NotApplicable')
    expect(evaluate([doc], request({ resource: `${TABLE}2` })).decision).toBe('NotApplicable')
  })

  it('lets an explicit deny win over any allow, in the same or another policy', () => {
    const allow = policy({ Effect: 'Allow', Action: 'glue:*', Resource: '*' })
    const deny = policy({ Sid: 'NoTables', Effect: 'Deny', Action: 'glue:GetTable', Resource: TABLE })
    const result = evaluate([allow, deny], request())
    expect(result.decision).toBe('Deny')
    expect(result.statement?.Sid).toBe('NoTables')
    expect(evaluate([allow, deny], request({ action: 'glue:GetPartitions' })).decision).toBe('Allow')
  })

  it('matches actions case-insensitively with * and ?, resources case-sensitively', () => {
    expect(wildcardMatch('glue:Get*', 'glue:gettable', true)).toBe(true)
    expect(wildcardMatch('glue:Batch?reatePartition', 'glue:BatchCreatePartition', true)).toBe(true)
    expect(wildcardMatch('glue:Batch?reatePartition', 'glue:BatchXXreatePartition', true)).toBe(false)
    const doc = policy({
      Effect: 'Allow',
      Action: 'GLUE:get*',
      Resource: 'arn:aws:glue:*:111122223333:table/security/*'
    })
    expect(evaluate([doc], request()).decision).toBe('Allow')
    expect(evaluate([doc], request({ resource: TABLE.replace('security', 'Security') })).decision).toBe(
      'NotApplicable'
    )
    expect(wildcardMatch('arn:aws:s3:::bucket/a.b', 'arn:aws:s3:::bucket/aXb')).toBe(false)
  })

  it('reads NotAction and NotResource as everything but the listed ones', () => {
    const doc = policy({
      Effect: 'Allow',
      NotAction: ['glue:Delete*', 'glue:BatchDeletePartition'],
      NotResource: 'arn:aws:glue:*:*:table/other/*'
    })
    expect(evaluate([doc], request({ action: 'glue:BatchCreatePartition' })).decision).toBe('Allow')
    expect(evaluate([doc], request({ action: 'glue:BatchDeletePartition' })).decision).toBe('NotApplicable')
    expect(evaluate([doc], request({ action: 'glue:DeleteTable' })).decision).toBe('NotApplicable')
    expect(evaluate([doc], request({ resource: 'arn:aws:glue:eu-central-1:1:table/other/t' })).decision).toBe(
      'NotApplicable'
    )
    const denyAllBut = policy(
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', NotAction: 'glue:Get*', Resource: '*' }
    )
    expect(evaluate([denyAllBut], request()).decision).toBe('Allow')
    expect(evaluate([denyAllBut], request({ action: 'glue:UpdateTable' })).decision).toBe('Deny')
  })
})

describe('conditions', () => {
  const listing = (condition: Record<string, Record<string, string | string[]>>) =>
    policy({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::logs', Condition: condition })
  const list = (context: EvaluationRequest['context']) =>
    request({ action: 's3:ListBucket', resource: 'arn:aws:s3:::logs', context })

  it('ORs the values of one key, ANDs keys and operators, and ignores the case of key names', () => {
    const doc = listing({
      StringLike: { 's3:prefix': ['AWSLogs/*', 'other/'] },
      StringEquals: { 'S3:Delimiter': '/' }
    })
    expect(evaluate([doc], list({ 's3:prefix': 'AWSLogs/o-1/', 's3:delimiter': '/' })).decision).toBe('Allow')
    expect(evaluate([doc], list({ 's3:prefix': 'other/', 's3:delimiter': '/' })).decision).toBe('Allow')
    expect(evaluate([doc], list({ 's3:prefix': 'AWSLogs/o-1/' })).decision).toBe('NotApplicable')
    expect(evaluate([doc], list({ 's3:prefix': 'secrets/', 's3:delimiter': '/' })).decision).toBe(
      'NotApplicable'
    )
  })

  it('fails a positive operator on a missing key, passes a negated one and IfExists', () => {
    expect(evaluate([listing({ StringLike: { 's3:prefix': '*' } })], list({})).decision).toBe('NotApplicable')
    expect(evaluate([listing({ StringNotLike: { 's3:prefix': 'secret*' } })], list({})).decision).toBe(
      'Allow'
    )
    expect(
      evaluate([listing({ StringNotLike: { 's3:prefix': 'secret*' } })], list({ 's3:prefix': 'secrets/' }))
        .decision
    ).toBe('NotApplicable')
    expect(evaluate([listing({ StringLikeIfExists: { 's3:prefix': 'AWSLogs/*' } })], list({})).decision).toBe(
      'Allow'
    )
    expect(
      evaluate([listing({ StringLikeIfExists: { 's3:prefix': 'AWSLogs/*' } })], list({ 's3:prefix': 'x' }))
        .decision
    ).toBe('NotApplicable')
  })

  it('supports StringEquals, StringNotEquals, IgnoreCase, Bool, Null and ARN operators', () => {
    const check = (
      condition: Record<string, Record<string, string | string[]>>,
      context: EvaluationRequest['context']
    ) => evaluate([listing(condition)], list(context)).decision
    expect(
      check(
        { StringEquals: { 'aws:PrincipalAccount': '111122223333' } },
        { 'aws:PrincipalAccount': '111122223333' }
      )
    ).toBe('Allow')
    expect(
      check(
        { StringNotEquals: { 'aws:PrincipalAccount': '111122223333' } },
        { 'aws:PrincipalAccount': '111122223333' }
      )
    ).toBe('NotApplicable')
    expect(
      check(
        { StringEqualsIgnoreCase: { 'aws:PrincipalType': 'assumedrole' } },
        { 'aws:PrincipalType': 'AssumedRole' }
      )
    ).toBe('Allow')
    expect(check({ Bool: { 'aws:SecureTransport': 'false' } }, { 'aws:SecureTransport': 'true' })).toBe(
      'NotApplicable'
    )
    expect(check({ Null: { 's3:prefix': 'true' } }, {})).toBe('Allow')
    expect(check({ Null: { 's3:prefix': 'false' } }, {})).toBe('NotApplicable')
    expect(
      check(
        { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/cloudtrail-*' } },
        { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/cloudtrail-sync' }
      )
    ).toBe('Allow')
    expect(
      check(
        { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/a' } },
        { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/b' }
      )
    ).toBe('NotApplicable')
  })

  it('qualifies multivalued keys with ForAnyValue and ForAllValues', () => {
    const check = (operator: string, context: EvaluationRequest['context']) =>
      evaluate([listing({ [operator]: { 'aws:TagKeys': ['a', 'b'] } })], list(context)).decision
    expect(check('ForAnyValue:StringEquals', { 'aws:TagKeys': ['b', 'z'] })).toBe('Allow')
    expect(check('ForAnyValue:StringEquals', { 'aws:TagKeys': ['z'] })).toBe('NotApplicable')
    expect(check('ForAnyValue:StringEquals', {})).toBe('NotApplicable')
    expect(check('ForAllValues:StringEquals', { 'aws:TagKeys': ['a', 'b'] })).toBe('Allow')
    expect(check('ForAllValues:StringEquals', { 'aws:TagKeys': ['a', 'z'] })).toBe('NotApplicable')
    // AWS documents it: ForAllValues is true when the key is missing.
    expect(check('ForAllValues:StringEquals', {})).toBe('Allow')
  })
})

describe('principals', () => {
  const caller = {
    arns: [
      'arn:aws:iam::111122223333:role/sync',
      'arn:aws:sts::111122223333:assumed-role/sync/GitHubActions'
    ],
    account: '111122223333'
  }
  const bucketPolicy = (principal: '*' | Record<string, string | string[]>) =>
    policy({
      Effect: 'Allow',
      Principal: principal,
      Action: 's3:ListBucket',
      Resource: 'arn:aws:s3:::logs'
    })
  const ask = (doc: PolicyDocument) =>
    evaluate([doc], request({ action: 's3:ListBucket', resource: 'arn:aws:s3:::logs', principal: caller }))

  it('matches the role, the session, everyone, or (as an account grant only) the account', () => {
    expect(ask(bucketPolicy({ AWS: 'arn:aws:iam::111122223333:role/sync' }))).toMatchObject({
      decision: 'Allow'
    })
    expect(
      ask(bucketPolicy({ AWS: ['arn:aws:sts::111122223333:assumed-role/sync/GitHubActions'] }))
    ).toMatchObject({ decision: 'Allow' })
    expect(ask(bucketPolicy('*'))).toMatchObject({ decision: 'Allow' })
    expect(ask(bucketPolicy({ AWS: 'arn:aws:iam::111122223333:root' }))).toEqual(
      expect.objectContaining({ decision: 'Allow', accountPrincipalOnly: true })
    )
    expect(ask(bucketPolicy({ AWS: '111122223333' }))).toEqual(
      expect.objectContaining({ accountPrincipalOnly: true })
    )
    expect(ask(bucketPolicy({ AWS: 'arn:aws:iam::444455556666:root' })).decision).toBe('NotApplicable')
    expect(ask(bucketPolicy({ AWS: 'arn:aws:iam::111122223333:role/other' })).decision).toBe('NotApplicable')
  })
})

describe('validation', () => {
  it('refuses what IAM would refuse or the evaluator does not know, naming the problem', () => {
    const statement = { Effect: 'Allow', Action: 'glue:GetTable', Resource: '*' }
    expect(() => validatePolicy({ Statement: [statement] }, 'identity')).not.toThrow()
    expect(() => validatePolicy({ Statement: [{ ...statement, Effect: 'allow' }] }, 'identity')).toThrow(
      /Effect must be Allow or Deny/
    )
    expect(() => validatePolicy({ Statement: [{ ...statement, Actions: 'x' }] }, 'identity')).toThrow(
      /unknown element Actions/
    )
    expect(() => validatePolicy({ Statement: [{ ...statement, Principal: '*' }] }, 'identity')).toThrow(
      /identity policy has no Principal/
    )
    expect(() => validatePolicy({ Statement: [statement] }, 'resource')).toThrow(/needs a Principal/)
    expect(() =>
      validatePolicy({ Statement: [{ ...statement, Condition: { StringLikeish: { a: 'b' } } }] }, 'identity')
    ).toThrow(/unsupported condition operator StringLikeish/)
    expect(() => validatePolicy({ Statement: [{ ...statement, Action: 'GetTable' }] }, 'identity')).toThrow(
      /not service:Action/
    )
    expect(() =>
      validatePolicy(
        {
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Federated: 'x' },
              Action: 'sts:AssumeRoleWithWebIdentity',
              Resource: '*'
            }
          ]
        },
        'trust'
      )
    ).toThrow(/trust policy has no Resource/)
  })
})
