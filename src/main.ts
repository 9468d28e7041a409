/**
 * Orchestration only: which command -> that command's wiring (settings -> credentials -> work ->
 * report). A ConfigurationError is the user's to fix and is reported as just its message.
 */
import * as core from '@actions/core'
import { explainAwsError } from './aws/clients.js'
import type { Command } from './vocabulary/constants.js'
import { ConfigurationError } from './vocabulary/errors.js'
import { readCommand } from './inputs.js'
import type { Logger } from './vocabulary/logger.js'
import { logLines } from './vocabulary/escape.js'

export const actionsLogger: Logger = {
  // core.info prints as it is: no line of it may pass for a workflow command (values are escaped too).
  info: (message) => core.info(logLines(message)),
  warning: (message) => core.warning(message),
  debug: (message) => core.debug(message),
  group: (name, fn) => core.group(name, fn)
}

type CommandRunner = (logger: Logger) => Promise<void>

/**
 * Each command is loaded only when it runs: the SQL parser of check-queries alone is megabytes of
 * code that a sync, which must stay small in memory, never needs.
 */
const COMMANDS: Record<Command, () => Promise<CommandRunner>> = {
  sync: async () => (await import('./commands/sync.js')).syncCommand,
  'check-queries': async () => (await import('./commands/check-queries.js')).checkQueriesCommand,
  'publish-queries': async () => (await import('./commands/publish.js')).publishCommand
}

export async function run(): Promise<void> {
  try {
    const command = await COMMANDS[readCommand((name) => core.getInput(name))]()
    await command(actionsLogger)
  } catch (error) {
    if (error instanceof ConfigurationError) {
      core.setFailed(error.message)
    } else {
      const { name, message, stack } = error as Error
      core.debug(stack ?? '')
      core.setFailed(explainAwsError(error) ?? `${name}: ${message}`)
    }
  }
}
