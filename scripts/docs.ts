/**
 * Keeps the README's input and output tables in sync with action.yml: `npm run docs` rewrites the
 * parts between the `<!-- action-inputs -->` / `<!-- action-outputs -->` markers; `--check` only
 * compares and exits 1 when the README is stale (CI runs that).
 */
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { parse } from 'yaml'

interface ActionMetadata {
  inputs: Record<string, { description: string; default?: string }>
  outputs: Record<string, { description: string }>
}

const cell = (text: string): string => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim()

export function inputsTable(action: ActionMetadata): string {
  const rows = Object.entries(action.inputs).map(([name, input]) => {
    const value = input.default ?? ''
    const shown = value === '' ? '' : `\`${value}\``
    return `| \`${name}\` | ${shown} | ${cell(input.description)} |`
  })
  return ['| Input | Default | Description |', '| --- | --- | --- |', ...rows].join('\n')
}

export function outputsTable(action: ActionMetadata): string {
  const rows = Object.entries(action.outputs).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`
  )
  return ['| Output | Description |', '| --- | --- |', ...rows].join('\n')
}

/** Replaces the text between `<!-- NAME -->` and `<!-- /NAME -->`. */
export function replaceBetween(document: string, name: string, content: string): string {
  const start = `<!-- ${name} -->`
  const end = `<!-- /${name} -->`
  const from = document.indexOf(start)
  const to = document.indexOf(end)
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} ... ${end} markers`)
  return `${document.slice(0, from + start.length)}\n${content}\n${document.slice(to)}`
}

export function renderReadme(readme: string, actionYml: string): string {
  const action = parse(actionYml) as ActionMetadata
  return replaceBetween(
    replaceBetween(readme, 'action-inputs', inputsTable(action)),
    'action-outputs',
    outputsTable(action)
  )
}

async function main(): Promise<void> {
  const readmePath = fileURLToPath(new URL('../README.md', import.meta.url))
  const readme = await readFile(readmePath, 'utf8')
  const raw = renderReadme(
    readme,
    await readFile(fileURLToPath(new URL('../action.yml', import.meta.url)), 'utf8')
  )
  // Formatted as `npm run format` would, so the check compares like with like.
  const rendered = await format(raw, { ...(await resolveConfig(readmePath)), filepath: readmePath })
  if (process.argv.includes('--check')) {
    if (rendered !== readme) {
      console.error(
        "README.md's input/output tables differ from action.yml: run 'npm run docs' and commit README.md"
      )
      process.exit(1)
    }
    console.log('README.md input/output tables match action.yml')
    return
  }
  await writeFile(readmePath, rendered)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
