/**
 * The IAM policy grammar the project needs, evaluated as AWS documents it ("Policy evaluation logic",
 * IAM User Guide): statements with Effect, Action/NotAction, Resource/NotResource (wildcards `*` and
 * `?`), Principal/NotPrincipal for resource and trust policies, and Condition blocks (operators
 * below, with `IfExists` and the `ForAnyValue:`/`ForAllValues:` set qualifiers). Within a condition
 * block the operators and keys are AND'ed and the values of one key OR'ed; key names are
 * case-insensitive. Policies are validated when they are stored, so a typo fails the test that
 * wrote it instead of silently matching nothing.
 */

export type PolicyValue = string | readonly string[]

export interface PolicyStatement {
  Sid?: string
  Effect: 'Allow' | 'Deny'
  Principal?: '*' | Record<string, PolicyValue>
  NotPrincipal?: '*' | Record<string, PolicyValue>
  Action?: PolicyValue
  NotAction?: PolicyValue
  Resource?: PolicyValue
  NotResource?: PolicyValue
  Condition?: Record<string, Record<string, PolicyValue | boolean | number>>
}

export interface PolicyDocument {
  Version?: string
  Id?: string
  Statement: PolicyStatement | readonly PolicyStatement[]
}

/** Request context values: a string, or a list for multivalued keys; absent keys are undefined. */
export type ContextValue = string | readonly string[]

/** Who makes the request, for Principal elements: ARNs it answers to, and its account. */
export interface RequestPrincipal {
  /** `AWS` principal ARNs that name this caller: the role ARN and the assumed-role session ARN. */
  arns: readonly string[]
  account: string
  /** `Federated` principal (a web identity provider ARN), for trust policies. */
  federated?: string
}

export interface EvaluationRequest {
  action: string
  /** The resource ARN; undefined for trust policies, which have no Resource element. */
  resource?: string
  /** Needed for resource and trust policies; identity policies have no Principal element. */
  principal?: RequestPrincipal
  /** Condition keys, any case; values as strings. */
  context: Readonly<Record<string, ContextValue | undefined>>
}

export type Decision = 'Allow' | 'Deny' | 'NotApplicable'

export interface Evaluation {
  decision: Decision
  /** The statement that decided (the deny, or the first allow). */
  statement?: PolicyStatement
  /**
   * For resource policies: the allow matched the caller only through its account (`arn:aws:iam::A:root`
   * or `A`), which grants nothing by itself to a principal of the same account.
   */
  accountPrincipalOnly?: boolean
}

export class PolicyError extends Error {}

const STRING_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike'
] as const
const ARN_OPERATORS = ['ArnEquals', 'ArnNotEquals', 'ArnLike', 'ArnNotLike'] as const
const OTHER_OPERATORS = ['Bool', 'Null'] as const
const OPERATORS: ReadonlySet<string> = new Set([...STRING_OPERATORS, ...ARN_OPERATORS, ...OTHER_OPERATORS])
const NEGATED: ReadonlySet<string> = new Set([
  'StringNotEquals',
  'StringNotEqualsIgnoreCase',
  'StringNotLike',
  'ArnNotEquals',
  'ArnNotLike'
])

export function listOf(value: PolicyValue | undefined): readonly string[] {
  if (value === undefined) return []
  return typeof value === 'string' ? [value] : value
}

export function statementsOf(document: PolicyDocument): readonly PolicyStatement[] {
  return Array.isArray(document.Statement)
    ? (document.Statement as readonly PolicyStatement[])
    : [document.Statement as PolicyStatement]
}

const patternCache = new Map<string, RegExp>()

/** IAM wildcards: `*` any run of characters (also none), `?` exactly one. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) {
    return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value
  }
  const cacheKey = `${ignoreCase ? 'i' : 's'}${pattern}`
  let regex = patternCache.get(cacheKey)
  if (!regex) {
    const source = pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('')
    regex = new RegExp(`^${source}$`, ignoreCase ? 'is' : 's')
    patternCache.set(cacheKey, regex)
  }
  return regex.test(value)
}

/** ArnLike: each of the six colon-separated parts matched on its own, wildcards within a part. */
function arnLike(pattern: string, value: string): boolean {
  const p = pattern.split(':')
  const v = value.split(':')
  if (p.length < 6 || v.length < 6) return false
  const head = (parts: string[]) => [...parts.slice(0, 5), parts.slice(5).join(':')]
  const [hp, hv] = [head(p), head(v)]
  return hp.every((part, i) => wildcardMatch(part, hv[i] as string))
}

