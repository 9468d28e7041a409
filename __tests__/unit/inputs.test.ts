import { ConfigurationError } from '../../src/vocabulary/errors.js'
import {
  list,
  readCheckSettings,
  readCommand,
  readPublishSettings,
  readSyncSettings
} from '../../src/inputs.js'
import { formatIsoDate } from '../../src/vocabulary/dates.js'
import { nearestRegion } from '../../src/logs/regions.js'

const base: Record<string, string> = {
  bucket: 'org-cloudtrail-logs',
  database: 'security',
  table: 'cloudtrail',
  'aws-region': 'eu-central-1'
}

function settings(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  const all = { ...base, ...inputs }
  return readSyncSettings((name) => all[name] ?? '', env, new Date('2026-11-25T10:00:00Z'))
}

function errorOf(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): ConfigurationError {
  try {
    settings(inputs, env)
  } catch (error) {
    if (error instanceof ConfigurationError) return error
    throw error
  }
  throw new Error('expected a ConfigurationError')
}

describe('readSyncSettings', () => {
  it('applies the documented defaults', () => {
    const s = settings({})
    expect(s).toMatchObject({
      prefix: '',
      organizationId: '',
      regions: [],
      accounts: [],
      retentionDays: 90,
      futureDays: 1,
      dryRun: false,
      awsRegion: 'eu-central-1',
      credentials: {
        roleToAssume: '',
        roleSessionName: 'GitHubActions',
        roleDurationSeconds: 3600,
        audience: 'sts.amazonaws.com'
      }
    })
    expect(formatIsoDate(s.asOf)).toBe('2026-11-25')
  })

  it('splits lists on commas, spaces and newlines and drops duplicates', () => {
    expect(list(' eu-central-1, eu-west-1\nus-east-1 ,,')).toEqual(['eu-central-1', 'eu-west-1', 'us-east-1'])
    expect(settings({ regions: 'eu-west-1,eu-west-1' }).regions).toEqual(['eu-west-1'])
  })

  it.each([
    [{ bucket: '' }, "Input 'bucket' is required"],
    [{ bucket: 's3://logs/AWSLogs' }, "Input 'bucket' takes the bucket name only"],
    [{ bucket: 'Logs_Bucket' }, "Input 'bucket': 'Logs_Bucket' is not a valid S3 bucket name"],
    [{ prefix: 'ct/AWSLogs/o-abc' }, "Input 'prefix' is what comes before AWSLogs/"],
    [{ 'organization-id': 'o-ABC' }, "Input 'organization-id'"],
    [{ table: '' }, "Input 'table' is required"],
    [{ 'catalog-id': '1234' }, "Input 'catalog-id'"],
    [{ regions: 'eu-west-1, europe-west1' }, "Input 'regions': 'europe-west1' is not an AWS region name"],
    [{ regions: 'eu-wst-1x' }, "Input 'regions'"],
    [{ accounts: '12345678901' }, "Input 'accounts': '12345678901' is not a 12-digit account id"],
    [{ 'retention-days': '-1' }, "Input 'retention-days': '-1' must be a whole number from 0 to 36500"],
    [
      { 'retention-days': '6000' },
      "Input 'retention-days': 6000 days before 2026-11-25 is before 2013, when CloudTrail started; use at most"
    ],
    [{ 'future-days': '1.5' }, "Input 'future-days'"],
    [{ 'as-of': '2026-02-29' }, "Input 'as-of': '2026-02-29' is not a UTC date"],
    [{ 'dry-run': 'yes' }, "Input 'dry-run': 'yes' must be true or false"],
    [{ 'aws-region': '' }, "Input 'aws-region' is required"],
    [{ 'role-to-assume': 'my-role' }, "Input 'role-to-assume': 'my-role' is not an IAM role ARN"],
    [{ 'role-session-name': 'a' }, "Input 'role-session-name'"],
    [{ 'role-session-name': 'has space' }, "Input 'role-session-name'"],
    [
      { 'role-duration-seconds': '899' },
      "Input 'role-duration-seconds': '899' must be a whole number from 900 to 43200"
    ],
    [{ 'role-duration-seconds': '43201' }, "Input 'role-duration-seconds'"]
  ])('refuses %j with an error naming the input', (inputs, message) => {
    expect(errorOf(inputs).message).toContain(message)
  })

  it('suggests the nearest region for a malformed one', () => {
    expect(errorOf({ regions: 'eu-central1' }).message).toContain('did you mean eu-central-1?')
  })

  it('leaves well-formed but unknown regions to the check against the bucket', () => {
    // A region launched after this release must still work when the bucket has logs for it.
    expect(settings({ regions: 'xx-newplace-9' }).regions).toEqual(['xx-newplace-9'])
    expect(nearestRegion('eu-centrl-1')).toBe('eu-central-1')
    expect(nearestRegion('mars-north-1')).toBeUndefined()
  })

  it('accepts boundary values', () => {
    const s = settings({
      'retention-days': '0',
      'future-days': '366',
      'role-duration-seconds': '43200',
      'role-session-name': 'ab',
      'role-to-assume': 'arn:aws:iam::111122223333:role/path/cloudtrail-partitions',
      'dry-run': 'TRUE',
      // Exactly a year before "now" is still in reach.
      'as-of': '2025-11-25'
    })
    expect(s).toMatchObject({ retentionDays: 0, futureDays: 366, dryRun: true })
    expect(s.credentials.roleDurationSeconds).toBe(43200)
  })

  it('refuses a window that reaches before CloudTrail existed or past year 9999', () => {
    expect(errorOf({ 'retention-days': '36500' }).message).toContain(
      "Input 'retention-days': 36500 days before 2026-11-25 is before 2013"
    )
    expect(errorOf({ 'as-of': '9999-12-31', 'future-days': '1' }).message).toContain("Input 'as-of'")
  })

  it('takes a past as-of up to a year back (backfills) and tomorrow, but refuses one after tomorrow, naming it', () => {
    // "now" is 2026-11-25.
    expect(formatIsoDate(settings({ 'as-of': '2025-11-25', 'retention-days': '0' }).asOf)).toBe('2025-11-25')
    expect(formatIsoDate(settings({ 'as-of': '2026-11-26' }).asOf)).toBe('2026-11-26')
    expect(errorOf({ 'as-of': '2026-11-27' }).message).toBe(
      "Input 'as-of': 2026-11-27 is after tomorrow (2026-11-26, UTC). A sync that far ahead would remove the " +
        "partitions of every day before its window. Leave 'as-of' empty for today, or give a past day for a backfill."
    )
    // The typo of the issue: 2062 for 2026.
    expect(errorOf({ 'as-of': '2062-03-10' }).message).toMatch(/^Input 'as-of': 2062-03-10 is after tomorrow/)
  })

  it('refuses an as-of more than a year back, naming it and the ways to a real backfill', () => {
    // The typo of the issue: 2016 for 2026.
    expect(errorOf({ 'as-of': '2016-03-01' }).message).toBe(
      "Input 'as-of': 2016-03-01 is more than a year before today (2026-11-25, UTC). A sync then creates partitions " +
        "for days that likely have no logs, and the next run would stop at the removal guard. Leave 'as-of' empty " +
        "for today, or give a day from 2025-11-25 on. To add partitions for older days, leave 'as-of' empty and " +
        "raise 'retention-days' until the window reaches them."
    )
    expect(errorOf({ 'as-of': '2025-11-24' }).message).toMatch(
      /^Input 'as-of': 2025-11-24 is more than a year/
    )
    // The window itself may reach back further: that is how older days are added.
    expect(settings({ 'retention-days': '3000' }).retentionDays).toBe(3000)
  })

  it('takes today from CLOUDTRAIL_PARTITIONS_TODAY when set (tests pin it), and refuses a malformed one', () => {
    const all: Record<string, string> = { ...base, 'as-of': '2016-03-10' }
    const pinned = readSyncSettings((name) => all[name] ?? '', { CLOUDTRAIL_PARTITIONS_TODAY: '2016-03-20' })
    expect(formatIsoDate(pinned.today)).toBe('2016-03-20')
    expect(pinned.asOfGiven).toBe(true)
    const today = readSyncSettings((name) => base[name] ?? '', { CLOUDTRAIL_PARTITIONS_TODAY: '2016-03-20' })
    expect(formatIsoDate(today.asOf)).toBe('2016-03-20')
    expect(today.asOfGiven).toBe(false)
    expect(() =>
      readSyncSettings((name) => base[name] ?? '', { CLOUDTRAIL_PARTITIONS_TODAY: '2016-3-20' })
    ).toThrow(
      "The environment variable CLOUDTRAIL_PARTITIONS_TODAY: '2016-3-20' is not a UTC date of the form YYYY-MM-DD; unset it to use the clock."
    )
  })

  it('reads max-table-partitions (default 10,000,000, Glue quota per table)', () => {
    expect(settings({}).maxTablePartitions).toBe(10_000_000)
    expect(settings({ 'max-table-partitions': '25000000' }).maxTablePartitions).toBe(25_000_000)
    expect(errorOf({ 'max-table-partitions': '0' }).message).toBe(
      "Input 'max-table-partitions': '0' must be a whole number from 1 to 1000000000."
    )
  })

  it('reads max-remove-days (default 7) and plan-file', () => {
    expect(settings({})).toMatchObject({ maxRemoveDays: 7, planFile: '' })
    expect(settings({ 'max-remove-days': '400', 'plan-file': ' plans/today.json ' })).toMatchObject({
      maxRemoveDays: 400,
      planFile: 'plans/today.json'
    })
    expect(errorOf({ 'max-remove-days': '-1' }).message).toBe(
      "Input 'max-remove-days': '-1' must be a whole number from 0 to 36500."
    )
  })

  it('names the environment variable when a region from the environment is malformed', () => {
    expect(errorOf({ 'aws-region': '' }, { AWS_REGION: 'eu_west_1' }).message).toBe(
      "The environment variable AWS_REGION: 'eu_west_1' is not an AWS region name (did you mean eu-west-1?)."
    )
  })

  it('falls back to AWS_REGION from an earlier configure-aws-credentials step', () => {
    expect(settings({ 'aws-region': '' }, { AWS_REGION: 'us-east-1' }).awsRegion).toBe('us-east-1')
  })
})

