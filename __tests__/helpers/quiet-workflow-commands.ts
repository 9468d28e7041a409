/**
 * Runs before each test file: @actions/glob, which finds the query files, logs through
 * @actions/core's `core.debug`, a `::debug::` workflow command written to stdout for GitHub's
 * runner. In a test run it is noise among jest's own output, so it is dropped here, as the command
 * line's entry (src/cli/index.ts) drops it. Tests that read what a command prints capture it
 * themselves.
 */
const QUIET = Symbol.for('cloudtrail-partitions.tests.quiet-workflow-commands')
const stdout = process.stdout as typeof process.stdout & { [QUIET]?: true }

if (!stdout[QUIET]) {
  const write = stdout.write.bind(stdout) as (...args: unknown[]) => boolean
  stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
    typeof chunk === 'string' && chunk.startsWith('::debug::')
      ? true
      : write(chunk, ...rest)) as typeof stdout.write
  stdout[QUIET] = true
}
