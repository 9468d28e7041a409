import { readFileSync } from 'node:fs'
import { formattedInputsModule, GENERATED_PATH } from '../../scripts/cli-inputs.js'
import { inputReader, parseCommandLine, UsageError, type ParsedCommandLine } from '../../src/cli/args.js'
import { CLI_COMMANDS, GITHUB_ONLY_INPUTS } from '../../src/cli/commands.js'
import { commandHelp, generalHelp } from '../../src/cli/help.js'
import { ACTION_INPUTS, type InputName } from '../../src/cli/inputs.generated.js'
import { asFlagMessage, flagMessage } from '../../src/cli/wording.js'
import { ConfigurationError, input, setting, subject, userError } from '../../src/vocabulary/errors.js'
import { terminalLogger } from '../../src/cli/logger.js'
import { repositoryOfRemote } from '../../src/cli/repository.js'
import { Commands, type Command } from '../../src/vocabulary/constants.js'
import {
  readCheckSettings,
  readPublishSettings,
  readSyncSettings,
  type InputReader
} from '../../src/inputs.js'

const actionYml = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')

function command(argv: string[]): Extract<ParsedCommandLine, { kind: 'command' }> {
  const parsed = parseCommandLine(argv)
  if (parsed.kind !== 'command') throw new Error(`not a command: ${parsed.kind}`)
  return parsed
}

function usageError(argv: string[]): string {
  try {
    parseCommandLine(argv)
  } catch (error) {
    if (error instanceof UsageError) return error.message
    throw error
  }
  throw new Error(`no usage error for ${argv.join(' ')}`)
}

describe('the generated inputs module', () => {
  it('is what action.yml generates (run npm run docs when this fails)', async () => {
    expect(readFileSync(GENERATED_PATH, 'utf8')).toBe(await formattedInputsModule(actionYml))
  })

  it('changes when action.yml changes', async () => {
    const changed = actionYml.replace("default: '90'", "default: '30'")
    expect(changed).not.toBe(actionYml)
    expect(await formattedInputsModule(changed)).not.toBe(await formattedInputsModule(actionYml))
  })
})

/** The input names a settings reader asks for, given valid values for the required ones. */
function namesRead(readSettings: (read: InputReader) => unknown): Set<string> {
  const names = new Set<string>()
  const samples: Record<string, string> = {
    bucket: 'org-cloudtrail-logs',
    database: 'security',
    table: 'cloudtrail',
    'aws-region': 'eu-west-1'
  }
  readSettings((name) => {
    names.add(name)
    return samples[name] ?? ''
  })
  return names
}

describe('the commands offer the inputs their settings readers read', () => {
  const readers: Record<Command, (read: InputReader) => unknown> = {
    sync: (read) => readSyncSettings(read, {}),
    'check-queries': (read) => readCheckSettings(read, {}),
    'publish-queries': (read) => readPublishSettings(read, {})
  }
  it.each(Commands)('%s', (name) => {
    const read = namesRead(readers[name])
    const offered = new Set<string>(CLI_COMMANDS[name].inputs)
    const githubOnly = new Set<string>(GITHUB_ONLY_INPUTS)
    expect([...read].filter((input) => !offered.has(input) && !githubOnly.has(input))).toEqual([])
    expect([...offered].filter((input) => !read.has(input))).toEqual([])
  })

  it('leaves no input of action.yml unaccounted for', () => {
    const used = new Set<string>([...GITHUB_ONLY_INPUTS, ...Commands.flatMap((c) => CLI_COMMANDS[c].inputs)])
    expect(Object.keys(ACTION_INPUTS).filter((name) => !used.has(name))).toEqual([])
  })
})

