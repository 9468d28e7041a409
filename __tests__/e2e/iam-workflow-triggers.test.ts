/**
 * End to end, the example workflows as GitHub starts them: for each trigger of each workflow in
 * examples/workflows/, the stand-in's GitHub OIDC service mints the token GitHub would (its `sub`
 * per trigger), and the action step, with the workflow's own inputs, assumes the workflow's role
 * (made from iam/<command>/) and passes. A pull request's token is refused by the sync role, and
 * the step says the trust policy is why.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import type { StandIn } from '../../stand-in/index.js'
import type { GitHubTrigger } from '../../stand-in/oidc.js'
import { runAction, type ActionRun } from '../../stand-in/run-action.js'
import { expectSuccess, runSync, syncWorld, transcript } from '../helpers/documented-paths.js'
import {
  COMMANDS,
  createRoleFromFiles,
  EXAMPLE,
  iamFile,
  jobEnv,
  jobStartedBy,
  roleArn,
  type Command
} from '../helpers/iam-world.js'

const WORKFLOWS = fileURLToPath(new URL('../../examples/workflows/', import.meta.url))

interface Step {
  uses?: string
  with?: Record<string, string | number | boolean>
}

interface Workflow {
  on: Record<string, { branches?: string[] } | null>
  jobs: Record<string, { steps: Step[] }>
}

/** The workflow's step of this action: its command and its inputs, as a run without dispatch inputs sees them. */
function actionStep(workflow: Workflow): { command: Command; inputs: Record<string, string> } {
  const step = Object.values(workflow.jobs)
    .flatMap((job) => job.steps)
    .find((candidate) => candidate.uses?.includes('/cloudtrail-partitions@'))
  if (!step?.with) throw new Error('no step uses the action')
  const inputs: Record<string, string> = {}
  for (const [name, value] of Object.entries(step.with)) {
    // `${{ inputs.x || 'default' }}`: a scheduled or pushed run has no inputs, so the default.
    const expression = /^\$\{\{\s*inputs\.[\w-]+\s*\|\|\s*(?:'([^']*)'|(\w+))\s*\}\}$/.exec(String(value))
    if (String(value).includes('${{') && !expression)
      throw new Error(`unexpected expression ${String(value)}`)
    inputs[name] = expression ? (expression[1] ?? expression[2] ?? '') : String(value)
  }
  return { command: (inputs.command || 'sync') as Command, inputs }
}

/** What GitHub puts in the token for each event of these workflows (README, "AWS setup"). */
function triggerOf(event: string, filter: { branches?: string[] } | null): GitHubTrigger {
  switch (event) {
    case 'schedule':
    case 'workflow_dispatch':
      // Both run on the default branch.
      return { kind: 'branch', branch: 'main', event }
    case 'push':
      return { kind: 'branch', branch: filter?.branches?.[0] ?? 'main', event: 'push' }
    case 'pull_request':
      return { kind: 'pull_request', number: 21 }
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
      ([event, filter]) => [file, event, step, triggerOf(event, filter)] as const
    )
  })

let standIn: StandIn
let workspace: string

beforeAll(async () => {
  standIn = await syncWorld()
  standIn.s3.createBucket(EXAMPLE.resultsBucket, { ownerAccount: EXAMPLE.account })
  standIn.athena.addWorkGroup(EXAMPLE.workgroup, { outputLocation: `s3://${EXAMPLE.resultsBucket}/` })
  for (const command of COMMANDS) createRoleFromFiles(standIn, command)
  workspace = await mkdtemp(join(tmpdir(), 'ctp-triggers-'))
  await mkdir(join(workspace, 'queries'), { recursive: true })
  await writeFile(join(workspace, 'queries', 'console-sign-ins.sql'), QUERY)
  await writeFile(
    join(workspace, 'event.json'),
    JSON.stringify({ pull_request: { number: 21 }, repository: { name: 'ops', owner: { login: 'my-org' } } })
  )
})

afterAll(async () => {
  await standIn.close()
  await rm(workspace, { recursive: true, force: true })
})

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
  it('covers the three commands', () => {
    expect(new Set(cases.map(([, , step]) => step.command))).toEqual(new Set(COMMANDS))
  })

  it.each(cases)('%s on %s', async (_file, event, step, trigger) => {
    // The workflow assumes the role of its command, as made from iam/.
    expect(step.inputs['role-to-assume']).toBe(roleArn(step.command))
    jobStartedBy(standIn, trigger)
    const issuedBefore = standIn.sts.issued.length
    const result = await runStep(event, step.inputs)
    expectSuccess(result)
    expect(standIn.iam.denials).toEqual([])
    // The token's sub is the one the trust policy names, and STS issued the role's session for it.
    const sub = standIn.oidc.lastClaims?.sub
    const trust = JSON.stringify(iamFile(`${step.command}/trust.json`))
    expect(trust).toContain(`"token.actions.githubusercontent.com:sub":"${sub}"`)
    const issued = standIn.sts.issued.slice(issuedBefore)
    expect(issued.map((credentials) => [credentials.roleArn, credentials.subject])).toEqual([
      [roleArn(step.command), sub]
    ])
  })
})

describe('a token the trust policy does not name is refused', () => {
  it("refuses a pull request's token to the sync role: STS AccessDenied, and the step blames the trust policy", async () => {
    const issuedBefore = standIn.sts.issued.length
    const result = await runSync(standIn, roleArn('sync'), {}, { kind: 'pull_request', number: 22 })
    expect(result.exitCode).not.toBe(0)
    expect(standIn.oidc.lastClaims?.sub).toBe(`repo:${EXAMPLE.repository}:pull_request`)
    const text = transcript(result)
    expect(text).toContain('AccessDenied')
    expect(text).toContain('Not authorized to perform sts:AssumeRoleWithWebIdentity')
    expect(text).toContain("The role's trust policy does not admit this workflow's token")
    expect(standIn.sts.issued.length).toBe(issuedBefore)
  })

  it('refuses a default-branch token to the read-only check-queries role', async () => {
    jobStartedBy(standIn, { kind: 'branch', branch: 'main', event: 'push' })
    const result = await runStep('push', {
      command: 'check-queries',
      table: EXAMPLE.table,
      database: EXAMPLE.database,
      'role-to-assume': roleArn('check-queries'),
      'aws-region': EXAMPLE.region,
      workgroup: EXAMPLE.workgroup
    })
    expect(result.exitCode).not.toBe(0)
    expect(transcript(result)).toContain("The role's trust policy does not admit this workflow's token")
  })
})
