/**
 * The Glue stand-in through the real GlueClient: wire format, databases and tables, the batch
 * partition APIs with their limits and per-entry errors, partition indexes, quotas and knobs.
 */
import {
  BatchCreatePartitionCommand,
  BatchDeletePartitionCommand,
  BatchGetPartitionCommand,
  BatchUpdatePartitionCommand,
  CreateDatabaseCommand,
  CreatePartitionIndexCommand,
  CreateTableCommand,
  DeletePartitionIndexCommand,
  DeleteTableCommand,
  GetDatabaseCommand,
  GetDatabasesCommand,
  GetPartitionCommand,
  GetPartitionIndexesCommand,
  GetPartitionsCommand,
  GetTableCommand,
  GlueClient,
  UpdateTableCommand,
  type PartitionInput,
  type PartitionValueList,
  type TableInput
} from '@aws-sdk/client-glue'
import { DEFAULT_INDEX_ACTIVATION_MS, GlueService, glueErrors } from '../../stand-in/glue.js'
import { StandInServer } from '../../stand-in/server.js'
import { serving } from '../helpers/worlds.js'

const DB = 'trails'
const KEYS = ['account', 'region', 'year', 'month', 'day']

const glue = new GlueService()
const served = serving(new StandInServer().register(glue))
const server = served.server
let client: GlueClient

const newClient = (maxAttempts = 1): GlueClient => served.client(GlueClient, { maxAttempts })

function tableInput(name: string, types: string[] = KEYS.map(() => 'string')): TableInput {
  return {
    Name: name,
    TableType: 'EXTERNAL_TABLE',
    PartitionKeys: KEYS.map((Name, i) => ({ Name, Type: types[i] })),
    StorageDescriptor: {
      Columns: [{ Name: 'eventversion', Type: 'string' }],
      Location: 's3://bucket/AWSLogs/'
    },
    Parameters: { classification: 'cloudtrail' }
  }
}

function values(i: number): string[] {
  return [
    '111122223333',
    'eu-central-1',
    '2026',
    String(1 + Math.floor(i / 28)).padStart(2, '0'),
    String(1 + (i % 28)).padStart(2, '0')
  ]
}

function partition(partitionValues: string[]): PartitionInput {
  return {
    Values: partitionValues,
    StorageDescriptor: {
      Columns: [{ Name: 'eventversion', Type: 'string' }],
      // Locations follow Glue's LocationString pattern (no control characters), whatever the values.
      Location: `s3://bucket/AWSLogs/${[...partitionValues.join('/')].map((c) => (c < ' ' ? '_' : c)).join('')}/`
    }
  }
}

function partitions(count: number, from = 0): PartitionInput[] {
  return Array.from({ length: count }, (_, i) => partition(values(from + i)))
}

async function create(count: number, table = 'ct'): Promise<void> {
  for (let from = 0; from < count; from += 100) {
    const result = await client.send(
      new BatchCreatePartitionCommand({
        DatabaseName: DB,
        TableName: table,
        PartitionInputList: partitions(Math.min(100, count - from), from)
      })
    )
    expect(result.Errors ?? []).toEqual([])
  }
}

/** A violation of Glue's model: the framework's ValidationException naming the member. */
const invalidInput = (field: string): object => ({
  name: 'ValidationException',
  $metadata: expect.objectContaining({ httpStatusCode: 400 }),
  message: expect.stringContaining(`'${field}'`)
})

beforeAll(() => {
  client = newClient()
})

beforeEach(() => {
  glue.reset()
  glue.clock.reset()
  server.knobs.reset()
  server.calls.reset()
  glue.createTableDirect(DB, tableInput('ct'))
})

describe('wire format', () => {
  it('answers errors as JSON 1.1 {__type, Message} with HTTP 400', async () => {
    const response = await fetch(server.endpoint, {
      method: 'POST',
      headers: { 'x-amz-target': 'AWSGlue.GetTable', 'content-type': 'application/x-amz-json-1.1' },
      body: JSON.stringify({ DatabaseName: DB, Name: 'nope' })
    })
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1')
    expect(await response.json()).toEqual({
      __type: 'EntityNotFoundException',
      Message: 'Table nope not found.'
    })
  })

  it('refuses an unknown operation with UnknownOperationException (400)', async () => {
    const response = await fetch(server.endpoint, {
      method: 'POST',
      headers: { 'x-amz-target': 'AWSGlue.StartCrawler', 'content-type': 'application/x-amz-json-1.1' },
      body: '{}'
    })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { __type: string }).__type).toBe('UnknownOperationException')
  })

  it('refuses a body that is not JSON with SerializationException (400)', async () => {
    const response = await fetch(server.endpoint, {
      method: 'POST',
      headers: { 'x-amz-target': 'AWSGlue.GetTable', 'content-type': 'application/x-amz-json-1.1' },
      body: '{"DatabaseName": '
    })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { __type: string }).__type).toBe('SerializationException')
  })

  it('claims only requests whose target starts with AWSGlue.', () => {
    const request = (target?: string) => ({
      method: 'POST',
      url: new URL('http://127.0.0.1/'),
      headers: target ? { 'x-amz-target': target } : {},
      body: Buffer.alloc(0)
    })
    expect(glue.operation(request('AWSGlue.GetTable'))).toBe('GetTable')
    expect(glue.operation(request('AmazonAthena.GetNamedQuery'))).toBeUndefined()
    expect(glue.operation(request())).toBeUndefined()
  })

  it('gives the SDK epoch-second timestamps that it parses as dates', async () => {
    await create(1)
    const { Partition } = await client.send(
      new GetPartitionCommand({ DatabaseName: DB, TableName: 'ct', PartitionValues: values(0) })
    )
    expect(Partition?.CreationTime).toBeInstanceOf(Date)
    expect(Math.abs((Partition?.CreationTime?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000)
  })
})

