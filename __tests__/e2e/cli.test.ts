/**
 * End to end: the command line as a user gets it. `npm pack` the repository, install the tarball
 * offline into an empty folder (the package has no dependencies to fetch), and run its bin against
 * the stand-in: sync (dry run and real, plain text and the JSON plan, a profile's credentials),
 * check-queries (findings, a clean run, SARIF), publish-queries (dry run and real), help and bad
 * flags. Needs `npm run package` first, like the action's end-to-end tests.
 */
import '@microsoft/jest-sarif'
import { spawn, execFile } from 'node:child_process'
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { closeSync, openSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { parse } from 'yaml'
import { readFileSync } from 'node:fs'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { compileCacheEnv } from '../../stand-in/run-action.js'
import { PINNED_TODAY } from '../helpers/today.js'
import { cloudTrailTable, organizationBucket } from '../helpers/worlds.js'

const run = promisify(execFile)
const ORG = 'o-clitest00001'
const BUCKET = 'org-cloudtrail-logs'
const DB = 'security'
const ACCOUNTS = ['111111111111', '222222222222']
const REGIONS = ['eu-west-1', 'us-east-1']
const COMMANDS = ['sync', 'check-queries', 'publish-queries'] as const
const LOCATION = `s3://${BUCKET}/AWSLogs/${ORG}/`

let standIn: StandIn
let root: string
let bin: string
let tarballFiles: string[]
let workspace: string
let cleanWorkspace: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ctp-cli-'))
  const packDir = join(root, 'pack')
  const installDir = join(root, 'install')
  await mkdir(packDir)
  await mkdir(installDir)
  const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', packDir], {
    cwd: process.cwd()
  })
  const tarball = join(packDir, stdout.trim().split('\n').at(-1)!)
  tarballFiles = (await run('tar', ['tzf', tarball])).stdout.trim().split('\n')
  await writeFile(join(installDir, 'package.json'), '{"name":"empty","version":"1.0.0","private":true}\n')
  // --offline: the tarball must install without the registry (nothing to fetch).
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: installDir })
  bin = join(installDir, 'node_modules', '.bin', 'cloudtrail-partitions')

  standIn = await startStandIn()
  organizationBucket(standIn, {
    bucket: BUCKET,
    organizationId: ORG,
    accounts: ACCOUNTS,
    regions: REGIONS,
    from: '2026-01-20',
    to: '2026-03-10'
  })
  workspace = join(root, 'repo')
  await cp('__fixtures__/queries', join(workspace, 'queries'), { recursive: true })
  cleanWorkspace = join(root, 'clean')
  await cp('queries', join(cleanWorkspace, 'queries'), { recursive: true })
}, 300_000)

afterAll(async () => {
  await standIn?.close()
  await rm(root, { recursive: true, force: true })
})

interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs the installed bin (its shebang included) with the stand-in as AWS and no GitHub variables. */
function cli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; stdoutFd?: number } = {}
): Promise<CliRun> {
  const { ACTIONS_ID_TOKEN_REQUEST_URL: _url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: _token, ...aws } = standIn.env()
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH ?? '',
    HOME: root,
    NODE_NO_WARNINGS: '1',
    ...compileCacheEnv(),
    AWS_CONFIG_FILE: join(root, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(root, 'no-credentials'),
    ...aws,
    ...PINNED_TODAY,
    ...options.env
  }
  // undefined removes a variable (the profile test runs without keys and region in the environment).
  for (const name of Object.keys(env)) if (env[name] === undefined) delete env[name]
  const child = spawn(bin, args, {
    cwd: options.cwd ?? workspace,
    env,
    stdio: ['ignore', options.stdoutFd ?? 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })))
}

let tables = 0
function newTable(): string {
  return cloudTrailTable(standIn, LOCATION, { database: DB, name: `cloudtrail_${++tables}` }).table
}

const syncFlags = (table: string): string[] => [
  '--bucket',
  BUCKET,
  '--database',
  DB,
  '--table',
  table,
  '--regions',
  REGIONS.join(','),
  '--retention-days',
  '30',
  '--future-days',
  '2',
  '--as-of',
  '2026-03-10'
]

const partitionCount = (table: string): number => standIn.glue.partitionValues(DB, table).length

