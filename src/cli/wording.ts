/**
 * The command line's words for the action's inputs: flags. A ConfigurationError that carries its
 * inputs as data is phrased with flagWording; a message still written in the action's words (the
 * settings readers, the table's checks) is reworded by asFlagMessage, and so are the core's log lines.
 */
import { ConfigurationError, type InputWording } from '../vocabulary/errors.js'
import { isSwitch } from './args.js'
import { GITHUB_ONLY_INPUTS } from './commands.js'
import { ACTION_INPUTS, type InputName } from './inputs.generated.js'

/** An input the command line offers as a flag (not one that only means something in a workflow). */
function isFlag(name: string): name is InputName {
  return name in ACTION_INPUTS && !GITHUB_ONLY_INPUTS.includes(name as InputName)
}

export const flagWording: InputWording = (mention) => {
  const names = mention.inputs
  // An input without a flag keeps the action's name for it.
  const flag = (name: string): string => (isFlag(name) ? `--${name}` : `'${name}'`)
  switch (mention.kind) {
    case 'subject':
      return `${names.length > 1 ? 'Flags' : 'Flag'} ${names.map(flag).join(' and ')}`
    case 'reference':
      return flag(names[0])
    case 'setting': {
      const [name] = names
      if (!isFlag(name)) return `'${name}: ${mention.value}'`
      if (isSwitch(name)) return mention.value === 'true' ? `--${name}` : `--${name}=${mention.value}`
      return `--${name} ${mention.value}`
    }
  }
}

/** A user's mistake in the command line's words. */
export function flagMessage(error: ConfigurationError): string {
  return error.inActionWords ? asFlagMessage(error.message) : error.phrased(flagWording)
}

/**
 * Messages written in the action's words (`Input 'retention-days'`, `in 'prefix'`), as flags. A
 * quoted value follows a colon (`Input 'bucket': 'x'`) and is left as it is.
 */
export function asFlagMessage(message: string): string {
  const known = (name: string): boolean => name in ACTION_INPUTS
  return (
    message
      .replace(/Inputs '([a-z-]+)' and '([a-z-]+)'/g, (all, a: string, b: string) =>
        known(a) && known(b) ? `Flags --${a} and --${b}` : all
      )
      // `set 'create-table: true'`: a switch on the command line.
      .replace(/'([a-z-]+): true'/g, (all, name: string) =>
        known(name) && isSwitch(name as InputName) ? `--${name}` : all
      )
      .replace(/Input '([a-z-]+)'/g, (all, name: string) => (name in ACTION_INPUTS ? `Flag --${name}` : all))
      .replace(/(?<!: )'([a-z-]+)'/g, (all, name: string) => (name in ACTION_INPUTS ? `--${name}` : all))
  )
}
