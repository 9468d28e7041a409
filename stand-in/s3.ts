/**
 * S3 of the stand-in: path-style REST/XML (`/bucket`, `/bucket/key`), enough for the action, its tests
 * and the benchmark. Listing is what matters most, so keys are kept in one sorted array per bucket:
 * a listing binary-searches to its start and jumps over every rolled-up common prefix, so a delimiter
 * listing of a 500,000-key bucket costs a few hundred comparisons, not a scan.
 */
import { createHash, randomUUID } from 'node:crypto'
import { XMLBuilder } from 'fast-xml-parser'
import { ADMIN_ACCOUNT } from './iam/model.js'
import { PolicyError, validatePolicy, type PolicyDocument } from './iam/policy.js'
import { AwsError, type ServiceHandler, type StandInRequest, type StandInResponse } from './types.js'

const XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/'
const MAX_KEYS = 1000
const MAX_KEY_BYTES = 1024
const BUCKET_NAME = /^(?!xn--)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/

/** Query parameters that name an S3 sub-resource the stand-in does not serve. */
const SUBRESOURCES = new Set(
  'accelerate acl analytics attributes cors delete encryption intelligent-tiering inventory legal-hold lifecycle location logging metrics notification object-lock ownershipControls policy publicAccessBlock replication requestPayment restore retention select tagging torrent uploadId uploads versioning versions website'.split(
    ' '
  )
)

const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' })
const XML_DECLARATION = { '@_version': '1.0', '@_encoding': 'UTF-8' }

interface StoredObject {
  body: Buffer
  lastModified: Date
  contentType: string
  contentEncoding?: string
  /** Checksum headers sent with the upload (`x-amz-checksum-crc32` ...), returned on ChecksumMode. */
  checksums: Record<string, string>
}

// ETags computed lazily, once per body: the benchmark shares one body among many thousand keys.
const ETAGS = new WeakMap<Buffer, string>()

/** A listing position: after this key, or after every key under this rolled-up common prefix. */
interface Marker {
  after: string
  rolledUp: boolean
}

// JS compares strings by UTF-16 code unit; S3 orders keys by UTF-8 bytes (code points). The two
// differ only between surrogates (code points above U+FFFF) and U+E000..U+FFFF.
function codeUnitRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000
  return unit >= 0xe000 ? unit - 0x800 : unit
}

function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) return codeUnitRank(x) - codeUnitRank(y)
  }
  return a.length - b.length
}

const compareNative = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
const HIGH_UNITS = /[\ud800-\uffff]/

class Bucket {
  readonly objects = new Map<string, StoredObject>()
  /** The bucket policy (resource-based), checked with the caller's identity policies. */
  policy: PolicyDocument | undefined

  /** @param owner the account that owns the bucket: its policy decides cross-account access. */
  constructor(readonly owner: string) {}

  private sorted: string[] = []
  private dirty = false
  // Native comparison is exact until a key holds a code unit at or above U+D800.
  private compare = compareNative
  /** Keys looked at by binary searches, for tests that prove a listing does not scan. */
  probes = 0

  put(key: string, object: StoredObject): void {
    if (!this.objects.has(key)) {
      if (this.compare === compareNative && HIGH_UNITS.test(key)) {
        this.compare = compareUtf8
        this.dirty = true
      }
      const last = this.sorted[this.sorted.length - 1]
      if (last !== undefined && this.compare(last, key) > 0) this.dirty = true
      this.sorted.push(key)
    }
    this.objects.set(key, object)
  }

  delete(key: string): boolean {
    if (!this.objects.delete(key)) return false
    const keys = this.sortedKeys()
    keys.splice(this.lowerBound(key), 1)
    return true
  }

  /** All keys in S3's order; sorted lazily, once after a batch of out-of-order inserts. */
  sortedKeys(): string[] {
    if (this.dirty) {
      if (this.compare === compareNative) this.sorted.sort()
      else this.sorted.sort(compareUtf8)
      this.dirty = false
    }
    return this.sorted
  }

  /** First index whose key is >= `target` (or > `target` when `strict`). */
  lowerBound(target: string, strict = false): number {
    const keys = this.sortedKeys()
    let low = 0
    let high = keys.length
    while (low < high) {
      const middle = (low + high) >>> 1
      this.probes += 1
      const order = this.compare(keys[middle] as string, target)
      if (order < 0 || (strict && order === 0)) low = middle + 1
      else high = middle
    }
    return low
  }

