/**
 * Finds the trail's layout, accounts and regions with delimiter listings only: one listing per
 * folder level, never a listing of log objects. S3 calls grow with accounts, not with days.
 */
import { ListObjectsV2Command, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3'
import { mapConcurrent } from '../vocabulary/concurrency.js'
import { Inputs } from '../vocabulary/constants.js'
import { ConfigurationError, input, setting, subject, userError } from '../vocabulary/errors.js'
import type { Logger } from '../vocabulary/logger.js'
import { ACCOUNT_PATTERN, REGION_PATTERN } from '../vocabulary/keys.js'
import { isAwsRegion } from './regions.js'
import {
  accountsRoot,
  awsLogsPrefix,
  ORGANIZATION_ID_PATTERN,
  regionsRoot,
  type TrailLayout
} from './layout.js'

/** Names of the immediate sub-folders of `prefix` (which ends in `/`), in S3's order. */
export async function listFolders(s3: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const folders: string[] = []
  try {
    for await (const page of paginateListObjectsV2(
      { client: s3 },
      { Bucket: bucket, Prefix: prefix, Delimiter: '/' }
    )) {
      for (const common of page.CommonPrefixes ?? []) {
        if (common.Prefix) folders.push(common.Prefix.slice(prefix.length, -1))
      }
    }
  } catch (error) {
    throw explainS3Error(error, bucket, prefix)
  }
  return folders
}

function explainS3Error(error: unknown, bucket: string, prefix: string): unknown {
  const name = (error as { name?: string }).name
  if (name === 'NoSuchBucket') {
    return userError`${subject(Inputs.Bucket)}: the bucket '${bucket}' does not exist. Check the bucket name.`
  }
  if (name === 'AccessDenied' || name === 'Forbidden') {
    // S3's own words say which policy refused (when it says), so they are kept.
    const message = (error as { message?: string }).message
    return userError`Listing s3://${bucket}/${prefix} was denied (${name}${message ? `: ${message}` : ''}). Give the role \
s3:ListBucket on arn:aws:s3:::${bucket} (a prefix condition on '${prefix}*' is enough: statement \
"ListTrailFolders" of iam/sync/permissions.json). A bucket in another account (Control Tower's Log \
Archive) must also allow the role in its bucket policy: iam/cross-account/bucket-policy-statement.json.`
  }
  return error
}

export interface LayoutRequest {
  bucket: string
  /** Normalized prefix (see normalizePrefix). */
  prefix: string
  /** From the `organization-id` input; empty to detect. */
  organizationId: string
}

/** Reads `[PREFIX/]AWSLogs/` and decides between the organization and the single-account layout. */
export async function detectLayout(s3: S3Client, request: LayoutRequest): Promise<TrailLayout> {
  const root = awsLogsPrefix(request.prefix)
  const folders = await listFolders(s3, request.bucket, root)
  const organizations = folders.filter((name) => ORGANIZATION_ID_PATTERN.test(name))
  const accounts = folders.filter((name) => ACCOUNT_PATTERN.test(name))
  const where = `s3://${request.bucket}/${root}`
  const base = { bucket: request.bucket, prefix: request.prefix }

  if (request.organizationId) {
    if (!organizations.includes(request.organizationId)) {
      const found = organizations.length ? `; found: ${organizations.join(', ')}` : ''
      throw userError`${subject(Inputs.OrganizationId)}: ${request.organizationId} has no folder under ${where}${found}.`
    }
    return { ...base, kind: 'organization', organizationId: request.organizationId }
  }
  if (organizations.length === 0 && accounts.length === 0) {
    throw noLogsError(request, where, await findTrailPrefixes(s3, request.bucket, request.prefix))
  }
  if (organizations.length + (accounts.length > 0 ? 1 : 0) > 1) {
    const found = [...organizations, ...(accounts.length ? [`${accounts.length} account folder(s)`] : [])]
    throw userError`${where} holds more than one trail layout (${found.join(', ')}). \
Set ${input(Inputs.OrganizationId)} to the organization whose partitions this table should have.`
  }
  const organizationId = organizations[0]
  return organizationId ? { ...base, kind: 'organization', organizationId } : { ...base, kind: 'account' }
}

/** Control Tower's Log Archive bucket: aws-controltower-logs-<account>-<region>. */
const CONTROL_TOWER_BUCKET = /^aws-controltower-logs-/
/** Folders looked into for an AWSLogs/ of their own when the prefix has none: enough for a trail's bucket. */
const MAX_PREFIX_PROBES = 5

/**
 * Where else the bucket has an AWSLogs/ folder, as values of the prefix input: one folder below the
 * given prefix (Control Tower's `o-abc123defg/`, organization ids first), and the top of the bucket
 * when a prefix was given. A few listings at most; a listing refused (a role that may list only the
 * trail's folders) finds nothing.
 */
export async function findTrailPrefixes(s3: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const firstFolders = async (under: string): Promise<string[]> => {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: under, Delimiter: '/', MaxKeys: 1000 })
    )
    return (page.CommonPrefixes ?? []).flatMap((common) =>
      common.Prefix ? [common.Prefix.slice(under.length, -1)] : []
    )
  }
  const hasAwsLogs = async (candidate: string): Promise<boolean> => {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: awsLogsPrefix(candidate), MaxKeys: 1 })
    )
    return (page.KeyCount ?? page.Contents?.length ?? 0) > 0
  }
  try {
    const folders = (await firstFolders(prefix)).filter((name) => name !== 'AWSLogs' && name !== '')
    folders.sort((a, b) => Number(ORGANIZATION_ID_PATTERN.test(b)) - Number(ORGANIZATION_ID_PATTERN.test(a)))
    const candidates = folders.slice(0, MAX_PREFIX_PROBES).map((name) => `${prefix}${name}/`)
    if (prefix) candidates.push('')
    const found = await mapConcurrent(candidates, MAX_PREFIX_PROBES, hasAwsLogs)
    return candidates.filter((_, index) => found[index]).map((candidate) => candidate.replace(/\/$/, ''))
  } catch {
    return []
  }
}

