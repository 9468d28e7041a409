/**
 * Keeps the README in sync with its sources: the input and output tables with action.yml (between
 * the `<!-- action-inputs -->` / `<!-- action-outputs -->` markers) and the IAM policies with the
 * files in iam/ (between `<!-- iam:sync/permissions.json -->` / `<!-- /iam:sync/permissions.json -->`).
 * `npm run docs` rewrites those parts; `--check` only compares and exits 1 when the README is stale
 * (CI runs that).
 */
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { parse } from 'yaml'

interface ActionMetadata {
  inputs: Record<string, { description: string; default?: string }>
  outputs: Record<string, { description: string }>
}

const README_PATH = fileURLToPath(new URL('../README.md', import.meta.url))

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

/** The iam/ files the README shows, in the order of their markers. */
export function iamMarkers(readme: string): string[] {
  return [...readme.matchAll(/<!-- iam:([\w./-]+\.json) -->/g)].map((match) => match[1] as string)
}

/** A policy file as the README shows it: the file itself, in a JSON code block. */
export function iamBlock(path: string, text: string): string {
  return [`[\`iam/${path}\`](iam/${path}):`, '', '```json', text.trim(), '```'].join('\n')
}

export function renderReadme(
  readme: string,
  actionYml: string,
  iamFiles: Readonly<Record<string, string>> = {}
): string {
  const action = parse(actionYml) as ActionMetadata
  let rendered = replaceBetween(
    replaceBetween(readme, 'action-inputs', inputsTable(action)),
    'action-outputs',
    outputsTable(action)
  )
  for (const path of iamMarkers(readme)) {
    const text = iamFiles[path]
    if (text === undefined) throw new Error(`README.md shows iam/${path}, which does not exist`)
    rendered = replaceBetween(rendered, `iam:${path}`, iamBlock(path, text))
  }
  return rendered
}

async function readIamFiles(readme: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const path of iamMarkers(readme)) {
    files[path] = await readFile(fileURLToPath(new URL(`../iam/${path}`, import.meta.url)), 'utf8').catch(
      () => {
        throw new Error(`README.md shows iam/${path}, which does not exist`)
      }
    )
  }
  return files
}

/** The README as `npm run docs` writes it: generated parts from action.yml and iam/, formatted. */
export async function renderedReadme(readme: string): Promise<string> {
  const raw = renderReadme(
    readme,
    await readFile(fileURLToPath(new URL('../action.yml', import.meta.url)), 'utf8'),
    await readIamFiles(readme)
  )
  // Formatted as `npm run format` would, so the check compares like with like.
  return format(raw, { ...(await resolveConfig(README_PATH)), filepath: README_PATH })
}

async function main(): Promise<void> {
  const readme = await readFile(README_PATH, 'utf8')
  const rendered = await renderedReadme(readme)
  if (process.argv.includes('--check')) {
    if (rendered !== readme) {
      console.error(
        "README.md's input/output tables or IAM policies differ from action.yml and iam/: run 'npm run docs' and commit README.md"
      )
      process.exit(1)
    }
    console.log('README.md input/output tables and IAM policies match action.yml and iam/')
    return
  }
  await writeFile(README_PATH, rendered)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
