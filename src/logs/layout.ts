/**
 * The CloudTrail S3 layout:
 * `[PREFIX/]AWSLogs/[o-ORGID/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/FILE.json.gz`.
 * Organization trails have the `o-ORGID/` level, single-account trails do not.
 */
import { calendarDateOf, pad2 } from '../vocabulary/dates.js'
import type { PartitionRef } from '../vocabulary/keys.js'

export const ORGANIZATION_ID_PATTERN = /^o-[a-z0-9]{10,32}$/

export type LayoutKind = 'organization' | 'account'

export interface TrailLayout {
  bucket: string
  /** Normalized: empty, or ending in `/` (`cloudtrail/`). */
  prefix: string
  kind: LayoutKind
  /** Set for the organization layout. */
  organizationId?: string
}

/** Normalizes the `prefix` input: no leading slash, one trailing slash, empty stays empty. */
export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/^\/+|\/+$/g, '')
  return trimmed === '' ? '' : `${trimmed}/`
}

/** `[PREFIX/]AWSLogs/`: where layouts are detected. */
export function awsLogsPrefix(prefix: string): string {
  return `${prefix}AWSLogs/`
}

/** The folder whose children are the account folders. */
export function accountsRoot(layout: TrailLayout): string {
  const org = layout.kind === 'organization' ? `${layout.organizationId}/` : ''
  return `${awsLogsPrefix(layout.prefix)}${org}`
}

/** The folder whose children are the region folders of one account. */
export function regionsRoot(layout: TrailLayout, account: string): string {
  return `${accountsRoot(layout)}${account}/CloudTrail/`
}

/** The S3 URI of a partition's day folder: always CloudTrail's zero-padded path. */
export function partitionLocation(layout: TrailLayout, ref: PartitionRef): string {
  const { year, month, day } = calendarDateOf(ref.day)
  return `s3://${layout.bucket}/${regionsRoot(layout, ref.account)}${ref.region}/${year}/${pad2(month)}/${pad2(day)}/`
}

/** The table location for this layout: the trail's root, where Athena expects it. */
export function tableLocation(layout: TrailLayout): string {
  return `s3://${layout.bucket}/${accountsRoot(layout)}`
}

export function describeLayout(layout: TrailLayout): string {
  const where = `s3://${layout.bucket}/${accountsRoot(layout)}`
  return layout.kind === 'organization'
    ? `organization trail ${layout.organizationId} at ${where}`
    : `single-account trail at ${where}`
}
