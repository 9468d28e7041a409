/**
 * Orchestration only: which command -> that command's wiring (settings -> credentials -> work ->
 * report). A ConfigurationError is the user's to fix and is reported as just its message.
 */
import * as core from '@actions/core'
import { explainDenied } from './aws/clients.js'
import { checkQueriesCommand } from './commands/check-queries.js'
import { publishCommand } from './commands/publish.js'
import { syncCommand } from './commands/sync.js'
import type { Command } from './constants.js'
import { ConfigurationError } from './errors.js'
import { readCommand } from './inputs.js'
import type { Logger } from './logger.js'

export const actionsLogger: Logger = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  debug: (message) => core.debug(message),
  group: (name, fn) => core.group(name, fn)
}

const COMMANDS: Record<Command, (logger: Logger) => Promise<void>> = {
  sync: syncCommand,
  'check-queries': checkQueriesCommand,
  'publish-queries': publishCommand
}

export async function run(): Promise<void> {
  try {
    await COMMANDS[readCommand((name) => core.getInput(name))](actionsLogger)
  } catch (error) {
    if (error instanceof ConfigurationError) {
      core.setFailed(error.message)
    } else {
      const { name, message, stack } = error as Error
      core.debug(stack ?? '')
      core.setFailed(explainDenied(error) ?? `${name}: ${message}`)
    }
  }
}