describe('parseCommandLine', () => {
  it('maps flags to the inputs of the same name, switches to true', () => {
    const parsed = command([
      'sync',
      '--bucket',
      'org-cloudtrail-logs',
      '--retention-days=30',
      '--dry-run',
      '--profile',
      'audit'
    ])
    expect(parsed.command).toBe('sync')
    expect(Object.fromEntries(parsed.inputs)).toEqual({
      bucket: 'org-cloudtrail-logs',
      'retention-days': '30',
      'dry-run': 'true'
    })
    expect(parsed.options).toEqual({ profile: 'audit', format: 'text', verbose: false, help: false })
  })

  it('takes an explicit switch value, which the settings reader then validates', () => {
    expect(command(['sync', '--dry-run=false']).inputs.get('dry-run')).toBe('false')
    expect(command(['sync', '--create-table=yes']).inputs.get('create-table')).toBe('yes')
    expect(() =>
      readSyncSettings(
        inputReader(
          command([
            'sync',
            '--bucket=b-bucket',
            '--database=d',
            '--table=t',
            '--region=eu-west-1',
            '--create-table=yes'
          ]).inputs
        ),
        {}
      )
    ).toThrow("Input 'create-table': 'yes' must be true or false.")
  })

  it('joins repeated list flags, refuses repeated single values', () => {
    expect(command(['sync', '--regions', 'eu-west-1', '--regions', 'us-east-1']).inputs.get('regions')).toBe(
      'eu-west-1\nus-east-1'
    )
    expect(usageError(['sync', '--bucket', 'a', '--bucket', 'b'])).toBe(
      '--bucket is given 2 times; give it once.'
    )
  })

  it('refuses a switch or an option of its own given twice, whatever the forms and the order', () => {
    // The bare switch used to win over `=false`, and the last of two values over the first.
    expect(usageError(['sync', '--dry-run=true', '--dry-run=false'])).toBe(
      '--dry-run is given 2 times; give it once.'
    )
    expect(usageError(['sync', '--dry-run=false', '--dry-run'])).toBe(
      '--dry-run is given 2 times; give it once.'
    )
    expect(usageError(['sync', '--dry-run', '--dry-run'])).toBe('--dry-run is given 2 times; give it once.')
    expect(usageError(['sync', '--format', 'json', '--format', 'text'])).toBe(
      '--format is given 2 times; give it once.'
    )
    expect(usageError(['sync', '--profile', 'a', '--profile=b'])).toBe(
      '--profile is given 2 times; give it once.'
    )
    expect(usageError(['check-queries', '--json', '--json'])).toBe('--json is given 2 times; give it once.')
    expect(usageError(['sync', '-v', '--verbose'])).toBe('--verbose is given 2 times; give it once.')
    expect(command(['sync', '--dry-run=false']).inputs.get('dry-run')).toBe('false')
    expect(command(['sync', '-h', '--help']).options.help).toBe(true)
  })

  it('reads positional globs of the query commands as the queries input', () => {
    const parsed = command(['check-queries', 'queries/**/*.sql', 'more/a.sql', '--table', 'cloudtrail'])
    expect(parsed.inputs.get('queries')).toBe('queries/**/*.sql\nmore/a.sql')
    expect(usageError(['sync', 'extra'])).toMatch(/^'extra': sync takes no positional arguments/)
  })

  it('takes --region as --aws-region, but not both', () => {
    expect(command(['publish-queries', '--region', 'eu-west-1']).inputs.get('aws-region')).toBe('eu-west-1')
    expect(usageError(['sync', '--region', 'a', '--aws-region', 'b'])).toMatch(/not both/)
  })

  it('names the flag of a mistake, and where a misplaced input belongs', () => {
    expect(usageError(['sync', '--bogus'])).toBe('Unknown flag --bogus for sync.')
    expect(usageError(['sync', '--workgroup', 'primary'])).toBe(
      'Unknown flag --workgroup for sync (it belongs to check-queries, publish-queries).'
    )
    expect(usageError(['sync', '--role-to-assume', 'x'])).toBe(
      'Unknown flag --role-to-assume for sync (that input only applies inside GitHub Actions).'
    )
    expect(usageError(['sync', '--bucket'])).toBe('Flag --bucket needs a value: --bucket VALUE.')
    expect(usageError(['sync', '--json=1'])).toBe('Flag --json takes no value.')
    expect(usageError(['frobnicate'])).toMatch(/^'frobnicate' is not a command/)
  })

  it('chooses the output format per command', () => {
    expect(command(['sync', '--json']).options.format).toBe('json')
    expect(command(['check-queries', '--format', 'sarif']).options.format).toBe('sarif')
    expect(usageError(['sync', '--format', 'sarif'])).toBe(
      "--format 'sarif' is not one of text, markdown, json."
    )
    expect(usageError(['sync', '--json', '--format', 'markdown'])).toMatch(/contradict/)
  })

  it('recognises help and version', () => {
    expect(parseCommandLine([])).toEqual({ kind: 'help' })
    expect(parseCommandLine(['--version'])).toEqual({ kind: 'version' })
    expect(command(['sync', '-h']).options.help).toBe(true)
    expect(command(['help', 'check-queries'])).toMatchObject({
      command: 'check-queries',
      options: { help: true }
    })
    expect(parseCommandLine(['help'])).toEqual({ kind: 'help' })
  })
})

describe('inputReader', () => {
  it("gives a flag's value, else action.yml's default, and never the workflow's token expression", () => {
    const read = inputReader(new Map<InputName, string>([['bucket', 'b']]))
    expect(read('bucket')).toBe('b')
    expect(read('retention-days')).toBe('90')
    expect(read('queries')).toBe('queries/**/*.sql')
    expect(read('github-token')).toBe('')
    expect(read('not-an-input')).toBe('')
  })
})

