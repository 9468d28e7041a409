/**
 * The Athena stand-in through the real AthenaClient: wire format, named-query limits at their exact
 * boundaries, paging, idempotency tokens, query executions (EXPLAIN checks against the Glue catalog)
 * and the documented rate quotas.
 */
import {
  AthenaClient,
  BatchGetNamedQueryCommand,
  CreateNamedQueryCommand,
  DeleteNamedQueryCommand,
  GetNamedQueryCommand,
  GetQueryExecutionCommand,
  ListNamedQueriesCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  UpdateNamedQueryCommand,
  CreateWorkGroupCommand,
  GetWorkGroupCommand,
  CreateDataCatalogCommand,
  GetDataCatalogCommand,
  type CreateNamedQueryCommandInput
} from '@aws-sdk/client-athena'
import { AthenaService, enforceDocumentedRateQuotas } from '../../stand-in/athena.js'
import { GlueService } from '../../stand-in/glue.js'
import { StandInServer } from '../../stand-in/server.js'
import { serving } from '../helpers/worlds.js'

/** Result objects the Athena stand-in wrote to its output buckets. */
const written: { bucket: string; key: string; body: string }[] = []
const glue = new GlueService()
const athena = new AthenaService(glue, {
  hasBucket: (name) => name === 'query-results',
  putObject: (bucket, key, body) => written.push({ bucket, key, body })
})
const served = serving(new StandInServer().register(athena).register(glue))
const server = served.server
let client: AthenaClient

const base: CreateNamedQueryCommandInput = { Name: 'q', Database: 'security', QueryString: 'SELECT 1' }

const newClient = (maxAttempts = 1): AthenaClient => served.client(AthenaClient, { maxAttempts })

async function refusal(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise
  } catch (error) {
    const e = error as Record<string, unknown> & { $metadata: { httpStatusCode?: number } }
    return { name: e.name, code: e.AthenaErrorCode, status: e.$metadata.httpStatusCode, message: e.message }
  }
  throw new Error('expected the call to be refused')
}

const create = (input: Partial<CreateNamedQueryCommandInput>): Promise<unknown> =>
  client.send(new CreateNamedQueryCommand({ ...base, ...input }))

beforeAll(() => {
  client = newClient()
})

beforeEach(() => {
  written.length = 0
  athena.reset()
  glue.reset()
  server.knobs.reset()
  server.calls.reset()
})

