import {
  CreatePartitionIndexCommand,
  GetPartitionIndexesCommand,
  GetTableCommand,
  GlueClient,
  UpdateTableCommand,
  type PartitionIndexDescriptor,
  type PartitionIndexStatus
} from '@aws-sdk/client-glue'
import { mockClient } from 'aws-sdk-client-mock'
import { silentLogger } from '../../src/vocabulary/logger.js'
import {
  ensurePartitionFiltering,
  ensurePartitionIndex,
  FILTERING_ATTEMPTS,
  INDEX_NAME
} from '../../src/table/partition-index.js'

const glueMock = mockClient(GlueClient)
const glue = new GlueClient({ region: 'eu-central-1' })
const ref = { database: 'security', table: 'cloudtrail' }
const wait = { timeoutMs: 30, pollMs: 5 }
const index = (
  name: string,
  keys: string[],
  status: PartitionIndexStatus = 'ACTIVE'
): PartitionIndexDescriptor => ({
  IndexName: name,
  Keys: keys.map((Name) => ({ Name, Type: 'string' })),
  IndexStatus: status
})

beforeEach(() => glueMock.reset())

describe('ensurePartitionIndex', () => {
  it('creates (year, month, day) and reports it still building when it stays CREATING', async () => {
    glueMock
      .on(GetPartitionIndexesCommand)
      .resolvesOnce({ PartitionIndexDescriptorList: [] })
      .resolves({ PartitionIndexDescriptorList: [index(INDEX_NAME, ['year', 'month', 'day'], 'CREATING')] })
    glueMock.on(CreatePartitionIndexCommand).resolves({})
    const state = await ensurePartitionIndex(glue, ref, false, silentLogger, wait)
    expect(state).toEqual({
      action: 'created',
      name: INDEX_NAME,
      keys: ['year', 'month', 'day'],
      status: 'CREATING'
    })
    expect(glueMock.commandCalls(CreatePartitionIndexCommand)[0]!.args[0].input.PartitionIndex).toEqual({
      IndexName: INDEX_NAME,
      Keys: ['year', 'month', 'day']
    })
  })

  it('looks again soon, then half as long again each time, up to its longest wait', async () => {
    const looks: number[] = []
    const creating = {
      PartitionIndexDescriptorList: [index(INDEX_NAME, ['year', 'month', 'day'], 'CREATING')]
    }
    glueMock
      .on(GetPartitionIndexesCommand)
      .callsFakeOnce(() => (looks.push(performance.now()), { PartitionIndexDescriptorList: [] }))
      .callsFake(() => {
        looks.push(performance.now())
        return looks.length < 7
          ? creating
          : { PartitionIndexDescriptorList: [index(INDEX_NAME, ['year', 'month', 'day'])] }
      })
    glueMock.on(CreatePartitionIndexCommand).resolves({})
    const state = await ensurePartitionIndex(glue, ref, false, silentLogger, {
      timeoutMs: 10_000,
      pollMs: 20,
      maxPollMs: 50
    })
    expect(state).toMatchObject({ action: 'created', status: 'ACTIVE' })
    // The first look finds nothing and creates it; then waits of 20, 30, 45, 50, 50 ms.
    const waits = looks.slice(2).map((at, i) => at - looks[i + 1]!)
    expect(waits).toHaveLength(5)
    ;[20, 30, 45, 50, 50].forEach((least, i) => expect(waits[i]).toBeGreaterThanOrEqual(least - 2))
  })

  it('keeps an index that starts with year, whoever made it', async () => {
    glueMock
      .on(GetPartitionIndexesCommand)
      .resolves({ PartitionIndexDescriptorList: [index('theirs', ['year', 'month'])] })
    const state = await ensurePartitionIndex(glue, ref, false, silentLogger, wait)
    expect(state).toMatchObject({ action: 'existing', name: 'theirs', status: 'ACTIVE' })
    expect(glueMock.commandCalls(CreatePartitionIndexCommand)).toHaveLength(0)
  })

  it('adds nothing and warns when the table already has three unusable indexes', async () => {
    glueMock.on(GetPartitionIndexesCommand).resolves({
      PartitionIndexDescriptorList: [index('a', ['account']), index('b', ['region']), index('c', ['day'])]
    })
    const warnings: string[] = []
    const state = await ensurePartitionIndex(
      glue,
      ref,
      false,
      { ...silentLogger, warning: (m) => warnings.push(m) },
      wait
    )
    expect(state).toEqual({ action: 'no-slot' })
    expect(warnings[0]).toContain("Glue's most")
    expect(glueMock.commandCalls(CreatePartitionIndexCommand)).toHaveLength(0)
  })

  it('plans only on a dry run, and takes a concurrent creation as done', async () => {
    glueMock.on(GetPartitionIndexesCommand).resolves({ PartitionIndexDescriptorList: [] })
    expect(await ensurePartitionIndex(glue, ref, true, silentLogger, wait)).toMatchObject({
      action: 'would-create'
    })
    expect(glueMock.commandCalls(CreatePartitionIndexCommand)).toHaveLength(0)
    glueMock
      .on(CreatePartitionIndexCommand)
      .rejects(Object.assign(new Error('exists'), { name: 'AlreadyExistsException' }))
    expect(await ensurePartitionIndex(glue, ref, false, silentLogger, wait)).toMatchObject({
      action: 'created'
    })
  })
})