describe('databases and tables', () => {
  it("stores names lowercase and finds them case-insensitively; the caller's own CatalogId is the default catalog", async () => {
    await client.send(
      new CreateDatabaseCommand({ CatalogId: '123456789012', DatabaseInput: { Name: 'Audit' } })
    )
    const { Database } = await client.send(new GetDatabaseCommand({ Name: 'AUDIT' }))
    expect(Database?.Name).toBe('audit')
    const { DatabaseList } = await client.send(new GetDatabasesCommand({}))
    expect(DatabaseList?.map((database) => database.Name).sort()).toEqual(['audit', DB])
    await client.send(new CreateTableCommand({ DatabaseName: 'audit', TableInput: tableInput('CloudTrail') }))
    const { Table } = await client.send(new GetTableCommand({ DatabaseName: 'Audit', Name: 'CLOUDTRAIL' }))
    expect(Table).toMatchObject({
      Name: 'cloudtrail',
      DatabaseName: 'audit',
      TableType: 'EXTERNAL_TABLE',
      Parameters: { classification: 'cloudtrail' },
      PartitionKeys: KEYS.map((Name) => ({ Name, Type: 'string' }))
    })
    expect(Table?.CreateTime).toBeInstanceOf(Date)
  })

  it('refuses a second database or table of the same name with AlreadyExistsException', async () => {
    await expect(
      client.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'TRAILS' } }))
    ).rejects.toMatchObject({
      name: 'AlreadyExistsException',
      $metadata: expect.objectContaining({ httpStatusCode: 400 })
    })
    await expect(
      client.send(new CreateTableCommand({ DatabaseName: DB, TableInput: tableInput('CT') }))
    ).rejects.toMatchObject({ name: 'AlreadyExistsException' })
  })

  it('answers a missing database or table with EntityNotFoundException (400)', async () => {
    const notFound = {
      name: 'EntityNotFoundException',
      $metadata: expect.objectContaining({ httpStatusCode: 400 })
    }
    await expect(client.send(new GetDatabaseCommand({ Name: 'nope' }))).rejects.toMatchObject(notFound)
    await expect(client.send(new GetTableCommand({ DatabaseName: DB, Name: 'nope' }))).rejects.toMatchObject(
      notFound
    )
    await expect(
      client.send(new CreateTableCommand({ DatabaseName: 'nope', TableInput: tableInput('x') }))
    ).rejects.toMatchObject(notFound)
    await expect(
      client.send(new GetPartitionsCommand({ DatabaseName: DB, TableName: 'nope' }))
    ).rejects.toMatchObject(notFound)
  })

  it('UpdateTable replaces the TableInput; DeleteTable removes the table', async () => {
    const updated = { ...tableInput('ct'), Parameters: { 'partition_filtering.enabled': 'true' } }
    await client.send(new UpdateTableCommand({ DatabaseName: DB, TableInput: updated }))
    const { Table } = await client.send(new GetTableCommand({ DatabaseName: DB, Name: 'ct' }))
    expect(Table?.Parameters).toEqual({ 'partition_filtering.enabled': 'true' })
    expect(Table?.VersionId).toBe('1')
    await client.send(new DeleteTableCommand({ DatabaseName: DB, Name: 'CT' }))
    await expect(client.send(new GetTableCommand({ DatabaseName: DB, Name: 'ct' }))).rejects.toMatchObject({
      name: 'EntityNotFoundException'
    })
  })
})