function matchesOne(base: string, policyValue: string, contextValue: string): boolean {
  switch (base) {
    case 'StringEquals':
    case 'StringNotEquals':
      return policyValue === contextValue
    case 'StringEqualsIgnoreCase':
    case 'StringNotEqualsIgnoreCase':
      return policyValue.toLowerCase() === contextValue.toLowerCase()
    case 'StringLike':
    case 'StringNotLike':
      return wildcardMatch(policyValue, contextValue)
    case 'ArnEquals':
    case 'ArnNotEquals':
    case 'ArnLike':
    case 'ArnNotLike':
      return arnLike(policyValue, contextValue)
    case 'Bool':
      return policyValue.toLowerCase() === contextValue.toLowerCase()
    default:
      throw new PolicyError(`unsupported condition operator ${base}`)
  }
}

interface ParsedOperator {
  qualifier: 'ForAnyValue' | 'ForAllValues' | undefined
  base: string
  ifExists: boolean
}

function parseOperator(operator: string): ParsedOperator {
  let rest = operator
  let qualifier: ParsedOperator['qualifier']
  const colon = rest.indexOf(':')
  if (colon >= 0) {
    const prefix = rest.slice(0, colon)
    if (prefix !== 'ForAnyValue' && prefix !== 'ForAllValues') {
      throw new PolicyError(`unknown condition set qualifier ${prefix} in ${operator}`)
    }
    qualifier = prefix
    rest = rest.slice(colon + 1)
  }
  const ifExists = rest.endsWith('IfExists') && rest !== 'IfExists'
  const base = ifExists ? rest.slice(0, -'IfExists'.length) : rest
  if (!OPERATORS.has(base) || (base === 'Null' && (ifExists || qualifier))) {
    throw new PolicyError(`unsupported condition operator ${operator}`)
  }
  return { qualifier, base, ifExists }
}

function lookup(context: EvaluationRequest['context'], key: string): ContextValue | undefined {
  const wanted = key.toLowerCase()
  for (const [name, value] of Object.entries(context)) if (name.toLowerCase() === wanted) return value
  return undefined
}

function conditionHolds(
  operator: string,
  key: string,
  raw: PolicyValue | boolean | number,
  context: EvaluationRequest['context']
): boolean {
  const { qualifier, base, ifExists } = parseOperator(operator)
  const values = (Array.isArray(raw) ? raw : [raw]).map((value) => String(value))
  const present = lookup(context, key)
  if (base === 'Null') {
    const absent = present === undefined || (Array.isArray(present) && present.length === 0)
    return values.some((value) => (value.toLowerCase() === 'true') === absent)
  }
  const negated = NEGATED.has(base)
  // One context value satisfies the operator: for a negated one, it matches none of the policy values.
  const satisfied = (contextValue: string): boolean => {
    const any = values.some((value) => matchesOne(base, value, contextValue))
    return negated ? !any : any
  }
  const contextValues = present === undefined ? [] : typeof present === 'string' ? [present] : present
  if (qualifier === 'ForAllValues') return contextValues.every(satisfied)
  if (contextValues.length === 0) {
    if (qualifier === 'ForAnyValue') return false
    // A missing key: IfExists passes; a negated operator passes (no value equals the policy's); others fail.
    return ifExists || negated
  }
  return contextValues.some(satisfied)
}

function conditionsHold(statement: PolicyStatement, context: EvaluationRequest['context']): boolean {
  for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
    for (const [key, value] of Object.entries(keys)) {
      if (!conditionHolds(operator, key, value, context)) return false
    }
  }
  return true
}

function actionMatches(statement: PolicyStatement, action: string): boolean {
  if (statement.NotAction !== undefined) {
    return !listOf(statement.NotAction).some((pattern) => wildcardMatch(pattern, action, true))
  }
  return listOf(statement.Action).some((pattern) => wildcardMatch(pattern, action, true))
}

function resourceMatches(statement: PolicyStatement, resource: string | undefined): boolean {
  if (statement.Resource === undefined && statement.NotResource === undefined) return true
  if (resource === undefined) return false
  if (statement.NotResource !== undefined) {
    return !listOf(statement.NotResource).some((pattern) => wildcardMatch(pattern, resource))
  }
  return listOf(statement.Resource).some((pattern) => wildcardMatch(pattern, resource))
}

/** How a Principal element names the caller: exactly, through its account only, or not at all. */
function principalMatch(
  element: PolicyStatement['Principal'],
  principal: RequestPrincipal | undefined
): 'exact' | 'account' | undefined {
  if (element === undefined) return 'exact'
  if (!principal) return undefined
  if (element === '*') return 'exact'
  let match: 'exact' | 'account' | undefined
  for (const [type, value] of Object.entries(element)) {
    for (const name of listOf(value)) {
      if (type === 'AWS') {
        if (name === '*' || principal.arns.includes(name)) return 'exact'
        if (name === principal.account || name === `arn:aws:iam::${principal.account}:root`) match = 'account'
      } else if (type === 'Federated' && principal.federated === name) return 'exact'
    }
  }
  return match
}

