/**
 * The stand-in is as strict as AWS's models on what the product sends. The bundled action runs its
 * three commands against the stand-in (sync twice, with create-table; check-queries with AWS;
 * publish-queries twice); every request it sends is recorded, once per operation. From each, the
 * service's model generates mutations that each break one constraint (model-mutations.ts), and each
 * is sent as the product would send it. AWS refuses them all with its validation error; so must the
 * stand-in. With the model check off (the stand-in before it), some get through: the test keeps
 * that count honest too.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { loadModel, type ModelName, type ServiceModel } from '../../stand-in/model-validation.js'
import { runAction, type ActionRun } from '../../stand-in/run-action.js'
import type { StandInRequest } from '../../stand-in/types.js'
import { expectSuccess, instantPartitionIndexes, organizationBucket, tearDown } from '../helpers/worlds.js'
import { mutationsOf, type Mutation } from './model-mutations.js'

const REGION = 'eu-central-1'
const ROLE = 'arn:aws:iam::123456789012:role/product'
const VALIDATION_CODES: Record<string, string> = {
  Glue: 'ValidationException',
  Athena: 'InvalidRequestException',
  STS: 'ValidationError',
  S3: 'InvalidArgument'
}
const MODELS: Record<string, ModelName> = { Glue: 'glue', Athena: 'athena', STS: 'sts', S3: 's3' }

let standIn: StandIn
let workspace: string
const recorded = new Map<string, StandInRequest>()

function action(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({
    inputs: { 'role-to-assume': ROLE, 'aws-region': REGION, ...inputs },
    env: standIn.env(),
    workspace
  })
}

beforeAll(async () => {
  standIn = await startStandIn()
  instantPartitionIndexes(standIn) // the sync waits for its new index; this test is about requests
  standIn.server.onRequest = (operation, request) => {
    if (!recorded.has(operation)) recorded.set(operation, request)
  }
  const trail = organizationBucket(standIn, { from: '2026-02-25', to: '2026-03-03', regions: ['eu-west-1'] })
  standIn.s3.createBucket('query-results')
  standIn.athena.addWorkGroup('security', { outputLocation: 's3://query-results/checks/' })
  workspace = await mkdtemp(join(tmpdir(), 'ctp-strict-'))
  await mkdir(join(workspace, 'queries'), { recursive: true })
  const query = (name: string, text: string) => writeFile(join(workspace, 'queries', name), text)
  await query(
    'root.sql',
    "-- Root activity\nSELECT eventname FROM cloudtrail WHERE year = '2026' AND month = '03'\n"
  )
  await query(
    'iam.sql',
    "-- IAM changes\nSELECT eventname FROM cloudtrail WHERE eventsource = 'iam.amazonaws.com'\n"
  )

  const sync = {
    bucket: trail.bucket,
    database: 'audit',
    table: 'cloudtrail',
    'retention-days': '1',
    'future-days': '1'
  }
  expectSuccess(await action({ ...sync, 'create-table': 'true', 'as-of': '2026-03-01' }))
  expectSuccess(await action({ ...sync, 'as-of': '2026-03-03' })) // the roll removes the oldest days
  const queries = { database: 'audit', table: 'cloudtrail', workgroup: 'security', queries: 'queries/*.sql' }
  await action({ command: 'check-queries', ...queries })
  expectSuccess(await action({ command: 'publish-queries', ...queries }))
  await query('root.sql', "-- Root activity\nSELECT eventname FROM cloudtrail WHERE year = '2026'\n")
  await rm(join(workspace, 'queries', 'iam.sql'))
  expectSuccess(await action({ command: 'publish-queries', ...queries, 'delete-missing': 'true' }))
  standIn.server.onRequest = undefined
}, 120_000)

afterAll(() => tearDown(standIn, workspace))

/** The model input of a recorded request, as its protocol carries it. */
function inputOf(
  service: string,
  model: ServiceModel,
  operation: string,
  request: StandInRequest
): Record<string, unknown> {
  if (service === 'Glue' || service === 'Athena') return JSON.parse(request.body.toString('utf8') || '{}')
  const shape = model.shapes[model.operations[operation] ?? ''] ?? { type: 'structure' }
  const input: Record<string, unknown> = {}
  for (const [member, ref] of Object.entries(shape.members ?? {})) {
    const type = model.shapes[ref.shape]?.type
    let text: string | null | undefined
    if (service === 'STS') text = new URLSearchParams(request.body.toString('utf8')).get(member)
    else if (ref.location === 'querystring') text = request.url.searchParams.get(ref.locationName ?? member)
    else if (ref.location === 'uri') text = decodeURIComponent(request.url.pathname.split('/')[1] ?? '')
    if (text === null || text === undefined) continue
    input[member] = type === 'integer' ? Number(text) : text
  }
  return input
}

