/**
 * `npm run stand-in`: runs the stand-in until interrupted, with a synthetic organization trail in S3
 * (and, with --table, AWS's CloudTrail table in Glue), and prints the endpoint, the trail's location,
 * the environment to export and a command line to try. `--help` lists the flags.
 */
import { cloudTrailTableInput } from './cloudtrail-table.js'
import { logTableInput, type LogSource } from './log-tables.js'
import { buildLogBucket } from './synthetic-logs.js'
import { HELP, parseStandInArgs, REGION_NAMES, shellWord, type StandInCliOptions } from './cli-args.js'
import { startStandIn, type StandIn } from './index.js'
import { buildSyntheticBucket } from './synthetic-bucket.js'

const ORGANIZATION = 'o-exampleorg1'
const LOG_ARCHIVE = '222233334444'
const HOME_REGION = 'eu-central-1'
const DATABASE = 'security'
const TABLE = 'cloudtrail'

interface Seeded {
  bucket: string
  /** Each other source with the number of day folders written. */
  others: { source: LogSource; location: string; dayFolders: number }[]
  prefix: string
  location: string
  from: string
  to: string
  logFiles: number
}

/** The table of another source: its name in lower case, `-` as `_` (`config`, `vpcflowlogs`). */
function tableOf(source: LogSource): string {
  return source.toLowerCase().replace(/-/g, '_')
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

function seed(standIn: StandIn, options: StandInCliOptions): Seeded | undefined {
  if (options.accounts === 0) return undefined
  const bucket = options.controlTower
    ? `aws-controltower-logs-${LOG_ARCHIVE}-${HOME_REGION}`
    : 'org-cloudtrail-logs'
  const prefix = options.controlTower ? ORGANIZATION : ''
  const today = new Date()
  const to = isoDay(today)
  const from = isoDay(new Date(today.getTime() - (options.days - 1) * 86_400_000))
  const result = buildSyntheticBucket(standIn.s3, {
    bucket,
    prefix,
    layout: 'organization',
    organizationId: ORGANIZATION,
    accounts: Array.from({ length: options.accounts }, (_, i) => String(111111110000 + i)),
    regions: REGION_NAMES.slice(0, options.regions),
    from,
    to,
    filesPerDay: 1,
    recordsPerFile: 2,
    homeRegion: HOME_REGION,
    compressedBodies: options.accounts * options.regions * options.days > 10_000 ? 'shared' : 'unique'
  })
  const location = `s3://${bucket}/${result.root}`
  if (options.table) {
    standIn.glue.createTableDirect(DATABASE, cloudTrailTableInput({ name: TABLE, location }))
  }
  const accounts = Array.from({ length: options.accounts }, (_, i) => String(111111110000 + i))
  const regions = REGION_NAMES.slice(0, options.regions)
  const others = options.sources.map((source) => {
    // The organization trail's Insights go beside its CloudTrail/ folders, under the o-ID level.
    const organizationId = source === 'CloudTrail-Insight' ? ORGANIZATION : undefined
    const written = buildLogBucket(standIn.s3, {
      bucket,
      prefix,
      source,
      accounts,
      regions,
      from,
      to,
      ...(organizationId ? { organizationId } : {})
    })
    const root = `s3://${bucket}/${prefix ? `${prefix}/` : ''}AWSLogs/${organizationId ? `${organizationId}/` : ''}`
    if (options.table) {
      standIn.glue.createTableDirect(
        DATABASE,
        logTableInput({ source, name: tableOf(source), location: root })
      )
    }
    return { source, location: root, dayFolders: written.dayFolders.length }
  })
  return { bucket, prefix, others, location, from, to, logFiles: result.logFiles }
}

function report(standIn: StandIn, options: StandInCliOptions, seeded: Seeded | undefined): string[] {
  const env = standIn.env()
  const lines = [`stand-in endpoint: ${standIn.endpoint}`]
  if (seeded) {
    lines.push(
      `organization trail: ${seeded.location}`,
      `  ${options.accounts} account(s) x ${options.regions} region(s) x ${options.days} day(s), ${seeded.from} to ${seeded.to}: ${seeded.logFiles} log files`
    )
    lines.push(
      options.table
        ? `table: ${DATABASE}.${TABLE} (AWS's documented DDL for organization trails, LOCATION ${seeded.location})`
        : `table: none yet (--table creates it; the command line below creates it with --create-table)`
    )
    for (const other of seeded.others) {
      lines.push(
        `${other.source} logs beside it: ${other.location}<account>/${other.source}/... (${other.dayFolders} day folders)` +
          (options.table ? `, table ${DATABASE}.${tableOf(other.source)}` : '')
      )
    }
  }
  lines.push('', 'export these in the shell that runs the command line:')
  for (const name of ['AWS_ENDPOINT_URL', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) {
    lines.push(`  export ${name}=${shellWord(env[name] as string)}`)
  }
  if (seeded) {
    const flags = [
      'sync',
      '--dry-run',
      `--bucket ${shellWord(seeded.bucket)}`,
      ...(seeded.prefix ? [`--prefix ${shellWord(seeded.prefix)}`] : []),
      `--database ${DATABASE}`,
      `--table ${TABLE}`,
      ...(options.table ? [] : ['--create-table']),
      `--as-of ${seeded.to}`
    ]
    lines.push(
      '',
      'then try the command line (built by `npm run package`):',
      `  node dist/cli/index.js ${flags.join(' ')}`
    )
    for (const { source } of seeded.others) {
      const table = tableOf(source)
      const other = flags.map((flag) =>
        flag === `--table ${TABLE}` ? `--source ${source} --table ${table}` : flag
      )
      lines.push(`  node dist/cli/index.js ${other.join(' ')}`)
    }
  }
  lines.push('', `call counters: GET ${standIn.endpoint}/_stand-in/calls; Ctrl-C stops it`)
  return lines
}

const parsed = parseStandInArgs(process.argv.slice(2))
if ('error' in parsed) {
  console.error(`stand-in: ${parsed.error}`)
  process.exit(2)
}
if (parsed.help) {
  console.log(HELP)
  process.exit(0)
}
const { options } = parsed
const standIn = await startStandIn({ port: options.port })
const seeded = seed(standIn, options)
console.log(report(standIn, options, seeded).join('\n'))
const stop = (): void => {
  void standIn.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
