/**
 * Finds a source's layout, accounts and regions with delimiter listings only: one listing per
 * folder level, never a listing of log objects. S3 calls grow with accounts, not with days.
 */
import { ListObjectsV2Command, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3'
import { mapConcurrent } from '../vocabulary/concurrency.js'
import { Inputs } from '../vocabulary/constants.js'
import { ConfigurationError, input, setting, subject, userError } from '../vocabulary/errors.js'
import type { Logger } from '../vocabulary/logger.js'
import { REGION_PATTERN } from '../vocabulary/keys.js'
import { isAwsRegion } from './regions.js'
import {
  accountOfFolder,
  accountsRoot,
  awsLogsPrefix,
  layoutTemplate,
  ORGANIZATION_ID_PATTERN,
  regionOfFolder,
  regionsRoot,
  sourceFolder,
  type Layout
} from './layout.js'
import { SOURCES, type SourceName } from './sources.js'

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
  source: SourceName
  /** From the `organization-id` input; empty to detect. */
  organizationId: string
  /** The `accounts` allow-list: account folders outside it do not make a layout. Empty: all. */
  accounts?: readonly string[]
  /** Parallel probes when the bucket shows more than one layout. */
  concurrency?: number
}

/** A layout the AWSLogs/ listing suggests, with the account folders that suggested it (if listed). */
interface Candidate {
  layout: Layout
  accounts?: readonly string[]
}

/**
 * Reads `[PREFIX/]AWSLogs/` and decides which of the source's layouts the bucket holds. A layout is
 * recognized by the source's own folder: when the listing suggests several (Control Tower keeps
 * Config's account folders beside the organization trail's o-ID folder), each is probed for an
 * account folder that holds the source's folder, and the ones that hold only other logs drop out.
 */
export async function detectLayout(s3: S3Client, request: LayoutRequest, logger?: Logger): Promise<Layout> {
  const source = SOURCES[request.source]
  const root = awsLogsPrefix(request.prefix)
  const folders = await listFolders(s3, request.bucket, root)
  const where = `s3://${request.bucket}/${root}`
  const base = { bucket: request.bucket, prefix: request.prefix, source: request.source }
  const organizations = folders.filter((name) => ORGANIZATION_ID_PATTERN.test(name))
  const hasOrganizationLevel = source.layouts.some((layout) => layout.kind === 'organization')

  if (request.organizationId) {
    if (!hasOrganizationLevel) {
      throw userError`${subject(Inputs.OrganizationId)}: ${request.source} logs have no organization level (AWS writes \
them under AWSLogs/<account>/ for every account, organization or not). Leave ${input(Inputs.OrganizationId)} empty.`
    }
    if (!organizations.includes(request.organizationId)) {
      const found = organizations.length ? `; found: ${organizations.join(', ')}` : ''
      throw userError`${subject(Inputs.OrganizationId)}: ${request.organizationId} has no folder under ${where}${found}.`
    }
    return { ...base, kind: 'organization', organizationId: request.organizationId }
  }

  const allowed = new Set(request.accounts ?? [])
  const candidates: Candidate[] = source.layouts.flatMap(({ kind }): Candidate[] => {
    if (kind === 'organization') {
      return organizations.map((organizationId) => ({ layout: { ...base, kind, organizationId } }))
    }
    const layout: Layout = { ...base, kind }
    const accounts = folders.flatMap((name) => {
      const account = accountOfFolder(layout, name)
      return account && (allowed.size === 0 || allowed.has(account)) ? [account] : []
    })
    return accounts.length ? [{ layout, accounts }] : []
  })
  const [only] = candidates
  if (!only) throw noLogsError(request, where, await findLogPrefixes(s3, request.bucket, request.prefix))
  if (candidates.length === 1) return only.layout

  const concurrency = request.concurrency ?? 16
  const held = await mapConcurrent(candidates, 2, (candidate) => holdsSource(s3, candidate, concurrency))
  const holding = candidates.filter((_, index) => held[index])
  for (const candidate of candidates.filter((_, index) => !held[index])) {
    logger?.info(
      `${describeCandidate(candidate)}: no ${sourceFolder(candidate.layout)} in any account folder (other logs), not a layout of ${request.source}`
    )
  }
  const [chosen] = holding
  if (chosen && holding.length === 1) return chosen.layout
  if (!chosen) {
    throw userError`No ${request.source} logs under ${where}: ${candidates.map(describeCandidate).join(', ')} \
hold no ${sourceFolder(only.layout)} folder. Check ${input(Inputs.Source)} and ${input(Inputs.Prefix)}.`
  }
  return ambiguous(request, where, holding)
}

