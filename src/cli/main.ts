/**
 * The command line's dispatch: parse -> help, or the command's runner (loaded on demand, as the
 * action's main.ts does) -> exit code. Mistakes of the user (flags, settings, the table, the bucket
 * layout) exit 2 with a message naming the flag; failures of AWS or of changes exit 1.
 */
import { explainAwsError } from '../aws/clients.js'
import type { Command } from '../vocabulary/constants.js'
import { ConfigurationError } from '../vocabulary/errors.js'
import { logText } from '../vocabulary/escape.js'
import { inputReader, parseCommandLine, UsageError } from './args.js'
import { checkProfile, chosenProfile, configuredRegion } from './aws.js'
import { ExitCode, widthOf, type CliContext, type CliIo } from './context.js'
import { commandHelp, generalHelp, HELP_WIDTH, PROGRAM } from './help.js'
import { terminalLogger } from './logger.js'
import { asFlagMessage, flagMessage } from './wording.js'

type Runner = (context: CliContext) => Promise<number>

const RUNNERS: Record<Command, () => Promise<Runner>> = {
  sync: async () => (await import('./sync.js')).syncCli,
  'check-queries': async () => (await import('./check-queries.js')).checkQueriesCli,
  'publish-queries': async () => (await import('./publish.js')).publishQueriesCli
}

/**
 * Runs one command line. When stdout could not take the report (a full disk: `> /dev/full`), that is
 * one line on stderr and exit 1, and the line says what the run had already changed in AWS.
 */
export async function runCli(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  const changes: string[] = []
  const code = await runCommandLine(argv, io, version, (what) => changes.push(what))
  const failure = await io.outputFailure?.()
  if (!failure) return code
  // Node's message starts with the code (`ENOSPC: no space left on device, write`).
  const { code: errno, message } = failure as NodeJS.ErrnoException
  const why = errno && !message.startsWith(errno) ? `${errno}: ${message}` : message
  io.stderr.write(
    `${PROGRAM}: error: the output could not be written to stdout (${logText(why)})` +
      `${changes.length ? `; ${changes.join('; ')}` : ''}.\n`
  )
  return code === ExitCode.Done ? ExitCode.Failed : code
}

async function runCommandLine(
  argv: readonly string[],
  io: CliIo,
  version: string,
  changed: (what: string) => void
): Promise<number> {
  const fail = (message: string, code: number, command?: Command): number => {
    io.stderr.write(`${PROGRAM}: ${logText(message)}\n`)
    if (code === ExitCode.Usage) {
      io.stderr.write(`Run '${PROGRAM} ${command ? `${command} ` : ''}--help' for the flags.\n`)
    }
    return code
  }
  let command: Command | undefined
  try {
    const parsed = parseCommandLine(argv)
    if (parsed.kind === 'help') {
      io.stdout.write(generalHelp(Math.min(HELP_WIDTH, widthOf(io.stdout))))
      return ExitCode.Done
    }
    if (parsed.kind === 'version') {
      io.stdout.write(`${version}\n`)
      return ExitCode.Done
    }
    command = parsed.command
    if (parsed.options.help) {
      io.stdout.write(commandHelp(parsed.command, Math.min(HELP_WIDTH, widthOf(io.stdout))))
      return ExitCode.Done
    }
    // A profile that is not there stops the run first: the region lookup below would find none.
    const profile = chosenProfile(parsed.options.profile, io.env)
    // check-queries uses AWS only when asked: AWS_PROFILE alone does not ask.
    if (profile && (parsed.command !== 'check-queries' || parsed.options.profile !== undefined)) {
      await checkProfile(profile, io.env)
    }
    const inputs = new Map(parsed.inputs)
    // sync and publish need a region: after --region and AWS_REGION, the profile's own (as the AWS CLI).
    if (
      parsed.command !== 'check-queries' &&
      !inputs.get('aws-region') &&
      !io.env.AWS_REGION &&
      !io.env.AWS_DEFAULT_REGION
    ) {
      const region = await configuredRegion(parsed.options.profile)
      if (region) inputs.set('aws-region', region)
    }
    const runner = await RUNNERS[parsed.command]()
    return await runner({
      ...io,
      given: parsed.inputs,
      read: inputReader(inputs),
      options: parsed.options,
      logger: terminalLogger(io.stderr, parsed.options.verbose, asFlagMessage),
      version,
      changed
    })
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message, ExitCode.Usage, error.command)
    if (error instanceof ConfigurationError) return fail(flagMessage(error), ExitCode.Usage, command)
    const { name, message } = error as Error
    return fail(explainAwsError(error) ?? `${name}: ${message}`, ExitCode.Failed)
  }
}
