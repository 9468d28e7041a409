/**
 * End to end, the example workflows as GitHub starts them: for each trigger of each workflow in
 * examples/workflows/ (copied to .github/workflows/ under the same name), the stand-in's GitHub OIDC
 * service mints the token GitHub would, its `sub` made from the repository's subject template as the
 * README sets it (repo, context, job_workflow_ref), and the action step, with the workflow's own
 * inputs, assumes the workflow's role (made from iam/<command>/) and passes. The tokens of other
 * workflows that run on the default branch (another file, another organization's reusable workflow)
 * are refused by the sync and publish-queries roles, and the step says the trust policy is why.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import type { StandIn } from '../../stand-in/index.js'
import type { GitHubTrigger } from '../../stand-in/oidc.js'
import { runAction, type ActionRun } from '../../stand-in/run-action.js'
import {
  createChecksWorkgroup,
  expectSuccess,
  runSync,
  syncWorld,
  transcript
} from '../helpers/documented-paths.js'
import {
  COMMANDS,
  createRoleFromFiles,
  EXAMPLE,
  jobEnv,
  jobStartedBy,
  PINNED_CLAIM_KEYS,
  roleArn,
  WORKFLOW_FILES,
  type Command
} from '../helpers/iam-world.js'
import { tearDown } from '../helpers/worlds.js'

const WORKFLOWS = fileURLToPath(new URL('../../examples/workflows/', import.meta.url))

interface Step {
  uses?: string
  with?: Record<string, string | number | boolean>
}

interface Workflow {
  on: Record<string, { branches?: string[] } | null>
  jobs: Record<string, { steps: Step[]; strategy?: { matrix?: { include?: Record<string, string>[] } } }>
}

/**
 * The workflow's step of this action: its command and its inputs, as a run without dispatch inputs
 * sees them, in the job of the matrix's first entry (the sync example's CloudTrail table: the one
 * its documented role names; the other entries' tables are added to the role as the README says).
 */
