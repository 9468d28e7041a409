/**
 * `npm run stand-in`: runs the stand-in until interrupted, with a synthetic organization trail in S3
 * (and, with --table, AWS's CloudTrail table in Glue), and prints the endpoint, the trail's location,
 * the environment to export and a command line to try. `--help` lists the flags.
 */
import { cloudTrailTableInput } from './cloudtrail-table.js'
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
  prefix: string
  location: string
  from: string
  to: string
  logFiles: number
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
  return { bucket, prefix, location, from, to, logFiles: result.logFiles }
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
