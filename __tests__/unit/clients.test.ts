import { GetPartitionsCommand } from '@aws-sdk/client-glue'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  CallStats,
  createClients,
  explainDenied,
  iamActionOf,
  isNotFoundLookup
} from '../../src/aws/clients.js'

describe('AWS clients', () => {
  let server: Server
  beforeAll(async () => {
    // Glue answering as it does to a role without the permission.
    server = createServer((_request, response) => {
      response.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' })
      response.end(JSON.stringify({ __type: 'AccessDeniedException', Message: 'not allowed' }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    process.env.AWS_ENDPOINT_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    delete process.env.AWS_ENDPOINT_URL
    await new Promise((resolve) => server.close(resolve))
  })

  it('counts calls by operation and names the operation of a denied call with the permission it needs', async () => {
    const { glue, calls } = createClients('eu-central-1', async () => ({
      accessKeyId: 'AKID',
      secretAccessKey: 's'
    }))
    const error = await glue
      .send(new GetPartitionsCommand({ DatabaseName: 'd', TableName: 't' }))
      .catch((e: unknown) => e)
    expect(explainDenied(error)).toBe(
      'AWS denied Glue.GetPartitions (AccessDeniedException: not allowed). Give the role glue:GetPartitions on the resource ' +
        '(statement "ReadAndWritePartitions" of iam/sync/permissions.json); with Lake Formation, also grant it the table permissions.'
    )
    expect(calls.byOperation.get('Glue.GetPartitions')).toMatchObject({ calls: 1, failed: 1, notFound: 0 })
    expect(explainDenied(new Error('other'))).toBeUndefined()
    expect(iamActionOf('S3.ListObjectsV2')).toBe('s3:ListBucket')
    expect(iamActionOf('Athena.CreateNamedQuery')).toBe('athena:CreateNamedQuery')
  })

  it('counts an expected not-found lookup apart from failed calls', () => {
    const notFound = Object.assign(new Error('Table not found'), { name: 'EntityNotFoundException' })
    expect(isNotFoundLookup('Glue.GetTable', notFound)).toBe(true)
    expect(isNotFoundLookup('Glue.GetDatabase', notFound)).toBe(true)
    // Not found on a write, or another error on a lookup, is a failure.
    expect(isNotFoundLookup('Glue.BatchCreatePartition', notFound)).toBe(false)
    expect(isNotFoundLookup('Glue.GetTable', new Error('boom'))).toBe(false)
    const calls = new CallStats()
    calls.record('Glue.GetTable', 1, true, true)
    calls.record('Glue.GetTable', 1, false)
    calls.record('Glue.GetTable', 2, true)
    expect(calls.byOperation.get('Glue.GetTable')).toEqual({ calls: 3, retries: 1, failed: 1, notFound: 1 })
  })
})