  /** First index at or after `from` whose key does not start with `prefix` (those keys are contiguous). */
  endOfPrefix(from: number, prefix: string): number {
    const keys = this.sortedKeys()
    let low = from
    let high = keys.length
    while (low < high) {
      const middle = (low + high) >>> 1
      this.probes += 1
      if ((keys[middle] as string).startsWith(prefix)) low = middle + 1
      else high = middle
    }
    return low
  }
}

interface ListRequest {
  prefix: string
  delimiter: string
  maxKeys: number
  /** Resume position: from a continuation token or StartAfter. */
  marker?: Marker
}

interface ListPage {
  keys: string[]
  commonPrefixes: string[]
  truncated: boolean
  /** The last key or common prefix returned, when truncated. */
  next?: Marker
  /** Keys looked at: by the walk plus by binary searches. */
  examined: number
}

/** One page of a listing: binary search to the start, then one step per key or common prefix. */
function listPage(bucket: Bucket, request: ListRequest): ListPage {
  const { prefix, delimiter, maxKeys, marker } = request
  const keys = bucket.sortedKeys()
  bucket.probes = 0
  let walked = 0
  let index = bucket.lowerBound(prefix)
  if (marker) {
    let after = bucket.lowerBound(marker.after, true)
    if (marker.rolledUp) after = bucket.endOfPrefix(after, marker.after)
    index = Math.max(index, after)
  }
  const page: ListPage = { keys: [], commonPrefixes: [], truncated: false, examined: 0 }
  if (maxKeys === 0) return page
  let last: Marker | undefined
  while (index < keys.length) {
    const key = keys[index] as string
    walked += 1
    if (!key.startsWith(prefix)) break
    if (page.keys.length + page.commonPrefixes.length === maxKeys) {
      page.truncated = true
      page.next = last
      break
    }
    const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1
    if (cut >= 0) {
      const common = key.slice(0, cut + delimiter.length)
      page.commonPrefixes.push(common)
      last = { after: common, rolledUp: true }
      index = bucket.endOfPrefix(index + 1, common)
    } else {
      page.keys.push(key)
      last = { after: key, rolledUp: false }
      index += 1
    }
  }
  page.examined = walked + bucket.probes
  return page
}

// The token is opaque to clients (like S3's); it carries the resume position, base64 encoded.
const TOKEN_VERSION = 'st1'

function encodeContinuationToken(marker: Marker): string {
  return Buffer.from(JSON.stringify([TOKEN_VERSION, marker.rolledUp ? 1 : 0, marker.after])).toString(
    'base64'
  )
}

function decodeContinuationToken(token: string): Marker {
  const refuse = (): never => {
    throw new AwsError('InvalidArgument', 'The continuation token provided is incorrect', 400, {
      ArgumentName: 'continuation-token'
    })
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(token)) return refuse()
  const decoded = Buffer.from(token, 'base64')
  if (decoded.toString('base64') !== token) return refuse()
  let parsed: unknown
  try {
    parsed = JSON.parse(decoded.toString('utf8'))
  } catch {
    return refuse()
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return refuse()
  const [version, rolledUp, after] = parsed as unknown[]
  if (version !== TOKEN_VERSION || (rolledUp !== 0 && rolledUp !== 1) || typeof after !== 'string') {
    return refuse()
  }
  return { after, rolledUp: rolledUp === 1 }
}

function parseMaxKeys(raw: string | null): number {
  if (raw === null) return MAX_KEYS
  const invalid = (message: string): AwsError =>
    new AwsError('InvalidArgument', message, 400, { ArgumentName: 'max-keys', ArgumentValue: raw })
  if (!/^-?\d+$/.test(raw) || Math.abs(Number(raw)) > 2147483647) {
    throw invalid('Provided max-keys not an integer or within integer range')
  }
  const value = Number(raw)
  if (value < 0) throw invalid('Argument maxKeys must be an integer between 0 and 2147483647')
  // Documented: "returns up to 1,000 key names ... will never contain more": capped, not refused.
  return Math.min(value, MAX_KEYS)
}

/** `encoding-type=url`: form-style percent-encoding that keeps `/` readable, as S3 answers. */
function urlEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/%2F/g, '/')
    .replace(/%20/g, '+')
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

// CRC-32 (IEEE) and CRC-32C, for checking the flexible checksums recent SDKs send with uploads.
function crcTable(polynomial: number): Uint32Array {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? polynomial ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
}
const CRC_TABLES = { crc32: crcTable(0xedb88320), crc32c: crcTable(0x82f63b78) }

