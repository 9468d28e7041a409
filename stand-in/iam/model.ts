/**
 * IAM of the stand-in: accounts, GitHub OIDC providers, roles with their trust and permission
 * policies, and who signed a request (an STS session bound to its role, or an administrator key).
 * Services ask `callerOf` who is calling; `authorize.ts` decides.
 */
import { createHash, randomBytes } from 'node:crypto'
import { validatePolicy, type PolicyDocument } from './policy.js'

/** The account the stand-in answered as before it knew accounts: ambient keys administer it. */
export const ADMIN_ACCOUNT = '123456789012'
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com'
const ACCOUNT_ID = /^\d{12}$/
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/

export type DenialReason =
  | 'no identity-based policy allows'
  | 'explicit deny in an identity-based policy'
  | 'no resource-based policy allows'
  | 'explicit deny in a resource-based policy'
  | 'no session policy allows'
  | 'explicit deny in a session policy'

export interface Denial {
  /** `Glue.GetTable`. */
  operation: string
  action: string
  /** The ARN denied, or undefined for an action without resources. */
  resource: string | undefined
  principalArn: string
  reason: DenialReason
}

export interface Account {
  id: string
  name: string
  /** AWS Organizations id (`o-...`): the value of `aws:PrincipalOrgID` for its principals. */
  organizationId?: string
}

export interface OidcProvider {
  arn: string
  account: string
  /** The provider's client ID list: a token's `aud` must be one of them. */
  clientIds: string[]
}

export interface Role {
  account: string
  name: string
  arn: string
  /** `AROA...`, stable per ARN as IAM keeps one per role. */
  roleId: string
  trustPolicy: PolicyDocument
  /** Inline permission policies by name. */
  policies: Map<string, PolicyDocument>
  maxSessionDurationSeconds: number
}

export interface RoleInput {
  account: string
  name: string
  trustPolicy: unknown
  /** Inline permission policies: a list (named `policy-1`...) or by name. */
  policies?: readonly unknown[] | Record<string, unknown>
  maxSessionDurationSeconds?: number
}

/** A request signed by an STS session of a role. */
export interface SessionCaller {
  kind: 'session'
  account: string
  roleArn: string
  /** `arn:aws:sts::<account>:assumed-role/<role>/<session>`. */
  arn: string
  sessionName: string
  /** The role as IAM knows it; undefined for a role the stand-in was never told about (unrestricted). */
  role: Role | undefined
  /** When the session's credentials expire (ms since the epoch, stand-in time). */
  expiresAt?: number
  /** The session policy passed to AssumeRoleWithWebIdentity (`Policy`): it narrows the role's permissions. */
  sessionPolicy?: PolicyDocument
}

/** A key the stand-in did not issue: the account's administrator, never denied. */
export interface AdministratorCaller {
  kind: 'administrator'
  account: string
  arn: string
}

export type Caller = SessionCaller | AdministratorCaller

export interface AdministratorKey {
  accessKeyId: string
  secretAccessKey: string
}

/** A stable role id (`AROA` + 17 characters) per role ARN. */
export function roleIdOf(roleArn: string): string {
  const digest = createHash('sha256').update(roleArn).digest()
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  return `AROA${Array.from(digest.subarray(0, 17), (byte) => alphabet[byte % 32]).join('')}`
}

export function oidcProviderArn(account: string): string {
  return `arn:aws:iam::${account}:oidc-provider/${GITHUB_OIDC_HOST}`
}

function policiesOf(input: RoleInput['policies']): Map<string, PolicyDocument> {
  const entries: [string, unknown][] = Array.isArray(input)
    ? input.map((policy, i) => [`policy-${i + 1}`, policy])
    : Object.entries(input ?? {})
  return new Map(entries.map(([name, policy]) => [name, validatePolicy(policy, 'identity')]))
}

export class IamModel {
  /**
   * When true, STS refuses a role it does not know (as AWS does). It turns on with the first
   * `createRole`; before that, any role ARN may be assumed and its sessions are unrestricted, as
   * the stand-in behaved before it knew IAM.
   */
  strict = false
  readonly accounts = new Map<string, Account>()
  readonly providers = new Map<string, OidcProvider>()
  readonly roles = new Map<string, Role>()
  /** Every request denied so far, in order (operation, IAM action, resource ARN, reason). */
  readonly denials: Denial[] = []
  /** Sessions by access key id (STS records each one it issues). */
  private readonly sessions = new Map<string, SessionCaller>()
  private readonly administratorKeys = new Map<string, string>()

