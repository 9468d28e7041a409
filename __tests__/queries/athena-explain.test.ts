/**
 * explainQuery against the Athena stand-in through the real AthenaClient: a valid query, a missing
 * table, a syntax error (refused at StartQueryExecution), polling through QUEUED and RUNNING, timeout.
 */
import { AthenaClient } from '@aws-sdk/client-athena'
import { ConfigurationError } from '../../src/vocabulary/errors.js'
import { explainQuery } from '../../src/queries/explain.js'
import { AthenaService } from '../../stand-in/athena.js'
import { GlueService } from '../../stand-in/glue.js'
import { StandInServer } from '../../stand-in/server.js'
import { serving, standInClientConfig } from '../helpers/worlds.js'

const glue = new GlueService()
const athena = new AthenaService(glue)
const served = serving(new StandInServer().register(athena).register(glue))
const server = served.server
let client: AthenaClient

const target = (sql: string): { sql: string; database: string; workgroup: string } => ({
  sql,
  database: 'security',
  workgroup: 'primary'
})
const fast = { pollIntervalMs: 5, timeoutMs: 5000 }

beforeAll(() => {
  client = served.client(AthenaClient)
})

beforeEach(() => {
  athena.reset()
  glue.reset()
  server.calls.reset()
  glue.createTableDirect('security', { Name: 'cloudtrail', PartitionKeys: [] })
  athena.addWorkGroup('primary', { outputLocation: 's3://query-results/' })
})

describe('explainQuery', () => {
  it('answers undefined when EXPLAIN succeeds, polling through QUEUED and RUNNING', async () => {
    athena.pollsPerState = 2
    const sql = '-- recent errors\nSELECT errorcode, count(*) FROM cloudtrail GROUP BY 1;\n'
    await expect(explainQuery(client, target(sql), fast)).resolves.toBeUndefined()
    // 2 QUEUED + 2 RUNNING + the final answer.
    expect(server.calls.get('Athena.GetQueryExecution')).toBe(5)
    expect(server.calls.get('Athena.StartQueryExecution')).toBe(1)
  })

  it("explains in another account's Glue catalog through the data catalog registered for it", async () => {
    glue.createTableDirect('security', { Name: 'other_table', PartitionKeys: [] }, '444455556666')
    athena.addDataCatalog('security_catalog', '444455556666')
    const inCatalog = { ...target('SELECT * FROM other_table'), catalog: 'security_catalog' }
    await expect(explainQuery(client, inCatalog, fast)).resolves.toBeUndefined()
    // Without the catalog, the caller's own catalog is asked, which lacks the table.
    expect(await explainQuery(client, target('SELECT * FROM other_table'), fast)).toMatch(/^TABLE_NOT_FOUND/)
    // A data catalog that is not registered is the setup's problem, not the query's.
    const missing = explainQuery(client, { ...inCatalog, catalog: 'not_registered' }, fast)
    await expect(missing).rejects.toBeInstanceOf(ConfigurationError)
    await expect(missing).rejects.toThrow(
      "Input 'athena-catalog': Athena has no data catalog 'not_registered'"
    )
  })

  it('stops on a workgroup Athena does not have, naming the input and how to create it', async () => {
    const missing = explainQuery(
      client,
      { ...target('SELECT 1'), workgroup: 'cloudtrail-partitions-checks' },
      fast
    )
    await expect(missing).rejects.toBeInstanceOf(ConfigurationError)
    await expect(missing).rejects.toThrow(
      "Input 'workgroup': Athena has no workgroup 'cloudtrail-partitions-checks' in this account and region; create"
    )
  })

  it('answers TABLE_NOT_FOUND with the position in the file', async () => {
    const reason = await explainQuery(client, target('SELECT * FROM cloudtrial'), fast)
    expect(reason).toBe(
      "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.security.cloudtrial' does not exist"
    )
  })

  it('answers a syntax error, which Athena refuses before running anything', async () => {
    const reason = await explainQuery(client, target('SELECT *\nFROM cloudtrail\nWHERE eventname = )'), fast)
    expect(reason).toMatch(/^SYNTAX_ERROR: line 3:19: mismatched input '\)'\. /)
    expect(server.calls.get('Athena.GetQueryExecution')).toBe(0)
    const first = await explainQuery(client, target('SELEC 1'), fast)
    expect(first).toMatch(/^SYNTAX_ERROR: line 1:1: mismatched input 'SELEC'/)
  })

  it('gives up with a clear message after the timeout, and stops the query', async () => {
    athena.pollsPerState = 1000
    const reason = await explainQuery(client, target('SELECT 1'), { pollIntervalMs: 10, timeoutMs: 100 })
    expect(reason).toMatch(
      /^EXPLAIN did not finish within 100 ms \(query execution [0-9a-f-]+, workgroup primary\)$/
    )
    expect(server.calls.get('Athena.StopQueryExecution')).toBe(1)
  })

  it('says which output location is missing, naming the input, when neither the workgroup nor the input has one', async () => {
    athena.addWorkGroup('bare')
    const error = await explainQuery(client, { ...target('SELECT 1'), workgroup: 'bare' }, fast).then(
      () => new Error('expected a failure'),
      (e: Error) => e
    )
    expect(error).toBeInstanceOf(ConfigurationError)
    expect(error.message).toMatch(
      /^Athena has nowhere to write EXPLAIN's results: workgroup 'bare' has no query result location and input 'athena-output-location' is empty\. Set 'athena-output-location'/
    )
    // With the input, the same workgroup runs EXPLAIN and results go there.
    await expect(
      explainQuery(
        client,
        { ...target('SELECT 1'), workgroup: 'bare', outputLocation: 's3://query-results/x/' },
        fast
      )
    ).resolves.toBeUndefined()
  })

  it('names the bucket and its source when Athena cannot use it', async () => {
    const athenaWithS3 = new AthenaService(glue, { hasBucket: () => false })
    const local = new StandInServer().register(athenaWithS3).register(glue)
    await local.listen()
    const other = new AthenaClient(standInClientConfig(local.endpoint))
    try {
      await expect(
        explainQuery(other, { ...target('SELECT 1'), outputLocation: 's3://gone-bucket/x/' }, fast)
      ).rejects.toThrow(
        "Athena cannot write EXPLAIN's results to bucket gone-bucket, from input 'athena-output-location' (s3://gone-bucket/x/)"
      )
    } finally {
      other.destroy()
      await local.close()
    }
  })

  it('throws on a request Athena refuses for other reasons (a query over 262,144 bytes)', async () => {
    await expect(explainQuery(client, target(`SELECT '${'x'.repeat(262_144)}'`), fast)).rejects.toMatchObject(
      {
        name: 'InvalidRequestException',
        message: expect.stringContaining('queryString') as unknown as string
      }
    )
  })
})
