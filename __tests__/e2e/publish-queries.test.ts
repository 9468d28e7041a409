/**
 * End to end: `command: publish-queries` of the bundled action against the stand-in's Athena,
 * through OIDC, on a workspace of SQL files.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { runAction, type ActionRun } from '../../stand-in/run-action.js'
import { expectSuccess, tearDown } from '../helpers/worlds.js'

let standIn: StandIn
let workspace: string

beforeAll(async () => {
  standIn = await startStandIn()
  standIn.athena.addWorkGroup('security')
  workspace = await mkdtemp(join(tmpdir(), 'ctp-publish-'))
  await mkdir(join(workspace, 'queries', 'iam'), { recursive: true })
  await writeFile(
    join(workspace, 'queries', 'root-activity.sql'),
    "-- Root user activity\nSELECT eventname FROM cloudtrail WHERE year = '2026' AND month = '03' AND day = '01' AND useridentity.type = 'Root'\n"
  )
  await writeFile(
    join(workspace, 'queries', 'iam', 'policy-changes.sql'),
    "-- IAM policy changes\nSELECT eventname FROM cloudtrail WHERE year = '2026' AND month = '03' AND day = '01' AND eventsource = 'iam.amazonaws.com'\n"
  )
})

afterAll(() => tearDown(standIn, workspace))

function publish(inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    inputs: {
      command: 'publish-queries',
      'role-to-assume': 'arn:aws:iam::123456789012:role/queries',
      'aws-region': 'eu-central-1',
      workgroup: 'security',
      database: 'audit',
      'delete-missing': 'true',
      ...inputs
    },
    env: standIn.env(),
    workspace
  })
}

const names = () =>
  standIn.athena
    .namedQueries('security')
    .map((q) => q.Name)
    .sort()
const athenaWrites = () =>
  ['Athena.CreateNamedQuery', 'Athena.UpdateNamedQuery', 'Athena.DeleteNamedQuery'].reduce(
    (sum, op) => sum + standIn.server.calls.get(op),
    0
  )

describe('publish-queries', () => {
  it('creates one named query per file, through OIDC credentials', async () => {
    standIn.athena.createNamedQueryDirect({
      Name: 'hand-made',
      Database: 'audit',
      QueryString: 'SELECT 1',
      WorkGroup: 'security'
    })
    const result = await publish()
    expectSuccess(result)
    expect(names()).toHaveLength(3)
    expect(
      standIn.athena.namedQueries('security').find((q) => q.QueryString?.includes('iam.amazonaws.com'))
    ).toMatchObject({
      Database: 'audit'
    })
    expect(result.outputs.summary).toContain('2 created')
    const signers = [...(standIn.server.signers.get('Athena.CreateNamedQuery') ?? [])]
    expect(signers.every((key) => standIn.sts.isIssued(key))).toBe(true)
  })

  it('writes nothing when nothing changed', async () => {
    standIn.server.calls.reset()
    expectSuccess(await publish())
    expect(athenaWrites()).toBe(0)
  })

  it('updates a changed file, and deletes only its own query of a removed file', async () => {
    await writeFile(
      join(workspace, 'queries', 'root-activity.sql'),
      "-- Root user activity, all regions\nSELECT eventname, awsregion FROM cloudtrail WHERE year = '2026' AND month = '03' AND day = '02' AND useridentity.type = 'Root'\n"
    )
    await rm(join(workspace, 'queries', 'iam', 'policy-changes.sql'))
    standIn.server.calls.reset()
    const dry = await publish({ 'dry-run': 'true' })
    expectSuccess(dry)
    expect(athenaWrites()).toBe(0)
    const result = await publish()
    expectSuccess(result)
    expect(standIn.server.calls.get('Athena.UpdateNamedQuery')).toBe(1)
    expect(standIn.server.calls.get('Athena.DeleteNamedQuery')).toBe(1)
    expect(names()).toHaveLength(2)
    expect(names()).toContain('hand-made')
    expect(result.summary).toContain('root-activity.sql')
  })

  it('refuses to delete more than max-delete-queries named queries: a narrowed glob deletes nothing', async () => {
    for (let i = 0; i < 6; i++) {
      await writeFile(join(workspace, 'queries', 'iam', `extra-${i}.sql`), `-- extra ${i}\nSELECT ${i}\n`)
    }
    expectSuccess(await publish())
    const before = names()
    standIn.server.calls.reset()
    const dry = await publish({ queries: 'queries/root-activity.sql', 'dry-run': 'true' })
    expectSuccess(dry)
    expect(dry.summary).toContain('A real run would stop')
    const result = await publish({ queries: 'queries/root-activity.sql' })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/::error::.*delete 6 named queries.*'max-delete-queries'/)
    expect(athenaWrites()).toBe(0)
    expect(names()).toEqual(before)
  })

  it('names the input when no file matches', async () => {
    const result = await publish({ queries: 'nothing/**/*.sql' })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain("::error::Input 'queries': 'nothing/**/*.sql' matches no .sql file")
  })
})