  constructor() {
    this.createAccount(ADMIN_ACCOUNT, { name: 'admin' })
  }

  createAccount(id: string, options: { name?: string; organizationId?: string } = {}): Account {
    if (!ACCOUNT_ID.test(id)) throw new Error(`an account id is 12 digits, not ${id}`)
    const account: Account = { id, name: options.name ?? id }
    if (options.organizationId !== undefined) account.organizationId = options.organizationId
    this.accounts.set(id, account)
    return account
  }

  /** The account, created on first use: tests may name any 12-digit account. */
  account(id: string): Account {
    return this.accounts.get(id) ?? this.createAccount(id)
  }

  /** Registers GitHub's OIDC provider in the account (IAM CreateOpenIDConnectProvider). */
  createOidcProvider(account: string, options: { clientIds?: string[] } = {}): OidcProvider {
    this.account(account)
    const provider: OidcProvider = {
      arn: oidcProviderArn(account),
      account,
      clientIds: options.clientIds ?? ['sts.amazonaws.com']
    }
    this.providers.set(account, provider)
    return provider
  }

  deleteOidcProvider(account: string): void {
    this.providers.delete(account)
  }

  /** Creates (or replaces) a role; the policies are validated, so a malformed one throws here. */
  createRole(input: RoleInput): Role {
    this.account(input.account)
    if (!ROLE_NAME.test(input.name)) throw new Error(`invalid role name ${input.name}`)
    const arn = `arn:aws:iam::${input.account}:role/${input.name}`
    const role: Role = {
      account: input.account,
      name: input.name,
      arn,
      roleId: roleIdOf(arn),
      trustPolicy: validatePolicy(input.trustPolicy, 'trust'),
      policies: policiesOf(input.policies),
      maxSessionDurationSeconds: input.maxSessionDurationSeconds ?? 3600
    }
    this.roles.set(arn, role)
    this.strict = true
    return role
  }

  /** IAM PutRolePolicy: adds or replaces one inline policy; sessions see it on their next call. */
  putRolePolicy(roleArn: string, name: string, policy: unknown): void {
    this.roleOrThrow(roleArn).policies.set(name, validatePolicy(policy, 'identity'))
  }

  deleteRolePolicy(roleArn: string, name: string): void {
    if (!this.roleOrThrow(roleArn).policies.delete(name))
      throw new Error(`role ${roleArn} has no policy ${name}`)
  }

  role(roleArn: string): Role | undefined {
    return this.roles.get(roleArn)
  }

  /** A long-term key that administers `account` (never denied), like the ambient key does the admin account. */
  administratorKey(account: string): AdministratorKey {
    this.account(account)
    const accessKeyId = `AKIA${randomBytes(8).toString('hex').toUpperCase()}`
    this.administratorKeys.set(accessKeyId, account)
    return { accessKeyId, secretAccessKey: randomBytes(30).toString('base64') }
  }

  recordSession(accessKeyId: string, session: Omit<SessionCaller, 'kind' | 'role'>): void {
    this.sessions.set(accessKeyId, { kind: 'session', ...session, role: undefined })
  }

  /** Who signed with this key; undefined for an unsigned request. Unknown keys administer the admin account. */
  callerOf(accessKeyId: string | undefined): Caller | undefined {
    if (accessKeyId === undefined) return undefined
    const session = this.sessions.get(accessKeyId)
    // The role is looked up on every call: a policy changed after the session started applies at once.
    if (session) return { ...session, role: this.roles.get(session.roleArn) }
    const account = this.administratorKeys.get(accessKeyId) ?? ADMIN_ACCOUNT
    return { kind: 'administrator', account, arn: `arn:aws:iam::${account}:user/stand-in` }
  }

  private roleOrThrow(roleArn: string): Role {
    const role = this.roles.get(roleArn)
    if (!role) throw new Error(`no role ${roleArn}`)
    return role
  }
}
