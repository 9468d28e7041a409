/**
 * prepareTable's index decisions with a mocked Glue: a table this action created is completed on
 * every run, and a denied CreatePartitionIndex or UpdateTable fails with the IAM action and the
 * statement to add, never a silent skip.
 */
import {
  CreatePartitionIndexCommand,
  GetPartitionIndexesCommand,
  GetTableCommand,
  GlueClient,
  UpdateTableCommand,
  type Table
} from '@aws-sdk/client-glue'
import { mockClient } from 'aws-sdk-client-mock'
import { ConfigurationError } from '../../src/vocabulary/errors.js'
import { silentLogger } from '../../src/vocabulary/logger.js'
import { tableInputFor } from '../../src/table/create.js'
import { prepareTable } from '../../src/table/ensure.js'
import { INDEX_NAME } from '../../src/table/partition-index.js'
import type { Layout } from '../../src/logs/layout.js'

const glueMock = mockClient(GlueClient)
const glue = new GlueClient({ region: 'eu-central-1' })
const ref = { database: 'security', table: 'cloudtrail' }
const layout: Layout = {
  bucket: 'org-trail',
  prefix: '',
  source: 'CloudTrail',
  kind: 'organization',
  organizationId: 'o-abcdefghij'
}
const ours = tableInputFor(ref, layout, 'string') as Table
const theirs: Table = { ...ours, Parameters: { EXTERNAL: 'TRUE', classification: 'cloudtrail' } }
const wait = { timeoutMs: 20, pollMs: 1 }

/** As the call-counting middleware of createClients marks a failed call. */
const denied = (operation: string): Error =>
  Object.assign(new Error(`not authorized to perform: ${operation}`), {
    name: 'AccessDeniedException',
    operation
  })

function glueHas(table: Table): void {
  glueMock.on(GetTableCommand).resolves({ Table: { ...table, VersionId: '0' } })
  glueMock.on(GetPartitionIndexesCommand).resolves({ PartitionIndexDescriptorList: [] })
}

const prepare = (partitionIndex?: boolean) =>
  prepareTable(
    glue,
    ref,
    layout,
    {
      createTable: false,
      dryRun: false,
      indexWait: wait,
      ...(partitionIndex === undefined ? {} : { partitionIndex })
    },
    silentLogger
  )

beforeEach(() => glueMock.reset())

describe('a table this action created, on a later run', () => {
  it('gets its index and partition filtering without partition-index', async () => {
    glueHas(ours)
    glueMock.on(CreatePartitionIndexCommand).resolves({})
    glueMock.on(UpdateTableCommand).resolves({})
    const state = await prepare()
    expect(glueMock.commandCalls(CreatePartitionIndexCommand)).toHaveLength(1)
    expect(state.partitionFiltering).toBe('enabled-now')
  })

  it('fails naming glue:CreatePartitionIndex and its statement when the index is denied', async () => {
    glueHas(ours)
    glueMock.on(CreatePartitionIndexCommand).rejects(denied('Glue.CreatePartitionIndex'))
    const error = await prepare().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toMatch(
      /^security\.cloudtrail was created by this action, so every run completes its partition index and partition filtering\. AWS denied Glue\.CreatePartitionIndex/
    )
    expect((error as Error).message).toContain(
      'Give the role glue:CreatePartitionIndex on the resource (statement "PartitionIndexAndFiltering" of iam/sync/permissions.json)'
    )
    expect((error as Error).message).toContain("Or set 'partition-index: false'")
  })

  it('fails naming glue:UpdateTable when partition filtering is denied', async () => {
    glueHas(ours)
    glueMock.on(CreatePartitionIndexCommand).resolves({})
    glueMock.on(UpdateTableCommand).rejects(denied('Glue.UpdateTable'))
    await expect(prepare()).rejects.toThrow(/Give the role glue:UpdateTable .*"PartitionIndexAndFiltering"/)
  })

  it('is left without an index when partition-index is false', async () => {
    glueHas(ours)
    const state = await prepare(false)
    expect(glueMock.commandCalls(CreatePartitionIndexCommand)).toHaveLength(0)
    expect(state.partitionFiltering).toBe('off')
  })
})

describe("someone else's table", () => {
  it('gets no index unless partition-index is true', async () => {
    glueHas(theirs)
    const state = await prepare()
    expect(glueMock.commandCalls(CreatePartitionIndexCommand)).toHaveLength(0)
    expect(glueMock.commandCalls(UpdateTableCommand)).toHaveLength(0)
    expect(state.index).toBeUndefined()
  })

  it('with partition-index: true, a denial names the action without claiming the table is ours', async () => {
    glueHas(theirs)
    glueMock.on(CreatePartitionIndexCommand).rejects(denied('Glue.CreatePartitionIndex'))
    const message = await prepare(true).catch((e: Error) => e.message)
    expect(message).toMatch(/^AWS denied Glue\.CreatePartitionIndex/)
  })

  it('shows a failed index in the warnings the summary prints', async () => {
    glueHas(theirs)
    glueMock.on(GetPartitionIndexesCommand).resolves({
      PartitionIndexDescriptorList: [
        {
          IndexName: INDEX_NAME,
          Keys: [{ Name: 'year', Type: 'string' }],
          IndexStatus: 'FAILED',
          BackfillErrors: [{ Code: 'INTERNAL_ERROR', Partitions: [] }]
        }
      ]
    })
    glueMock.on(UpdateTableCommand).resolves({})
    const state = await prepare(true)
    expect(state.index?.action).toBe('failed')
    expect(state.warnings.join('\n')).toContain('FAILED: INTERNAL_ERROR')
  })
})
