/**
 * Runs the bundled action (`dist/index.js`) as a child process the way GitHub's runner does:
 * inputs in `INPUT_<NAME>`, outputs in the `GITHUB_OUTPUT` file, the job summary in
 * `GITHUB_STEP_SUMMARY`, a `RUNNER_TEMP`. Used by the end-to-end tests, the demo and the benchmark.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const DIST_ENTRY = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'index.js')

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** The parsed plan file the run wrote (its path is the `plan-file` output), if any. */
  plan: unknown
  /** Peak resident memory of the action process, in bytes. */
  peakRssBytes: number
  wallMs: number
}

export interface RunOptions {
  inputs: Record<string, string>
  /** Environment on top of a minimal base (PATH, HOME). */
  env?: Record<string, string>
  /** Extra Node.js options for the action process (for memory experiments). */
  nodeOptions?: string
  /** The workspace: the process's working directory and GITHUB_WORKSPACE (default: this one). */
  workspace?: string
}

/** `name<<DELIM\nvalue\nDELIM` blocks, as @actions/core writes GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const match of text.matchAll(pattern)) outputs[match[1] as string] = match[3] as string
  return outputs
}

/**
 * Node's compile cache (Node 22 and later), when this process has one: a bundle started again and
 * again, as the tests do, then compiles little but the first time. A relative folder is made
 * absolute (Node would take it from each child's working folder: the test's workspace), and a
 * NODE_DISABLE_COMPILE_CACHE the user set is passed on too.
 */
export function compileCacheEnv(): Record<string, string> {
  const { NODE_COMPILE_CACHE: folder, NODE_DISABLE_COMPILE_CACHE: disabled } = process.env
  return {
    ...(folder ? { NODE_COMPILE_CACHE: resolve(folder) } : {}),
    ...(disabled ? { NODE_DISABLE_COMPILE_CACHE: disabled } : {})
  }
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const workDir = await mkdtemp(join(tmpdir(), 'ctp-run-'))
  const outputFile = join(workDir, 'output')
  const summaryFile = join(workDir, 'summary.md')
  const rssFile = join(workDir, 'rss')
  const preload = join(workDir, 'rss.mjs')
  await Promise.all([writeFile(outputFile, ''), writeFile(summaryFile, '')])
  // Records the process's own peak RSS at exit; exact, unlike sampling from outside. On Linux that is
  // VmHWM: resourceUsage().maxRSS keeps, across exec, the RSS the child had as a fork of this process
  // (the whole stand-in, hundreds of MB in the benchmark), not what the action itself used.
  await writeFile(
    preload,
    [
      `import { readFileSync, writeFileSync } from 'node:fs'`,
      `const ownPeak = () => {`,
      `  try { return Number(/^VmHWM:\\s*(\\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))[1]) * 1024 }`,
      `  catch { return process.resourceUsage().maxRSS * 1024 }`,
      `}`,
      `process.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, String(ownPeak())))`,
      ''
    ].join('\n')
  )
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? workDir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: workDir,
    GITHUB_WORKSPACE: options.workspace ?? process.cwd(),
    GITHUB_REPOSITORY: 'octo-org/ops',
    ...compileCacheEnv(),
    NODE_OPTIONS: `--import=${preload} ${options.nodeOptions ?? ''}`.trim(),
    ...options.env
  }
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const started = performance.now()
  const child = spawn(process.execPath, [DIST_ENTRY], {
    env,
    cwd: options.workspace ?? process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)))
  const wallMs = performance.now() - started
  const [outputs, summary, rss] = await Promise.all([
    readFile(outputFile, 'utf8'),
    readFile(summaryFile, 'utf8'),
    readFile(rssFile, 'utf8').catch(() => '0')
  ])
  const parsedOutputs = parseOutputFile(outputs)
  // The plan file lives in RUNNER_TEMP, which is removed below: read it now.
  const planText = parsedOutputs['plan-file']
    ? await readFile(parsedOutputs['plan-file'], 'utf8').catch(() => '')
    : ''
  const run: ActionRun = {
    exitCode,
    stdout,
    stderr,
    outputs: parsedOutputs,
    summary,
    plan: planText ? JSON.parse(planText) : undefined,
    peakRssBytes: Number(rss),
    wallMs
  }
  await rm(workDir, { recursive: true, force: true })
  return run
}