describe('named queries', () => {
  it('creates, gets, updates and deletes a named query; WorkGroup defaults to primary', async () => {
    const { NamedQueryId: id } = await client.send(
      new CreateNamedQueryCommand({ ...base, Description: 'about q' })
    )
    const got = await client.send(new GetNamedQueryCommand({ NamedQueryId: id }))
    expect(got.NamedQuery).toEqual({
      ...base,
      Description: 'about q',
      NamedQueryId: id,
      WorkGroup: 'primary'
    })
    // Description may be empty on update, unlike on create.
    await client.send(
      new UpdateNamedQueryCommand({ NamedQueryId: id, Name: 'q2', Description: '', QueryString: 'SELECT 2' })
    )
    expect(athena.namedQueries()[0]).toMatchObject({ Name: 'q2', Description: '', QueryString: 'SELECT 2' })
    await client.send(new DeleteNamedQueryCommand({ NamedQueryId: id }))
    expect(athena.namedQueries()).toEqual([])
  })

  it('answers errors as JSON 1.1 InvalidRequestException (400) with AthenaErrorCode', async () => {
    expect(await refusal(create({ Name: '' }))).toEqual({
      name: 'InvalidRequestException',
      code: 'INVALID_INPUT',
      status: 400,
      message:
        "1 validation error detected: Value at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1"
    })
  })

  it('takes a Name of 128 characters and refuses 129', async () => {
    await expect(create({ Name: 'n'.repeat(128) })).resolves.toBeDefined()
    expect(await refusal(create({ Name: 'n'.repeat(129) }))).toMatchObject({
      name: 'InvalidRequestException',
      status: 400,
      message: expect.stringContaining(
        "'name' failed to satisfy constraint: Member must have length less than or equal to 128"
      )
    })
  })

  it('refuses an empty Description on create, takes 1024 characters and refuses 1025', async () => {
    expect(await refusal(create({ Description: '' }))).toMatchObject({
      message: expect.stringContaining(
        "'description' failed to satisfy constraint: Member must have length greater than or equal to 1"
      )
    })
    await expect(create({ Description: 'd'.repeat(1024) })).resolves.toBeDefined()
    expect(await refusal(create({ Description: 'd'.repeat(1025) }))).toMatchObject({
      message: expect.stringContaining('less than or equal to 1024')
    })
    const { NamedQueryId: id } = athena.namedQueries()[0] as { NamedQueryId: string }
    expect(
      await refusal(
        client.send(
          new UpdateNamedQueryCommand({
            NamedQueryId: id,
            Name: 'q',
            Description: 'd'.repeat(1025),
            QueryString: 'x'
          })
        )
      )
    ).toMatchObject({ name: 'InvalidRequestException', status: 400 })
  })

  it('counts QueryString in UTF-8 bytes: 262,144 bytes ok, one more refused, multi-byte characters too', async () => {
    await expect(create({ QueryString: 'x'.repeat(262_144) })).resolves.toBeDefined()
    expect(await refusal(create({ QueryString: 'x'.repeat(262_145) }))).toMatchObject({
      name: 'InvalidRequestException'
    })
    // 'é' is 2 bytes: 131,072 of them are exactly the limit, one ASCII byte more is over.
    await expect(create({ QueryString: 'é'.repeat(131_072) })).resolves.toBeDefined()
    expect(await refusal(create({ QueryString: `${'é'.repeat(131_072)}x` }))).toMatchObject({
      name: 'InvalidRequestException',
      code: 'INVALID_INPUT',
      message: 'queryString exceeds maximum allowed length 262144'
    })
    expect(await refusal(create({ QueryString: '' }))).toMatchObject({ name: 'InvalidRequestException' })
  })

  it('requires Database of 1..255 characters and checks the WorkGroup pattern and existence', async () => {
    expect(await refusal(create({ Database: undefined }))).toMatchObject({
      message:
        "1 validation error detected: Value 'null' at 'database' failed to satisfy constraint: Member must not be null"
    })
    expect(await refusal(create({ Database: 'd'.repeat(256) }))).toMatchObject({
      name: 'InvalidRequestException'
    })
    await expect(create({ Database: 'd'.repeat(255) })).resolves.toBeDefined()
    expect(await refusal(create({ WorkGroup: 'bad name' }))).toMatchObject({
      message: expect.stringContaining(
        'Member must satisfy regular expression pattern: [a-zA-Z0-9._-]{1,128}'
      )
    })
    expect(await refusal(create({ WorkGroup: 'analysts' }))).toEqual({
      name: 'InvalidRequestException',
      code: 'INVALID_INPUT',
      status: 400,
      message: 'WorkGroup is not found.'
    })
    athena.addWorkGroup('analysts')
    await expect(create({ WorkGroup: 'analysts' })).resolves.toBeDefined()
    expect(athena.namedQueries('analysts')).toHaveLength(1)
  })

  it('makes ClientRequestToken idempotent: same token same params -> same id; other params -> error', async () => {
    const token = 'a'.repeat(32)
    const first = (await create({ ClientRequestToken: token })) as { NamedQueryId: string }
    const again = (await create({ ClientRequestToken: token })) as { NamedQueryId: string }
    expect(again.NamedQueryId).toBe(first.NamedQueryId)
    expect(athena.namedQueries()).toHaveLength(1)
    expect(await refusal(create({ ClientRequestToken: token, QueryString: 'SELECT 2' }))).toMatchObject({
      code: 'IDEMPOTENT_PARAMETER_MISMATCH',
      message: 'Idempotent parameters do not match'
    })
    expect(await refusal(create({ ClientRequestToken: 'a'.repeat(31) }))).toMatchObject({
      message: expect.stringContaining('greater than or equal to 32')
    })
    expect(await refusal(create({ ClientRequestToken: 'a'.repeat(129) }))).toMatchObject({
      message: expect.stringContaining('less than or equal to 128')
    })
    await expect(create({ ClientRequestToken: 'b'.repeat(128) })).resolves.toBeDefined()
  })

  it('answers an unknown NamedQueryId with InvalidRequestException on Get, Update and Delete', async () => {
    const id = '00000000-0000-0000-0000-000000000000'
    for (const call of [
      client.send(new GetNamedQueryCommand({ NamedQueryId: id })),
      client.send(new UpdateNamedQueryCommand({ NamedQueryId: id, Name: 'q', QueryString: 'x' })),
      client.send(new DeleteNamedQueryCommand({ NamedQueryId: id }))
    ]) {
      expect(await refusal(call)).toMatchObject({ name: 'InvalidRequestException', status: 400 })
    }
  })
})

