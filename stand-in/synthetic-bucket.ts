/**
 * Writes a synthetic CloudTrail bucket straight into the stand-in's S3 state (no HTTP, so the
 * benchmark can write hundreds of thousands of objects quickly), laid out as CloudTrail lays it out:
 * `[PREFIX/]AWSLogs/[o-ORGID/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_XXXXXXXXXXXXXXXX.json.gz`
 * with `CloudTrail-Digest/` (and optionally `CloudTrail-Insight/`) siblings.
 */
import { gzipSync } from 'node:zlib'
import type { S3Service } from './s3.js'
import {
  createRandom,
  fakeRecord,
  randomString,
  type Random,
  type RecordContext
} from './synthetic-records.js'

export interface SyntheticBucketSpec {
  bucket: string
  /** CloudTrail's S3 key prefix, before `AWSLogs/` (`cloudtrail` or `cloudtrail/`). */
  prefix?: string
  /** `organization`: `AWSLogs/o-ORGID/ACCOUNT/...`; `account`: `AWSLogs/ACCOUNT/...`. */
  layout: 'organization' | 'account'
  /** Required for the organization layout: `o-` and 10 to 32 lower-case letters or digits. */
  organizationId?: string
  accounts: string[]
  regions: string[]
  /** First and last UTC day, `YYYY-MM-DD`, both included. */
  from: string
  to: string
  filesPerDay?: number
  recordsPerFile?: number
  /** Days with no log files (CloudTrail still writes digests for them). */
  isEmptyDay?: (account: string, region: string, date: string) => boolean
  /** Regions an account has no trail logs in at all. */
  hasRegion?: (account: string, region: string) => boolean
  digest?: boolean
  /** Write a `CloudTrail-Insight/` file for these days (or every day with `true`). */
  insights?: boolean | ((account: string, region: string, date: string) => boolean)
  trailName?: string
  homeRegion?: string
  seed?: number
  /** `shared`: one gzip body for all log files (fast; records then do not match their path). */
  compressedBodies?: 'unique' | 'shared'
}

export interface SyntheticBucketResult {
  bucket: string
  /** The key prefix the accounts sit under, e.g. `cloudtrail/AWSLogs/o-abcdefghij/`. */
  root: string
  logFiles: number
  digestFiles: number
  insightFiles: number
  objects: number
  /** Account x region x day combinations with at least one log file: the partitions that should exist. */
  partitions: number
}

const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/
const ACCOUNT = /^\d{12}$/
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A UTC day from `YYYY-MM-DD`, refusing dates that do not exist (2026-02-29). */
export function parseUtcDay(text: string): Date {
  const match = DATE.exec(text)
  const date = match
    ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
    : undefined
  if (!date || date.toISOString().slice(0, 10) !== text) throw new Error(`not a valid UTC date: ${text}`)
  return date
}

/** Every UTC day from `from` to `to`, both included, by calendar arithmetic. */
export function* utcDays(from: string, to: string): Generator<Date> {
  const day = parseUtcDay(from)
  const last = parseUtcDay(to)
  while (day.getTime() <= last.getTime()) {
    yield new Date(day)
    day.setUTCDate(day.getUTCDate() + 1)
  }
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0')

interface DayParts {
  iso: string
  path: string
  compact: string
}

function dayParts(day: Date): DayParts {
  const [year, month, date] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()]
  return {
    iso: `${year}-${pad(month)}-${pad(date)}`,
    path: `${year}/${pad(month)}/${pad(date)}`,
    compact: `${year}${pad(month)}${pad(date)}`
  }
}

function validate(spec: SyntheticBucketSpec): void {
  if (spec.layout === 'organization' && !ORGANIZATION_ID.test(spec.organizationId ?? '')) {
    throw new Error(`organizationId must match ${ORGANIZATION_ID}: ${spec.organizationId}`)
  }
  for (const account of spec.accounts)
    if (!ACCOUNT.test(account)) throw new Error(`not an account id: ${account}`)
  for (const region of spec.regions) if (!REGION.test(region)) throw new Error(`not a region: ${region}`)
  if (parseUtcDay(spec.from) > parseUtcDay(spec.to))
    throw new Error(`from ${spec.from} is after to ${spec.to}`)
}

/** Minutes of the day of `count` deliveries, spread over the day and increasing. */
function deliveryMinutes(random: Random, count: number): number[] {
  return Array.from({ length: count }, (_, i) => Math.floor(((i + random()) * 1440) / count))
}

function logBody(context: RecordContext, day: Date, minute: number, records: number): Buffer {
  const end = day.getTime() + minute * 60_000 + 59_000
  const start = Math.max(day.getTime(), end - 15 * 60_000)
  const times = Array.from(
    { length: records },
    () => start + Math.floor(context.random() * (end - start))
  ).sort((a, b) => a - b)
  const body = { Records: times.map((time) => fakeRecord(context, new Date(time))) }
  return gzipSync(JSON.stringify(body))
}

