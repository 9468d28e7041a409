/**
 * Reads and validates every input once, into one typed Settings object (as actions/checkout's
 * input-helper does). Each mistake is a ConfigurationError that names the input and the fix;
 * nothing reaches AWS before this has passed.
 */
import { Commands, Inputs, type Command } from './vocabulary/constants.js'
import { ConfigurationError } from './vocabulary/errors.js'
import { formatIsoDate, parseIsoDate, todayUtc, type DayNumber } from './vocabulary/dates.js'
import { checkAsOf, DEFAULT_MAX_REMOVE_DAYS } from './partitions/guards.js'
import { DEFAULT_MAX_TABLE_PARTITIONS } from './partitions/quota.js'
import { ACCOUNT_PATTERN, REGION_PATTERN, type DateKeyType } from './vocabulary/keys.js'
import { normalizePrefix, ORGANIZATION_ID_PATTERN } from './logs/layout.js'
import { DEFAULT_SOURCE, SOURCE_NAMES, sourceNamed, type SourceName } from './logs/sources.js'
import { nearestRegion } from './logs/regions.js'
import type { TableRef } from './vocabulary/table-ref.js'
import type { CredentialSettings } from './aws/credentials.js'
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './queries/limits.js'
import { DEFAULT_MAX_DELETE_QUERIES } from './queries/publish.js'

export interface SyncSettings {
  /** Whose logs: the folder AWS writes under each account (CloudTrail, Config, vpcflowlogs…). */
  source: SourceName
  bucket: string
  prefix: string
  organizationId: string
  database: string
  table: string
  catalogId?: string
  regions: string[]
  accounts: string[]
  retentionDays: number
  futureDays: number
  asOf: DayNumber
  /** True when `as-of` was given (a backfill); false when it is today. */
  asOfGiven: boolean
  /** The UTC day the run takes for today (see TODAY_VARIABLE). */
  today: DayNumber
  dryRun: boolean
  /** Most distinct days a run may remove partitions of (the removal guard). */
  maxRemoveDays: number
  /** Most partitions the table may hold after the run (the quota guard). */
  maxTablePartitions: number
  /** Empty: RUNNER_TEMP/cloudtrail-partitions-plan.json. */
  planFile: string
  awsRegion: string
  credentials: CredentialSettings
  createTable: boolean
  /** Empty input: undefined (the table's own type; string for a created table). */
  dateKeyType?: DateKeyType
  /** Empty input: undefined (on when this run creates the table). */
  partitionIndex?: boolean
}

export interface CheckSettings {
  queries: string
  table: string
  /** Whose logs the table holds: its documented columns when the table cannot be read from Glue. */
  source: SourceName
  database?: string
  partitionColumns: string[]
  /** Empty input: read from the table when credentials are available, else string. */
  dateKeyType?: DateKeyType
  ruleSeverity: string
  githubToken: string
  /** With a workgroup (and credentials), each query is also explained by Athena. */
  workgroup?: string
  /** Where EXPLAIN's results go (`s3://bucket/prefix/`); empty: the workgroup's own location. */
  athenaOutputLocation?: string
  /** The Glue catalog (account) of the table, when it is another account's. */
  catalogId?: string
  /** With catalogId and a workgroup: the Athena data catalog registered for it, where EXPLAIN runs. */
  athenaCatalog?: string
  /** Set when AWS can be used (a region is known): for the table's key type and EXPLAIN. */
  awsRegion?: string
  credentials: CredentialSettings
  /** How much a pull request can make the check read and do. */
  limits: QueryLimits
}

export interface PublishSettings {
  queries: string
  workgroup: string
  database: string
  deleteMissing: boolean
  /** The guard: most named queries one run may delete. */
  maxDeleteQueries: number
  dryRun: boolean
  awsRegion: string
  credentials: CredentialSettings
}

/** Returns an input's value, '' when unset (core.getInput's contract). */
export type InputReader = (name: string) => string

