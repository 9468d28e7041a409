/**
 * The stand-in's S3 through the real S3Client: listing semantics and limits as documented for
 * ListObjectsV2, S3's error shapes, uploads as recent SDKs send them, and the throttling and 5xx knobs.
 */
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type ListObjectsV2CommandInput,
  type ListObjectsV2CommandOutput
} from '@aws-sdk/client-s3'
import { XMLParser } from 'fast-xml-parser'
import { S3Service } from '../../stand-in/s3.js'
import { StandInServer } from '../../stand-in/server.js'
import { serving } from '../helpers/worlds.js'
import type { ServiceHandler, StandInRequest } from '../../stand-in/types.js'

/** Requests the S3 handler saw, recorded by a handler that claims nothing. */
const seen: StandInRequest[] = []

const spy: ServiceHandler = {
  service: 'Spy',
  operation: (request) => {
    seen.push(request)
    return undefined
  },
  handle: () => ({ status: 500 }),
  errorResponse: () => ({ status: 500 }),
  throttlingError: () => new Error('unused') as never,
  internalError: () => new Error('unused') as never
}

const s3 = new S3Service()
const served = serving(new StandInServer().register(spy).register(s3))
const server = served.server
let endpoint: string
let client: S3Client

const makeClient = (options: { maxAttempts?: number } = {}): S3Client =>
  served.client(S3Client, { forcePathStyle: true, ...options })

/** The error a command fails with (fails the test when it succeeds). */
async function failure(promise: Promise<unknown>): Promise<S3ServiceException & Record<string, unknown>> {
  try {
    await promise
  } catch (error) {
    return error as S3ServiceException & Record<string, unknown>
  }
  throw new Error('expected the call to fail')
}

async function listAll(input: ListObjectsV2CommandInput): Promise<ListObjectsV2CommandOutput[]> {
  const pages: ListObjectsV2CommandOutput[] = []
  let token: string | undefined
  do {
    const page = await client.send(new ListObjectsV2Command({ ...input, ContinuationToken: token }))
    pages.push(page)
    token = page.NextContinuationToken
    if (page.IsTruncated !== (token !== undefined)) throw new Error('IsTruncated and the token disagree')
  } while (token)
  return pages
}

const keysOf = (page: ListObjectsV2CommandOutput): string[] =>
  (page.Contents ?? []).map((c) => c.Key as string)
const prefixesOf = (page: ListObjectsV2CommandOutput): string[] =>
  (page.CommonPrefixes ?? []).map((c) => c.Prefix as string)

beforeAll(() => {
  endpoint = served.endpoint
  client = makeClient()
})

beforeEach(() => {
  server.knobs.reset()
  server.calls.reset()
  seen.length = 0
})

describe('buckets', () => {
  it('creates a bucket once; a second CreateBucket is 409 BucketAlreadyOwnedByYou', async () => {
    await client.send(new CreateBucketCommand({ Bucket: 'created-once' }))
    expect(s3.hasBucket('created-once')).toBe(true)
    const error = await failure(client.send(new CreateBucketCommand({ Bucket: 'created-once' })))
    expect(error.name).toBe('BucketAlreadyOwnedByYou')
    expect(error.$metadata.httpStatusCode).toBe(409)
  })

  it('refuses invalid bucket names with 400 InvalidBucketName', async () => {
    for (const name of ['ab', 'Upper-Case', 'under_score', '192.168.1.1']) {
      const error = await failure(client.send(new CreateBucketCommand({ Bucket: name })))
      expect([name, error.name, error.$metadata.httpStatusCode]).toEqual([name, 'InvalidBucketName', 400])
    }
  })

  it('HeadBucket answers 200 for a bucket and 404 for a missing one', async () => {
    s3.createBucket('head-me')
    const ok = await client.send(new HeadBucketCommand({ Bucket: 'head-me' }))
    expect(ok.$metadata.httpStatusCode).toBe(200)
    const error = await failure(client.send(new HeadBucketCommand({ Bucket: 'no-such-bucket' })))
    expect(error.$metadata.httpStatusCode).toBe(404)
  })

  it('ListObjectsV2 on a missing bucket is 404 NoSuchBucket in S3 XML error shape', async () => {
    const error = await failure(client.send(new ListObjectsV2Command({ Bucket: 'no-such-bucket' })))
    expect(error.name).toBe('NoSuchBucket')
    expect(error.$metadata.httpStatusCode).toBe(404)
    expect(error.BucketName).toBe('no-such-bucket')
    const raw = await fetch(`${endpoint}/no-such-bucket?list-type=2`)
    const body = new XMLParser().parse(await raw.text()) as { Error: Record<string, string> }
    expect(raw.status).toBe(404)
    expect(body.Error.Code).toBe('NoSuchBucket')
    expect(body.Error.Message).toBe('The specified bucket does not exist')
    expect(body.Error.RequestId).toMatch(/\S/)
  })
})

