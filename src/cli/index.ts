#!/usr/bin/env node
// The command line's entry (bundled to dist/cli/index.js, the package's bin): everything is in main.ts.
import packageJson from '../../package.json' with { type: 'json' }
import { runCli } from './main.js'

process.exitCode = await runCli(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() },
  packageJson.version
)