describe('the package', () => {
  it('ships the bundles and action.yml, not the sources or the stand-in', () => {
    const files = tarballFiles.map((file) => file.replace(/^package\//, ''))
    expect(files).toContain('dist/cli/index.js')
    expect(files).toContain('dist/index.js')
    expect(files).toContain('action.yml')
    expect(files.filter((file) => /^(src|stand-in|__tests__|scripts)\//.test(file))).toEqual([])
  })
})

describe('help and usage', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> }

  // How help is laid out at other widths is in unit/cli-args.test.ts, from the source.
  it('lists the commands, within 80 columns', async () => {
    const result = await cli(['--help'])
    expect(result.code).toBe(0)
    for (const command of COMMANDS) expect(result.stdout).toContain(command)
    expect(result.stdout.split('\n').filter((line) => line.length > 80)).toEqual([])
  })

  it.each(COMMANDS)('%s --help names every input of the command, within 80 columns', async (command) => {
    const result = await cli([command, '--help'])
    expect(result.code).toBe(0)
    const { CLI_COMMANDS } = await import('../../src/cli/commands.js')
    for (const input of CLI_COMMANDS[command].inputs) {
      expect(Object.keys(action.inputs)).toContain(input)
      expect(result.stdout).toContain(`--${input}`)
    }
    expect(result.stdout.split('\n').filter((line) => line.length > 80)).toEqual([])
  })

  it('exits 2 on a switch or a flag given twice, naming it, before any AWS call', async () => {
    const table = newTable()
    standIn.server.calls.reset()
    // The bare switch used to win: this ran for real.
    const twice = await cli(['sync', ...syncFlags(table), '--dry-run=true', '--dry-run=false'])
    expect(twice.code).toBe(2)
    expect(twice.stderr).toContain('--dry-run is given 2 times; give it once.')
    const formats = await cli(['sync', ...syncFlags(table), '--format', 'json', '--format', 'text'])
    expect(formats.code).toBe(2)
    expect(formats.stderr).toContain('--format is given 2 times; give it once.')
    expect(standIn.server.calls.get('S3.ListObjectsV2')).toBe(0)
    expect(partitionCount(table)).toBe(0)
  })

  it('exits 1 with one line, no stack trace, when stdout cannot be written', async () => {
    const full = openSync('/dev/full', 'w')
    try {
      const result = await cli(['sync', '--help'], { stdoutFd: full })
      expect(result.code).toBe(1)
      expect(result.stderr).toBe(
        'cloudtrail-partitions: error: the output could not be written to stdout (ENOSPC: no space left on device, write).\n'
      )
    } finally {
      closeSync(full)
    }
  })

  it('exits 2 on an unknown flag, naming it', async () => {
    const result = await cli(['sync', '--retention', '30'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Unknown flag --retention for sync')
    expect(result.stdout).toBe('')
  })

  it('exits 2 on an invalid value, naming the flag, before any AWS call', async () => {
    standIn.server.calls.reset()
    const flags = syncFlags('cloudtrail_x').map((value) => (value === '30' ? 'ninety' : value))
    const result = await cli(['sync', ...flags])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("Flag --retention-days: 'ninety' must be a whole number from 0 to 36500.")
    expect(standIn.server.calls.get('S3.ListObjectsV2')).toBe(0)
  })
})

describe('sync', () => {
  it('--dry-run --json prints the plan and writes nothing', async () => {
    const table = newTable()
    const result = await cli(['sync', ...syncFlags(table), '--dry-run', '--json'])
    expect(result.code).toBe(0)
    const plan = JSON.parse(result.stdout) as {
      dryRun: boolean
      totals: { added: number }
      series: unknown[]
    }
    // 2 accounts x 2 regions x (30 days back + as-of + 2 ahead).
    expect(plan).toMatchObject({ dryRun: true, totals: { added: 4 * 33, removed: 0 } })
    expect(plan.series).toHaveLength(4)
    expect(partitionCount(table)).toBe(0)
  })

  it('prints the report as plain text, without Markdown tables', async () => {
    const table = newTable()
    const result = await cli(['sync', ...syncFlags(table), '--dry-run'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('CloudTrail partitions: dry run, nothing written')
    // The grouped report: one pattern for the 4 series, and every series under it (not a terminal).
    expect(result.stdout).toMatch(/^- 4 series · \+2026-02-08\.\.2026-03-12$/m)
    expect(result.stdout).toMatch(
      /111111111111: eu-west-1, us-east-1 ·\s+222222222222: eu-west-1,\s+us-east-1/
    )
    // A pipe gets 80 columns, as the terminal it is read in later.
    expect(result.stdout.split('\n').filter((line) => line.length > 80)).toEqual([])
    expect(result.stdout).toMatch(/^Accounts +2 in scope of 2 found$/m)
    expect(result.stdout).toMatch(
      /^First sync of this table: all 4 series would get their first partitions\.$/m
    )
    expect(result.stdout).toMatch(/^Glue\.GetTable +1 +0 +0 +0$/m)
    expect(result.stdout).not.toMatch(/\||\*\*|^#/m)
  })

  it('applies the plan with progress on stderr, and the Markdown report is the job summary', async () => {
    const table = newTable()
    const result = await cli(['sync', ...syncFlags(table), '--format', 'markdown'])
    expect(result.code).toBe(0)
    expect(partitionCount(table)).toBe(4 * 33)
    expect(result.stdout).toContain('## CloudTrail partitions: sync')
    expect(result.stdout).toContain('| Accounts | 2 in scope of 2 found |')
    expect(result.stdout).toContain('- 4 series · +2026-02-08..2026-03-12')
    expect(result.stdout).toContain('<details><summary>Every changed series by pattern')
    expect(result.stdout).toContain('| Glue.BatchCreatePartition | 2 | 0 | 0 | 0 |')
    // Not a terminal: a plain line per tenth, the last one done.
    expect(result.stderr).toMatch(/^applying 132\/132 \(100%\), done$/m)

    const again = await cli(['sync', ...syncFlags(table), '--json'])
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout)).toMatchObject({ dryRun: false, totals: { added: 0, unchanged: 4 * 33 } })
  })

  it('exits 1 when changes fail, with the report of what was applied', async () => {
    const table = newTable()
    // Glue's partitions-per-table quota, lowered: BatchCreatePartition fails as AWS fails it.
    standIn.glue.partitionQuotaPerTable = 50
    try {
      const result = await cli(['sync', ...syncFlags(table), '--json'])
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(
        /^error: \d+ partition change\(s\) failed \(stopped after: ResourceNumberLimitExceededException/m
      )
      const plan = JSON.parse(result.stdout) as { applied: { created: number; failed: number } }
      expect(plan.applied.failed).toBeGreaterThan(0)
      expect(plan.applied.created).toBe(partitionCount(table))
    } finally {
      standIn.glue.partitionQuotaPerTable = 10_000_000
    }
  })

  it('takes credentials and region from a named profile', async () => {
    const credentials = join(root, 'credentials')
    const config = join(root, 'config')
    await writeFile(
      credentials,
      '[audit]\naws_access_key_id = AKIASTANDINPROFILE01\naws_secret_access_key = profile-secret\n'
    )
    await writeFile(config, '[profile audit]\nregion = eu-west-1\n')
    const table = newTable()
    const files = { AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_CONFIG_FILE: config }
    // No keys and no region in the environment: only the profile has them.
    const bare = {
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_REGION: undefined,
      ...files
    }
    const result = await cli(['sync', ...syncFlags(table), '--dry-run', '--json', '--profile', 'audit'], {
      env: bare
    })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ totals: { added: 4 * 33 } })

    // No credentials anywhere: the user's to fix, before any AWS call.
    standIn.server.calls.reset()
    const noProfile = await cli(['sync', ...syncFlags(table), '--dry-run', '--region', 'eu-west-1'], {
      env: bare
    })
    expect(noProfile.code).toBe(2)
    expect(noProfile.stderr).toMatch(
      /^cloudtrail-partitions: No AWS credentials found \(.*\)\. Give --profile NAME \(or set AWS_PROFILE\)/
    )
    expect(noProfile.stdout).toBe('')
    expect(standIn.server.calls.get('S3.ListObjectsV2')).toBe(0)
  })

  it('exits 2 naming --profile or AWS_PROFILE when the profile is not there or its credentials cannot be read', async () => {
    const credentials = join(root, 'credentials-2')
    const config = join(root, 'config-2')
    await writeFile(
      credentials,
      '[audit]\naws_access_key_id = AKIASTANDINPROFILE01\naws_secret_access_key = s\n'
    )
    // A credential_process that fails, as an expired SSO login or a broken helper does.
    await writeFile(config, '[profile broken]\nregion = eu-west-1\ncredential_process = /bin/false\n')
    const env = {
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_SHARED_CREDENTIALS_FILE: credentials,
      AWS_CONFIG_FILE: config
    }
    const table = newTable()
    standIn.server.calls.reset()

    const missing = await cli(['sync', ...syncFlags(table), '--dry-run', '--profile', 'no-such'], { env })
    expect(missing.code).toBe(2)
    expect(missing.stderr.split('\n')[0]).toBe(
      `cloudtrail-partitions: --profile no-such: no such profile in ${config} or ${credentials} ` +
        '(profiles there: audit, broken). Name a profile of those files, or create it with aws configure ' +
        '--profile NAME (or aws configure sso).'
    )
    const fromEnvironment = await cli(['sync', ...syncFlags(table), '--dry-run'], {
      env: { ...env, AWS_PROFILE: 'no-such' }
    })
    expect(fromEnvironment.code).toBe(2)
    expect(fromEnvironment.stderr).toMatch(/^cloudtrail-partitions: AWS_PROFILE=no-such: no such profile in /)

    const broken = await cli(['sync', ...syncFlags(table), '--dry-run', '--profile', 'broken'], { env })
    expect(broken.code).toBe(2)
    expect(broken.stderr).toMatch(
      /^cloudtrail-partitions: --profile broken: the profile's credentials could not be read \(.+\)\. Check the profile/
    )
    for (const result of [missing, fromEnvironment, broken]) {
      expect(result.stdout).toBe('')
      expect(result.stderr).not.toMatch(/CredentialsProviderError|\n\s+at /)
    }
    expect(standIn.server.calls.get('S3.ListObjectsV2')).toBe(0)
  })

  it('exits 1 with one line when stdout cannot take the report of an applied sync, whose changes stand', async () => {
    const table = newTable()
    const full = openSync('/dev/full', 'w')
    try {
      const result = await cli(['sync', ...syncFlags(table)], { stdoutFd: full })
      expect(result.code).toBe(1)
      expect(partitionCount(table)).toBe(4 * 33)
      const lines = result.stderr.trim().split('\n')
      expect(lines.at(-1)).toBe(
        'cloudtrail-partitions: error: the output could not be written to stdout (ENOSPC: no space left on ' +
          `device, write); the sync's changes were applied and stand (added 132, removed 0 partitions in ` +
          `${DB}.${table}).`
      )
      expect(result.stderr).not.toMatch(/\n\s+at |ENOSPC: no space left on device, write\n/)
    } finally {
      closeSync(full)
    }
  })

  it('names the prefix a Control Tower bucket shows when the prefix is missing', async () => {
    const bucket = 'aws-controltower-logs-999988887777-eu-west-1'
    organizationBucket(standIn, {
      bucket,
      prefix: 'o-ctorg00001',
      organizationId: 'o-ctorg00001',
      accounts: ACCOUNTS,
      regions: REGIONS,
      from: '2026-03-01',
      to: '2026-03-02'
    })
    const flags = syncFlags('cloudtrail_ct').map((value) => (value === BUCKET ? bucket : value))
    const result = await cli(['sync', ...flags, '--dry-run'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(
      `but the bucket has logs under s3://${bucket}/o-ctorg00001/AWSLogs/: set --prefix o-ctorg00001.`
    )
    const fixed = await cli(['sync', ...flags, '--dry-run', '--prefix', 'o-ctorg00001', '--create-table'])
    expect(fixed.stderr).toBe('')
    expect(fixed.code).toBe(0)
  })

  it('exits 2 when the table does not fit, naming the fix', async () => {
    const result = await cli(['sync', ...syncFlags('missing_table'), '--dry-run'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/missing_table/)
  })
})

describe('check-queries', () => {
  it('prints file:line:col  rule  message for each finding and exits 1', async () => {
    const result = await cli(['check-queries', 'queries/**/*.sql', '--table', 'cloudtrail'])
    expect(result.code).toBe(1)
    const lines = result.stdout.trim().split('\n')
    expect(lines.length).toBeGreaterThan(9)
    for (const line of lines) expect(line).toMatch(/^queries\/[\w.-]+\.sql:\d+:\d+ {2}[a-z-]+ {2}\S/)
    expect(lines).toContain("queries/broken.sql:10:1  syntax  'SELEC' is not valid at this position")
    expect(result.stderr).toMatch(/^9 file\(s\) checked: \d+ error\(s\), 0 warning\(s\)$/m)
  })

  it('takes the files pre-commit passes, and exits 0 when they are clean', async () => {
    const files = (await readdir(join(cleanWorkspace, 'queries'))).map((file) => `queries/${file}`)
    const result = await cli(['check-queries', '--table', 'cloudtrail', ...files], { cwd: cleanWorkspace })
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(`${files.length} file(s) checked: 0 error(s), 0 warning(s)`)
    expect(result.code).toBe(0)
  })

  it("reads the table's key type from Glue only when asked for AWS (--region)", async () => {
    cloudTrailTable(standIn, LOCATION, { database: DB, name: 'cloudtrail_int', dateKeyType: 'int' })
    const dir = join(root, 'int-repo')
    await mkdir(join(dir, 'queries'), { recursive: true })
    await writeFile(
      join(dir, 'queries', 'q.sql'),
      "SELECT eventname FROM cloudtrail_int WHERE year = 2026 AND month = '03' AND day = 1\n"
    )
    const flags = ['check-queries', '--table', 'cloudtrail_int', '--database', DB]
    standIn.server.calls.reset()
    const offline = await cli(flags, { cwd: dir })
    expect(offline.stdout).toContain('(year is a string partition key)')
    expect(standIn.server.calls.get('Glue.GetTable')).toBe(0)

    const withAws = await cli([...flags, '--region', 'eu-central-1'], { cwd: dir })
    expect(standIn.server.calls.get('Glue.GetTable')).toBe(1)
    expect(withAws.stdout).not.toContain('string partition key')
    expect(withAws.stdout).toContain("'03' is a string (month is an int partition key)")
  })

  it('writes a valid SARIF 2.1.0 log with one result per finding', async () => {
    const text = await cli(['check-queries', '--table', 'cloudtrail'])
    const result = await cli(['check-queries', '--table', 'cloudtrail', '--format', 'sarif'])
    expect(result.code).toBe(1)
    const log = JSON.parse(result.stdout) as {
      runs: {
        results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[]
      }[]
    }
    ;(expect(log) as unknown as { toBeValidSarifLog(): void }).toBeValidSarifLog()
    const results = log.runs[0]!.results
    expect(results).toHaveLength(text.stdout.trim().split('\n').length)
    expect(
      results.some((r) => r.ruleId === 'syntax' && r.locations[0]!.physicalLocation.region.startLine === 10)
    ).toBe(true)
  })
})

describe('publish-queries', () => {
  const publish = (...flags: string[]): Promise<CliRun> =>
    cli(['publish-queries', '--workgroup', 'primary', '--database', DB, ...flags], {
      cwd: cleanWorkspace,
      env: { GITHUB_REPOSITORY: 'octo-org/ops' }
    })

  it('--dry-run reports what it would create and writes nothing', async () => {
    const files = await readdir(join(cleanWorkspace, 'queries'))
    const result = await publish('--dry-run')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Athena named queries in primary (dry run: nothing written)')
    expect(result.stdout).toMatch(new RegExp(`^to create +${files.length}$`, 'm'))
    expect(standIn.athena.namedQueries('primary')).toHaveLength(0)
  })

  it('creates the named queries, then finds nothing to do', async () => {
    const files = await readdir(join(cleanWorkspace, 'queries'))
    const result = await publish('--json')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ owner: 'octo-org/ops', dryRun: false })
    expect(standIn.athena.namedQueries('primary')).toHaveLength(files.length)
    const again = await publish()
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(new RegExp(`^unchanged +${files.length}$`, 'm'))
  })
})