describe('ensurePartitionFiltering', () => {
  const table = {
    Name: 'cloudtrail',
    DatabaseName: 'security',
    CreateTime: new Date(),
    Parameters: { classification: 'cloudtrail' },
    StorageDescriptor: { Location: 's3://b/AWSLogs/' },
    PartitionKeys: [{ Name: 'account', Type: 'string' }]
  }

  it('sets the property and keeps the rest of the table as it is', async () => {
    glueMock.on(GetTableCommand).resolves({ Table: { ...table, VersionId: '4' } })
    glueMock.on(UpdateTableCommand).resolves({})
    expect(await ensurePartitionFiltering(glue, ref, table, false)).toBe('enabled-now')
    const input = glueMock.commandCalls(UpdateTableCommand)[0]!.args[0].input
    expect(input.VersionId).toBe('4')
    expect(input.TableInput).toMatchObject({
      Name: 'cloudtrail',
      Parameters: { classification: 'cloudtrail', 'partition_filtering.enabled': 'true' },
      StorageDescriptor: { Location: 's3://b/AWSLogs/' },
      PartitionKeys: [{ Name: 'account', Type: 'string' }]
    })
    // Read-only fields of Table are not part of TableInput.
    expect(input.TableInput).not.toHaveProperty('CreateTime')
    expect(input.TableInput).not.toHaveProperty('DatabaseName')
    expect(input.TableInput).not.toHaveProperty('VersionId')
  })

  it('writes the table as it is now, not as first read: a column added meanwhile is kept', async () => {
    const added = { Name: 'added_meanwhile', Type: 'string' }
    glueMock.on(GetTableCommand).resolves({
      Table: { ...table, StorageDescriptor: { ...table.StorageDescriptor, Columns: [added] }, VersionId: '1' }
    })
    glueMock.on(UpdateTableCommand).resolves({})
    await ensurePartitionFiltering(glue, ref, table, false)
    const input = glueMock.commandCalls(UpdateTableCommand)[0]!.args[0].input
    expect(input.TableInput?.StorageDescriptor?.Columns).toEqual([added])
  })

  it('reads again and retries on ConcurrentModificationException, up to FILTERING_ATTEMPTS writes', async () => {
    const conflict = Object.assign(new Error('Update table failed due to concurrent modifications.'), {
      name: 'ConcurrentModificationException'
    })
    glueMock
      .on(GetTableCommand)
      .resolvesOnce({ Table: { ...table, VersionId: '1' } })
      .resolves({ Table: { ...table, Parameters: { ...table.Parameters, theirs: 'x' }, VersionId: '2' } })
    glueMock.on(UpdateTableCommand).rejectsOnce(conflict).resolves({})
    expect(await ensurePartitionFiltering(glue, ref, table, false)).toBe('enabled-now')
    const writes = glueMock.commandCalls(UpdateTableCommand).map((call) => call.args[0].input)
    expect(writes.map((input) => input.VersionId)).toEqual(['1', '2'])
    expect(writes[1]!.TableInput?.Parameters).toEqual({
      classification: 'cloudtrail',
      theirs: 'x',
      'partition_filtering.enabled': 'true'
    })

    glueMock.reset()
    glueMock.on(GetTableCommand).resolves({ Table: { ...table, VersionId: '1' } })
    glueMock.on(UpdateTableCommand).rejects(conflict)
    await expect(ensurePartitionFiltering(glue, ref, table, false)).rejects.toThrow(/concurrent/)
    expect(glueMock.commandCalls(UpdateTableCommand)).toHaveLength(FILTERING_ATTEMPTS)
  })

  it('writes nothing when someone turned it on meanwhile', async () => {
    glueMock
      .on(GetTableCommand)
      .resolves({ Table: { ...table, Parameters: { 'partition_filtering.enabled': 'true' } } })
    expect(await ensurePartitionFiltering(glue, ref, table, false)).toBe('enabled')
    expect(glueMock.commandCalls(UpdateTableCommand)).toHaveLength(0)
  })

  it('does nothing when it is already on or on a dry run', async () => {
    const on = { ...table, Parameters: { 'partition_filtering.enabled': 'true' } }
    expect(await ensurePartitionFiltering(glue, ref, on, false)).toBe('enabled')
    expect(await ensurePartitionFiltering(glue, ref, table, true)).toBe('would-enable')
    expect(glueMock.commandCalls(UpdateTableCommand)).toHaveLength(0)
  })
})

