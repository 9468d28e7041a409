/**
 * `--help`, written from action.yml's descriptions and defaults (through inputs.generated.ts), so
 * that the help of the command line and the README's input table say the same.
 */
import { Commands, type Command } from '../vocabulary/constants.js'
import { FORMATS, isSwitch, OWN_OPTIONS } from './args.js'
import { CLI_COMMANDS, GITHUB_ONLY_INPUTS, LIST_INPUTS } from './commands.js'
import { ACTION_INPUTS } from './inputs.generated.js'

export const PROGRAM = 'cloudtrail-partitions'

/** Help fits an 80-column terminal (and a narrower one, down to 40 columns, as far as words allow). */
export const HELP_WIDTH = 80

/** Words of `text` in lines of at most `width` characters, each after `indent`. */
export function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line)
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line) lines.push(indent + line)
  return lines
}

/** A command line in lines of at most `width`, continued with ` \\` as a shell reads them. */
export function wrapCommand(command: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of command.split(' ').filter(Boolean)) {
    if (line && line.length + 1 + word.length + 2 > width) {
      lines.push(`${line} \\`)
      line = `      ${word}`
    } else {
      line = line ? `${line} ${word}` : `  ${word}`
    }
  }
  if (line) lines.push(line)
  return lines
}

function entry(flag: string, description: string, width: number): string[] {
  return [`  ${flag}`, ...wrap(description, width, '      ')]
}

export function generalHelp(width = 80): string {
  const lines = [
    `Usage: ${PROGRAM} COMMAND [flags]`,
    '',
    'Commands:',
    ...Commands.flatMap((command) => entry(command, CLI_COMMANDS[command].summary, width)),
    '',
    `The flags are the GitHub Action's inputs, with the same names and meanings (see '${PROGRAM} COMMAND --help').`,
    'Credentials come from the AWS SDK chain: environment, --profile (SSO included), instance roles.',
    '',
    'Exit codes: 0 done, 1 changes failed or findings, 2 bad usage.'
  ]
  return lines.flatMap((line) => (line.length > width ? wrap(line, width, '') : [line])).join('\n') + '\n'
}

export function commandHelp(command: Command, width = 80): string {
  const spec = CLI_COMMANDS[command]
  const positional = spec.positionals ? ` [${spec.positionals.name}...]` : ''
  const lines = [
    ...wrap(`Usage: ${PROGRAM} ${command} [flags]${positional}`, width, ''),
    '',
    ...wrap(spec.summary, width, ''),
    ''
  ]
  if (spec.positionals) {
    lines.push('Arguments:', ...entry(`${spec.positionals.name}...`, spec.positionals.description, width), '')
  }
  lines.push("Flags (the action's inputs):")
  for (const name of spec.inputs) {
    const input = ACTION_INPUTS[name]
    const flag = isSwitch(name) ? `--${name}` : `--${name} VALUE`
    const notes = [
      input.default && !isSwitch(name) ? `Default: ${input.default}.` : '',
      LIST_INPUTS.has(name) ? 'May be repeated.' : ''
    ]
      .filter(Boolean)
      .join(' ')
    lines.push(...entry(flag, `${input.description}${notes ? ` ${notes}` : ''}`, width))
  }
  lines.push('', 'Options:')
  for (const [name, option] of Object.entries(OWN_OPTIONS)) {
    const short = 'short' in option ? `-${option.short}, ` : ''
    const value = 'value' in option ? ` ${option.value}` : ''
    const description =
      name === 'format'
        ? `${option.description}${FORMATS[command].join(', ')} (default text).${command === 'sync' ? ' json is the plan.' : ''}`
        : option.description
    lines.push(...entry(`${short}--${name}${value}`, description, width))
  }
  lines.push(
    '',
    ...wrap(
      `Not offered here (GitHub Actions only): ${GITHUB_ONLY_INPUTS.join(', ')}. ` +
        'To assume a role, use a profile with role_arn and source_profile (or sso_session).',
      width,
      ''
    ),
    '',
    'Examples:',
    ...spec.examples.flatMap((example) => wrapCommand(example, width))
  )
  return lines.join('\n') + '\n'
}
