/**
 * `npm run stand-in` as a new user meets it: flags checked with a clear message and exit 2, `--help`,
 * and a started stand-in whose printed lines, pasted as they are, run the command line's dry run.
 */
import { execFile, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { MAX_LOG_FILES, parseStandInArgs } from '../../stand-in/cli-args.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const run = promisify(execFile)

describe('stand-in flags', () => {
  it('has defaults that seed a small organization', () => {
    expect(parseStandInArgs([])).toEqual({
      help: false,
      options: { accounts: 3, regions: 2, days: 7, controlTower: false, table: false, sources: [], port: 0 }
    })
    expect(
      parseStandInArgs([
        '--accounts',
        '5',
        '--regions',
        '3',
        '--days',
        '30',
        '--control-tower',
        '--table',
        '--source',
        'Config,vpcflowlogs'
      ])
    ).toEqual({
      help: false,
      options: {
        accounts: 5,
        regions: 3,
        days: 30,
        controlTower: true,
        table: true,
        sources: ['Config', 'vpcflowlogs'],
        port: 0
      }
    })
    expect(parseStandInArgs(['--help'])).toEqual({ help: true })
    expect(parseStandInArgs(['-h'])).toEqual({ help: true })
  })

  it.each([
    [['--nope'], 'unknown flag --nope (npm run stand-in -- --help lists the flags)'],
    [['--days', 'x'], '--days takes a whole number from 1 to 3660, not "x"'],
    [['--regions', '18'], '--regions takes a whole number from 1 to 17, not "18"'],
    [['--port', '-1'], "'--port'"],
    [['--port', '70000'], '--port takes a whole number from 0 to 65535'],
    [['extra'], 'unexpected argument "extra"'],
    [['--source', 'CloudTrail'], '--source takes CloudTrail-Insight, Config'],
    [['--accounts', '100000', '--regions', '17', '--days', '10'], `at most ${MAX_LOG_FILES}`]
  ])('refuses %j, naming the flag', (argv, message) => {
    const parsed = parseStandInArgs(argv)
    expect(parsed).toHaveProperty('error')
    expect((parsed as { error: string }).error).toContain(message)
  })
})

describe('npm run stand-in', () => {
  it('exits 2 with one line for a bad flag, and lists the flags for --help', async () => {
    await expect(
      run('node', ['--import', 'tsx', 'stand-in/cli.ts', '--nope'], { cwd: ROOT })
    ).rejects.toMatchObject({
      code: 2,
      stderr: 'stand-in: unknown flag --nope (npm run stand-in -- --help lists the flags)\n'
    })
    const { stdout } = await run('node', ['--import', 'tsx', 'stand-in/cli.ts', '--help'], { cwd: ROOT })
    for (const flag of [
      '--accounts',
      '--regions',
      '--days',
      '--control-tower',
      '--table',
      '--port',
      '--help'
    ]) {
      expect(stdout).toContain(flag)
    }
  })

  it('prints lines that, pasted, run the command line dry run against the seeded organization', async () => {
    const child = spawn(
      'node',
      [
        '--import',
        'tsx',
        'stand-in/cli.ts',
        '--accounts',
        '2',
        '--regions',
        '1',
        '--days',
        '3',
        '--table',
        '--source',
        'Config,CloudTrail-Insight'
      ],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    try {
      let printed = ''
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          printed += chunk.toString()
          if (printed.includes('Ctrl-C stops it')) resolve()
        })
        child.once('exit', (code) => reject(new Error(`the stand-in exited (${code}): ${printed}`)))
      })
      expect(printed).toMatch(/^organization trail: s3:\/\/org-cloudtrail-logs\/AWSLogs\/o-exampleorg1\/$/m)
      expect(printed).toContain('table: security.cloudtrail')
      const env: Record<string, string> = { PATH: process.env.PATH ?? '' }
      for (const [, name, value] of printed.matchAll(/^ {2}export (\w+)=(\S+)$/gm))
        env[name as string] = value as string
      expect(Object.keys(env)).toEqual([
        'PATH',
        'AWS_ENDPOINT_URL',
        'AWS_REGION',
        'AWS_ACCESS_KEY_ID',
        'AWS_SECRET_ACCESS_KEY'
      ])
      const command = /^ {2}node dist\/cli\/index\.js (.+)$/m.exec(printed)?.[1]
      expect(command).toMatch(
        /^sync --dry-run --bucket org-cloudtrail-logs --database security --table cloudtrail --as-of \d{4}-\d{2}-\d{2}$/
      )
      const { stdout } = await run('node', ['dist/cli/index.js', ...(command as string).split(' ')], {
        cwd: ROOT,
        env
      })
      expect(stdout).toContain('dry run, nothing written')
      expect(stdout).toMatch(/Accounts +2 in scope of 2 found/)
      // Config's account folders beside the trail: a table of their own, the same dry run.
      expect(printed).toContain('Config logs beside it: s3://org-cloudtrail-logs/AWSLogs/<account>/Config/')
      const config = [...printed.matchAll(/^ {2}node dist\/cli\/index\.js (.+)$/gm)][1]?.[1]
      expect(config).toContain('--source Config --table config')
      const configRun = await run('node', ['dist/cli/index.js', ...(config as string).split(' ')], {
        cwd: ROOT,
        env
      })
      expect(configRun.stdout).toContain('dry run, nothing written')
      expect(configRun.stdout).toMatch(/Accounts +2 in scope of 2 found/)
      // Insights of the same organization trail: beside its CloudTrail/ folders, under the o-ID level.
      expect(printed).toContain(
        'CloudTrail-Insight logs beside it: s3://org-cloudtrail-logs/AWSLogs/o-exampleorg1/<account>/CloudTrail-Insight/'
      )
      const insights = [...printed.matchAll(/^ {2}node dist\/cli\/index\.js (.+)$/gm)][2]?.[1]
      expect(insights).toContain('--source CloudTrail-Insight --table cloudtrail_insight')
      const insightsRun = await run('node', ['dist/cli/index.js', ...(insights as string).split(' ')], {
        cwd: ROOT,
        env
      })
      expect(insightsRun.stdout).toContain('organization o-exampleorg1')
      expect(insightsRun.stdout).toMatch(/Accounts +2 in scope of 2 found/)
    } finally {
      child.kill('SIGINT')
    }
  })
})