describe('objects', () => {
  beforeAll(() => {
    s3.createBucket('objects')
  })

  it('stores a string body and a Buffer body byte for byte, and GetObject returns them', async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255, 10, 13])
    await client.send(new PutObjectCommand({ Bucket: 'objects', Key: 'text/hello.txt', Body: 'héllo wörld' }))
    await client.send(new PutObjectCommand({ Bucket: 'objects', Key: 'bin/data.bin', Body: bytes }))
    expect(s3.getObjectBody('objects', 'text/hello.txt')?.toString('utf8')).toBe('héllo wörld')
    expect(s3.getObjectBody('objects', 'bin/data.bin')).toEqual(bytes)
    const got = await client.send(new GetObjectCommand({ Bucket: 'objects', Key: 'bin/data.bin' }))
    expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(bytes)
    expect(got.ETag).toBe(`"${createHash('md5').update(bytes).digest('hex')}"`)
    // The SDK sent a flexible checksum with each upload, and the stand-in checked it.
    const puts = seen.filter((request) => request.method === 'PUT')
    expect(puts.every((request) => typeof request.headers['x-amz-checksum-crc32'] === 'string')).toBe(true)
  })

  it('decodes an aws-chunked streaming upload with a trailing checksum', async () => {
    const text = 'streamed '.repeat(5000)
    await client.send(
      new PutObjectCommand({
        Bucket: 'objects',
        Key: 'stream/body.txt',
        Body: Readable.from([Buffer.from(text)]),
        ContentLength: Buffer.byteLength(text)
      })
    )
    const put = seen.find((request) => request.method === 'PUT')!
    expect(put.headers['content-encoding']).toBe('aws-chunked')
    expect(put.headers['x-amz-content-sha256']).toBe('STREAMING-UNSIGNED-PAYLOAD-TRAILER')
    expect(s3.getObjectBody('objects', 'stream/body.txt')?.toString()).toBe(text)
    // With ChecksumMode the stored CRC32 comes back and the SDK validates the body against it.
    const got = await client.send(
      new GetObjectCommand({ Bucket: 'objects', Key: 'stream/body.txt', ChecksumMode: 'ENABLED' })
    )
    expect(got.ChecksumCRC32).toBe(put.body.toString().match(/x-amz-checksum-crc32:(\S+)/)?.[1])
    expect(await got.Body!.transformToString()).toBe(text)
  })

  it('refuses a body whose checksum does not match with 400 BadDigest', async () => {
    const response = await fetch(`${endpoint}/objects/bad-digest`, {
      method: 'PUT',
      headers: { 'x-amz-checksum-crc32': 'AAAAAA==' },
      body: 'some body'
    })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('<Code>BadDigest</Code>')
    expect(s3.getObjectBody('objects', 'bad-digest')).toBeUndefined()
  })

  it('GetObject and HeadObject of a missing key are 404 (NoSuchKey / NotFound)', async () => {
    const error = await failure(client.send(new GetObjectCommand({ Bucket: 'objects', Key: 'missing' })))
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['NoSuchKey', 404])
    const head = await failure(client.send(new HeadObjectCommand({ Bucket: 'objects', Key: 'missing' })))
    expect(head.$metadata.httpStatusCode).toBe(404)
  })

  it('HeadObject gives size and ETag without a body', async () => {
    s3.putObject('objects', 'head/one', 'twelve bytes')
    const head = await client.send(new HeadObjectCommand({ Bucket: 'objects', Key: 'head/one' }))
    expect(head.ContentLength).toBe(12)
    expect(head.ETag).toMatch(/^"[0-9a-f]{32}"$/)
  })

  it('refuses keys longer than 1024 UTF-8 bytes with 400 KeyTooLongError', async () => {
    const error = await failure(
      client.send(new PutObjectCommand({ Bucket: 'objects', Key: 'é'.repeat(513), Body: 'x' }))
    )
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['KeyTooLongError', 400])
    await client.send(new PutObjectCommand({ Bucket: 'objects', Key: 'k'.repeat(1024), Body: 'x' }))
    expect(s3.getObjectBody('objects', 'k'.repeat(1024))?.toString()).toBe('x')
  })

  it('counts deletes so tests can prove that nothing deleted log objects', async () => {
    s3.putObject('objects', 'delete/me', 'x')
    await client.send(new DeleteObjectCommand({ Bucket: 'objects', Key: 'delete/me' }))
    await client.send(new DeleteObjectCommand({ Bucket: 'objects', Key: 'delete/never-existed' }))
    expect(s3.getObjectBody('objects', 'delete/me')).toBeUndefined()
    expect(s3.keys('objects', 'delete/')).toEqual([])
    expect(s3.deleted).toEqual(['objects/delete/me'])
    expect(server.calls.get('S3.DeleteObject')).toBe(2)
  })

  it('answers operations it does not serve with 501 NotImplemented (counted, not retried)', async () => {
    const error = await failure(
      client.send(new GetObjectTaggingCommand({ Bucket: 'objects', Key: 'head/one' }))
    )
    expect([error.name, error.$metadata.httpStatusCode, error.$metadata.attempts]).toEqual([
      'NotImplemented',
      501,
      1
    ])
    expect(server.calls.get('S3.Unsupported', 'error')).toBe(1)
  })
})