describe('BatchCreatePartition', () => {
  it('takes 100 partitions and refuses 101 with ValidationException naming partitionInputList', async () => {
    await create(100)
    expect(glue.partitionCount(DB, 'ct')).toBe(100)
    await expect(
      client.send(
        new BatchCreatePartitionCommand({
          DatabaseName: DB,
          TableName: 'ct',
          PartitionInputList: partitions(101, 200)
        })
      )
    ).rejects.toMatchObject({
      ...invalidInput('partitionInputList'),
      message:
        "1 validation error detected: Value at 'partitionInputList' failed to satisfy constraint: Member must have length less than or equal to 100"
    })
    expect(glue.partitionCount(DB, 'ct')).toBe(100)
  })

  it('reports existing partitions and duplicates within the batch per entry (HTTP 200)', async () => {
    await create(2)
    const result = await client.send(
      new BatchCreatePartitionCommand({
        DatabaseName: DB,
        TableName: 'ct',
        PartitionInputList: [partition(values(1)), partition(values(5)), partition(values(5))]
      })
    )
    expect(result.Errors).toEqual([
      {
        PartitionValues: values(1),
        ErrorDetail: { ErrorCode: 'AlreadyExistsException', ErrorMessage: expect.any(String) }
      },
      {
        PartitionValues: values(5),
        ErrorDetail: { ErrorCode: 'AlreadyExistsException', ErrorMessage: expect.any(String) }
      }
    ])
    expect(glue.partitionCount(DB, 'ct')).toBe(3)
    expect(glue.getPartitionRecord(DB, 'ct', values(5))).toMatchObject({
      Values: values(5),
      TableName: 'ct',
      StorageDescriptor: { Location: `s3://bucket/AWSLogs/${values(5).join('/')}/` }
    })
  })

  it('takes values of 1024 characters and refuses 1025 or empty ones for the whole call', async () => {
    const long = (length: number) => ['111122223333', 'eu-central-1', '2026', '01', 'x'.repeat(length)]
    const send = (partitionValues: string[]) =>
      client.send(
        new BatchCreatePartitionCommand({
          DatabaseName: DB,
          TableName: 'ct',
          PartitionInputList: [partition(values(0)), partition(partitionValues)]
        })
      )
    await send(long(1024))
    expect(glue.partitionCount(DB, 'ct')).toBe(2)
    glue.reset()
    glue.createTableDirect(DB, tableInput('ct'))
    await expect(send(long(1025))).rejects.toMatchObject({
      ...invalidInput('partitionInputList.2.member.values.5.member'),
      message: expect.stringContaining('length less than or equal to 1024')
    })
    await expect(send(long(0))).rejects.toMatchObject({
      ...invalidInput('partitionInputList.2.member.values.5.member'),
      message: expect.stringContaining('length greater than or equal to 1')
    })
    expect(glue.partitionCount(DB, 'ct')).toBe(0)
  })

  it('refuses a partition whose value count differs from the key count', async () => {
    for (const wrong of [values(0).slice(0, 4), [...values(0), 'extra']]) {
      await expect(
        client.send(
          new BatchCreatePartitionCommand({
            DatabaseName: DB,
            TableName: 'ct',
            PartitionInputList: [partition(wrong)]
          })
        )
      ).rejects.toMatchObject({
        name: 'InvalidInputException',
        message: expect.stringMatching(/number of partition/)
      })
    }
    expect(glue.partitionCount(DB, 'ct')).toBe(0)
  })

  it('refuses creating past the partitions-per-table quota with ResourceNumberLimitExceededException', async () => {
    glue.partitionQuotaPerTable = 5
    await create(5)
    await expect(
      client.send(
        new BatchCreatePartitionCommand({
          DatabaseName: DB,
          TableName: 'ct',
          PartitionInputList: partitions(1, 5)
        })
      )
    ).rejects.toMatchObject({
      name: 'ResourceNumberLimitExceededException',
      message: 'Number of PARTITION resources exceeds the limit 5 per TABLE',
      $metadata: expect.objectContaining({ httpStatusCode: 400 })
    })
    expect(glue.partitionCount(DB, 'ct')).toBe(5)
    // Direct seeding is held to the quota too.
    expect(() => glue.addPartitionsDirect(DB, 'ct', partitions(1, 5))).toThrow(/limit 5 per TABLE/)
  })

  it('refuses a batch that would cross the quota whole: nothing of it is created', async () => {
    glue.partitionQuotaPerTable = 5
    await create(3)
    const batch = (from: number, count: number) =>
      client.send(
        new BatchCreatePartitionCommand({
          DatabaseName: DB,
          TableName: 'ct',
          PartitionInputList: partitions(count, from)
        })
      )
    await expect(batch(3, 3)).rejects.toMatchObject({ name: 'ResourceNumberLimitExceededException' })
    expect(glue.partitionCount(DB, 'ct')).toBe(3)
    // Partitions that already exist do not count against it: they fail per entry.
    const atQuota = await batch(1, 4)
    expect(atQuota.Errors?.map((e) => e.ErrorDetail?.ErrorCode)).toEqual([
      'AlreadyExistsException',
      'AlreadyExistsException'
    ])
    expect(glue.partitionCount(DB, 'ct')).toBe(5)
  })

  it('refuses creating past the partitions-per-account quota across tables', async () => {
    glue.partitionQuotaPerAccount = 3
    glue.createTableDirect(DB, tableInput('other'))
    await create(2)
    await create(1, 'other')
    await expect(
      client.send(
        new BatchCreatePartitionCommand({
          DatabaseName: DB,
          TableName: 'other',
          PartitionInputList: partitions(1, 9)
        })
      )
    ).rejects.toMatchObject({
      name: 'ResourceNumberLimitExceededException',
      message: 'Number of PARTITION resources exceeds the limit 3 per ACCOUNT'
    })
  })

  it('is retried by the SDK after an injected InternalServiceException (500)', async () => {
    server.knobs.failNext('Glue.BatchCreatePartition', 1)
    const retrying = newClient(3)
    await retrying.send(
      new BatchCreatePartitionCommand({
        DatabaseName: DB,
        TableName: 'ct',
        PartitionInputList: partitions(3)
      })
    )
    retrying.destroy()
    expect(server.calls.get('Glue.BatchCreatePartition', 'failed')).toBe(1)
    expect(server.calls.get('Glue.BatchCreatePartition', 'ok')).toBe(1)
    expect(glue.partitionCount(DB, 'ct')).toBe(3)
  })

  it('answers the injected failure as InternalServiceException with HTTP 500', async () => {
    server.knobs.failNext('Glue.BatchCreatePartition', 1)
    await expect(
      client.send(
        new BatchCreatePartitionCommand({ DatabaseName: DB, TableName: 'ct', PartitionInputList: [] })
      )
    ).rejects.toMatchObject({
      name: 'InternalServiceException',
      $fault: 'server',
      $metadata: expect.objectContaining({ httpStatusCode: 500 })
    })
  })
})