describe('ListNamedQueries and BatchGetNamedQuery', () => {
  it('pages ids only over 120 queries with MaxResults 50; 51 is refused', async () => {
    const ids = Array.from({ length: 120 }, (_, i) =>
      athena.createNamedQueryDirect({ Name: `q${i}`, Database: 'db', QueryString: 'SELECT 1' })
    )
    athena.createNamedQueryDirect({
      Name: 'other',
      Database: 'db',
      QueryString: 'SELECT 1',
      WorkGroup: 'other'
    })
    const seen: string[] = []
    const sizes: number[] = []
    let token: string | undefined
    do {
      const page = await client.send(new ListNamedQueriesCommand({ MaxResults: 50, NextToken: token }))
      expect(
        Object.keys(page)
          .filter((key) => key !== '$metadata')
          .sort()
      ).toEqual(page.NextToken ? ['NamedQueryIds', 'NextToken'] : ['NamedQueryIds'])
      seen.push(...(page.NamedQueryIds ?? []))
      sizes.push(page.NamedQueryIds?.length ?? 0)
      token = page.NextToken
    } while (token)
    expect(sizes).toEqual([50, 50, 20])
    expect(seen).toEqual(ids)
    expect(await refusal(client.send(new ListNamedQueriesCommand({ MaxResults: 51 })))).toMatchObject({
      name: 'InvalidRequestException',
      message: expect.stringContaining(
        "Value '51' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50"
      )
    })
    expect(await refusal(client.send(new ListNamedQueriesCommand({ NextToken: '' })))).toMatchObject({
      name: 'InvalidRequestException'
    })
  })

  it('takes 50 ids and refuses 51 or none; unknown ids come back as UnprocessedNamedQueryIds', async () => {
    const ids = Array.from({ length: 50 }, (_, i) =>
      athena.createNamedQueryDirect({ Name: `q${i}`, Database: 'db', QueryString: 'SELECT 1' })
    )
    const all = await client.send(new BatchGetNamedQueryCommand({ NamedQueryIds: ids }))
    expect(all.NamedQueries).toHaveLength(50)
    expect(all.UnprocessedNamedQueryIds).toEqual([])
    expect(
      await refusal(client.send(new BatchGetNamedQueryCommand({ NamedQueryIds: [...ids, 'x'] })))
    ).toMatchObject({
      name: 'InvalidRequestException',
      message: expect.stringContaining(
        "'namedQueryIds' failed to satisfy constraint: Member must have length less than or equal to 50"
      )
    })
    expect(await refusal(client.send(new BatchGetNamedQueryCommand({ NamedQueryIds: [] })))).toMatchObject({
      message: expect.stringContaining('greater than or equal to 1')
    })
    const mixed = await client.send(
      new BatchGetNamedQueryCommand({ NamedQueryIds: [ids[0] as string, 'nope'] })
    )
    expect(mixed.NamedQueries?.map((q) => q.NamedQueryId)).toEqual([ids[0]])
    expect(mixed.UnprocessedNamedQueryIds).toEqual([
      expect.objectContaining({ NamedQueryId: 'nope', ErrorCode: expect.any(String) })
    ])
  })
})

