/**
 * Authorizes one request of an STS session the way AWS does for a principal in one account:
 * an explicit deny in the identity policies or the resource policy wins; otherwise, in the
 * resource's own account, an allow in either grants (a resource policy naming only the account
 * grants nothing by itself); across accounts both the identity policy and the resource policy must
 * allow. Each ARN of an operation (catalog, database, table) is decided on its own, the first one
 * denied is the one the message names, as AWS's messages do. Needs `loadAuthorizationData()` first.
 */
import { conditionKeysFor, resourceArnsFor, STAND_IN_REGION, type ArnVariables } from './arns.js'
import type { Caller, Denial, DenialReason, IamModel, SessionCaller } from './model.js'
import { evaluate, type ContextValue, type PolicyDocument } from './policy.js'

/** One IAM action an operation needs, on the resources of one account. */
export interface AccessRequirement {
  /** `glue:GetTable`. */
  action: string
  /** Variables for the action's ARN formats (`BucketName`, `DatabaseName` ...); `Account` is filled in. */
  variables: ArnVariables
  /** The account that owns the resource (the bucket's owner, the catalog's account). */
  resourceAccount: string
  /** The bucket policy or catalog resource policy, when there is one. */
  resourcePolicy?: PolicyDocument | undefined
  /** Request-specific condition keys (`s3:prefix`); each must be one AWS lists for the action. */
  context?: Record<string, ContextValue | undefined>
}

/** What a query does as its caller: uses a data catalog, reads tables in Glue, writes its result to S3. */
export interface QueryAccess {
  /** The denial for `athena:GetDataCatalog` on a registered data catalog the query names, if any. */
  useDataCatalog(caller: Caller | undefined, name: string): Denial | undefined
  /**
   * The Glue denial for reading `database.table` (GetDatabase, GetTable, GetPartitions) in the
   * catalog of `account` (the caller's own, or a registered data catalog's), if any.
   */
  readTable(caller: Caller | undefined, database: string, table: string, account: string): Denial | undefined
  /** The denial for writing the result object (s3:GetBucketLocation, then s3:PutObject), if any. */
  writeResult(
    caller: Caller | undefined,
    bucket: string,
    key: string,
    action: 's3:GetBucketLocation' | 's3:PutObject'
  ): Denial | undefined
}

/** AWS's wording: "User: <arn> is not authorized to perform: <action> on resource: <arn> because ...". */
export function denialMessage(denial: Denial, options: { quoteResource?: boolean } = {}): string {
  const resource =
    denial.resource === undefined
      ? ''
      : ` on resource: ${options.quoteResource ? `"${denial.resource}"` : denial.resource}`
  const why = denial.reason.startsWith('explicit deny')
    ? `with an ${denial.reason}`
    : `because ${denial.reason} the ${denial.action} action`
  return `User: ${denial.principalArn} is not authorized to perform: ${denial.action}${resource} ${why}`
}

function globalContext(
  caller: SessionCaller,
  model: IamModel,
  resourceAccount: string
): Record<string, string> {
  const context: Record<string, string> = {
    'aws:PrincipalArn': caller.roleArn,
    'aws:PrincipalAccount': caller.account,
    'aws:PrincipalType': 'AssumedRole',
    'aws:userid': `${caller.role?.roleId ?? ''}:${caller.sessionName}`,
    'aws:ResourceAccount': resourceAccount,
    'aws:RequestedRegion': STAND_IN_REGION,
    // The stand-in speaks HTTP on loopback; the SDK speaks HTTPS to AWS, which is what policies test.
    'aws:SecureTransport': 'true'
  }
  const organization = model.accounts.get(caller.account)?.organizationId
  if (organization !== undefined) context['aws:PrincipalOrgID'] = organization
  return context
}

/** The first denial among the requirements, or undefined when the caller may make the request. */
export function authorize(
  model: IamModel,
  caller: Caller | undefined,
  operation: string,
  requirements: readonly AccessRequirement[]
): Denial | undefined {
  // Unsigned requests, administrator keys and sessions of roles the stand-in does not know are not limited.
  if (!caller || caller.kind !== 'session' || !caller.role) return undefined
  const identity = [...caller.role.policies.values()]
  for (const requirement of requirements) {
    const service = requirement.context ? conditionKeysFor(requirement.action) : []
    for (const key of Object.keys(requirement.context ?? {})) {
      if (!service.some((listed) => listed.toLowerCase() === key.toLowerCase())) {
        throw new Error(`stand-in bug: ${key} is not a condition key of ${requirement.action}`)
      }
    }
    const arns = resourceArnsFor(requirement.action, {
      Account: requirement.resourceAccount,
      ...requirement.variables
    })
    const context = { ...globalContext(caller, model, requirement.resourceAccount), ...requirement.context }
    const principal = { arns: [caller.roleArn, caller.arn], account: caller.account }
    const deny = (resource: string | undefined, reason: DenialReason): Denial => ({
      operation,
      action: requirement.action,
      resource,
      principalArn: caller.arn,
      reason
    })
    for (const resource of arns.length > 0 ? arns : [undefined]) {
      const request = { action: requirement.action, resource: resource ?? '*', principal, context }
      const byIdentity = evaluate(identity, request)
      if (byIdentity.decision === 'Deny') return deny(resource, 'explicit deny in an identity-based policy')
      // A session policy narrows the session: what it does not allow is denied, whoever else allows it.
      const bySession = caller.sessionPolicy ? evaluate([caller.sessionPolicy], request) : undefined
      if (bySession?.decision === 'Deny') return deny(resource, 'explicit deny in a session policy')
      const byResource = requirement.resourcePolicy
        ? evaluate([requirement.resourcePolicy], request)
        : { decision: 'NotApplicable' as const }
      if (byResource.decision === 'Deny') return deny(resource, 'explicit deny in a resource-based policy')
      const resourceGrants = byResource.decision === 'Allow'
      if (caller.account === requirement.resourceAccount) {
        if (byIdentity.decision !== 'Allow' && !(resourceGrants && !byResource.accountPrincipalOnly)) {
          return deny(resource, 'no identity-based policy allows')
        }
      } else if (byIdentity.decision !== 'Allow') return deny(resource, 'no identity-based policy allows')
      if (bySession && bySession.decision !== 'Allow') return deny(resource, 'no session policy allows')
      if (caller.account !== requirement.resourceAccount && !resourceGrants) {
        return deny(resource, 'no resource-based policy allows')
      }
    }
  }
  return undefined
}
