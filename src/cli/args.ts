/**
 * Parses `cloudtrail-partitions COMMAND [flags] [globs]` with node's util.parseArgs: the flags are
 * the command's action inputs (`--retention-days 30`), plus the command line's own options. The
 * values are not validated here: inputReader() hands them to the action's own settings readers
 * (src/inputs.ts), so both front doors accept and refuse exactly the same values.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { Commands, type Command } from '../vocabulary/constants.js'
import type { InputReader } from '../inputs.js'
import { CLI_COMMANDS, LIST_INPUTS } from './commands.js'
import { literalFilePattern } from './literal-paths.js'
import { ACTION_INPUTS, type InputName } from './inputs.generated.js'

/** A mistake on the command line: exit code 2, with the message and a pointer to --help. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: Command
  ) {
    super(message)
    this.name = 'UsageError'
  }
}

export const FORMATS: Record<Command, readonly string[]> = {
  sync: ['text', 'markdown', 'json'],
  'check-queries': ['text', 'markdown', 'json', 'sarif'],
  'publish-queries': ['text', 'markdown', 'json']
}

export type Format = 'text' | 'markdown' | 'json' | 'sarif'

export interface CliOptions {
  profile?: string
  format: Format
  verbose: boolean
  help: boolean
}

export type ParsedCommandLine =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'command'
      command: Command
      /** Inputs given on the command line, by action input name. */
      inputs: ReadonlyMap<InputName, string>
      options: CliOptions
    }

/** The command line's own options, beside the action's inputs. */
export const OWN_OPTIONS = {
  profile: {
    type: 'string',
    value: 'NAME',
    description: 'AWS profile (shared config and SSO), as AWS_PROFILE.'
  },
  region: { type: 'string', value: 'REGION', description: 'The same as --aws-region.' },
  format: { type: 'string', value: 'FORMAT', description: 'Output on stdout: ' },
  json: { type: 'boolean', description: 'The same as --format json.' },
  verbose: { type: 'boolean', short: 'v', description: 'Log each step on stderr.' },
  help: { type: 'boolean', short: 'h', description: 'Show this help.' }
} as const

/** Boolean inputs (action default 'true' or 'false') are switches: `--dry-run`, or `--dry-run=false`. */
export function isSwitch(name: InputName): boolean {
  const value: string = ACTION_INPUTS[name].default
  return value === 'true' || value === 'false'
}

export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  const [first, ...rest] = argv
  // `help sync`, as git and npm read it: the command's help.
  if (first === 'help' && rest.length > 0 && (Commands as readonly string[]).includes(rest[0] as string)) {
    return parseCommand(rest[0] as Command, ['--help'])
  }
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return { kind: 'help' }
  if (first === '--version' || first === '-V') return { kind: 'version' }
  if (!(Commands as readonly string[]).includes(first)) {
    throw new UsageError(
      first.startsWith('-')
        ? `'${first}' comes after a command: ${Commands.join(', ')}.`
        : `'${first}' is not a command; use ${Commands.join(', ')}.`
    )
  }
  return parseCommand(first as Command, rest)
}