function crc(body: Buffer, table: Uint32Array): string {
  let c = 0xffffffff
  for (const byte of body) c = (table[(c ^ byte) & 0xff] as number) ^ (c >>> 8)
  const out = Buffer.alloc(4)
  out.writeUInt32BE((c ^ 0xffffffff) >>> 0)
  return out.toString('base64')
}

/** The checksum S3 would compute for `algorithm`, or undefined when the stand-in cannot check it. */
function checksumOf(algorithm: string, body: Buffer): string | undefined {
  if (algorithm === 'crc32' || algorithm === 'crc32c') return crc(body, CRC_TABLES[algorithm])
  if (algorithm === 'sha1' || algorithm === 'sha256')
    return createHash(algorithm).update(body).digest('base64')
  return undefined
}

interface DecodedBody {
  payload: Buffer
  trailers: Record<string, string>
}

/** Decodes an `aws-chunked` body: `hex-size[;ext]\r\n data \r\n ... 0\r\n trailers \r\n`. */
function decodeAwsChunked(body: Buffer): DecodedBody {
  const broken = (): never => {
    throw new AwsError('IncompleteBody', 'The request body terminated unexpectedly', 400)
  }
  const parts: Buffer[] = []
  const trailers: Record<string, string> = {}
  let position = 0
  for (;;) {
    const lineEnd = body.indexOf('\r\n', position)
    if (lineEnd < 0) return broken()
    const sizeText = body.subarray(position, lineEnd).toString('latin1').split(';')[0] ?? ''
    if (!/^[0-9a-fA-F]+$/.test(sizeText)) return broken()
    const size = parseInt(sizeText, 16)
    position = lineEnd + 2
    if (size === 0) break
    if (position + size + 2 > body.length) return broken()
    parts.push(body.subarray(position, position + size))
    position += size + 2
  }
  for (const line of body.subarray(position).toString('latin1').split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { payload: Buffer.concat(parts), trailers }
}

function header(request: StandInRequest, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value.join(',') : value
}

interface Target {
  bucket: string
  key: string
}

function decodePath(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function targetOf(request: StandInRequest): Target {
  const path = request.url.pathname
  const slash = path.indexOf('/', 1)
  if (slash < 0) return { bucket: decodePath(path.slice(1)), key: '' }
  return { bucket: decodePath(path.slice(1, slash)), key: decodePath(path.slice(slash + 1)) }
}

export class S3Service implements ServiceHandler {
  readonly service = 'S3'
  /** `bucket/key` of every object deleted through the API, in order. */
  readonly deleted: string[] = []
  /** Keys the last ListObjectsV2 looked at (binary-search probes included): a listing must not scan. */
  lastListingExamined = 0
  private readonly buckets = new Map<string, Bucket>()

  // ---- state API for tests, the demo and the benchmark ----

  /** Creates the bucket (owned by the stand-in's admin account unless `ownerAccount` says otherwise). */
  createBucket(name: string, options: { ownerAccount?: string } = {}): this {
    if (!this.buckets.has(name)) this.buckets.set(name, new Bucket(options.ownerAccount ?? ADMIN_ACCOUNT))
    return this
  }

  /** The account that owns the bucket, or undefined when there is no such bucket. */
  bucketOwner(name: string): string | undefined {
    return this.buckets.get(name)?.owner
  }

  /** Sets (or with undefined removes) the bucket policy; a malformed policy throws a PolicyError. */
  setBucketPolicy(name: string, policy: unknown): this {
    this.bucketOrThrow(name).policy = policy === undefined ? undefined : validatePolicy(policy, 'resource')
    return this
  }

  bucketPolicy(name: string): PolicyDocument | undefined {
    return this.buckets.get(name)?.policy
  }

  hasBucket(name: string): boolean {
    return this.buckets.has(name)
  }

  /** Writes an object straight into the state (no HTTP); the bucket must exist. */
  putObject(
    bucket: string,
    key: string,
    body: Buffer | string,
    contentType = 'application/octet-stream'
  ): void {
    this.bucketOrThrow(bucket).put(key, {
      body: typeof body === 'string' ? Buffer.from(body) : body,
      lastModified: new Date(),
      contentType,
      checksums: {}
    })
  }

  /** Keys in S3's order, optionally under a prefix. */
  keys(bucket: string, prefix = ''): string[] {
    const state = this.bucketOrThrow(bucket)
    const keys = state.sortedKeys()
    return keys.slice(state.lowerBound(prefix), state.endOfPrefix(state.lowerBound(prefix), prefix))
  }

  objectCount(bucket: string): number {
    return this.bucketOrThrow(bucket).objects.size
  }

  getObjectBody(bucket: string, key: string): Buffer | undefined {
    return this.buckets.get(bucket)?.objects.get(key)?.body
  }

  // ---- ServiceHandler ----

  operation(request: StandInRequest): string {
    const { bucket, key } = targetOf(request)
    const params = request.url.searchParams
    const method = request.method
    if (!bucket) return method === 'GET' ? 'ListBuckets' : 'Unsupported'
    if ([...params.keys()].some((name) => SUBRESOURCES.has(name))) {
      if (method === 'POST' && params.has('delete')) return 'DeleteObjects'
      if (!key && params.has('policy')) {
        if (method === 'GET') return 'GetBucketPolicy'
        if (method === 'PUT') return 'PutBucketPolicy'
        if (method === 'DELETE') return 'DeleteBucketPolicy'
      }
      return 'Unsupported'
    }
    if (!key) {
      if (method === 'PUT') return 'CreateBucket'
      if (method === 'HEAD') return 'HeadBucket'
      if (method === 'DELETE') return 'DeleteBucket'
      if (method === 'GET') return params.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects'
      return 'Unsupported'
    }
    if (method === 'PUT') return request.headers['x-amz-copy-source'] ? 'CopyObject' : 'PutObject'
    if (method === 'GET') return 'GetObject'
    if (method === 'HEAD') return 'HeadObject'
    if (method === 'DELETE') return 'DeleteObject'
    return 'Unsupported'
  }

  handle(operation: string, request: StandInRequest): StandInResponse {
    const target = targetOf(request)
    switch (operation) {
      case 'CreateBucket':
        return this.handleCreateBucket(target.bucket, request.caller?.account)
      case 'GetBucketPolicy':
      case 'PutBucketPolicy':
      case 'DeleteBucketPolicy':
        return this.handleBucketPolicy(operation, target.bucket, request)
      case 'HeadBucket':
        this.bucketOrThrow(target.bucket)
        return { status: 200, headers: { 'x-amz-bucket-region': 'eu-central-1' } }
      case 'ListObjectsV2':
        return this.handleList(target.bucket, request)
      case 'PutObject':
        return this.handlePut(target, request)
      case 'GetObject':
      case 'HeadObject':
        return this.handleGet(target, request, operation === 'HeadObject')
      case 'DeleteObject':
        return this.handleDelete(target)
      default:
        throw new AwsError(
          'NotImplemented',
          `A header you provided implies functionality that is not implemented (the stand-in does not serve S3 ${operation})`,
          501
        )
    }
  }

  errorResponse(error: AwsError, _request: StandInRequest): StandInResponse {
    const requestId = randomUUID()
    const body = xml.build({
      '?xml': XML_DECLARATION,
      Error: { Code: error.code, Message: error.message, ...error.extra, RequestId: requestId }
    }) as string
    return {
      status: error.status,
      headers: {
        'content-type': 'application/xml',
        'x-amz-request-id': requestId,
        'x-amzn-requestid': requestId
      },
      body
    }
  }

  throttlingError(): AwsError {
    return new AwsError('SlowDown', 'Please reduce your request rate.', 503)
  }

  internalError(): AwsError {
    return new AwsError('InternalError', 'We encountered an internal error. Please try again.', 500)
  }

  /** Observed on S3 (ibi-group/datatools-ui#10: "Status Code: 400; Error Code: ExpiredToken"). */
  expiredTokenError(): AwsError {
    return new AwsError('ExpiredToken', 'The provided token has expired.', 400)
  }

  // ---- operations ----

  private bucketOrThrow(name: string): Bucket {
    const bucket = this.buckets.get(name)
    if (!bucket) {
      throw new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: name })
    }
    return bucket
  }

  private handleBucketPolicy(operation: string, name: string, request: StandInRequest): StandInResponse {
    const bucket = this.bucketOrThrow(name)
    if (operation === 'DeleteBucketPolicy') {
      bucket.policy = undefined
      return { status: 204 }
    }
    if (operation === 'GetBucketPolicy') {
      if (!bucket.policy) {
        throw new AwsError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404, {
          BucketName: name
        })
      }
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(bucket.policy)
      }
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(request.body.toString('utf8'))
    } catch {
      throw new AwsError('MalformedPolicy', "Policies must be valid JSON and the first byte must be '{'", 400)
    }
    try {
      bucket.policy = validatePolicy(parsed, 'resource')
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error
      throw new AwsError('MalformedPolicy', error.message, 400)
    }
    return { status: 204 }
  }

  private handleCreateBucket(name: string, owner = ADMIN_ACCOUNT): StandInResponse {
    if (!BUCKET_NAME.test(name) || /^\d+\.\d+\.\d+\.\d+$/.test(name)) {
      throw new AwsError('InvalidBucketName', 'The specified bucket is not valid.', 400, { BucketName: name })
    }
    const existing = this.buckets.get(name)
    if (existing && existing.owner !== owner) {
      throw new AwsError(
        'BucketAlreadyExists',
        'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
        409,
        { BucketName: name }
      )
    }
    if (existing) {
      throw new AwsError(
        'BucketAlreadyOwnedByYou',
        'Your previous request to create the named bucket succeeded and you already own it.',
        409,
        { BucketName: name }
      )
    }
    this.createBucket(name, { ownerAccount: owner })
    return { status: 200, headers: { location: `/${name}` } }
  }

  private handleList(name: string, request: StandInRequest): StandInResponse {
    const bucket = this.bucketOrThrow(name)
    const params = request.url.searchParams
    const prefix = params.get('prefix') ?? ''
    const delimiter = params.get('delimiter') ?? ''
    const encodingType = params.get('encoding-type')
    if (encodingType !== null && encodingType !== 'url') {
      throw new AwsError('InvalidArgument', 'Invalid Encoding Method specified in Request', 400, {
        ArgumentName: 'encoding-type',
        ArgumentValue: encodingType
      })
    }
    const maxKeys = parseMaxKeys(params.get('max-keys'))
    const token = params.get('continuation-token')
    const startAfter = params.get('start-after')
    let marker: Marker | undefined
    // StartAfter is ignored once a continuation token is given.
    if (token !== null) marker = decodeContinuationToken(token)
    else if (startAfter)
      marker = { after: startAfter, rolledUp: this.isOwnRollup(startAfter, prefix, delimiter) }

    const page = listPage(bucket, { prefix, delimiter, maxKeys, ...(marker ? { marker } : {}) })
    this.lastListingExamined = page.examined
    const encode = encodingType === 'url' ? urlEncode : (value: string) => value
    const result: Record<string, unknown> = {
      '@_xmlns': XMLNS,
      Name: name,
      Prefix: encode(prefix),
      ...(token !== null ? { ContinuationToken: token } : {}),
      ...(page.truncated && page.next ? { NextContinuationToken: encodeContinuationToken(page.next) } : {}),
      KeyCount: page.keys.length + page.commonPrefixes.length,
      MaxKeys: maxKeys,
      ...(delimiter ? { Delimiter: encode(delimiter) } : {}),
      IsTruncated: page.truncated,
      ...(startAfter !== null ? { StartAfter: encode(startAfter) } : {}),
      ...(encodingType ? { EncodingType: encodingType } : {}),
      Contents: page.keys.map((key) => {
        const object = bucket.objects.get(key) as StoredObject
        return {
          Key: encode(key),
          LastModified: object.lastModified.toISOString(),
          ETag: this.etagOf(object),
          Size: object.body.length,
          StorageClass: 'STANDARD'
        }
      }),
      CommonPrefixes: page.commonPrefixes.map((common) => ({ Prefix: encode(common) }))
    }
    return this.xmlResponse({ ListBucketResult: result })
  }

  /** True when StartAfter is itself a common prefix of this listing: then its keys are skipped too. */
  private isOwnRollup(startAfter: string, prefix: string, delimiter: string): boolean {
    if (!delimiter || !startAfter.startsWith(prefix)) return false
    return startAfter.indexOf(delimiter, prefix.length) === startAfter.length - delimiter.length
  }

  private handlePut(target: Target, request: StandInRequest): StandInResponse {
    const bucket = this.bucketOrThrow(target.bucket)
    if (Buffer.byteLength(target.key) > MAX_KEY_BYTES) {
      throw new AwsError('KeyTooLongError', 'Your key is too long', 400)
    }
    const encodings = (header(request, 'content-encoding') ?? '')
      .split(',')
      .map((value) => value.trim())
      .filter(Boolean)
    const chunked =
      encodings.includes('aws-chunked') ||
      (header(request, 'x-amz-content-sha256') ?? '').startsWith('STREAMING-')
    const { payload, trailers } = chunked
      ? decodeAwsChunked(request.body)
      : { payload: request.body, trailers: {} }
    const declared = header(request, 'x-amz-decoded-content-length')
    if (chunked && declared !== undefined && Number(declared) !== payload.length) {
      throw new AwsError(
        'IncompleteBody',
        'You did not provide the number of bytes specified by the Content-Length HTTP header',
        400
      )
    }
    const checksums = this.verifyChecksums(request, trailers, payload)
    const object: StoredObject = {
      body: payload,
      lastModified: new Date(),
      contentType: header(request, 'content-type') ?? 'binary/octet-stream',
      checksums
    }
    const contentEncoding = encodings.filter((value) => value !== 'aws-chunked').join(',')
    if (contentEncoding) object.contentEncoding = contentEncoding
    bucket.put(target.key, object)
    return { status: 200, headers: { etag: this.etagOf(object), ...checksums } }
  }

  /** Checks the payload hash, Content-MD5 and `x-amz-checksum-*` (header or trailer); returns those to keep. */
  private verifyChecksums(
    request: StandInRequest,
    trailers: Record<string, string>,
    payload: Buffer
  ): Record<string, string> {
    const sha256 = header(request, 'x-amz-content-sha256') ?? ''
    if (/^[0-9a-f]{64}$/.test(sha256) && createHash('sha256').update(payload).digest('hex') !== sha256) {
      throw new AwsError(
        'XAmzContentSHA256Mismatch',
        "The provided 'x-amz-content-sha256' header does not match what was computed.",
        400
      )
    }
    const md5 = header(request, 'content-md5')
    if (md5 !== undefined && createHash('md5').update(payload).digest('base64') !== md5) {
      throw new AwsError('BadDigest', 'The Content-MD5 you specified did not match what we received.', 400)
    }
    const checksums: Record<string, string> = {}
    const sent = { ...trailers }
    for (const [name, value] of Object.entries(request.headers)) {
      if (
        name.startsWith('x-amz-checksum-') &&
        name !== 'x-amz-checksum-algorithm' &&
        typeof value === 'string'
      ) {
        sent[name] = value
      }
    }
    for (const [name, value] of Object.entries(sent)) {
      if (!name.startsWith('x-amz-checksum-')) continue
      const algorithm = name.slice('x-amz-checksum-'.length)
      const expected = checksumOf(algorithm, payload)
      if (expected !== undefined && expected !== value) {
        throw new AwsError(
          'BadDigest',
          `The ${algorithm.toUpperCase()} you specified did not match the calculated checksum.`,
          400
        )
      }
      checksums[name] = value
    }
    return checksums
  }

  private handleGet(target: Target, request: StandInRequest, headOnly: boolean): StandInResponse {
    const object = this.bucketOrThrow(target.bucket).objects.get(target.key)
    if (!object)
      throw new AwsError('NoSuchKey', 'The specified key does not exist.', 404, { Key: target.key })
    const headers: Record<string, string> = {
      'content-type': object.contentType,
      'content-length': String(object.body.length),
      etag: this.etagOf(object),
      'last-modified': object.lastModified.toUTCString(),
      'accept-ranges': 'bytes'
    }
    if (object.contentEncoding) headers['content-encoding'] = object.contentEncoding
    // Checksums come back only when asked for, and the SDK then validates the body against them.
    if ((header(request, 'x-amz-checksum-mode') ?? '').toUpperCase() === 'ENABLED') {
      Object.assign(headers, object.checksums)
    }
    return headOnly ? { status: 200, headers } : { status: 200, headers, body: object.body }
  }

  private handleDelete(target: Target): StandInResponse {
    // S3 answers 204 whether or not the key existed; only the bucket must exist.
    if (this.bucketOrThrow(target.bucket).delete(target.key))
      this.deleted.push(`${target.bucket}/${target.key}`)
    return { status: 204 }
  }

  private etagOf(object: StoredObject): string {
    let etag = ETAGS.get(object.body)
    if (etag === undefined) {
      etag = `"${createHash('md5').update(object.body).digest('hex')}"`
      ETAGS.set(object.body, etag)
    }
    return etag
  }

  private xmlResponse(document: Record<string, unknown>): StandInResponse {
    return {
      status: 200,
      headers: { 'content-type': 'application/xml' },
      body: xml.build({ '?xml': XML_DECLARATION, ...document }) as string
    }
  }
}