/** Evaluates one or more policies of one kind: an explicit deny wins, then an allow, else not applicable. */
export function evaluate(documents: readonly PolicyDocument[], request: EvaluationRequest): Evaluation {
  let allow: Evaluation | undefined
  for (const document of documents) {
    for (const statement of statementsOf(document)) {
      if (!actionMatches(statement, request.action) || !resourceMatches(statement, request.resource)) continue
      let principal: 'exact' | 'account' | undefined = 'exact'
      if (statement.NotPrincipal !== undefined) {
        principal = principalMatch(statement.NotPrincipal, request.principal) ? undefined : 'exact'
      } else if (statement.Principal !== undefined) {
        principal = principalMatch(statement.Principal, request.principal)
      }
      if (!principal || !conditionsHold(statement, request.context)) continue
      if (statement.Effect === 'Deny') return { decision: 'Deny', statement }
      if (!allow || (allow.accountPrincipalOnly && principal === 'exact')) {
        allow = {
          decision: 'Allow',
          statement,
          ...(principal === 'account' ? { accountPrincipalOnly: true } : {})
        }
      }
    }
  }
  return allow ?? { decision: 'NotApplicable' }
}

export type PolicyKind = 'identity' | 'resource' | 'trust'

/**
 * Checks a document against the grammar above (what IAM would refuse as MalformedPolicyDocument,
 * and what this evaluator does not support). Throws a PolicyError naming the problem.
 */
export function validatePolicy(document: unknown, kind: PolicyKind): PolicyDocument {
  const fail = (message: string): never => {
    throw new PolicyError(`${kind} policy: ${message}`)
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    return fail('not a JSON object')
  const doc = document as Record<string, unknown>
  for (const key of Object.keys(doc))
    if (!['Version', 'Id', 'Statement'].includes(key)) fail(`unknown element ${key}`)
  if (doc.Version !== undefined && doc.Version !== '2012-10-17' && doc.Version !== '2008-10-17') {
    fail(`unknown Version ${String(doc.Version)}`)
  }
  if (doc.Statement === undefined) fail('no Statement')
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]
  const isValue = (value: unknown): boolean =>
    typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'))
  statements.forEach((raw: unknown, index) => {
    const where = `statement ${index + 1}`
    if (typeof raw !== 'object' || raw === null) return fail(`${where} is not an object`)
    const statement = raw as Record<string, unknown>
    const allowed = [
      'Sid',
      'Effect',
      'Principal',
      'NotPrincipal',
      'Action',
      'NotAction',
      'Resource',
      'NotResource',
      'Condition'
    ]
    for (const key of Object.keys(statement))
      if (!allowed.includes(key)) fail(`${where}: unknown element ${key}`)
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny')
      fail(`${where}: Effect must be Allow or Deny`)
    if ((statement.Action === undefined) === (statement.NotAction === undefined))
      fail(`${where}: needs exactly one of Action and NotAction`)
    for (const key of ['Action', 'NotAction', 'Resource', 'NotResource']) {
      if (statement[key] !== undefined && !isValue(statement[key]))
        fail(`${where}: ${key} must be a string or a list of strings`)
    }
    for (const action of [
      ...listOf(statement.Action as PolicyValue),
      ...listOf(statement.NotAction as PolicyValue)
    ]) {
      if (action !== '*' && !/^[a-z0-9-]+:[A-Za-z0-9*?]+$/.test(action))
        fail(`${where}: action ${action} is not service:Action`)
    }
    const hasPrincipal = statement.Principal !== undefined || statement.NotPrincipal !== undefined
    if (kind === 'identity' && hasPrincipal) fail(`${where}: an identity policy has no Principal`)
    if (kind !== 'identity' && !hasPrincipal) fail(`${where}: needs a Principal`)
    const hasResource = statement.Resource !== undefined || statement.NotResource !== undefined
    if (kind === 'trust' && hasResource) fail(`${where}: a trust policy has no Resource`)
    if (kind !== 'trust' && !hasResource) fail(`${where}: needs a Resource or NotResource`)
    if (statement.Condition !== undefined) {
      if (typeof statement.Condition !== 'object' || statement.Condition === null)
        fail(`${where}: Condition must be an object`)
      for (const [operator, keys] of Object.entries(statement.Condition as object)) {
        try {
          parseOperator(operator)
        } catch (error) {
          fail(`${where}: ${(error as Error).message}`)
        }
        if (typeof keys !== 'object' || keys === null) fail(`${where}: ${operator} must map keys to values`)
        for (const [key, value] of Object.entries(keys as object)) {
          if (!isValue(value) && typeof value !== 'boolean')
            fail(`${where}: ${operator} ${key} must be a string or a list of strings`)
        }
      }
    }
  })
  return document as PolicyDocument
}
