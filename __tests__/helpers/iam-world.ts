/**
 * The stand-in set up as a user's AWS account would be after following the README's "AWS setup":
 * GitHub's OIDC provider, and each command's role made from the files in iam/ (trust and
 * permissions), with the README's example values or with values a test substitutes the way a user
 * edits them. Used by the end-to-end tests of the documented policies.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { StandIn } from '../../stand-in/index.js'
import type { GitHubTrigger } from '../../stand-in/oidc.js'
import { pinToday } from './today.js'

/** The example values of iam/ and the README. */
export const EXAMPLE = {
  account: '111122223333',
  region: 'eu-central-1',
  bucket: 'org-cloudtrail-logs',
  database: 'security',
  table: 'cloudtrail',
  /** publish-queries' workgroup (the named queries). */
  workgroup: 'primary',
  /** check-queries' own workgroup: its results enforced under `resultsPrefix`, 10 MB per query at most. */
  checksWorkgroup: 'cloudtrail-partitions-checks',
  repository: 'my-org/ops',
  resultsBucket: 'aws-athena-query-results-111122223333-eu-central-1',
  resultsPrefix: 'cloudtrail-partitions/checks/'
} as const

/**
 * The repository's OIDC subject template the README sets (`include_claim_keys`): the `sub` names the
 * workflow file, so a role can trust one file of the default branch.
 */
export const PINNED_CLAIM_KEYS: readonly string[] = ['repo', 'context', 'job_workflow_ref']

/** The example workflow file of each command, as the README says to copy it to .github/workflows/. */
export const WORKFLOW_FILES = {
  sync: 'cloudtrail-partitions.yml',
  'check-queries': 'check-queries.yml',
  'publish-queries': 'publish-queries.yml'
} as const

export type Command = 'sync' | 'check-queries' | 'publish-queries'
export const COMMANDS: readonly Command[] = ['sync', 'check-queries', 'publish-queries']

/** The role names of the README's table and the example workflows. */
export const ROLE_NAMES: Readonly<Record<Command, string>> = {
  sync: 'cloudtrail-partitions-sync',
  'check-queries': 'cloudtrail-partitions-check-queries',
  'publish-queries': 'cloudtrail-partitions-publish-queries'
}

export function roleArn(command: Command, account: string = EXAMPLE.account): string {
  return `arn:aws:iam::${account}:role/${ROLE_NAMES[command]}`
}

export interface Statement {
  Sid?: string
  Effect: string
  Action?: string | string[]
  Resource?: string | string[]
  Principal?: unknown
  Condition?: unknown
}

export interface PolicyDocument {
  Version: string
  Statement: Statement[]
}

/** A file of iam/, parsed: `sync/permissions.json`. */
export function iamFile<T = PolicyDocument>(path: string): T {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../iam/${path}`, import.meta.url)), 'utf8')) as T
}

/** Every occurrence of each key replaced by its value, as a user edits the example values. */
export function substitute<T>(document: T, replacements: Readonly<Record<string, string>>): T {
  let text = JSON.stringify(document)
  for (const [from, to] of Object.entries(replacements)) text = text.split(from).join(to)
  return JSON.parse(text) as T
}

const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

/** The distinct actions the policy allows, in file order. */
export function actionsOf(document: PolicyDocument): string[] {
  return [...new Set(document.Statement.flatMap((statement) => list(statement.Action)))]
}

/** A copy of the policy without `action` (a statement left with no action is dropped). */
export function withoutAction(document: PolicyDocument, action: string): PolicyDocument {
  const statements = document.Statement.flatMap((statement) => {
    const actions = list(statement.Action).filter((a) => a !== action)
    if (actions.length === 0) return []
    return [{ ...statement, Action: actions.length === 1 ? (actions[0] as string) : actions }]
  })
  return { ...document, Statement: statements }
}

export interface RoleOptions {
  account?: string
  /** Applied to both documents (after reading them from iam/). */
  substitutions?: Readonly<Record<string, string>>
  /** The permissions policy to attach instead of the file's (already substituted). */
  permissions?: PolicyDocument
}

/**
 * Creates the command's role in the stand-in from iam/<command>/trust.json and permissions.json
 * (and GitHub's OIDC provider in its account, as the README says to do once), returning its ARN.
 */
export function createRoleFromFiles(standIn: StandIn, command: Command, options: RoleOptions = {}): string {
  const account = options.account ?? EXAMPLE.account
  const substitutions = {
    ...(account === EXAMPLE.account ? {} : { [EXAMPLE.account]: account }),
    ...options.substitutions
  }
  if (!standIn.iam.providers.has(account)) standIn.iam.createOidcProvider(account)
  // The roles trust the repository's customized sub, as the README sets it up.
  pinWorkflows(standIn)
  const trust = substitute(iamFile(`${command}/trust.json`), substitutions)
  const permissions = options.permissions ?? substitute(iamFile(`${command}/permissions.json`), substitutions)
  return standIn.iam.createRole({
    account,
    name: ROLE_NAMES[command],
    trustPolicy: trust,
    policies: { [`${ROLE_NAMES[command]}-permissions`]: permissions }
  }).arn
}

/** The README's step: the example repository's tokens carry the workflow file in their `sub`. */
export function pinWorkflows(standIn: StandIn): void {
  standIn.oidc.setSubjectTemplate(EXAMPLE.repository, {
    use_default: false,
    include_claim_keys: [...PINNED_CLAIM_KEYS]
  })
}

/**
 * The tokens that follow are those of a job of the example repository started by `trigger` (in the
 * example workflow of `command` unless the trigger names its workflow file).
 */
export function jobStartedBy(standIn: StandIn, trigger: GitHubTrigger, command?: Command): void {
  const workflow = trigger.workflow ?? (command ? WORKFLOW_FILES[command] : undefined)
  standIn.oidc.setTrigger(workflow ? { ...trigger, workflow } : trigger, EXAMPLE.repository)
}

/** The environment of a job of the example repository: the stand-in as AWS and GitHub. */
export function jobEnv(standIn: StandIn, extra: Record<string, string> = {}): Record<string, string> {
  // Months after the paths' as-of (2026-03-05): a step without as-of (a workflow's schedule) makes a
  // window of its own that a later step with as-of leaves alone, as it did on the clock of late 2026.
  return { ...standIn.env(), GITHUB_REPOSITORY: EXAMPLE.repository, ...pinToday('2026-12-01'), ...extra }
}
