/**
 * The command line's flags are the action's inputs: this writes `src/cli/inputs.generated.ts` from
 * action.yml (names, descriptions, defaults), so the CLI bundle needs no YAML parser and action.yml
 * stays the one source. `npm run docs` runs it; `--check` exits 1 when the module is stale (CI).
 */
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { parse } from 'yaml'

interface ActionMetadata {
  inputs: Record<string, { description: string; default?: string }>
}

export const GENERATED_PATH = fileURLToPath(new URL('../src/cli/inputs.generated.ts', import.meta.url))

/** The module's source (before formatting) for the text of an action.yml. */
export function renderInputsModule(actionYml: string): string {
  const action = parse(actionYml) as ActionMetadata
  const entries = Object.entries(action.inputs).map(([name, input]) => {
    const description = input.description.replace(/\s+/g, ' ').trim()
    return `  ${JSON.stringify(name)}: { description: ${JSON.stringify(description)}, default: ${JSON.stringify(input.default ?? '')} }`
  })
  return [
    '// Generated from action.yml by scripts/cli-inputs.ts (`npm run docs`). Do not edit.',
    '',
    "/** The action's inputs, in action.yml's order: the command line offers them as flags. */",
    'export const ACTION_INPUTS = {',
    entries.join(',\n'),
    '} as const satisfies Record<string, { description: string; default: string }>',
    '',
    'export type InputName = keyof typeof ACTION_INPUTS',
    ''
  ].join('\n')
}

export async function formattedInputsModule(actionYml: string): Promise<string> {
  return format(renderInputsModule(actionYml), {
    ...(await resolveConfig(GENERATED_PATH)),
    filepath: GENERATED_PATH
  })
}

async function main(): Promise<void> {
  const actionYml = await readFile(fileURLToPath(new URL('../action.yml', import.meta.url)), 'utf8')
  const rendered = await formattedInputsModule(actionYml)
  if (process.argv.includes('--check')) {
    const current = await readFile(GENERATED_PATH, 'utf8').catch(() => '')
    if (current !== rendered) {
      console.error("src/cli/inputs.generated.ts differs from action.yml: run 'npm run docs' and commit it")
      process.exit(1)
    }
    console.log('src/cli/inputs.generated.ts matches action.yml')
    return
  }
  await writeFile(GENERATED_PATH, rendered)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
