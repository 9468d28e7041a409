/**
 * The flags of `npm run stand-in` and what it prints: a synthetic organization to try the command
 * line against, without writing a script.
 */
import { parseArgs } from 'node:util'
import { LOG_SOURCES, type LogSource } from './log-tables.js'

export const REGION_NAMES = [
  'us-east-1',
  'eu-central-1',
  'eu-west-1',
  'us-west-2',
  'ap-southeast-2',
  'us-east-2',
  'us-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-north-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-south-1',
  'ap-southeast-1',
  'ca-central-1',
  'sa-east-1',
  'ap-northeast-3'
] as const

/** Above this many log files the in-memory bucket outgrows a laptop; the benchmark seeds its own. */
export const MAX_LOG_FILES = 2_000_000

export interface StandInCliOptions {
  accounts: number
  regions: number
  days: number
  controlTower: boolean
  table: boolean
  /** Other logs written beside the trail, in the same accounts and Regions (Config, vpcflowlogs...). */
  sources: LogSource[]
  port: number
}

export type ParsedCli = { help: true } | { help: false; options: StandInCliOptions } | { error: string }

export const HELP = `Usage: npm run stand-in -- [flags]

Starts the local AWS stand-in (S3, Glue, Athena, STS on one loopback port) with a synthetic
organization trail in S3, and prints the environment to export and a command line to try.

Flags:
  --accounts N       accounts in the organization (default 3; 0 for an empty stand-in)
  --regions N        regions each account logs in, 1 to ${REGION_NAMES.length} (default 2)
  --days N           days of logs, ending today (UTC), 1 to 3660 (default 7)
  --control-tower    lay the bucket out as AWS Control Tower does:
                     aws-controltower-logs-<log-archive>-<region>/<o-id>/AWSLogs/<o-id>/...
  --table            also create the Glue table security.cloudtrail (AWS's documented DDL), and one
                     table per --source (security.config, security.vpcflowlogs...)
  --source NAMES     other logs beside the trail, comma-separated: ${LOG_SOURCES.filter((name) => name !== 'CloudTrail').join(', ')}
  --port N           the port to listen on (default: a free one)
  -h, --help         show this help

It runs until Ctrl-C. Call counters: GET <endpoint>/_stand-in/calls.`

function count(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new Error(`--${name} takes a whole number from ${min} to ${max}, not ${JSON.stringify(text)}`)
  }
  return Number(text)
}

function sourcesOf(text: string | undefined): LogSource[] {
  if (text === undefined) return []
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  const others = LOG_SOURCES.filter((name) => name !== 'CloudTrail')
  for (const name of names) {
    if (!(others as readonly string[]).includes(name)) {
      throw new Error(`--source takes ${others.join(', ')} (comma-separated), not ${JSON.stringify(name)}`)
    }
  }
  return [...new Set(names)] as LogSource[]
}

export function parseStandInArgs(argv: readonly string[]): ParsedCli {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        accounts: { type: 'string' },
        regions: { type: 'string' },
        days: { type: 'string' },
        'control-tower': { type: 'boolean' },
        table: { type: 'boolean' },
        source: { type: 'string' },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h' }
      }
    })
    if (values.help) return { help: true }
    if (positionals.length > 0) throw new Error(`unexpected argument ${JSON.stringify(positionals[0])}`)
    const options: StandInCliOptions = {
      accounts: count('accounts', values.accounts, 3, 0, 100_000),
      regions: count('regions', values.regions, 2, 1, REGION_NAMES.length),
      days: count('days', values.days, 7, 1, 3660),
      controlTower: values['control-tower'] === true,
      table: values.table === true,
      sources: sourcesOf(values.source),
      port: count('port', values.port, 0, 0, 65535)
    }
    const files = options.accounts * options.regions * options.days
    if (files > MAX_LOG_FILES) {
      throw new Error(
        `--accounts ${options.accounts} x --regions ${options.regions} x --days ${options.days} is ${files} log files; ` +
          `at most ${MAX_LOG_FILES} fit comfortably in memory: lower one of them`
      )
    }
    return { help: false, options }
  } catch (error) {
    const code = (error as { code?: string }).code
    const message = (error as Error).message
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = /'([^']+)'/.exec(message)?.[1] ?? message
      return { error: `unknown flag ${flag} (npm run stand-in -- --help lists the flags)` }
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return { error: message.split('\n')[0] as string }
    return { error: message }
  }
}

/** A shell word, quoted only when it needs to be. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`
}
