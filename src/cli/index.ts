#!/usr/bin/env node
// The command line's entry (bundled to dist/cli/index.js, the package's bin): everything is in main.ts.
import packageJson from '../../package.json' with { type: 'json' }
import { runCli } from './main.js'
import { ignoreClosedPipe, watchOutput } from './pipes.js'

// @actions/glob, which finds the query files as in the action, logs through core.debug: a workflow
// command on stdout, meant for GitHub's runner. Our own output never starts with `::` (logText).
const write = process.stdout.write.bind(process.stdout)
process.stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
  typeof chunk === 'string' && chunk.startsWith('::debug::')
    ? true
    : (write as (...args: unknown[]) => boolean)(chunk, ...rest)) as typeof process.stdout.write

const outputFailure = watchOutput(process.stdout)
ignoreClosedPipe(process.stderr)

process.exitCode = await runCli(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), outputFailure },
  packageJson.version
)