describe('a failed index', () => {
  it('is reported with its backfill errors and what to do, not created again', async () => {
    glueMock.on(GetPartitionIndexesCommand).resolves({
      PartitionIndexDescriptorList: [
        {
          ...index(INDEX_NAME, ['year', 'month', 'day'], 'FAILED'),
          BackfillErrors: [{ Code: 'INVALID_PARTITION_TYPE_DATA_ERROR', Partitions: [] }]
        }
      ]
    })
    const warnings: string[] = []
    const state = await ensurePartitionIndex(
      glue,
      ref,
      false,
      { ...silentLogger, warning: (m) => warnings.push(m) },
      wait
    )
    expect(state).toMatchObject({ action: 'failed', status: 'FAILED' })
    expect(warnings[0]).toContain('INVALID_PARTITION_TYPE_DATA_ERROR')
    expect(warnings[0]).toContain('aws glue delete-partition-index')
    expect(glueMock.commandCalls(CreatePartitionIndexCommand)).toHaveLength(0)
  })
})

describe('an index that fails or is being deleted', () => {
  const recording = () => {
    const warnings: string[] = []
    return { warnings, logger: { ...silentLogger, warning: (m: string) => warnings.push(m) } }
  }

  it('reports a new index that goes CREATING -> FAILED with its codes and partitions', async () => {
    glueMock
      .on(GetPartitionIndexesCommand)
      .resolvesOnce({ PartitionIndexDescriptorList: [] })
      .resolvesOnce({
        PartitionIndexDescriptorList: [index(INDEX_NAME, ['year', 'month', 'day'], 'CREATING')]
      })
      .resolves({
        PartitionIndexDescriptorList: [
          {
            ...index(INDEX_NAME, ['year', 'month', 'day'], 'FAILED'),
            BackfillErrors: [
              {
                Code: 'INVALID_PARTITION_TYPE_DATA_ERROR',
                Partitions: [{ Values: ['111122223333', 'eu-central-1', '2026', 'march', '2'] }]
              }
            ]
          }
        ]
      })
    glueMock.on(CreatePartitionIndexCommand).resolves({})
    const { warnings, logger } = recording()
    const state = await ensurePartitionIndex(glue, ref, false, logger, { timeoutMs: 1000, pollMs: 1 })
    expect(state).toMatchObject({ action: 'failed', status: 'FAILED' })
    expect(state.warning).toBe(warnings[0])
    expect(warnings[0]).toContain(
      'FAILED: INVALID_PARTITION_TYPE_DATA_ERROR (1 partition(s): 111122223333/eu-central-1/2026/march/2)'
    )
  })

  it('waits for its own DELETING index to go, then creates it again', async () => {
    glueMock
      .on(GetPartitionIndexesCommand)
      .resolvesOnce({
        PartitionIndexDescriptorList: [index(INDEX_NAME, ['year', 'month', 'day'], 'DELETING')]
      })
      .resolvesOnce({
        PartitionIndexDescriptorList: [index(INDEX_NAME, ['year', 'month', 'day'], 'DELETING')]
      })
      .resolvesOnce({ PartitionIndexDescriptorList: [] })
      .resolvesOnce({ PartitionIndexDescriptorList: [] })
      .resolves({ PartitionIndexDescriptorList: [index(INDEX_NAME, ['year', 'month', 'day'])] })
    glueMock.on(CreatePartitionIndexCommand).resolves({})
    const state = await ensurePartitionIndex(glue, ref, false, silentLogger, { timeoutMs: 1000, pollMs: 1 })
    expect(state).toMatchObject({ action: 'created', status: 'ACTIVE' })
    expect(glueMock.commandCalls(CreatePartitionIndexCommand)).toHaveLength(1)
  })

  it('does not wait for a DELETING index on a look that writes nothing', async () => {
    glueMock
      .on(GetPartitionIndexesCommand)
      .resolves({ PartitionIndexDescriptorList: [index(INDEX_NAME, ['year', 'month', 'day'], 'DELETING')] })
    const state = await ensurePartitionIndex(glue, ref, true, silentLogger, {
      timeoutMs: 60_000,
      pollMs: 60_000
    })
    expect(state).toMatchObject({ action: 'would-create', name: INDEX_NAME })
    // One look, no polling: the run that writes does the waiting.
    expect(glueMock.commandCalls(GetPartitionIndexesCommand)).toHaveLength(1)
    expect(glueMock.commandCalls(CreatePartitionIndexCommand)).toHaveLength(0)
  })

  it('does not create a second one while its own is still DELETING, and says to run again', async () => {
    glueMock
      .on(GetPartitionIndexesCommand)
      .resolves({ PartitionIndexDescriptorList: [index(INDEX_NAME, ['year', 'month', 'day'], 'DELETING')] })
    const { warnings, logger } = recording()
    const state = await ensurePartitionIndex(glue, ref, false, logger, wait)
    expect(state).toMatchObject({ action: 'deleting', status: 'DELETING' })
    expect(warnings[0]).toMatch(/still being deleted \(DELETING\).*Run again/)
    expect(glueMock.commandCalls(CreatePartitionIndexCommand)).toHaveLength(0)
  })
})