describe('BatchDeletePartition', () => {
  const keys = (count: number, from = 0) =>
    Array.from({ length: count }, (_, i) => ({ Values: values(from + i) }))

  it('deletes 25 partitions and refuses 26 with ValidationException naming partitionsToDelete', async () => {
    await create(60)
    await client.send(
      new BatchDeletePartitionCommand({ DatabaseName: DB, TableName: 'ct', PartitionsToDelete: keys(25) })
    )
    expect(glue.partitionCount(DB, 'ct')).toBe(35)
    await expect(
      client.send(
        new BatchDeletePartitionCommand({
          DatabaseName: DB,
          TableName: 'ct',
          PartitionsToDelete: keys(26, 25)
        })
      )
    ).rejects.toMatchObject({
      ...invalidInput('partitionsToDelete'),
      message: expect.stringContaining('length less than or equal to 25')
    })
    expect(glue.partitionCount(DB, 'ct')).toBe(35)
  })

  it('reports a missing partition per entry with EntityNotFoundException', async () => {
    await create(1)
    const result = await client.send(
      new BatchDeletePartitionCommand({ DatabaseName: DB, TableName: 'ct', PartitionsToDelete: keys(2) })
    )
    expect(result.Errors).toEqual([
      {
        PartitionValues: values(1),
        ErrorDetail: { ErrorCode: 'EntityNotFoundException', ErrorMessage: expect.any(String) }
      }
    ])
    expect(glue.partitionCount(DB, 'ct')).toBe(0)
  })
})

describe('BatchUpdatePartition', () => {
  const entries = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      PartitionValueList: values(i),
      PartitionInput: { ...partition(values(i)), Parameters: { updated: 'yes' } }
    }))

  it('updates 100 entries and refuses 0 or 101 with ValidationException naming entries', async () => {
    await create(100)
    await client.send(
      new BatchUpdatePartitionCommand({ DatabaseName: DB, TableName: 'ct', Entries: entries(100) })
    )
    expect(glue.getPartitionRecord(DB, 'ct', values(99))?.Parameters).toEqual({ updated: 'yes' })
    await expect(
      client.send(
        new BatchUpdatePartitionCommand({ DatabaseName: DB, TableName: 'ct', Entries: entries(101) })
      )
    ).rejects.toMatchObject({
      ...invalidInput('entries'),
      message: expect.stringContaining('less than or equal to 100')
    })
    await expect(
      client.send(new BatchUpdatePartitionCommand({ DatabaseName: DB, TableName: 'ct', Entries: [] }))
    ).rejects.toMatchObject({
      ...invalidInput('entries'),
      message: expect.stringContaining('greater than or equal to 1')
    })
  })

  it('reports failures in Errors[].PartitionValueList, not PartitionValues', async () => {
    await create(1)
    const result = await client.send(
      new BatchUpdatePartitionCommand({ DatabaseName: DB, TableName: 'ct', Entries: entries(2) })
    )
    expect(result.Errors).toEqual([
      {
        PartitionValueList: values(1),
        ErrorDetail: { ErrorCode: 'EntityNotFoundException', ErrorMessage: expect.any(String) }
      }
    ])
    expect(glue.getPartitionRecord(DB, 'ct', values(0))?.Parameters).toEqual({ updated: 'yes' })
  })
})