describe('query executions', () => {
  const start = (QueryString: string, Database = 'security'): Promise<string> =>
    client
      .send(new StartQueryExecutionCommand({ QueryString, QueryExecutionContext: { Database } }))
      .then((answer) => answer.QueryExecutionId as string)
  const states = async (id: string, polls: number): Promise<string[]> => {
    const seen: string[] = []
    for (let i = 0; i < polls; i++) {
      const answer = await client.send(new GetQueryExecutionCommand({ QueryExecutionId: id }))
      seen.push(answer.QueryExecution?.Status?.State as string)
    }
    return seen
  }

  beforeEach(() => {
    glue.createTableDirect('security', { Name: 'cloudtrail', PartitionKeys: [] })
    athena.addWorkGroup('primary', { outputLocation: 's3://query-results/athena/' })
  })

  it('refuses a query when neither the request nor the workgroup has an output location, as Athena does', async () => {
    athena.addWorkGroup('primary')
    athena.addWorkGroup('bare')
    for (const WorkGroup of ['primary', 'bare']) {
      expect(
        await refusal(client.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1', WorkGroup })))
      ).toMatchObject({
        name: 'InvalidRequestException',
        status: 400,
        message:
          'No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.'
      })
    }
    expect(server.calls.get('Athena.StartQueryExecution', 'error')).toBe(2)
    // The request's location is enough; the execution reports where its result goes.
    const { QueryExecutionId } = await client.send(
      new StartQueryExecutionCommand({
        QueryString: 'SELECT 1',
        WorkGroup: 'bare',
        ResultConfiguration: { OutputLocation: 's3://query-results/checks/' }
      })
    )
    const answer = await client.send(new GetQueryExecutionCommand({ QueryExecutionId }))
    expect(answer.QueryExecution?.ResultConfiguration?.OutputLocation).toBe(
      `s3://query-results/checks/${QueryExecutionId}.csv`
    )
  })

  it("uses the workgroup's location, which wins over the request's when the workgroup enforces it", async () => {
    athena.addWorkGroup('enforced', { outputLocation: 's3://query-results/enforced/', enforce: true })
    const location = async (WorkGroup: string, OutputLocation?: string) => {
      const { QueryExecutionId } = await client.send(
        new StartQueryExecutionCommand({
          QueryString: 'SELECT 1',
          WorkGroup,
          ...(OutputLocation ? { ResultConfiguration: { OutputLocation } } : {})
        })
      )
      const answer = await client.send(new GetQueryExecutionCommand({ QueryExecutionId }))
      return answer.QueryExecution?.ResultConfiguration?.OutputLocation
    }
    // A SELECT's result is a .csv; an EXPLAIN's, as DDL's, a .txt.
    expect(await location('primary')).toMatch(/^s3:\/\/query-results\/athena\/[\w-]+\.csv$/)
    expect(await location('primary', 's3://query-results/mine')).toMatch(/^s3:\/\/query-results\/mine\//)
    expect(await location('enforced', 's3://query-results/mine/')).toMatch(
      /^s3:\/\/query-results\/enforced\//
    )
  })

  it('refuses an output location in a bucket that does not exist', async () => {
    expect(
      await refusal(
        client.send(
          new StartQueryExecutionCommand({
            QueryString: 'SELECT 1',
            ResultConfiguration: { OutputLocation: 's3://no-such-bucket/x/' }
          })
        )
      )
    ).toMatchObject({
      name: 'InvalidRequestException',
      status: 400,
      message: 'Unable to verify/create output bucket no-such-bucket'
    })
  })

  it('goes QUEUED -> RUNNING -> SUCCEEDED across polls, pollsPerState each', async () => {
    athena.pollsPerState = 2
    const id = await start('EXPLAIN SELECT eventname FROM cloudtrail')
    expect(await states(id, 6)).toEqual(['QUEUED', 'QUEUED', 'RUNNING', 'RUNNING', 'SUCCEEDED', 'SUCCEEDED'])
    const answer = await client.send(new GetQueryExecutionCommand({ QueryExecutionId: id }))
    expect(answer.QueryExecution).toMatchObject({
      Query: 'EXPLAIN SELECT eventname FROM cloudtrail',
      StatementType: 'UTILITY',
      QueryExecutionContext: { Database: 'security' },
      WorkGroup: 'primary'
    })
    expect(answer.QueryExecution?.Status?.SubmissionDateTime).toBeInstanceOf(Date)
  })

  it('with queryRunTimeMs, stays RUNNING for that wall-clock time, then answers; stopped before, it is cancelled', async () => {
    athena.queryRunTimeMs = { min: 150, max: 150 }
    const id = await start('EXPLAIN SELECT eventname FROM cloudtrail')
    expect(await states(id, 3)).toEqual(['RUNNING', 'RUNNING', 'RUNNING'])
    await new Promise((resolve) => setTimeout(resolve, 160))
    expect(await states(id, 1)).toEqual(['SUCCEEDED'])
    const stopped = await start('EXPLAIN SELECT eventsource FROM cloudtrail')
    await client.send(new StopQueryExecutionCommand({ QueryExecutionId: stopped }))
    expect(await states(stopped, 1)).toEqual(['CANCELLED'])
    expect(athena.receivedQueries).toEqual([
      'EXPLAIN SELECT eventname FROM cloudtrail',
      'EXPLAIN SELECT eventsource FROM cloudtrail'
    ])
  })

  it('fails a query on a table the catalog lacks with TABLE_NOT_FOUND at its position', async () => {
    const id = await start('EXPLAIN SELECT *\nFROM cloudtrail c JOIN security.missing m ON c.x = m.x')
    const answer = await (async () => {
      await states(id, 2)
      return client.send(new GetQueryExecutionCommand({ QueryExecutionId: id }))
    })()
    expect(answer.QueryExecution?.Status).toMatchObject({
      State: 'FAILED',
      StateChangeReason: "TABLE_NOT_FOUND: line 2:24: Table 'awsdatacatalog.security.missing' does not exist",
      AthenaError: { ErrorCategory: 2, ErrorType: 1301, Retryable: false }
    })
  })

  it('resolves CTE names, quoted and qualified names, and reports a missing schema or catalog', async () => {
    const outcome = async (sql: string): Promise<string | undefined> => {
      const id = await start(sql)
      const [, , last] = await states(id, 3)
      if (last === 'SUCCEEDED') return last
      const answer = await client.send(new GetQueryExecutionCommand({ QueryExecutionId: id }))
      return answer.QueryExecution?.Status?.StateChangeReason
    }
    expect(await outcome('EXPLAIN WITH x AS (SELECT * FROM cloudtrail) SELECT * FROM x')).toBe('SUCCEEDED')
    expect(await outcome('EXPLAIN SELECT * FROM "SECURITY"."CloudTrail"')).toBe('SUCCEEDED')
    expect(await outcome('EXPLAIN SELECT * FROM awsdatacatalog.security.cloudtrail')).toBe('SUCCEEDED')
    expect(await outcome('EXPLAIN SELECT * FROM nodb.cloudtrail')).toBe(
      "SCHEMA_NOT_FOUND: line 1:23: Schema 'nodb' does not exist"
    )
    expect(await outcome('EXPLAIN SELECT * FROM other.security.cloudtrail')).toBe(
      "CATALOG_NOT_FOUND: line 1:23: Catalog 'other' does not exist"
    )
  })

  it('refuses a syntax error at StartQueryExecution with MALFORMED_QUERY, creating nothing', async () => {
    expect(await refusal(start('EXPLAIN SELEC * FROM cloudtrail'))).toMatchObject({
      name: 'InvalidRequestException',
      code: 'MALFORMED_QUERY',
      status: 400,
      message: expect.stringMatching(/^line 1:9: mismatched input 'SELEC'\. /)
    })
  })

  it('answers the same id for the same ClientRequestToken, and cancels with StopQueryExecution', async () => {
    const token = 't'.repeat(40)
    const send = (QueryString: string): Promise<string | undefined> =>
      client
        .send(new StartQueryExecutionCommand({ QueryString, ClientRequestToken: token }))
        .then((answer) => answer.QueryExecutionId)
    const id = (await send('SELECT 1')) as string
    expect(await send('SELECT 1')).toBe(id)
    expect(await refusal(send('SELECT 2'))).toMatchObject({ code: 'IDEMPOTENT_PARAMETER_MISMATCH' })
    await client.send(new StopQueryExecutionCommand({ QueryExecutionId: id }))
    expect(await states(id, 1)).toEqual(['CANCELLED'])
    expect(
      await refusal(client.send(new GetQueryExecutionCommand({ QueryExecutionId: 'nope' })))
    ).toMatchObject({ code: 'QUERY_EXECUTION_NOT_FOUND', message: 'QueryExecution nope was not found' })
  })
})

describe('workgroups', () => {
  const RESULTS = 's3://query-results/cloudtrail-partitions/checks/'
  const createChecks = (BytesScannedCutoffPerQuery = 10_000_000) =>
    client.send(
      new CreateWorkGroupCommand({
        Name: 'cloudtrail-partitions-checks',
        Description: 'EXPLAIN of pull requests',
        Configuration: {
          ResultConfiguration: { OutputLocation: RESULTS },
          EnforceWorkGroupConfiguration: true,
          BytesScannedCutoffPerQuery
        }
      })
    )

  it('creates a workgroup and answers its configuration with GetWorkGroup', async () => {
    await createChecks()
    const { WorkGroup } = await client.send(
      new GetWorkGroupCommand({ WorkGroup: 'cloudtrail-partitions-checks' })
    )
    expect(WorkGroup).toMatchObject({
      Name: 'cloudtrail-partitions-checks',
      State: 'ENABLED',
      Description: 'EXPLAIN of pull requests',
      Configuration: {
        ResultConfiguration: { OutputLocation: RESULTS },
        EnforceWorkGroupConfiguration: true,
        BytesScannedCutoffPerQuery: 10_000_000
      }
    })
    expect(await refusal(createChecks())).toMatchObject({ name: 'InvalidRequestException', status: 400 })
    expect(await refusal(client.send(new GetWorkGroupCommand({ WorkGroup: 'nope' })))).toMatchObject({
      name: 'InvalidRequestException',
      message: 'WorkGroup is not found.'
    })
  })

  it('takes a BytesScannedCutoffPerQuery of 10,000,000 bytes and refuses 9,999,999 (model BytesScannedCutoffValue)', async () => {
    expect(await refusal(createChecks(9_999_999))).toMatchObject({
      name: 'InvalidRequestException',
      status: 400,
      message: expect.stringContaining(
        "'configuration.bytesScannedCutoffPerQuery' failed to satisfy constraint: Member must have value greater than or equal to 10000000"
      )
    })
    expect(athena.workGroup('cloudtrail-partitions-checks')).toBeUndefined()
    await createChecks(10_000_000)
    expect(athena.workGroup('cloudtrail-partitions-checks')?.bytesScannedCutoffPerQuery).toBe(10_000_000)
    expect(await refusal(client.send(new CreateWorkGroupCommand({ Name: 'has space' })))).toMatchObject({
      name: 'InvalidRequestException',
      message: expect.stringContaining('regular expression')
    })
  })

  it('an enforced workgroup writes every result to its own location, whatever the request asks, and there only', async () => {
    await createChecks()
    glue.createTableDirect('security', { Name: 'cloudtrail', PartitionKeys: [] })
    const { QueryExecutionId } = await client.send(
      new StartQueryExecutionCommand({
        QueryString: 'EXPLAIN SELECT * FROM cloudtrail',
        QueryExecutionContext: { Database: 'security' },
        WorkGroup: 'cloudtrail-partitions-checks',
        ResultConfiguration: { OutputLocation: 's3://query-results/security-team/' }
      })
    )
    const answer = await client.send(new GetQueryExecutionCommand({ QueryExecutionId }))
    expect(answer.QueryExecution?.ResultConfiguration?.OutputLocation).toBe(
      `${RESULTS}${QueryExecutionId}.txt`
    )
    expect(written).toEqual([
      {
        bucket: 'query-results',
        key: `cloudtrail-partitions/checks/${QueryExecutionId}.txt`,
        body: expect.stringContaining('EXPLAIN SELECT')
      }
    ])
    // Enforced without a location of its own: the request's is ignored, so there is none.
    athena.addWorkGroup('enforced-bare', { enforce: true })
    expect(
      await refusal(
        client.send(
          new StartQueryExecutionCommand({
            QueryString: 'SELECT 1',
            WorkGroup: 'enforced-bare',
            ResultConfiguration: { OutputLocation: 's3://query-results/mine/' }
          })
        )
      )
    ).toMatchObject({
      name: 'InvalidRequestException',
      message: expect.stringMatching(/^No output location provided/)
    })
  })
})

describe('data catalogs of other accounts', () => {
  const OWNER = '444455556666'

  beforeEach(() => {
    athena.addWorkGroup('primary', { outputLocation: 's3://query-results/athena/' })
    glue.createTableDirect('security', { Name: 'cloudtrail', PartitionKeys: [] }, OWNER)
  })

  const outcome = async (sql: string, Catalog?: string): Promise<string | undefined> => {
    const { QueryExecutionId } = await client.send(
      new StartQueryExecutionCommand({
        QueryString: sql,
        QueryExecutionContext: { Database: 'security', ...(Catalog ? { Catalog } : {}) }
      })
    )
    athena.pollsPerState = 0
    const answer = await client.send(new GetQueryExecutionCommand({ QueryExecutionId }))
    return answer.QueryExecution?.Status?.StateChangeReason ?? answer.QueryExecution?.Status?.State
  }

  it('registers a GLUE catalog with catalog-id and reads its tables, by name or as the context catalog', async () => {
    await client.send(
      new CreateDataCatalogCommand({
        Name: 'ownerCatalog',
        Type: 'GLUE',
        Parameters: { 'catalog-id': OWNER }
      })
    )
    expect((await client.send(new GetDataCatalogCommand({ Name: 'ownerCatalog' }))).DataCatalog).toEqual({
      Name: 'ownerCatalog',
      Type: 'GLUE',
      Parameters: { 'catalog-id': OWNER }
    })
    expect(await outcome('EXPLAIN SELECT * FROM ownercatalog.security.cloudtrail')).toBe('SUCCEEDED')
    expect(await outcome('EXPLAIN SELECT * FROM cloudtrail', 'ownerCatalog')).toBe('SUCCEEDED')
    // The caller's own catalog does not have the table.
    expect(await outcome('EXPLAIN SELECT * FROM cloudtrail')).toMatch(/^SCHEMA_NOT_FOUND/)
    expect(await outcome('EXPLAIN SELECT * FROM cloudtrail', 'otherCatalog')).toMatch(
      /^CATALOG_NOT_FOUND: line 1:23: Catalog 'othercatalog' does not exist/
    )
  })

  it('refuses a data catalog that is not GLUE with a 12-digit catalog-id, or whose name is taken', async () => {
    const create = (input: ConstructorParameters<typeof CreateDataCatalogCommand>[0]) =>
      refusal(client.send(new CreateDataCatalogCommand(input)))
    expect(await create({ Name: 'c', Type: 'GLUE', Parameters: {} })).toMatchObject({
      name: 'InvalidRequestException'
    })
    expect(await create({ Name: 'c', Type: 'GLUE', Parameters: { 'catalog-id': '4444' } })).toMatchObject({
      name: 'InvalidRequestException'
    })
    expect(
      await create({ Name: 'has space', Type: 'GLUE', Parameters: { 'catalog-id': OWNER } })
    ).toMatchObject({
      name: 'InvalidRequestException'
    })
    expect(
      await create({ Name: 'AwsDataCatalog', Type: 'GLUE', Parameters: { 'catalog-id': OWNER } })
    ).toMatchObject({
      name: 'InvalidRequestException'
    })
    expect(await refusal(client.send(new GetDataCatalogCommand({ Name: 'nope' })))).toMatchObject({
      name: 'InvalidRequestException'
    })
  })
})

describe('knobs', () => {
  it('enforces the documented rate quotas with ThrottlingException "Rate exceeded" (400)', async () => {
    enforceDocumentedRateQuotas(server.knobs)
    const calls = Array.from({ length: 25 }, () =>
      client
        .send(new GetNamedQueryCommand({ NamedQueryId: 'x' }))
        .catch((error: { name: string; message: string }) => error)
    )
    const outcomes = await Promise.all(calls)
    expect(server.calls.get('Athena.GetNamedQuery', 'throttled')).toBeGreaterThanOrEqual(4)
    expect(outcomes).toContainEqual(
      expect.objectContaining({ name: 'ThrottlingException', message: 'Rate exceeded' })
    )
  })

  it('answers injected failures with InternalServerException (500), which the SDK retries', async () => {
    const id = athena.createNamedQueryDirect({ Name: 'q', Database: 'db', QueryString: 'SELECT 1' })
    server.knobs.failNext('Athena.GetNamedQuery', 1)
    expect(await refusal(client.send(new GetNamedQueryCommand({ NamedQueryId: id })))).toMatchObject({
      name: 'InternalServerException',
      status: 500
    })
    server.knobs.failNext('Athena.GetNamedQuery', 1)
    const retrying = newClient(3)
    await expect(retrying.send(new GetNamedQueryCommand({ NamedQueryId: id }))).resolves.toBeDefined()
    retrying.destroy()
  })
})
