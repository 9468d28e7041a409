/**
 * A mistake in the user's configuration or environment (an input, the table, the bucket layout).
 * Its message says what to change; main.ts reports it without a stack trace. Anything else is a bug
 * or an AWS failure and is reported as such.
 *
 * The inputs a message names are data, not words: each front door names them its own way (the
 * action `Input 'prefix'`, the command line `--prefix`). Build such a message with the `userError`
 * tag and the mentions below; `message` is the action's wording, `phrased()` any other door's.
 */
export class ConfigurationError extends Error {
  readonly parts: readonly MessagePart[]
  /**
   * Built from a plain string, written in the action's words (`Input 'x'`): another door can only
   * reword it. Built from parts, every input it names is a mention and the rest is meant as it is.
   */
  readonly inActionWords: boolean

  constructor(message: string | readonly MessagePart[]) {
    const parts = typeof message === 'string' ? [message] : message
    super(phrase(parts, actionWording))
    this.name = 'ConfigurationError'
    this.parts = parts
    this.inActionWords = typeof message === 'string'
  }

  /** The inputs the message names, in order. */
  get inputs(): string[] {
    return this.parts.flatMap((part) => (typeof part === 'string' ? [] : part.inputs))
  }

  /** The message in a front door's words for inputs. */
  phrased(wording: InputWording): string {
    return phrase(this.parts, wording)
  }
}

/**
 * An input named in a message. `subject`: what the message is about, first in it (`Input 'x'`);
 * `reference`: named in passing (`'x'`); `setting`: the input with the value to give it
 * (`'create-table: true'`).
 */
export type InputMention =
  | { kind: 'subject'; inputs: readonly string[] }
  | { kind: 'reference'; inputs: readonly [string] }
  | { kind: 'setting'; inputs: readonly [string]; value: string }

export type MessagePart = string | InputMention

/** How a front door names an input in a message. */
export type InputWording = (mention: InputMention) => string

export const subject = (...inputs: string[]): InputMention => ({ kind: 'subject', inputs })
export const input = (name: string): InputMention => ({ kind: 'reference', inputs: [name] })
export const setting = (name: string, value: string): InputMention => ({
  kind: 'setting',
  inputs: [name],
  value
})

/** The action's words: the names of action.yml's inputs, quoted. */
export const actionWording: InputWording = (mention) => {
  const quoted = mention.inputs.map((name) => `'${name}'`)
  switch (mention.kind) {
    case 'subject':
      return `${quoted.length > 1 ? 'Inputs' : 'Input'} ${quoted.join(' and ')}`
    case 'reference':
      return quoted.join('')
    case 'setting':
      return `'${mention.inputs[0]}: ${mention.value}'`
  }
}

/** A ConfigurationError from a template: `userError\`${subject('prefix')} is ...\``. */
export function userError(
  strings: TemplateStringsArray,
  ...values: readonly (string | number | InputMention)[]
): ConfigurationError {
  const parts: MessagePart[] = []
  strings.forEach((text, index) => {
    parts.push(text)
    const value = values[index]
    if (value !== undefined) parts.push(typeof value === 'object' ? value : String(value))
  })
  return new ConfigurationError(parts)
}

function phrase(parts: readonly MessagePart[], wording: InputWording): string {
  return parts.map((part) => (typeof part === 'string' ? part : wording(part))).join('')
}

/**
 * A file matched by the `queries` input that is not read: a link, not a regular file, or outside the
 * workspace. Its message says why, without the path (the caller knows which file it is).
 */
export class RefusedFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RefusedFileError'
  }
}