describe('BatchUpdatePartition renames', () => {
  it('moves a partition to new Values, and refuses new Values that exist per entry', async () => {
    await create(2)
    const result = await client.send(
      new BatchUpdatePartitionCommand({
        DatabaseName: DB,
        TableName: 'ct',
        Entries: [
          { PartitionValueList: values(0), PartitionInput: partition(values(7)) },
          { PartitionValueList: values(1), PartitionInput: partition(values(7)) }
        ]
      })
    )
    expect(result.Errors).toEqual([
      {
        PartitionValueList: values(1),
        ErrorDetail: { ErrorCode: 'AlreadyExistsException', ErrorMessage: expect.any(String) }
      }
    ])
    expect(glue.partitionValues(DB, 'ct').sort()).toEqual([values(1), values(7)].sort())
  })
})

describe('BatchGetPartition and GetPartition', () => {
  const keys = (count: number) => Array.from({ length: count }, (_, i) => ({ Values: values(i) }))

  it('takes 1000 keys and refuses 1001 with ValidationException naming partitionsToGet', async () => {
    await create(300)
    const result = await client.send(
      new BatchGetPartitionCommand({ DatabaseName: DB, TableName: 'ct', PartitionsToGet: keys(1000) })
    )
    expect(result.Partitions).toHaveLength(300)
    expect(result.UnprocessedKeys).toEqual([])
    await expect(
      client.send(
        new BatchGetPartitionCommand({ DatabaseName: DB, TableName: 'ct', PartitionsToGet: keys(1001) })
      )
    ).rejects.toMatchObject({
      ...invalidInput('partitionsToGet'),
      message: expect.stringContaining('less than or equal to 1000')
    })
  })

  it('returns up to unprocessedKeysPerCall keys as UnprocessedKeys, so retry loops can be tested', async () => {
    await create(10)
    glue.unprocessedKeysPerCall = 4
    let pending: PartitionValueList[] = keys(10)
    const found: string[][] = []
    let calls = 0
    while (pending.length > 0) {
      const result = await client.send(
        new BatchGetPartitionCommand({ DatabaseName: DB, TableName: 'ct', PartitionsToGet: pending })
      )
      calls += 1
      if (calls === 1) expect(result.UnprocessedKeys).toEqual(keys(10).slice(6))
      found.push(...(result.Partitions ?? []).map((p) => p.Values ?? []))
      pending = result.UnprocessedKeys ?? []
    }
    expect(calls).toBeGreaterThan(1)
    expect(found.sort()).toEqual(
      keys(10)
        .map((k) => k.Values)
        .sort()
    )
  })

  it('GetPartition answers a missing partition with EntityNotFoundException', async () => {
    await expect(
      client.send(new GetPartitionCommand({ DatabaseName: DB, TableName: 'ct', PartitionValues: values(0) }))
    ).rejects.toMatchObject({ name: 'EntityNotFoundException' })
  })
})