function digestBody(spec: SyntheticBucketSpec, account: string, day: Date, logKeys: string[]): Buffer {
  const end = new Date(day.getTime() + 86_399_000)
  return gzipSync(
    JSON.stringify({
      awsAccountId: account,
      digestStartTime: day.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      digestEndTime: end.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      digestS3Bucket: spec.bucket,
      digestPublicKeyFingerprint: '0123456789abcdef0123456789abcdef',
      digestSignatureAlgorithm: 'SHA256withRSA',
      logFiles: logKeys.map((key) => ({ s3Bucket: spec.bucket, s3Object: key, hashAlgorithm: 'SHA-256' }))
    })
  )
}

export function buildSyntheticBucket(s3: S3Service, spec: SyntheticBucketSpec): SyntheticBucketResult {
  validate(spec)
  const random = createRandom(spec.seed ?? 1)
  const prefix = spec.prefix ? spec.prefix.replace(/\/?$/, '/') : ''
  const root = `${prefix}AWSLogs/${spec.layout === 'organization' ? `${spec.organizationId}/` : ''}`
  const filesPerDay = spec.filesPerDay ?? 2
  const recordsPerFile = spec.recordsPerFile ?? 3
  const trailName =
    spec.trailName ?? (spec.layout === 'organization' ? 'organization-trail' : 'management-events')
  const homeRegion = spec.homeRegion ?? spec.regions[0] ?? 'us-east-1'
  const insightOn = (account: string, region: string, date: string): boolean =>
    typeof spec.insights === 'function' ? spec.insights(account, region, date) : spec.insights === true
  const result: SyntheticBucketResult = {
    bucket: spec.bucket,
    root,
    logFiles: 0,
    digestFiles: 0,
    insightFiles: 0,
    objects: 0,
    partitions: 0
  }
  const shared: { log?: Buffer; digest?: Buffer } = {}
  if (!s3.hasBucket(spec.bucket)) s3.createBucket(spec.bucket)
  const put = (key: string, body: Buffer): void => {
    s3.putObject(spec.bucket, key, body, 'application/json')
    result.objects += 1
  }

  for (const account of spec.accounts) {
    for (const region of spec.regions) {
      if (spec.hasRegion && !spec.hasRegion(account, region)) continue
      const context: RecordContext = { account, region, random }
      for (const day of utcDays(spec.from, spec.to)) {
        const parts = dayParts(day)
        const logKeys: string[] = []
        if (!spec.isEmptyDay?.(account, region, parts.iso)) {
          const folder = `${root}${account}/CloudTrail/${region}/${parts.path}/`
          for (const minute of deliveryMinutes(random, filesPerDay)) {
            const stamp = `${parts.compact}T${pad(Math.floor(minute / 60))}${pad(minute % 60)}Z`
            const key = `${folder}${account}_CloudTrail_${region}_${stamp}_${randomString(random, 16)}.json.gz`
            const body =
              spec.compressedBodies === 'shared'
                ? (shared.log ??= logBody(context, day, minute, recordsPerFile))
                : logBody(context, day, minute, recordsPerFile)
            put(key, body)
            logKeys.push(key)
          }
          result.logFiles += logKeys.length
          if (logKeys.length > 0) result.partitions += 1
        }
        if (spec.digest ?? true) {
          const hour = 23 - Math.floor(random() * 3)
          const stamp = `${parts.compact}T${pad(hour)}${pad(Math.floor(random() * 60))}${pad(Math.floor(random() * 60))}Z`
          const key = `${root}${account}/CloudTrail-Digest/${region}/${parts.path}/${account}_CloudTrail-Digest_${region}_${trailName}_${homeRegion}_${stamp}.json.gz`
          const body =
            spec.compressedBodies === 'shared'
              ? (shared.digest ??= digestBody(spec, account, day, logKeys))
              : digestBody(spec, account, day, logKeys)
          put(key, body)
          result.digestFiles += 1
        }
        if (insightOn(account, region, parts.iso)) {
          const minute = Math.floor(random() * 1440)
          const stamp = `${parts.compact}T${pad(Math.floor(minute / 60))}${pad(minute % 60)}Z`
          const key = `${root}${account}/CloudTrail-Insight/${region}/${parts.path}/${account}_CloudTrail-Insight_${region}_${stamp}_${randomString(random, 16)}.json.gz`
          put(key, gzipSync(JSON.stringify({ Records: [] })))
          result.insightFiles += 1
        }
      }
    }
  }
  return result
}