describe('--help', () => {
  it.each([80, 60])('fits %i columns, examples broken as a shell reads them', (width) => {
    for (const help of [generalHelp(width), ...Commands.map((name) => commandHelp(name, width))]) {
      const wide = help.split('\n').filter((line) => line.length > width)
      expect(wide).toEqual([])
    }
    const sync = commandHelp('sync', width)
    expect(sync).toMatch(/^ {2}cloudtrail-partitions sync --bucket org-cloudtrail-logs( .*)? \\$/m)
    // Joined again, each example is the one command it was.
    const examples = sync.slice(sync.indexOf('Examples:')).replace(/ \\\n +/g, ' ')
    expect(examples).toContain(
      '  cloudtrail-partitions sync --bucket org-cloudtrail-logs --database security --table cloudtrail ' +
        '--regions eu-central-1,eu-west-1 --retention-days 90 --dry-run --profile audit\n'
    )
  })

  it.each(Commands)('%s names every input it takes, with its description from action.yml', (name) => {
    // Descriptions are wrapped: compare with single spaces.
    const help = commandHelp(name, 100).replace(/\s+/g, ' ')
    for (const input of CLI_COMMANDS[name].inputs) {
      expect(help).toContain(`--${input}`)
      expect(help).toContain(ACTION_INPUTS[input].description.replace(/\s+/g, ' '))
    }
  })
})

describe('messages', () => {
  it('speak of flags instead of inputs, leaving quoted values alone', () => {
    expect(
      asFlagMessage(
        "Input 'bucket' takes the bucket name only; put any folder before AWSLogs/ in 'prefix'. Input 'table': 'prefix' is odd."
      )
    ).toBe(
      "Flag --bucket takes the bucket name only; put any folder before AWSLogs/ in --prefix. Flag --table: 'prefix' is odd."
    )
    expect(
      asFlagMessage(
        "Inputs 'database' and 'table': security.nope was not found in Glue. Check the names and 'aws-region', or set 'create-table: true' to create it. Look with 'dry-run: true' first."
      )
    ).toBe(
      'Flags --database and --table: security.nope was not found in Glue. Check the names and --aws-region, or set --create-table to create it. Look with --dry-run first.'
    )
  })

  it('name the inputs a user error carries as flags, and as inputs in the action', () => {
    const error = userError`${subject('database', 'table')}: 'prefix' was not found. Check ${input('aws-region')}, set ${setting('create-table', 'true')}, ${setting('dry-run', 'false')} or ${setting('retention-days', '30')}; ${input('role-to-assume')} is GitHub's.`
    expect(error.inputs).toEqual([
      'database',
      'table',
      'aws-region',
      'create-table',
      'dry-run',
      'retention-days',
      'role-to-assume'
    ])
    expect(error.message).toBe(
      "Inputs 'database' and 'table': 'prefix' was not found. Check 'aws-region', set 'create-table: true', 'dry-run: false' or 'retention-days: 30'; 'role-to-assume' is GitHub's."
    )
    // The quoted value 'prefix' is the user's, not an input: nothing rewrites it.
    expect(flagMessage(error)).toBe(
      "Flags --database and --table: 'prefix' was not found. Check --aws-region, set --create-table, --dry-run=false or --retention-days 30; 'role-to-assume' is GitHub's."
    )
    // A message still in the action's words is reworded as before.
    expect(flagMessage(new ConfigurationError("Input 'bucket': 'b' is bad."))).toBe(
      "Flag --bucket: 'b' is bad."
    )
  })

  it('name flags in the warnings of the core on stderr, escaped', () => {
    const lines: string[] = []
    const logger = terminalLogger({ write: (text: string) => lines.push(text) }, false, asFlagMessage)
    logger.warning("Input 'max-remove-days': 8 days. Look with 'dry-run: true' first.\n::x\u001b[2J")
    expect(lines).toEqual([
      'warning: Flag --max-remove-days: 8 days. Look with --dry-run first.\n',
      'warning: \\::x\\u001b[2J\n'
    ])
  })

  it('find the repository of a remote URL for the ownership marker', () => {
    expect(repositoryOfRemote('git@github.com:octo-org/ops.git\n')).toBe('octo-org/ops')
    expect(repositoryOfRemote('https://github.com/octo-org/ops')).toBe('octo-org/ops')
    expect(repositoryOfRemote('ssh://git@github.example.com/octo-org/ops.git')).toBe('octo-org/ops')
    expect(repositoryOfRemote('')).toBeUndefined()
  })
})