describe('commands and their settings', () => {
  const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? ''

  it('defaults to sync and names the valid commands otherwise', () => {
    expect(readCommand(reader({}))).toBe('sync')
    expect(readCommand(reader({ command: 'check-queries' }))).toBe('check-queries')
    expect(() => readCommand(reader({ command: 'check' }))).toThrow(
      "Input 'command': 'check' is not one of sync, check-queries, publish-queries."
    )
  })

  it('reads the table options of sync', () => {
    const s = settings({ 'create-table': 'true', 'date-key-type': 'int', 'partition-index': 'false' })
    expect(s).toMatchObject({ createTable: true, dateKeyType: 'int', partitionIndex: false })
    expect(settings({})).not.toHaveProperty('partitionIndex')
    expect(errorOf({ 'date-key-type': 'integer' }).message).toContain(
      "Input 'date-key-type': 'integer' must be string or int"
    )
  })

  it('needs no bucket and no AWS for check-queries', () => {
    const check = readCheckSettings(reader({ table: 'cloudtrail', 'partition-columns': 'Year, Month' }), {})
    expect(check).toMatchObject({
      queries: 'queries/**/*.sql',
      table: 'cloudtrail',
      partitionColumns: ['year', 'month']
    })
    expect(check.awsRegion).toBeUndefined()
    expect(readCheckSettings(reader({ table: 'ct' }), {}).partitionColumns).toEqual(['year', 'month', 'day'])
    expect(() => readCheckSettings(reader({}), {})).toThrow(
      "Input 'table' is required for command 'check-queries'."
    )
    expect(() => readCheckSettings(reader({ table: 'ct', workgroup: 'bad name' }), {})).toThrow(
      "Input 'workgroup'"
    )
  })

  it('reads the limits of check-queries, with their defaults, and refuses values out of range', () => {
    expect(readCheckSettings(reader({ table: 'ct' }), {}).limits).toEqual({
      maxFileBytes: 262_144,
      maxStatementsPerFile: 1_000,
      maxFiles: 2_000,
      fileTimeBudgetMs: 5_000,
      maxExplains: 500,
      explainBudgetMs: 300_000,
      explainConcurrency: 4,
      maxQueryPartitions: 100_000
    })
    const raised = reader({
      table: 'ct',
      'max-file-bytes': '2097152',
      'max-statements-per-file': '20000',
      'max-files': '30000',
      'file-time-budget-seconds': '60',
      'max-explains': '2000',
      'explain-time-budget-seconds': '30',
      'explain-concurrency': '8',
      'max-query-partitions': '500000'
    })
    expect(readCheckSettings(raised, {}).limits).toEqual({
      maxFileBytes: 2_097_152,
      maxStatementsPerFile: 20_000,
      maxFiles: 30_000,
      fileTimeBudgetMs: 60_000,
      maxExplains: 2_000,
      explainBudgetMs: 30_000,
      explainConcurrency: 8,
      maxQueryPartitions: 500_000
    })
    for (const [name, value] of [
      ['max-file-bytes', '0'],
      ['max-statements-per-file', '1e3'],
      ['max-files', '-1'],
      ['file-time-budget-seconds', '0.5'],
      ['max-explains', '0'],
      ['explain-time-budget-seconds', '0'],
      ['explain-concurrency', '21'],
      ['max-query-partitions', '0']
    ] as const) {
      expect(() => readCheckSettings(reader({ table: 'ct', [name]: value }), {})).toThrow(
        `Input '${name}': '${value}' must be a whole number from`
      )
    }
  })

  it('takes athena-output-location as s3://bucket/prefix/, ending it with a slash', () => {
    const location = (value: string) =>
      readCheckSettings(reader({ table: 'ct', 'athena-output-location': value }), {}).athenaOutputLocation
    expect(location('s3://query-results/checks')).toBe('s3://query-results/checks/')
    expect(location('s3://query-results/')).toBe('s3://query-results/')
    expect(location('')).toBeUndefined()
    for (const bad of [
      'query-results/checks',
      's3://Bad_Bucket/x/',
      's3://',
      's3://b//x/',
      'https://query-results/'
    ]) {
      expect(() => location(bad)).toThrow(
        `Input 'athena-output-location': '${bad}' is not an S3 location of the form s3://bucket/prefix/`
      )
    }
  })

  it('takes catalog-id for check-queries, and with a workgroup the Athena data catalog registered for it', () => {
    const check = (inputs: Record<string, string>) =>
      readCheckSettings(reader({ table: 'ct', database: 'security', ...inputs }), {})
    expect(check({ 'catalog-id': '444455556666' })).toMatchObject({ catalogId: '444455556666' })
    expect(
      check({ 'catalog-id': '444455556666', workgroup: 'checks', 'athena-catalog': 'security_catalog' })
    ).toMatchObject({
      catalogId: '444455556666',
      athenaCatalog: 'security_catalog'
    })
    expect(() => check({ 'catalog-id': '4444' })).toThrow(
      "Input 'catalog-id': '4444' is not a 12-digit account id."
    )
    // EXPLAIN reaches another account's catalog only through a registered data catalog.
    expect(() => check({ 'catalog-id': '444455556666', workgroup: 'checks' })).toThrow(
      "Input 'athena-catalog' is required with 'catalog-id' and 'workgroup'"
    )
    expect(() => check({ 'athena-catalog': 'security_catalog' })).toThrow(
      "Input 'athena-catalog' is set without 'catalog-id'"
    )
    expect(() =>
      check({ 'catalog-id': '444455556666', workgroup: 'checks', 'athena-catalog': 'has space' })
    ).toThrow("Input 'athena-catalog': 'has space' is not an Athena data catalog name")
  })

  it('needs a database and a region for publish-queries; the workgroup defaults to primary', () => {
    const read = reader({ workgroup: 'primary', database: 'security', 'delete-missing': 'true' })
    expect(readPublishSettings(read, { AWS_REGION: 'eu-west-1' })).toMatchObject({
      workgroup: 'primary',
      database: 'security',
      deleteMissing: true,
      dryRun: false,
      awsRegion: 'eu-west-1'
    })
    expect(readPublishSettings(reader({ database: 'x' }), { AWS_REGION: 'eu-west-1' }).workgroup).toBe(
      'primary'
    )
    expect(() => readPublishSettings(reader({ database: 'x' }), {})).toThrow("Input 'aws-region' is required")
    expect(() => readPublishSettings(reader({ workgroup: 'primary' }), {})).toThrow(
      "Input 'database' is required"
    )
  })
})