function describeCandidate(candidate: Candidate): string {
  const { layout, accounts } = candidate
  if (layout.kind === 'organization') return `organization folder ${layout.organizationId}/`
  const count = `${accounts?.length ?? 0} account folder(s)`
  return layout.kind === 'hive' ? `${count} in Hive-compatible form (aws-account-id=…)` : count
}

/** More than one layout holds the source's logs: the inputs that pick one. */
function ambiguous(request: LayoutRequest, where: string, holding: readonly Candidate[]): never {
  const found = holding.map(describeCandidate).join(', ')
  const organizations = holding.filter((candidate) => candidate.layout.kind === 'organization')
  if (organizations.length > 0) {
    throw userError`${where} holds more than one layout of ${request.source} logs (${found}). \
Set ${input(Inputs.OrganizationId)} to the organization whose partitions this table should have.`
  }
  throw userError`${where} holds ${request.source} logs in more than one layout (${found}); a table reads one. \
Give this table's accounts in ${input(Inputs.Accounts)}, and sync the other layout's accounts into a table of their own.`
}

/**
 * True when an account folder of the candidate holds the source's folder: one listing of at most
 * one key per account, a few at a time, stopping at the first that does.
 */
async function holdsSource(s3: S3Client, candidate: Candidate, concurrency: number): Promise<boolean> {
  const { layout } = candidate
  const accounts =
    candidate.accounts ??
    (await listFolders(s3, layout.bucket, accountsRoot(layout))).flatMap((name) => {
      const account = accountOfFolder(layout, name)
      return account ? [account] : []
    })
  for (let start = 0; start < accounts.length; start += concurrency) {
    const found = await mapConcurrent(accounts.slice(start, start + concurrency), concurrency, (account) =>
      hasObjects(s3, layout.bucket, regionsRoot(layout, account))
    )
    if (found.some(Boolean)) return true
  }
  return false
}

async function hasObjects(s3: S3Client, bucket: string, prefix: string): Promise<boolean> {
  try {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: 1 }))
    return (page.KeyCount ?? page.Contents?.length ?? 0) > 0
  } catch (error) {
    throw explainS3Error(error, bucket, prefix)
  }
}

/** Control Tower's Log Archive bucket: aws-controltower-logs-<account>-<region>. */
const CONTROL_TOWER_BUCKET = /^aws-controltower-logs-/
/** Folders looked into for an AWSLogs/ of their own when the prefix has none: enough for a log bucket. */
const MAX_PREFIX_PROBES = 5

/**
 * Where else the bucket has an AWSLogs/ folder, as values of the prefix input: one folder below the
 * given prefix (Control Tower's `o-abc123defg/`, organization ids first), and the top of the bucket
 * when a prefix was given. A few listings at most; a listing refused (a role that may list only the
 * logs' folders) finds nothing.
 */