function parseCommand(command: Command, argv: readonly string[]): ParsedCommandLine {
  const spec = CLI_COMMANDS[command]
  const offered = new Set<string>(spec.inputs)
  // `--dry-run=false`: parseArgs refuses a value on a boolean, so explicit switch values are taken first.
  const switchValues: [InputName, string][] = []
  const rest: string[] = []
  for (const arg of argv) {
    const match = /^--([a-z-]+)=(.*)$/s.exec(arg)
    if (match && offered.has(match[1] as string) && isSwitch(match[1] as InputName)) {
      switchValues.push([match[1] as InputName, match[2] as string])
    } else {
      rest.push(arg)
    }
  }

  // Every option may appear several times here, so that a repeat is counted and refused below
  // (parseArgs alone keeps the last value, and a bare switch would win over `--dry-run=false`).
  const options: NonNullable<ParseArgsConfig['options']> = {}
  for (const name of spec.inputs) {
    options[name] = { type: isSwitch(name) ? 'boolean' : 'string', multiple: true }
  }
  for (const [name, option] of Object.entries(OWN_OPTIONS)) {
    options[name] = {
      type: option.type,
      multiple: true,
      ...('short' in option ? { short: option.short } : {})
    }
  }

  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(explainParseError(error as Error & { code?: string }, command), command)
  }
  const given = parsed.values as Record<string, (string | boolean)[] | undefined>
  const times = (name: string): number =>
    (given[name]?.length ?? 0) + switchValues.filter(([switchName]) => switchName === name).length
  for (const name of [...spec.inputs, ...Object.keys(OWN_OPTIONS)]) {
    const count = times(name)
    // -h twice still asks for help; a list input takes each value.
    if (count > 1 && name !== 'help' && !LIST_INPUTS.has(name as InputName)) {
      throw new UsageError(`--${name} is given ${count} times; give it once.`, command)
    }
  }
  const values = Object.fromEntries(
    Object.entries(given).map(([name, list]) => [name, LIST_INPUTS.has(name as InputName) ? list : list?.[0]])
  ) as Record<string, string[] | string | boolean | undefined>

  const inputs = new Map<InputName, string>(switchValues)
  for (const name of spec.inputs) {
    const value = values[name]
    if (value === undefined) continue
    inputs.set(name, Array.isArray(value) ? value.join('\n') : String(value))
  }
  if (typeof values.region === 'string') {
    if (inputs.has('aws-region')) throw new UsageError('Give --region or --aws-region, not both.', command)
    inputs.set('aws-region', values.region)
  }
  if (parsed.positionals.length > 0) {
    if (!spec.positionals) {
      throw new UsageError(
        `'${parsed.positionals[0]}': ${command} takes no positional arguments; every setting is a --flag.`,
        command
      )
    }
    // Globs replace the --queries input (one pattern per line, as the action's input takes them).
    inputs.set(spec.positionals.input, parsed.positionals.map((arg) => literalFilePattern(arg)).join('\n'))
  }

  const format = values.json === true ? 'json' : typeof values.format === 'string' ? values.format : 'text'
  if (values.json === true && typeof values.format === 'string' && values.format !== 'json') {
    throw new UsageError(`--json and --format ${values.format} contradict each other.`, command)
  }
  if (!FORMATS[command].includes(format)) {
    throw new UsageError(`--format '${format}' is not one of ${FORMATS[command].join(', ')}.`, command)
  }
  return {
    kind: 'command',
    command,
    inputs,
    options: {
      ...(typeof values.profile === 'string' ? { profile: values.profile } : {}),
      format: format as Format,
      verbose: values.verbose === true,
      help: values.help === true
    }
  }
}

/** parseArgs' messages name the flag but speak of its own API; these name the fix. */
function explainParseError(error: Error & { code?: string }, command: Command): string {
  const flag = /'(-[^' ]*)/.exec(error.message)?.[1]
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const name = (flag ?? '').replace(/^-+/, '').replace(/=.*$/, '')
      const elsewhere = Commands.filter((other) => (CLI_COMMANDS[other].inputs as string[]).includes(name))
      const hint =
        name in ACTION_INPUTS && elsewhere.length === 0
          ? ' (that input only applies inside GitHub Actions)'
          : elsewhere.length > 0
            ? ` (it belongs to ${elsewhere.join(', ')})`
            : ''
      return `Unknown flag ${flag ?? error.message} for ${command}${hint}.`
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/argument missing/.test(error.message))
        return `Flag ${flag ?? ''} needs a value: ${flag ?? ''} VALUE.`
      if (/does not take an argument/.test(error.message)) return `Flag ${flag ?? ''} takes no value.`
      return error.message
    default:
      return error.message
  }
}

/**
 * The settings readers' view of the command line: the given value, else action.yml's default (as
 * GitHub fills unset inputs). Inputs this command does not offer read as their default, except the
 * GitHub token, whose default is a workflow expression.
 */
export function inputReader(inputs: ReadonlyMap<InputName, string>): InputReader {
  return (name) => {
    const given = inputs.get(name as InputName)
    if (given !== undefined) return given
    if (name === 'github-token' || !(name in ACTION_INPUTS)) return ''
    return ACTION_INPUTS[name as InputName].default
  }
}