const BUCKET_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/
const GLUE_NAME_PATTERN = /^[^\s`]{1,255}$/
const ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/
const SESSION_NAME_PATTERN = /^[\w+=,.@-]{2,64}$/

export function readCommand(read: InputReader): Command {
  const value = read(Inputs.Command).trim() || 'sync'
  if (!(Commands as readonly string[]).includes(value)) {
    throw new ConfigurationError(
      `Input '${Inputs.Command}': '${value}' is not one of ${Commands.join(', ')}.`
    )
  }
  return value as Command
}

/** The `source` input: one of AWS's folder names under the account, in any case; empty: CloudTrail. */
export function readSource(read: InputReader): SourceName {
  const value = read(Inputs.Source).trim()
  if (!value) return DEFAULT_SOURCE
  const source = sourceNamed(value)
  if (!source) {
    throw new ConfigurationError(
      `Input '${Inputs.Source}': '${value}' is not one of ${SOURCE_NAMES.join(', ')} (the folder AWS writes under each account in AWSLogs/).`
    )
  }
  return source
}

function requiredInput(read: InputReader, name: string, command: Command): string {
  const value = read(name).trim()
  if (!value) throw new ConfigurationError(`Input '${name}' is required for command '${command}'.`)
  return value
}

/**
 * The day the sync takes for today, as YYYY-MM-DD, when this environment variable is set: the
 * end-to-end tests pin it so that their fixed dates do not age past the as-of guards. Unset, the
 * runner's clock decides.
 */
export const TODAY_VARIABLE = 'CLOUDTRAIL_PARTITIONS_TODAY'

function nowFrom(env: NodeJS.ProcessEnv): Date {
  const pinned = env[TODAY_VARIABLE]?.trim()
  if (!pinned) return new Date()
  const day = parseIsoDate(pinned)
  if (day === undefined) {
    throw new ConfigurationError(
      `The environment variable ${TODAY_VARIABLE}: '${pinned}' is not a UTC date of the form YYYY-MM-DD; unset it to use the clock.`
    )
  }
  return new Date(day * 86_400_000)
}

export function readSyncSettings(
  read: InputReader,
  env: NodeJS.ProcessEnv = process.env,
  now: Date = nowFrom(env)
): SyncSettings {
  const text = (name: string): string => read(name).trim()
  const required = (name: string): string => requiredInput(read, name, 'sync')

  const source = readSource(read)
  const bucket = required(Inputs.Bucket)
  if (bucket.startsWith('s3://') || bucket.includes('/')) {
    throw new ConfigurationError(
      `Input '${Inputs.Bucket}' takes the bucket name only (for example org-cloudtrail-logs); put any folder before AWSLogs/ in '${Inputs.Prefix}'.`
    )
  }
  if (!BUCKET_PATTERN.test(bucket)) {
    throw new ConfigurationError(`Input '${Inputs.Bucket}': '${bucket}' is not a valid S3 bucket name.`)
  }
  const prefix = normalizePrefix(text(Inputs.Prefix))
  if (/(^|\/)AWSLogs\//.test(prefix)) {
    throw new ConfigurationError(
      `Input '${Inputs.Prefix}' is what comes before AWSLogs/; remove AWSLogs/ and what follows from '${prefix}'.`
    )
  }
  const organizationId = text(Inputs.OrganizationId)
  if (organizationId && !ORGANIZATION_ID_PATTERN.test(organizationId)) {
    throw new ConfigurationError(
      `Input '${Inputs.OrganizationId}': '${organizationId}' is not an organization id (o- followed by 10 to 32 lowercase letters or digits).`
    )
  }
  const database = glueName(required(Inputs.Database), Inputs.Database)
  const table = glueName(required(Inputs.Table), Inputs.Table)
  const catalogId = optionalCatalogId(read)

  const regions = list(read(Inputs.Regions))
  for (const region of regions) {
    if (!REGION_PATTERN.test(region)) {
      const hint = nearestRegion(region)
      throw new ConfigurationError(
        `Input '${Inputs.Regions}': '${region}' is not an AWS region name${hint ? ` (did you mean ${hint}?)` : ''}.`
      )
    }
  }
  const accounts = list(read(Inputs.Accounts))
  for (const account of accounts) {
    if (!ACCOUNT_PATTERN.test(account)) {
      throw new ConfigurationError(`Input '${Inputs.Accounts}': '${account}' is not a 12-digit account id.`)
    }
  }

  const retentionDays = integer(read, Inputs.RetentionDays, 90, 0, 36_500)
  const futureDays = integer(read, Inputs.FutureDays, 1, 0, 366)
  const asOfText = text(Inputs.AsOf)
  const today = todayUtc(now)
  const asOf = asOfText ? parseIsoDate(asOfText) : today
  if (asOf === undefined) {
    throw new ConfigurationError(
      `Input '${Inputs.AsOf}': '${asOfText}' is not a UTC date of the form YYYY-MM-DD.`
    )
  }

  if (asOfText) checkAsOf(asOf, today)
  checkWindow(asOf, retentionDays, futureDays)
  const maxRemoveDays = integer(read, Inputs.MaxRemoveDays, DEFAULT_MAX_REMOVE_DAYS, 0, 36_500)
  const maxTablePartitions = integer(
    read,
    Inputs.MaxTablePartitions,
    DEFAULT_MAX_TABLE_PARTITIONS,
    1,
    MAX_TABLE_PARTITIONS_INPUT
  )
  const awsRegion = requiredRegion(read, env)
  const dateKeyType = optionalDateKeyType(read)
  const partitionIndex = read(Inputs.PartitionIndex).trim()
    ? boolean(read, Inputs.PartitionIndex, false)
    : undefined

  return {
    source,
    bucket,
    prefix,
    organizationId,
    database,
    table,
    ...(catalogId ? { catalogId } : {}),
    regions: [...new Set(regions)],
    accounts: [...new Set(accounts)],
    retentionDays,
    futureDays,
    asOf,
    asOfGiven: asOfText !== '',
    today,
    dryRun: boolean(read, Inputs.DryRun, false),
    maxRemoveDays,
    maxTablePartitions,
    planFile: read(Inputs.PlanFile).trim(),
    awsRegion,
    credentials: readCredentialSettings(read),
    createTable: boolean(read, Inputs.CreateTable, false),
    ...(dateKeyType ? { dateKeyType } : {}),
    ...(partitionIndex === undefined ? {} : { partitionIndex })
  }
}

export const DEFAULT_QUERIES = 'queries/**/*.sql'
export const DEFAULT_PARTITION_COLUMNS = ['year', 'month', 'day']

export function readCheckSettings(read: InputReader, env: NodeJS.ProcessEnv = process.env): CheckSettings {
  const table = glueName(requiredInput(read, Inputs.Table, 'check-queries'), Inputs.Table)
  const database = read(Inputs.Database).trim()
  const partitionColumns = list(read(Inputs.PartitionColumns).toLowerCase())
  const workgroup = optionalWorkgroup(read)
  const athenaOutputLocation = optionalOutputLocation(read)
  const catalogId = optionalCatalogId(read)
  const athenaCatalog = optionalAthenaCatalog(read, catalogId, workgroup)
  const dateKeyType = optionalDateKeyType(read)
  const awsRegion = optionalRegion(read, env)
  return {
    queries: read(Inputs.Queries).trim() || DEFAULT_QUERIES,
    table,
    source: readSource(read),
    ...(database ? { database: glueName(database, Inputs.Database) } : {}),
    partitionColumns: partitionColumns.length ? partitionColumns : DEFAULT_PARTITION_COLUMNS,
    ...(dateKeyType ? { dateKeyType } : {}),
    ruleSeverity: read(Inputs.RuleSeverity).trim(),
    githubToken: read(Inputs.GithubToken).trim(),
    ...(workgroup ? { workgroup } : {}),
    ...(athenaOutputLocation ? { athenaOutputLocation } : {}),
    ...(catalogId ? { catalogId } : {}),
    ...(athenaCatalog ? { athenaCatalog } : {}),
    ...(awsRegion ? { awsRegion } : {}),
    credentials: readCredentialSettings(read),
    limits: readQueryLimits(read)
  }
}

function readQueryLimits(read: InputReader): QueryLimits {
  const defaults = DEFAULT_QUERY_LIMITS
  return {
    maxFileBytes: integer(read, Inputs.MaxFileBytes, defaults.maxFileBytes, 1, 100 * 1024 * 1024),
    maxStatementsPerFile: integer(
      read,
      Inputs.MaxStatementsPerFile,
      defaults.maxStatementsPerFile,
      1,
      1_000_000
    ),
    maxFiles: integer(read, Inputs.MaxFiles, defaults.maxFiles, 1, 1_000_000),
    fileTimeBudgetMs:
      integer(read, Inputs.FileTimeBudgetSeconds, defaults.fileTimeBudgetMs / 1000, 1, 3600) * 1000,
    maxExplains: integer(read, Inputs.MaxExplains, defaults.maxExplains, 1, 100_000),
    explainBudgetMs:
      integer(read, Inputs.ExplainTimeBudgetSeconds, defaults.explainBudgetMs / 1000, 1, 21_600) * 1000,
    explainConcurrency: integer(read, Inputs.ExplainConcurrency, defaults.explainConcurrency, 1, 20),
    maxQueryPartitions: integer(read, Inputs.MaxQueryPartitions, defaults.maxQueryPartitions, 1, 10_000_000)
  }
}

export function readPublishSettings(
  read: InputReader,
  env: NodeJS.ProcessEnv = process.env
): PublishSettings {
  return {
    queries: read(Inputs.Queries).trim() || DEFAULT_QUERIES,
    // Athena's default workgroup, as the Athena API itself defaults.
    workgroup: optionalWorkgroup(read) ?? 'primary',
    database: glueName(requiredInput(read, Inputs.Database, 'publish-queries'), Inputs.Database),
    deleteMissing: boolean(read, Inputs.DeleteMissing, false),
    maxDeleteQueries: integer(read, Inputs.MaxDeleteQueries, DEFAULT_MAX_DELETE_QUERIES, 0, 100_000),
    dryRun: boolean(read, Inputs.DryRun, false),
    awsRegion: requiredRegion(read, env),
    credentials: readCredentialSettings(read)
  }
}

/** A quota raised a hundredfold is still below this; more is a typo. */
const MAX_TABLE_PARTITIONS_INPUT = 1_000_000_000

/** CloudTrail started in 2013: a window reaching before it (or past year 9999) is a typo. */
const FIRST_CLOUDTRAIL_DAY = parseIsoDate('2013-01-01') as DayNumber
const LAST_DAY = parseIsoDate('9999-12-31') as DayNumber

function checkWindow(asOf: DayNumber, retentionDays: number, futureDays: number): void {
  if (asOf - retentionDays < FIRST_CLOUDTRAIL_DAY) {
    throw new ConfigurationError(
      `Input '${Inputs.RetentionDays}': ${retentionDays} days before ${formatIsoDate(asOf)} is before 2013, when CloudTrail ` +
        `started; use at most ${Math.max(0, asOf - FIRST_CLOUDTRAIL_DAY)}.`
    )
  }
  if (asOf + futureDays > LAST_DAY) {
    throw new ConfigurationError(`Input '${Inputs.AsOf}': the window would end after 9999-12-31.`)
  }
}

function optionalRegion(read: InputReader, env: NodeJS.ProcessEnv): string | undefined {
  const input = read(Inputs.AwsRegion).trim()
  const fromEnv = env.AWS_REGION ? 'AWS_REGION' : env.AWS_DEFAULT_REGION ? 'AWS_DEFAULT_REGION' : undefined
  const awsRegion = input || (fromEnv ? (env[fromEnv] ?? '') : '')
  if (awsRegion && !REGION_PATTERN.test(awsRegion)) {
    const source = input || !fromEnv ? `Input '${Inputs.AwsRegion}'` : `The environment variable ${fromEnv}`
    const hint = nearestRegion(awsRegion)
    throw new ConfigurationError(
      `${source}: '${awsRegion}' is not an AWS region name${hint ? ` (did you mean ${hint}?)` : ''}.`
    )
  }
  return awsRegion || undefined
}

function requiredRegion(read: InputReader, env: NodeJS.ProcessEnv): string {
  const awsRegion = optionalRegion(read, env)
  if (!awsRegion) {
    throw new ConfigurationError(
      `Input '${Inputs.AwsRegion}' is required: the region of the Glue catalog (or set AWS_REGION, as aws-actions/configure-aws-credentials does).`
    )
  }
  return awsRegion
}

function optionalDateKeyType(read: InputReader): DateKeyType | undefined {
  const value = read(Inputs.DateKeyType).trim()
  if (!value) return undefined
  if (value !== 'string' && value !== 'int') {
    throw new ConfigurationError(`Input '${Inputs.DateKeyType}': '${value}' must be string or int.`)
  }
  return value
}

const WORKGROUP_PATTERN = /^[a-zA-Z0-9._-]{1,128}$/
/** CreateDataCatalog's Name: at most 127 letters, digits, '_', '@' or '-' (Athena API reference). */
const DATA_CATALOG_PATTERN = /^[A-Za-z0-9_@-]{1,127}$/

function optionalCatalogId(read: InputReader): string | undefined {
  const catalogId = read(Inputs.CatalogId).trim()
  if (catalogId && !ACCOUNT_PATTERN.test(catalogId)) {
    throw new ConfigurationError(`Input '${Inputs.CatalogId}': '${catalogId}' is not a 12-digit account id.`)
  }
  return catalogId || undefined
}

/**
 * Athena reaches another account's Glue catalog only through a data catalog registered for it, so
 * EXPLAIN with `catalog-id` needs its name; without `catalog-id` the name would point EXPLAIN at
 * another catalog than the one the table is read from.
 */
function optionalAthenaCatalog(
  read: InputReader,
  catalogId: string | undefined,
  workgroup: string | undefined
): string | undefined {
  const value = read(Inputs.AthenaCatalog).trim()
  if (value && !DATA_CATALOG_PATTERN.test(value)) {
    throw new ConfigurationError(
      `Input '${Inputs.AthenaCatalog}': '${value}' is not an Athena data catalog name (1 to 127 letters, digits, '_', '@' or '-').`
    )
  }
  if (value && !catalogId) {
    throw new ConfigurationError(
      `Input '${Inputs.AthenaCatalog}' is set without '${Inputs.CatalogId}': set '${Inputs.CatalogId}' to the account ` +
        `of the Glue catalog that '${value}' stands for, or leave '${Inputs.AthenaCatalog}' empty.`
    )
  }
  if (catalogId && workgroup && !value) {
    throw new ConfigurationError(
      `Input '${Inputs.AthenaCatalog}' is required with '${Inputs.CatalogId}' and '${Inputs.Workgroup}': Athena's ` +
        `EXPLAIN reaches the Glue catalog of ${catalogId} only as a data catalog registered in this account ` +
        `(aws athena create-data-catalog --name NAME --type GLUE --parameters catalog-id=${catalogId}); give its ` +
        `name, or leave '${Inputs.Workgroup}' empty to check without EXPLAIN.`
    )
  }
  return value || undefined
}