/** No trail under [prefix/]AWSLogs/: the error names the prefix the bucket shows, when it shows one. */
function noLogsError(request: LayoutRequest, where: string, prefixes: readonly string[]): ConfigurationError {
  const { bucket } = request
  const controlTower = CONTROL_TOWER_BUCKET.test(bucket)
    ? " Control Tower's bucket keeps the trail under the organization id (o-…/AWSLogs/)."
    : ''
  const [only] = prefixes
  if (prefixes.length === 1 && only !== undefined) {
    return only
      ? userError`No CloudTrail logs under ${where}, but the bucket has them under s3://${bucket}/${only}/AWSLogs/: \
set ${setting(Inputs.Prefix, only)}.${controlTower}`
      : userError`No CloudTrail logs under ${where}, but the bucket has them under s3://${bucket}/AWSLogs/: \
leave ${input(Inputs.Prefix)} empty.`
  }
  if (prefixes.length > 1) {
    const places = prefixes.map((found) => `s3://${bucket}/${found ? `${found}/` : ''}AWSLogs/`).join(', ')
    return userError`No CloudTrail logs under ${where}, but the bucket has AWSLogs/ folders under ${places}: \
set ${input(Inputs.Prefix)} to what comes before the AWSLogs/ of this table's trail.`
  }
  return userError`No CloudTrail logs under ${where}: neither o-ORGID/ nor account folders. \
Check ${input(Inputs.Bucket)} and ${input(Inputs.Prefix)} (the prefix is what comes before AWSLogs/).${controlTower}`
}

export interface DiscoveryFilter {
  /** Allow-lists; empty means everything present. */
  accounts: readonly string[]
  regions: readonly string[]
  /** Parallel listings (one per account). */
  concurrency: number
}

export interface Discovery {
  /** Account -> regions with a CloudTrail folder, both in the allow-lists; sorted. */
  series: Map<string, string[]>
  accountsFound: number
  /** Allow-listed accounts with no folder in the bucket. */
  missingAccounts: string[]
  /** Every region seen in the bucket (allowed or not). */
  regionsSeen: Set<string>
  /** Regions seen in the bucket but left out by the allow-list. */
  regionsSkipped: Set<string>
  /**
   * Folders under `CloudTrail/` that are no AWS Region (and not allow-listed): name -> accounts that
   * have it. They get no partitions. At most MAX_NOT_REGIONS names; the rest are counted.
   */
  notRegions: Map<string, number>
  notRegionsOmitted: number
}

/** Names of folders that are no Region kept for the report; a bucket full of junk costs no memory. */
export const MAX_NOT_REGIONS = 50

export async function discoverSeries(
  s3: S3Client,
  layout: TrailLayout,
  filter: DiscoveryFilter,
  logger: Logger
): Promise<Discovery> {
  const present = (await listFolders(s3, layout.bucket, accountsRoot(layout))).filter((name) =>
    ACCOUNT_PATTERN.test(name)
  )
  const allowAccounts = new Set(filter.accounts)
  const accounts = filter.accounts.length ? present.filter((a) => allowAccounts.has(a)) : present
  const presentSet = new Set(present)
  const missingAccounts = filter.accounts.filter((a) => !presentSet.has(a))
  logger.info(`${present.length} account folder(s) found, ${accounts.length} in scope`)

  const allowRegions = new Set(filter.regions)
  const regionsSeen = new Set<string>()
  const regionsSkipped = new Set<string>()
  // One shared string per region name: each listing hands out its own copy (110,000 at 22,000 accounts).
  const regionNames = new Map<string, string>()
  const shared = (folder: string): string => {
    if (!REGION_PATTERN.test(folder)) return folder
    const known = regionNames.get(folder)
    if (known !== undefined) return known
    regionNames.set(folder, folder)
    return folder
  }
  const regionLists = await mapConcurrent(accounts, filter.concurrency, async (account) =>
    (await listFolders(s3, layout.bucket, regionsRoot(layout, account))).map(shared)
  )
  const series = new Map<string, string[]>()
  const notRegions = new Map<string, number>()
  let notRegionsOmitted = 0
  const notARegion = (name: string): void => {
    const count = notRegions.get(name)
    if (count !== undefined) notRegions.set(name, count + 1)
    else if (notRegions.size < MAX_NOT_REGIONS) notRegions.set(name, 1)
    else notRegionsOmitted += 1
  }
  accounts.forEach((account, index) => {
    const regions = (regionLists[index] ?? []).filter((region) => {
      if (REGION_PATTERN.test(region)) regionsSeen.add(region)
      // An allow-listed name is trusted: a Region newer than this release's grammar still works.
      if (allowRegions.has(region)) return true
      if (!REGION_PATTERN.test(region) || !isAwsRegion(region)) {
        notARegion(region)
        return false
      }
      const allowed = allowRegions.size === 0
      if (!allowed) regionsSkipped.add(region)
      return allowed
    })
    if (regions.length) series.set(account, regions.sort())
  })
  return {
    series,
    accountsFound: present.length,
    missingAccounts,
    regionsSeen,
    regionsSkipped,
    notRegions,
    notRegionsOmitted
  }
}