/** Sends a mutated input the way the recorded request was sent; undefined when it cannot be expressed. */
async function send(
  service: string,
  model: ServiceModel,
  operation: string,
  request: StandInRequest,
  input: Record<string, unknown>
): Promise<{ status: number; code: string } | undefined> {
  let response: Response
  if (service === 'Glue' || service === 'Athena') {
    response = await fetch(standIn.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': String(request.headers['x-amz-target'])
      },
      body: JSON.stringify(input)
    })
  } else if (service === 'STS') {
    const form = new URLSearchParams(request.body.toString('utf8'))
    for (const member of Object.keys(model.shapes[model.operations[operation] ?? '']?.members ?? {})) {
      form.delete(member)
      if (input[member] !== undefined) form.set(member, String(input[member]))
    }
    response = await fetch(standIn.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: form.toString()
    })
  } else {
    if (typeof input.Bucket !== 'string' || input.Bucket === '') return undefined // no bucket: another operation
    const url = new URL(`/${encodeURIComponent(input.Bucket)}`, standIn.endpoint)
    url.searchParams.set('list-type', '2')
    for (const [member, ref] of Object.entries(
      model.shapes[model.operations[operation] ?? '']?.members ?? {}
    )) {
      if (ref.location === 'querystring' && input[member] !== undefined) {
        url.searchParams.set(ref.locationName ?? member, String(input[member]))
      }
    }
    response = await fetch(url)
  }
  const text = await response.text()
  const code = /"__type":"([^"]+)"/.exec(text)?.[1] ?? /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? ''
  return { status: response.status, code }
}

interface Outcome {
  operation: string
  mutation: string
  status: number
  code: string
}

async function sendAllMutations(): Promise<Outcome[]> {
  const outcomes: Outcome[] = []
  for (const [operation, request] of recorded) {
    const [service, name] = operation.split('.') as [string, string]
    const modelName = MODELS[service]
    if (!modelName) continue
    const model = loadModel(modelName)
    const mutations: Mutation[] = mutationsOf(model, name, inputOf(service, model, name, request))
    for (const mutation of mutations) {
      const answer = await send(service, model, name, request, mutation.input as Record<string, unknown>)
      if (answer) outcomes.push({ operation, mutation: mutation.description, ...answer })
    }
  }
  return outcomes
}

describe('requests the product sends, mutated against the models', () => {
  it('recorded every operation the product calls', () => {
    expect([...recorded.keys()].filter((op) => !op.startsWith('OIDC.')).sort()).toEqual([
      'Athena.BatchGetNamedQuery',
      'Athena.CreateNamedQuery',
      'Athena.DeleteNamedQuery',
      'Athena.GetQueryExecution',
      'Athena.ListNamedQueries',
      'Athena.StartQueryExecution',
      'Athena.UpdateNamedQuery',
      'Glue.BatchCreatePartition',
      'Glue.BatchDeletePartition',
      'Glue.CreateDatabase',
      'Glue.CreatePartitionIndex',
      'Glue.CreateTable',
      'Glue.GetDatabase',
      'Glue.GetPartitionIndexes',
      'Glue.GetPartitions',
      'Glue.GetTable',
      'Glue.UpdateTable',
      'S3.ListObjectsV2',
      'STS.AssumeRoleWithWebIdentity'
    ])
  })

  it('refuses every mutation with the service validation error, as AWS does', async () => {
    standIn.server.validateRequests = true
    const outcomes = await sendAllMutations()
    expect(outcomes.length).toBeGreaterThan(150)
    const wrong = outcomes.filter(
      (o) => o.status !== 400 || o.code !== VALIDATION_CODES[o.operation.split('.')[0] as string]
    )
    expect(wrong).toEqual([])
  })

  it('let some through without the model check (what the model check adds)', async () => {
    standIn.server.validateRequests = false
    try {
      const accepted = (await sendAllMutations()).filter((o) => o.status < 300)
      expect(accepted.length).toBeGreaterThan(0)
    } finally {
      standIn.server.validateRequests = true
    }
  })
})