describe('partition indexes', () => {
  const index = (IndexName: string, Keys: string[]) => ({ IndexName, Keys })

  it('CreateTable takes 3 partition indexes and refuses 4 with ValidationException', async () => {
    await client.send(
      new CreateTableCommand({
        DatabaseName: DB,
        TableInput: tableInput('three'),
        PartitionIndexes: [index('a', ['account']), index('b', ['region']), index('c', ['year'])]
      })
    )
    const { PartitionIndexDescriptorList } = await client.send(
      new GetPartitionIndexesCommand({ DatabaseName: DB, TableName: 'three' })
    )
    expect(PartitionIndexDescriptorList?.map((d) => d.IndexName)).toEqual(['a', 'b', 'c'])
    await expect(
      client.send(
        new CreateTableCommand({
          DatabaseName: DB,
          TableInput: tableInput('four'),
          PartitionIndexes: ['a', 'b', 'c', 'd'].map((name) => index(name, ['account']))
        })
      )
    ).rejects.toMatchObject({
      ...invalidInput('partitionIndexes'),
      message: expect.stringContaining('equal to 3')
    })
  })

  it('CreatePartitionIndex refuses a 4th index with ResourceNumberLimitExceededException', async () => {
    for (const [name, key] of [
      ['a', 'account'],
      ['b', 'region'],
      ['c', 'year']
    ] as const) {
      await client.send(
        new CreatePartitionIndexCommand({
          DatabaseName: DB,
          TableName: 'ct',
          PartitionIndex: index(name, [key])
        })
      )
    }
    await expect(
      client.send(
        new CreatePartitionIndexCommand({
          DatabaseName: DB,
          TableName: 'ct',
          PartitionIndex: index('d', ['month'])
        })
      )
    ).rejects.toMatchObject({
      name: 'ResourceNumberLimitExceededException',
      $metadata: expect.objectContaining({ httpStatusCode: 400 })
    })
  })

  it('refuses a duplicate index name, a key that is not a partition key, and an unindexable type', async () => {
    glue.createTableDirect(DB, tableInput('typed', ['string', 'string', 'int', 'timestamp', 'boolean']))
    const send = (table: string, name: string, keys: string[]) =>
      client.send(
        new CreatePartitionIndexCommand({
          DatabaseName: DB,
          TableName: table,
          PartitionIndex: index(name, keys)
        })
      )
    await send('ct', 'by_account', ['account'])
    await expect(send('ct', 'by_account', ['region'])).rejects.toMatchObject({
      name: 'AlreadyExistsException'
    })
    await expect(send('ct', 'bad', ['eventversion'])).rejects.toMatchObject({
      name: 'InvalidInputException',
      message: expect.stringContaining('not a partition key')
    })
    await expect(send('typed', 'ts', ['month'])).rejects.toMatchObject({
      name: 'InvalidInputException',
      message: expect.stringContaining('timestamp')
    })
    await expect(send('typed', 'bool', ['day'])).rejects.toMatchObject({ name: 'InvalidInputException' })
    await send('typed', 'by_year', ['year', 'account'])
  })

  it('is CREATING until indexActivationMs passes, then ACTIVE; DeletePartitionIndex removes it', async () => {
    glue.indexActivationMs = 150
    glue.clock.freeze()
    await client.send(
      new CreatePartitionIndexCommand({
        DatabaseName: DB,
        TableName: 'ct',
        PartitionIndex: index('i', ['account'])
      })
    )
    const status = async () =>
      (await client.send(new GetPartitionIndexesCommand({ DatabaseName: DB, TableName: 'ct' })))
        .PartitionIndexDescriptorList
    expect(await status()).toEqual([
      { IndexName: 'i', Keys: [{ Name: 'account', Type: 'string' }], IndexStatus: 'CREATING' }
    ])
    glue.clock.advance(149)
    expect((await status())?.[0]?.IndexStatus).toBe('CREATING')
    glue.clock.advance(1)
    expect((await status())?.[0]?.IndexStatus).toBe('ACTIVE')
    await client.send(new DeletePartitionIndexCommand({ DatabaseName: DB, TableName: 'ct', IndexName: 'i' }))
    expect(await status()).toEqual([])
    await expect(
      client.send(new DeletePartitionIndexCommand({ DatabaseName: DB, TableName: 'ct', IndexName: 'i' }))
    ).rejects.toMatchObject({ name: 'EntityNotFoundException' })
  })

  it('type-checks values of indexed int keys per entry once an index exists', async () => {
    const types = ['string', 'string', 'int', 'int', 'int']
    glue.createTableDirect(DB, tableInput('plain', types))
    glue.createTableDirect(DB, tableInput('indexed', types))
    await client.send(
      new CreatePartitionIndexCommand({
        DatabaseName: DB,
        TableName: 'indexed',
        PartitionIndex: index('m', ['month'])
      })
    )
    const send = (table: string) =>
      client.send(
        new BatchCreatePartitionCommand({
          DatabaseName: DB,
          TableName: table,
          PartitionInputList: [
            partition(['1', 'r', '2026', '3', '7']),
            partition(['1', 'r', '2026', 'x3', '8'])
          ]
        })
      )
    expect((await send('plain')).Errors ?? []).toEqual([])
    expect((await send('indexed')).Errors).toEqual([
      {
        PartitionValues: ['1', 'r', '2026', 'x3', '8'],
        ErrorDetail: { ErrorCode: 'InvalidInputException', ErrorMessage: expect.stringContaining('x3') }
      }
    ])
    expect(glue.partitionValues(DB, 'indexed')).toEqual([['1', 'r', '2026', '3', '7']])
  })

  it('refuses an UpdateTable that changes the type of an indexed partition key', async () => {
    await client.send(
      new CreatePartitionIndexCommand({
        DatabaseName: DB,
        TableName: 'ct',
        PartitionIndex: index('y', ['year'])
      })
    )
    const retyped = tableInput('ct', ['string', 'string', 'int', 'string', 'string'])
    await expect(
      client.send(new UpdateTableCommand({ DatabaseName: DB, TableInput: retyped }))
    ).rejects.toMatchObject({
      name: 'InvalidInputException',
      message: expect.stringContaining('year')
    })
    const monthRetyped = tableInput('ct', ['string', 'string', 'string', 'int', 'string'])
    await client.send(new UpdateTableCommand({ DatabaseName: DB, TableInput: monthRetyped }))
  })

  it('refuses values with U+0000..U+0002 per entry once an index exists, and keeps them without one', async () => {
    const odd = ['111122223333', 'eu-central-1', '2026', '3:ab', 'a\u0001b']
    const send = () =>
      client.send(
        new BatchCreatePartitionCommand({
          DatabaseName: DB,
          TableName: 'ct',
          PartitionInputList: [partition(odd)]
        })
      )
    expect((await send()).Errors ?? []).toEqual([])
    const { Partition } = await client.send(
      new GetPartitionCommand({ DatabaseName: DB, TableName: 'ct', PartitionValues: odd })
    )
    expect(Partition?.Values).toEqual(odd)
    glue.createTableDirect(DB, tableInput('indexed'))
    await client.send(
      new CreatePartitionIndexCommand({
        DatabaseName: DB,
        TableName: 'indexed',
        PartitionIndex: index('a', ['account'])
      })
    )
    const indexed = await client.send(
      new BatchCreatePartitionCommand({
        DatabaseName: DB,
        TableName: 'indexed',
        PartitionInputList: [partition(odd)]
      })
    )
    expect(indexed.Errors?.[0]?.ErrorDetail?.ErrorCode).toBe('InvalidInputException')
    expect(glue.partitionCount(DB, 'indexed')).toBe(0)
  })
})