function actionStep(workflow: Workflow): { command: Command; inputs: Record<string, string> } {
  const job = Object.values(workflow.jobs).find((candidate) =>
    candidate.steps.some((step) => step.uses?.includes('/cloudtrail-partitions@'))
  )
  const step = job?.steps.find((candidate) => candidate.uses?.includes('/cloudtrail-partitions@'))
  if (!step?.with) throw new Error('no step uses the action')
  const matrix = job?.strategy?.matrix?.include?.[0] ?? {}
  const inputs: Record<string, string> = {}
  for (const [name, given] of Object.entries(step.with)) {
    const entry = /^\$\{\{\s*matrix\.([\w-]+)\s*\}\}$/.exec(String(given))
    if (entry && matrix[entry[1] as string] === undefined)
      throw new Error(`no matrix entry for ${String(given)}`)
    const value = entry ? (matrix[entry[1] as string] as string) : given
    // `${{ inputs.x || 'default' }}`: a scheduled or pushed run has no inputs, so the default.
    const expression = /^\$\{\{\s*inputs\.[\w-]+\s*\|\|\s*(?:'([^']*)'|(\w+))\s*\}\}$/.exec(String(value))
    if (String(value).includes('${{') && !expression)
      throw new Error(`unexpected expression ${String(value)}`)
    inputs[name] = expression ? (expression[1] ?? expression[2] ?? '') : String(value)
  }
  return { command: (inputs.command || 'sync') as Command, inputs }
}

/** What GitHub puts in the token for each event of these workflows (README, "AWS setup"). */
function triggerOf(event: string, filter: { branches?: string[] } | null, workflow: string): GitHubTrigger {
  switch (event) {
    case 'schedule':
    case 'workflow_dispatch':
      // Both run on the default branch.
      return { kind: 'branch', branch: 'main', event, workflow }
    case 'push':
      return { kind: 'branch', branch: filter?.branches?.[0] ?? 'main', event: 'push', workflow }
    case 'pull_request':
      return { kind: 'pull_request', number: 21, workflow }
    default:
      throw new Error(`no token form for ${event}`)
  }
}

const QUERY =
  "-- Console sign-ins\nSELECT eventname FROM cloudtrail WHERE year = '2026' AND month = '03' AND day = '01' AND eventname = 'ConsoleLogin'\n"

const cases = readdirSync(WORKFLOWS)
  .filter((file) => file.endsWith('.yml'))
  .sort()
  .flatMap((file) => {
    const workflow = parse(readFileSync(join(WORKFLOWS, file), 'utf8')) as Workflow
    const step = actionStep(workflow)
    return Object.entries(workflow.on).map(
      ([event, filter]) => [file, event, step, triggerOf(event, filter, file)] as const
    )
  })

let standIn: StandIn
let workspace: string

beforeAll(async () => {
  standIn = await syncWorld()
  standIn.s3.createBucket(EXAMPLE.resultsBucket, { ownerAccount: EXAMPLE.account })
  await createChecksWorkgroup(standIn)
  for (const command of COMMANDS) createRoleFromFiles(standIn, command)
  workspace = await mkdtemp(join(tmpdir(), 'ctp-triggers-'))
  await mkdir(join(workspace, 'queries'), { recursive: true })
  await writeFile(join(workspace, 'queries', 'console-sign-ins.sql'), QUERY)
  await writeFile(
    join(workspace, 'event.json'),
    JSON.stringify({ pull_request: { number: 21 }, repository: { name: 'ops', owner: { login: 'my-org' } } })
  )
})

afterAll(() => tearDown(standIn, workspace))

function runStep(event: string, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({
    inputs: { 'github-token': 'ghs_job_token', ...inputs },
    env: jobEnv(standIn, {
      GITHUB_EVENT_NAME: event,
      ...(event === 'pull_request' ? { GITHUB_EVENT_PATH: join(workspace, 'event.json') } : {})
    }),
    workspace
  })
}

describe('each example workflow trigger gets a token its role trusts', () => {
  it('covers the three commands, each in the file the README names', () => {
    expect(new Set(cases.map(([, , step]) => step.command))).toEqual(new Set(COMMANDS))
    for (const [file, , step] of cases) expect(WORKFLOW_FILES[step.command]).toBe(file)
  })

  it.each(cases)('%s on %s', async (file, event, step, trigger) => {
    // The workflow assumes the role of its command, as made from iam/.
    expect(step.inputs['role-to-assume']).toBe(roleArn(step.command))
    jobStartedBy(standIn, trigger)
    const issuedBefore = standIn.sts.issued.length
    const result = await runStep(event, step.inputs)
    expectSuccess(result)
    expect(standIn.iam.denials).toEqual([])
    // The token's sub names this workflow file, and STS issued the role's session for it.
    const sub = standIn.oidc.lastClaims?.sub
    const context = event === 'pull_request' ? 'pull_request' : 'ref:refs/heads/main'
    const ref = event === 'pull_request' ? 'refs/pull/21/merge' : 'refs/heads/main'
    expect(sub).toBe(
      `repo:${EXAMPLE.repository}:${context}:job_workflow_ref:${EXAMPLE.repository}/.github/workflows/${file}@${ref}`
    )
    const issued = standIn.sts.issued.slice(issuedBefore)
    expect(issued.map((credentials) => [credentials.roleArn, credentials.subject])).toEqual([
      [roleArn(step.command), sub]
    ])
  })
})

/** The publish step of examples/workflows/publish-queries.yml, with the token of `trigger`. */
function runPublish(trigger: GitHubTrigger): Promise<ActionRun> {
  jobStartedBy(standIn, trigger)
  return runStep('push', {
    command: 'publish-queries',
    'role-to-assume': roleArn('publish-queries'),
    'aws-region': EXAMPLE.region,
    queries: 'queries/**/*.sql',
    workgroup: EXAMPLE.workgroup,
    database: EXAMPLE.database,
    'dry-run': 'true'
  })
}

describe('the roles that write admit only their own workflow file on the default branch', () => {
  const OTHERS: [string, GitHubTrigger][] = [
    [
      'another workflow file of the repository on main (pull_request_target)',
      { kind: 'branch', branch: 'main', event: 'pull_request_target', workflow: 'label-pull-requests.yml' }
    ],
    [
      'an issue_comment workflow on main',
      { kind: 'branch', branch: 'main', event: 'issue_comment', workflow: 'chatops.yml' }
    ],
    [
      "another organization's reusable workflow called from main",
      {
        kind: 'branch',
        branch: 'main',
        event: 'push',
        workflow: 'ci.yml',
        calls: 'other-org/shared-workflows/.github/workflows/deploy.yml@refs/heads/main'
      }
    ]
  ]

  it.each(OTHERS)('refuses %s to the sync role, before any AWS call', async (_what, trigger) => {
    const issuedBefore = standIn.sts.issued.length
    const result = await runSync(standIn, roleArn('sync'), {}, trigger)
    expect(result.exitCode).not.toBe(0)
    expect(standIn.oidc.lastClaims?.sub).toMatch(/^repo:my-org\/ops:ref:refs\/heads\/main:job_workflow_ref:/)
    const text = transcript(result)
    expect(text).toContain('Not authorized to perform sts:AssumeRoleWithWebIdentity')
    expect(text).toContain("The role's trust policy does not admit this workflow's token")
    expect(standIn.sts.issued.length).toBe(issuedBefore)
  })

  it.each(OTHERS)('refuses %s to the publish-queries role', async (_what, trigger) => {
    const issuedBefore = standIn.sts.issued.length
    const result = await runPublish(trigger)
    expect(result.exitCode).not.toBe(0)
    expect(transcript(result)).toContain("The role's trust policy does not admit this workflow's token")
    expect(standIn.sts.issued.length).toBe(issuedBefore)
  })

  it("admits publish-queries.yml's own push to the publish-queries role, and not to the sync role", async () => {
    const own: GitHubTrigger = {
      kind: 'branch',
      branch: 'main',
      event: 'push',
      workflow: 'publish-queries.yml'
    }
    expectSuccess(await runPublish(own))
    const result = await runSync(standIn, roleArn('sync'), {}, own)
    expect(result.exitCode).not.toBe(0)
    expect(transcript(result)).toContain("The role's trust policy does not admit this workflow's token")
  })

  it("refuses even the sync workflow's own token while the repository keeps GitHub's default sub", async () => {
    standIn.oidc.setSubjectTemplate(EXAMPLE.repository, { use_default: true })
    try {
      const result = await runSync(standIn, roleArn('sync'))
      expect(result.exitCode).not.toBe(0)
      expect(standIn.oidc.lastClaims?.sub).toBe(`repo:${EXAMPLE.repository}:ref:refs/heads/main`)
      expect(transcript(result)).toContain("The role's trust policy does not admit this workflow's token")
    } finally {
      standIn.oidc.setSubjectTemplate(EXAMPLE.repository, {
        use_default: false,
        include_claim_keys: [...PINNED_CLAIM_KEYS]
      })
    }
  })
})

describe('a token the trust policy does not name is refused', () => {
  it("refuses a pull request's token to the sync role: STS AccessDenied, and the step blames the trust policy", async () => {
    const issuedBefore = standIn.sts.issued.length
    const result = await runSync(standIn, roleArn('sync'), {}, { kind: 'pull_request', number: 22 })
    expect(result.exitCode).not.toBe(0)
    expect(standIn.oidc.lastClaims?.sub).toMatch(/^repo:my-org\/ops:pull_request:job_workflow_ref:/)
    const text = transcript(result)
    expect(text).toContain('AccessDenied')
    expect(text).toContain('Not authorized to perform sts:AssumeRoleWithWebIdentity')
    expect(text).toContain("The role's trust policy does not admit this workflow's token")
    expect(standIn.sts.issued.length).toBe(issuedBefore)
  })

  it('refuses a default-branch token to the read-only check-queries role', async () => {
    jobStartedBy(standIn, { kind: 'branch', branch: 'main', event: 'push' }, 'check-queries')
    const result = await runStep('push', {
      command: 'check-queries',
      table: EXAMPLE.table,
      database: EXAMPLE.database,
      'role-to-assume': roleArn('check-queries'),
      'aws-region': EXAMPLE.region,
      workgroup: EXAMPLE.checksWorkgroup
    })
    expect(result.exitCode).not.toBe(0)
    expect(transcript(result)).toContain("The role's trust policy does not admit this workflow's token")
  })
})

describe("the README's subject template", () => {
  it('is what its gh api call sets, over GitHub REST, and what the trust policies expect', async () => {
    const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8')
    const call =
      /gh api -X PUT repos\/([\w.-]+\/[\w.-]+)\/actions\/oidc\/customization\/sub --input - <<'EOF'\n(.+)\nEOF/.exec(
        readme
      )
    if (!call) throw new Error('README has no gh api call setting the subject template')
    const [, repository, body] = call as unknown as [string, string, string]
    expect(repository).toBe(EXAMPLE.repository)
    standIn.oidc.setSubjectTemplate(EXAMPLE.repository, { use_default: true })
    const response = await fetch(`${standIn.endpoint}/repos/${repository}/actions/oidc/customization/sub`, {
      method: 'PUT',
      headers: { authorization: 'Bearer ghp_repository_admin', accept: 'application/vnd.github+json' },
      body
    })
    expect(response.status).toBe(201)
    expect(standIn.oidc.claimKeysFor(EXAMPLE.repository)).toEqual(PINNED_CLAIM_KEYS)
    // The sync workflow's own scheduled run passes with it.
    expectSuccess(await runSync(standIn, roleArn('sync')))
  })
})