describe('ListObjectsV2', () => {
  beforeAll(() => {
    s3.createBucket('many')
    // Inserted out of order on purpose: the listing must still come out sorted.
    for (let i = 2499; i >= 0; i--) s3.putObject('many', `logs/${String(i).padStart(5, '0')}.json`, 'x')
    s3.createBucket('deep')
    for (const top of ['a', 'b', 'c', 'd', 'e']) {
      for (const leaf of ['1', '2']) s3.putObject('deep', `root/${top}/l2/l3/l4/${leaf}.gz`, 'x')
    }
    s3.putObject('deep', 'root/file-1', 'x')
    s3.putObject('deep', 'root/file-2', 'x')
  })

  it('visits each of 2,500 keys exactly once, in order, over 3 pages at the default max-keys', async () => {
    const pages = await listAll({ Bucket: 'many', Prefix: 'logs/' })
    expect(pages.map((page) => page.KeyCount)).toEqual([1000, 1000, 500])
    expect(pages.map((page) => page.IsTruncated)).toEqual([true, true, false])
    const keys = pages.flatMap(keysOf)
    expect(keys).toHaveLength(2500)
    expect(new Set(keys).size).toBe(2500)
    expect(keys).toEqual([...keys].sort())
    expect(pages[0]!.ContinuationToken).toBeUndefined()
    expect(pages[1]!.ContinuationToken).toBe(pages[0]!.NextContinuationToken)
  })

  it('caps MaxKeys above 1000 at 1000 instead of refusing it', async () => {
    const page = await client.send(new ListObjectsV2Command({ Bucket: 'many', MaxKeys: 1001 }))
    expect(page.Contents).toHaveLength(1000)
    expect(page.KeyCount).toBe(1000)
    expect(page.IsTruncated).toBe(true)
  })

  it('refuses a negative or non-numeric max-keys with 400 InvalidArgument', async () => {
    const error = await failure(client.send(new ListObjectsV2Command({ Bucket: 'many', MaxKeys: -1 })))
    expect([error.name, error.$metadata.httpStatusCode, error.ArgumentName]).toEqual([
      'InvalidArgument',
      400,
      'max-keys'
    ])
    const raw = await fetch(`${endpoint}/many?list-type=2&max-keys=ten`)
    expect(raw.status).toBe(400)
    expect(await raw.text()).toContain('<Code>InvalidArgument</Code>')
  })

  it('rolls up keys five levels deep into CommonPrefixes, leaving them out of Contents', async () => {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: 'deep', Prefix: 'root/', Delimiter: '/' })
    )
    expect(prefixesOf(page)).toEqual(['root/a/', 'root/b/', 'root/c/', 'root/d/', 'root/e/'])
    expect(keysOf(page)).toEqual(['root/file-1', 'root/file-2'])
    expect(page.KeyCount).toBe(7)
    expect(page.Delimiter).toBe('/')
    const deeper = await client.send(
      new ListObjectsV2Command({ Bucket: 'deep', Prefix: 'root/c/l2/', Delimiter: '/' })
    )
    expect(prefixesOf(deeper)).toEqual(['root/c/l2/l3/'])
    expect(deeper.Contents).toBeUndefined()
    const top = await client.send(new ListObjectsV2Command({ Bucket: 'deep', Delimiter: '/' }))
    expect(prefixesOf(top)).toEqual(['root/'])
  })

  it('counts each common prefix as one against MaxKeys and paginates over prefixes', async () => {
    const pages = await listAll({ Bucket: 'deep', Prefix: 'root/', Delimiter: '/', MaxKeys: 3 })
    expect(pages.map((page) => page.KeyCount)).toEqual([3, 3, 1])
    expect(pages.map((page) => [...prefixesOf(page), ...keysOf(page)])).toEqual([
      ['root/a/', 'root/b/', 'root/c/'],
      ['root/d/', 'root/e/', 'root/file-1'],
      ['root/file-2']
    ])
    // One prefix per page: each page resumes after the previous page's rolled-up prefix.
    const single = await listAll({ Bucket: 'deep', Prefix: 'root/', Delimiter: '/', MaxKeys: 1 })
    expect(single.flatMap(prefixesOf)).toEqual(['root/a/', 'root/b/', 'root/c/', 'root/d/', 'root/e/'])
    expect(single).toHaveLength(7)
  })

  it('starts after StartAfter, and ignores StartAfter when a continuation token is given', async () => {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: 'many', Prefix: 'logs/', StartAfter: 'logs/02495.json' })
    )
    expect(keysOf(page)).toEqual(['logs/02496.json', 'logs/02497.json', 'logs/02498.json', 'logs/02499.json'])
    expect(page.StartAfter).toBe('logs/02495.json')
    const first = await client.send(new ListObjectsV2Command({ Bucket: 'many', Prefix: 'logs/', MaxKeys: 2 }))
    const second = await client.send(
      new ListObjectsV2Command({
        Bucket: 'many',
        Prefix: 'logs/',
        MaxKeys: 2,
        ContinuationToken: first.NextContinuationToken,
        StartAfter: 'logs/02000.json'
      })
    )
    expect(keysOf(second)).toEqual(['logs/00002.json', 'logs/00003.json'])
  })

  it('skips a rolled-up prefix named by StartAfter', async () => {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: 'deep', Prefix: 'root/', Delimiter: '/', StartAfter: 'root/c/' })
    )
    expect(prefixesOf(page)).toEqual(['root/d/', 'root/e/'])
  })

  it('refuses a malformed continuation token with 400 InvalidArgument naming continuation-token', async () => {
    for (const token of ['not a token', 'bm90LWEtdG9rZW4=', '!!!']) {
      const error = await failure(
        client.send(new ListObjectsV2Command({ Bucket: 'many', ContinuationToken: token }))
      )
      expect(error.name).toBe('InvalidArgument')
      expect(error.message).toBe('The continuation token provided is incorrect')
      expect(error.ArgumentName).toBe('continuation-token')
      expect(error.$metadata.httpStatusCode).toBe(400)
    }
  })

  it('percent-encodes Key, Prefix, Delimiter and StartAfter with EncodingType=url', async () => {
    s3.createBucket('encoded')
    s3.putObject('encoded', 'dir one/a+b&c.txt', 'x')
    s3.putObject('encoded', 'dir one/sub/ü.txt', 'x')
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: 'encoded', Prefix: 'dir one/', Delimiter: '/', EncodingType: 'url' })
    )
    expect(page.EncodingType).toBe('url')
    expect(page.Prefix).toBe('dir+one/')
    expect(keysOf(page)).toEqual(['dir+one/a%2Bb%26c.txt'])
    expect(prefixesOf(page)).toEqual(['dir+one/sub/'])
    const plain = await client.send(new ListObjectsV2Command({ Bucket: 'encoded', Prefix: 'dir one/sub/' }))
    expect(keysOf(plain)).toEqual(['dir one/sub/ü.txt'])
    const raw = await fetch(`${endpoint}/encoded?list-type=2&encoding-type=base64`)
    expect(raw.status).toBe(400)
  })

  it('orders keys by UTF-8 bytes, not by UTF-16 code units', async () => {
    s3.createBucket('unicode')
    s3.putObject('unicode', 'k-\u{1F600}', 'x') // UTF-8 F0 9F 98 80
    s3.putObject('unicode', 'k-\uFFFD', 'x') // UTF-8 EF BF BD: sorts first in S3, last in JS
    s3.putObject('unicode', 'k-z', 'x')
    const page = await client.send(new ListObjectsV2Command({ Bucket: 'unicode' }))
    expect(keysOf(page)).toEqual(['k-z', 'k-\uFFFD', 'k-\u{1F600}'])
  })

  it('lists a 500,000-key bucket by delimiter with binary searches instead of a scan', async () => {
    s3.createBucket('huge')
    for (let account = 499; account >= 0; account--) {
      for (let file = 0; file < 1000; file++) {
        s3.putObject('huge', `AWSLogs/${String(account).padStart(12, '0')}/CloudTrail/f${file}`, 'x')
      }
    }
    expect(s3.objectCount('huge')).toBe(500_000)
    const pages = await listAll({ Bucket: 'huge', Prefix: 'AWSLogs/', Delimiter: '/' })
    expect(pages).toHaveLength(1)
    expect(prefixesOf(pages[0]!)).toHaveLength(500)
    expect(prefixesOf(pages[0]!)[499]).toBe('AWSLogs/000000000499/')
    // 500 prefixes, each a jump of about log2(500,000) = 19 probes: far below the 500,000 keys of a scan.
    expect(s3.lastListingExamined).toBeLessThan(500 * 25)
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: 'huge',
        Prefix: 'AWSLogs/000000000250/CloudTrail/',
        StartAfter: 'AWSLogs/000000000250/CloudTrail/f5',
        MaxKeys: 3
      })
    )
    expect(keysOf(page)).toEqual([
      'AWSLogs/000000000250/CloudTrail/f50',
      'AWSLogs/000000000250/CloudTrail/f500',
      'AWSLogs/000000000250/CloudTrail/f501'
    ])
    expect(s3.lastListingExamined).toBeLessThan(50)
  })
})

