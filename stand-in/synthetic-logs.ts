/**
 * Writes a small synthetic bucket of any source AWS delivers under `AWSLogs/`, laid out as AWS's
 * pages describe it, straight into the stand-in's S3 state. Each source's folders are written here
 * from AWS's own words (and nothing from `src/`), so the product's layouts are tested against them:
 *
 * - CloudTrail, CloudTrail-Insight: `AWSLogs/[o-ID/]<account>/<source>/<region>/YYYY/MM/DD/`
 *   ("Finding your CloudTrail log files"; Insights "a different folder named /CloudTrail-Insight");
 * - Config: `AWSLogs/<account>/Config/<region>/YYYY/M/D/ConfigHistory/` (and `ConfigSnapshot/`),
 *   month and day without a leading zero as in AWS's example keys (`2016/9/27`, `2016/10/6`);
 * - vpcflowlogs: `AWSLogs/<account>/vpcflowlogs/<region>/year/month/day/[hour/]`, or with
 *   Hive-compatible prefixes `AWSLogs/aws-account-id=<account>/aws-service=vpcflowlogs/aws-region=<region>/year=…/month=…/day=…/[hour=…/]`
 *   ("Flow log files", flow-logs-s3-path);
 * - elasticloadbalancing: `AWSLogs/<account>/elasticloadbalancing/<region>/yyyy/mm/dd/`.
 *
 * File bodies are one short line each: these buckets are for layouts, not for reading records.
 */
import { gzipSync } from 'node:zlib'
import type { S3Service } from './s3.js'
import type { LogSource } from './log-tables.js'
import { utcDays } from './synthetic-bucket.js'

export interface LogBucketSpec {
  bucket: string
  source: LogSource
  /** Before `AWSLogs/` (Control Tower: the organization id). */
  prefix?: string
  /** CloudTrail sources only: the organization trail's `o-ID/` level. */
  organizationId?: string
  /** vpcflowlogs only: Hive-compatible prefixes. */
  hive?: boolean
  /** vpcflowlogs only: hourly folders below the day. */
  hourly?: boolean
  accounts: readonly string[]
  regions: readonly string[]
  /** First and last UTC day, `YYYY-MM-DD`, both included. */
  from: string
  to: string
  /** Days with no delivery. */
  isEmptyDay?: (account: string, region: string, date: string) => boolean
}

export interface LogBucketResult {
  /** `s3://bucket/…/` of every day folder written, as AWS spells it: the partitions that should exist. */
  dayFolders: string[]
  objects: number
}

const pad = (value: number): string => String(value).padStart(2, '0')

/** The day folder AWS writes for (account, region, day), from `AWSLogs/` on. */
export function awsDayFolder(spec: LogBucketSpec, account: string, region: string, day: Date): string {
  const [year, month, date] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()]
  const org = spec.organizationId ? `${spec.organizationId}/` : ''
  switch (spec.source) {
    case 'Config':
      return `AWSLogs/${account}/Config/${region}/${year}/${month}/${date}/`
    case 'vpcflowlogs':
      return spec.hive
        ? `AWSLogs/aws-account-id=${account}/aws-service=vpcflowlogs/aws-region=${region}/year=${year}/month=${pad(month)}/day=${pad(date)}/`
        : `AWSLogs/${account}/vpcflowlogs/${region}/${year}/${pad(month)}/${pad(date)}/`
    default:
      return `AWSLogs/${org}${account}/${spec.source}/${region}/${year}/${pad(month)}/${pad(date)}/`
  }
}

/** The files AWS puts in a day folder (names as AWS's pages show them), relative to it. */
function filesOf(spec: LogBucketSpec, account: string, region: string, day: Date): string[] {
  const stamp = `${day.getUTCFullYear()}${pad(day.getUTCMonth() + 1)}${pad(day.getUTCDate())}T0105Z`
  switch (spec.source) {
    case 'Config':
      return [
        `ConfigHistory/${account}_Config_${region}_ConfigHistory_AWS::S3::Bucket_${stamp}_${stamp}_1.json.gz`,
        `ConfigSnapshot/${account}_Config_${region}_ConfigSnapshot_${stamp}_16da64e4.json.gz`
      ]
    case 'vpcflowlogs': {
      const name = `${account}_vpcflowlogs_${region}_fl-1234abcd_${stamp}_fe123456.log.gz`
      if (!spec.hourly) return [name]
      return ['01', '13'].map((hour) => `${spec.hive ? `hour=${hour}` : hour}/${name}`)
    }
    case 'elasticloadbalancing':
      return [
        `${account}_elasticloadbalancing_${region}_app.my-loadbalancer.1234567890abcdef_${stamp}_172.160.001.192_20sg8hgm.log.gz`
      ]
    default:
      return [`${account}_${spec.source}_${region}_${stamp}_EXAMPLEabcdefgh.json.gz`]
  }
}

export function buildLogBucket(s3: S3Service, spec: LogBucketSpec): LogBucketResult {
  const prefix = spec.prefix ? spec.prefix.replace(/\/?$/, '/') : ''
  if (!s3.hasBucket(spec.bucket)) s3.createBucket(spec.bucket)
  const body = gzipSync(`${spec.source} synthetic log\n`)
  const result: LogBucketResult = { dayFolders: [], objects: 0 }
  for (const account of spec.accounts) {
    for (const region of spec.regions) {
      for (const day of utcDays(spec.from, spec.to)) {
        if (spec.isEmptyDay?.(account, region, day.toISOString().slice(0, 10))) continue
        const folder = `${prefix}${awsDayFolder(spec, account, region, day)}`
        for (const file of filesOf(spec, account, region, day)) {
          s3.putObject(spec.bucket, `${folder}${file}`, body, 'application/octet-stream')
          result.objects += 1
        }
        result.dayFolders.push(`s3://${spec.bucket}/${folder}`)
      }
    }
  }
  // Config's writability check sits directly under Config/, not in a Region folder (AWS sample code).
  if (spec.source === 'Config') {
    for (const account of spec.accounts) {
      s3.putObject(
        spec.bucket,
        `${prefix}AWSLogs/${account}/Config/ConfigWritabilityCheckFile`,
        body,
        'text/plain'
      )
      result.objects += 1
    }
  }
  return result
}