export async function findLogPrefixes(s3: S3Client, bucket: string, prefix: string): Promise<string[]> {
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

/** No logs under [prefix/]AWSLogs/: the error names the prefix the bucket shows, when it shows one. */
function noLogsError(request: LayoutRequest, where: string, prefixes: readonly string[]): ConfigurationError {
  const { bucket, source } = request
  const controlTower = CONTROL_TOWER_BUCKET.test(bucket)
    ? " Control Tower's bucket keeps its logs under the organization id (o-…/AWSLogs/)."
    : ''
  const [only] = prefixes
  if (prefixes.length === 1 && only !== undefined) {
    return only
      ? userError`No ${source} logs under ${where}, but the bucket has logs under s3://${bucket}/${only}/AWSLogs/: \
set ${setting(Inputs.Prefix, only)}.${controlTower}`
      : userError`No ${source} logs under ${where}, but the bucket has logs under s3://${bucket}/AWSLogs/: \
leave ${input(Inputs.Prefix)} empty.`
  }
  if (prefixes.length > 1) {
    const places = prefixes.map((found) => `s3://${bucket}/${found ? `${found}/` : ''}AWSLogs/`).join(', ')
    return userError`No ${source} logs under ${where}, but the bucket has AWSLogs/ folders under ${places}: \
set ${input(Inputs.Prefix)} to what comes before the AWSLogs/ of this table's logs.`
  }
  const expected = SOURCES[source].layouts
    .map((layout) => layoutTemplate({ bucket, prefix: request.prefix, source, kind: layout.kind }))
    .join(' or ')
  return userError`No ${source} logs under ${where}: no folder of the form ${expected}. \
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
  /** Account -> regions with a folder of the source, both in the allow-lists; sorted. */
  series: Map<string, string[]>
  accountsFound: number
  /** Accounts in scope whose folder holds none of the source's logs (only other logs). */
  accountsWithoutSource: number
  /** Allow-listed accounts with no folder in the bucket. */
  missingAccounts: string[]
  /** Every region seen in the bucket (allowed or not). */
  regionsSeen: Set<string>
  /** Regions seen in the bucket but left out by the allow-list. */
  regionsSkipped: Set<string>
  /**
   * Folders under the source's folder (`CloudTrail/`) that are no AWS Region (and not allow-listed):
   * name -> accounts that have it. They get no partitions. At most MAX_NOT_REGIONS names; the rest
   * are counted.
   */
  notRegions: Map<string, number>
  notRegionsOmitted: number
}

/** Names of folders that are no Region kept for the report; a bucket full of junk costs no memory. */
export const MAX_NOT_REGIONS = 50

export async function discoverSeries(
  s3: S3Client,
  layout: Layout,
  filter: DiscoveryFilter,
  logger: Logger
): Promise<Discovery> {
  const present = (await listFolders(s3, layout.bucket, accountsRoot(layout))).flatMap((name) => {
    const account = accountOfFolder(layout, name)
    return account ? [account] : []
  })
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
  let accountsWithoutSource = 0
  const notARegion = (name: string): void => {
    const count = notRegions.get(name)
    if (count !== undefined) notRegions.set(name, count + 1)
    else if (notRegions.size < MAX_NOT_REGIONS) notRegions.set(name, 1)
    else notRegionsOmitted += 1
  }
  accounts.forEach((account, index) => {
    const folders = regionLists[index] ?? []
    if (folders.length === 0) accountsWithoutSource += 1
    const regions = folders.flatMap((folder) => {
      const read = regionOfFolder(layout, folder)
      if (read === undefined) {
        notARegion(folder)
        return []
      }
      // The Hive-compatible `aws-region=…` folders give a new string per account: share it too.
      const region = read === folder ? read : shared(read)
      if (REGION_PATTERN.test(region)) regionsSeen.add(region)
      // An allow-listed name is trusted: a Region newer than this release's grammar still works.
      if (allowRegions.has(region)) return [region]
      if (!REGION_PATTERN.test(region) || !isAwsRegion(region)) {
        notARegion(folder)
        return []
      }
      if (allowRegions.size === 0) return [region]
      regionsSkipped.add(region)
      return []
    })
    if (regions.length) series.set(account, regions.sort())
  })
  return {
    series,
    accountsFound: present.length,
    accountsWithoutSource,
    missingAccounts,
    regionsSeen,
    regionsSkipped,
    notRegions,
    notRegionsOmitted
  }
}

/**
 * Every account in scope holds only other logs (a Config-only account folder for CloudTrail): the
 * layout was taken from the account folders alone, and none is the source's.
 */
export function checkSourcePresent(layout: Layout, discovery: Discovery): void {
  const inScope = discovery.accountsFound - discovery.missingAccounts.length
  if (discovery.series.size > 0 || discovery.accountsWithoutSource === 0) return
  if (discovery.accountsWithoutSource < inScope) return
  const where = `s3://${layout.bucket}/${accountsRoot(layout)}`
  throw userError`No ${layout.source} logs under ${where}: its ${discovery.accountsWithoutSource} account folder(s) in scope \
hold no ${sourceFolder(layout)} folder (other logs only). Check ${input(Inputs.Source)}, ${input(Inputs.Prefix)} and ${input(Inputs.Accounts)}.`
}