describe('knobs', () => {
  beforeAll(() => {
    s3.createBucket('knobs')
    s3.putObject('knobs', 'one', 'x')
  })

  it('answers a throttled call with 503 SlowDown, which the SDK retries until it succeeds', async () => {
    server.knobs.setThrottle('S3.ListObjectsV2', { ratePerSecond: 4, burst: 1 })
    const patient = makeClient({ maxAttempts: 10 })
    const pages = await Promise.all(
      Array.from({ length: 5 }, () => patient.send(new ListObjectsV2Command({ Bucket: 'knobs' })))
    )
    patient.destroy()
    expect(pages.every((page) => page.KeyCount === 1)).toBe(true)
    expect(server.calls.get('S3.ListObjectsV2', 'throttled')).toBeGreaterThan(0)
    expect(server.calls.get('S3.ListObjectsV2', 'ok')).toBe(5)
  })

  it('throttles with S3 SlowDown 503 "Please reduce your request rate."', async () => {
    server.knobs.setThrottle('S3.*', { ratePerSecond: 0.001, burst: 1 })
    await fetch(`${endpoint}/knobs?list-type=2`)
    const raw = await fetch(`${endpoint}/knobs?list-type=2`)
    expect(raw.status).toBe(503)
    const body = new XMLParser().parse(await raw.text()) as { Error: Record<string, string> }
    expect(body.Error).toMatchObject({ Code: 'SlowDown', Message: 'Please reduce your request rate.' })
  })

  it('answers an injected failure with 500 InternalError, which the SDK retries', async () => {
    server.knobs.failNext('S3.ListObjectsV2', 2)
    const page = await client.send(new ListObjectsV2Command({ Bucket: 'knobs' }))
    expect(page.KeyCount).toBe(1)
    expect(page.$metadata.attempts).toBe(3)
    expect(server.calls.get('S3.ListObjectsV2', 'failed')).toBe(2)
    server.knobs.failNext('S3.ListObjectsV2', 1)
    const raw = await fetch(`${endpoint}/knobs?list-type=2`)
    expect(raw.status).toBe(500)
    expect(await raw.text()).toContain('<Code>InternalError</Code>')
  })
})

describe('server', () => {
  it('refuses to listen on a non-loopback host', async () => {
    await expect(new StandInServer().register(new S3Service()).listen({ host: '0.0.0.0' })).rejects.toThrow(
      /loopback only/
    )
  })
})