describe('throttling', () => {
  it('answers ThrottlingException (400, "Rate exceeded") that the SDK retries until it succeeds', async () => {
    await create(3)
    server.knobs.setThrottle('Glue.GetPartitions', { ratePerSecond: 20, burst: 2 })
    const retrying = newClient(10)
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        retrying.send(new GetPartitionsCommand({ DatabaseName: DB, TableName: 'ct' }))
      )
    )
    retrying.destroy()
    for (const result of results) expect(result.Partitions).toHaveLength(3)
    expect(server.calls.get('Glue.GetPartitions', 'throttled')).toBeGreaterThan(0)
    expect(server.calls.get('Glue.GetPartitions', 'ok')).toBe(6)
  })

  it('is visible to a client without retries as ThrottlingException with HTTP 400', async () => {
    server.knobs.setThrottle('Glue.GetTable', { ratePerSecond: 0.001, burst: 1 })
    await client.send(new GetTableCommand({ DatabaseName: DB, Name: 'ct' }))
    await expect(client.send(new GetTableCommand({ DatabaseName: DB, Name: 'ct' }))).rejects.toMatchObject({
      name: 'ThrottlingException',
      message: 'Rate exceeded',
      $metadata: expect.objectContaining({ httpStatusCode: 400 })
    })
  })
})

describe('table versions', () => {
  const read = async () => (await client.send(new GetTableCommand({ DatabaseName: DB, Name: 'ct' }))).Table!

  it('starts at VersionId 0, moves on with each UpdateTable, and refuses a stale VersionId', async () => {
    expect((await read()).VersionId).toBe('0')
    const input = { ...tableInput('ct'), Parameters: { a: '1' } }
    await client.send(new UpdateTableCommand({ DatabaseName: DB, TableInput: input, VersionId: '0' }))
    expect((await read()).VersionId).toBe('1')
    // Someone else changes the table: our version is stale, and nothing of theirs is overwritten.
    glue.updateTableDirect(DB, 'ct', (table) => ((table.Parameters as Record<string, string>).b = '2'))
    await expect(
      client.send(
        new UpdateTableCommand({ DatabaseName: DB, TableInput: { ...input, Parameters: {} }, VersionId: '1' })
      )
    ).rejects.toMatchObject({
      name: 'ConcurrentModificationException',
      message: 'Update table failed due to concurrent modifications.',
      $metadata: expect.objectContaining({ httpStatusCode: 400 })
    })
    expect((await read()).Parameters).toEqual({ a: '1', b: '2' })
    expect((await read()).VersionId).toBe('2')
  })
})