function optionalWorkgroup(read: InputReader): string | undefined {
  const value = read(Inputs.Workgroup).trim()
  if (value && !WORKGROUP_PATTERN.test(value)) {
    throw new ConfigurationError(
      `Input '${Inputs.Workgroup}': '${value}' is not an Athena workgroup name (1 to 128 letters, digits, '.', '_' or '-').`
    )
  }
  return value || undefined
}

/** `s3://bucket/` or `s3://bucket/prefix/`, the form Athena's OutputLocation takes; ends with `/`. */
function optionalOutputLocation(read: InputReader): string | undefined {
  const value = read(Inputs.AthenaOutputLocation).trim()
  if (!value) return undefined
  const match = /^s3:\/\/([^/]+)(\/.*)?$/.exec(value)
  if (!match || !BUCKET_PATTERN.test(match[1] as string) || /\/\//.test(match[2] ?? '')) {
    throw new ConfigurationError(
      `Input '${Inputs.AthenaOutputLocation}': '${value}' is not an S3 location of the form s3://bucket/prefix/ ` +
        `(a bucket name, then an optional folder).`
    )
  }
  return value.endsWith('/') ? value : `${value}/`
}

function readCredentialSettings(read: InputReader): CredentialSettings {
  const roleToAssume = read(Inputs.RoleToAssume).trim()
  if (roleToAssume && !ROLE_ARN_PATTERN.test(roleToAssume)) {
    throw new ConfigurationError(
      `Input '${Inputs.RoleToAssume}': '${roleToAssume}' is not an IAM role ARN (arn:aws:iam::111122223333:role/NAME).`
    )
  }
  const roleSessionName = read(Inputs.RoleSessionName).trim() || 'GitHubActions'
  if (!SESSION_NAME_PATTERN.test(roleSessionName)) {
    throw new ConfigurationError(
      `Input '${Inputs.RoleSessionName}': '${roleSessionName}' must be 2 to 64 characters of letters, digits and _+=,.@-.`
    )
  }
  return {
    roleToAssume,
    roleSessionName,
    roleDurationSeconds: integer(read, Inputs.RoleDurationSeconds, 3600, 900, 43_200),
    audience: read(Inputs.Audience).trim() || 'sts.amazonaws.com'
  }
}

/** Splits a comma-, space- or newline-separated list, dropping empties. */
export function list(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean)
}

function integer(read: InputReader, name: string, fallback: number, min: number, max: number): number {
  const value = read(name).trim()
  if (!value) return fallback
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ConfigurationError(`Input '${name}': '${value}' must be a whole number from ${min} to ${max}.`)
  }
  return Number(value)
}

/** YAML 1.2 core booleans, as core.getBooleanInput accepts them. */
function boolean(read: InputReader, name: string, fallback: boolean): boolean {
  const value = read(name).trim()
  if (!value) return fallback
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new ConfigurationError(`Input '${name}': '${value}' must be true or false.`)
}

function glueName(value: string, name: string): string {
  if (!GLUE_NAME_PATTERN.test(value)) {
    throw new ConfigurationError(
      `Input '${name}': '${value}' is not a Glue name (1 to 255 characters, no spaces).`
    )
  }
  return value
}

/** The Glue table the sync settings name, as the core takes it. */
export function tableRefOf(settings: { database: string; table: string; catalogId?: string }): TableRef {
  return {
    database: settings.database,
    table: settings.table,
    ...(settings.catalogId ? { catalogId: settings.catalogId } : {})
  }
}
