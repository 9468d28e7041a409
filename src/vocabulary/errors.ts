/**
 * A mistake in the user's configuration or environment (an input, the table, the bucket layout).
 * Its message says what to change; main.ts reports it without a stack trace. Anything else is a bug
 * or an AWS failure and is reported as such.
 */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigurationError'
  }
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