describe('injected faults', () => {
  it('answers the scheduled GetPartitions page with OperationTimeoutException (400), which the SDK does not retry', async () => {
    await create(30)
    glue.faults.inject('Glue.GetPartitions', glueErrors.operationTimeout(), { skip: 1, count: 1 })
    const retrying = newClient(3)
    const page = (NextToken?: string) =>
      retrying.send(
        new GetPartitionsCommand({ DatabaseName: DB, TableName: 'ct', MaxResults: 10, NextToken })
      )
    const first = await page()
    await expect(page(first.NextToken)).rejects.toMatchObject({
      name: 'OperationTimeoutException',
      message: 'The operation timed out.',
      $metadata: expect.objectContaining({ httpStatusCode: 400, attempts: 1 })
    })
    expect((await page(first.NextToken)).Partitions).toHaveLength(10)
    expect(server.calls.get('Glue.GetPartitions', 'error')).toBe(1)
    retrying.destroy()
  })

  it('fails every nth call, and runs a hook right before the next call', async () => {
    glue.faults.inject('Glue.GetTable', glueErrors.accessDenied('glue:GetTable'), { every: 2 })
    const outcomes: string[] = []
    for (let i = 0; i < 4; i++) {
      outcomes.push(
        await client.send(new GetTableCommand({ DatabaseName: DB, Name: 'ct' })).then(
          () => 'ok',
          (error: Error) => error.name
        )
      )
    }
    expect(outcomes).toEqual(['ok', 'AccessDeniedException', 'ok', 'AccessDeniedException'])
    glue.faults.reset()
    let ran = 0
    glue.faults.beforeNext('Glue.GetTable', () => (ran += 1))
    await client.send(new GetTableCommand({ DatabaseName: DB, Name: 'ct' }))
    await client.send(new GetTableCommand({ DatabaseName: DB, Name: 'ct' }))
    expect(ran).toBe(1)
  })
})

describe('partition index backfill and deletion', () => {
  const indexes = async (table = 'ct') =>
    (await client.send(new GetPartitionIndexesCommand({ DatabaseName: DB, TableName: table })))
      .PartitionIndexDescriptorList
  const createIndex = (table: string, Keys: string[]) =>
    client.send(
      new CreatePartitionIndexCommand({
        DatabaseName: DB,
        TableName: table,
        PartitionIndex: { IndexName: 'by_date', Keys }
      })
    )

  it('goes CREATING -> FAILED with INVALID_PARTITION_TYPE_DATA_ERROR listing the partitions whose values are not of the key type', async () => {
    glue.createTableDirect(DB, tableInput('typed', ['string', 'string', 'int', 'int', 'int']))
    glue.addPartitionsDirect(DB, 'typed', [
      partition(['111122223333', 'eu-central-1', '2026', '3', '1']),
      partition(['111122223333', 'eu-central-1', '2026', 'march', '2'])
    ])
    glue.indexActivationMs = 100
    await createIndex('typed', ['year', 'month', 'day'])
    expect((await indexes('typed'))?.[0]).toMatchObject({ IndexStatus: 'CREATING' })
    expect((await indexes('typed'))?.[0]).not.toHaveProperty('BackfillErrors')
    glue.clock.advance(100)
    expect((await indexes('typed'))?.[0]).toMatchObject({
      IndexName: 'by_date',
      IndexStatus: 'FAILED',
      BackfillErrors: [
        {
          Code: 'INVALID_PARTITION_TYPE_DATA_ERROR',
          Partitions: [{ Values: ['111122223333', 'eu-central-1', '2026', 'march', '2'] }]
        }
      ]
    })
    // An index on string keys of the same table has nothing to refuse.
    glue.createTableDirect(DB, tableInput('strings'))
    glue.addPartitionsDirect(DB, 'strings', [
      partition(['111122223333', 'eu-central-1', '2026', 'march', '2'])
    ])
    await createIndex('strings', ['year', 'month'])
    glue.clock.advance(100)
    expect((await indexes('strings'))?.[0]?.IndexStatus).toBe('ACTIVE')
  })

  it('fails the next backfill with the errors given to failNextIndexBackfill', async () => {
    glue.failNextIndexBackfill([{ Code: 'ENCRYPTED_PARTITION_ERROR', Partitions: [{ Values: values(0) }] }])
    await createIndex('ct', ['year'])
    // A new index is CREATING for a moment by default, as on AWS.
    expect((await indexes())?.[0]).toMatchObject({ IndexStatus: 'CREATING' })
    glue.clock.advance(DEFAULT_INDEX_ACTIVATION_MS)
    expect((await indexes())?.[0]).toMatchObject({
      IndexStatus: 'FAILED',
      BackfillErrors: [{ Code: 'ENCRYPTED_PARTITION_ERROR' }]
    })
  })

  it('is DELETING for indexDeletionMs after DeletePartitionIndex, its name still taken, then gone', async () => {
    glue.indexActivationMs = 0
    await createIndex('ct', ['year'])
    glue.indexDeletionMs = 100
    await client.send(
      new DeletePartitionIndexCommand({ DatabaseName: DB, TableName: 'ct', IndexName: 'by_date' })
    )
    expect((await indexes())?.[0]).toMatchObject({ IndexName: 'by_date', IndexStatus: 'DELETING' })
    await expect(createIndex('ct', ['year'])).rejects.toMatchObject({ name: 'AlreadyExistsException' })
    glue.clock.advance(100)
    expect(await indexes()).toEqual([])
    await createIndex('ct', ['year'])
    expect((await indexes())?.[0]?.IndexStatus).toBe('ACTIVE')
  })
})
