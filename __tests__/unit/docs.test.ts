/**
 * The README's generated parts: the IAM policies it shows are the files in iam/, and `docs:check`
 * (renderedReadme compared with the README) fails when one of them changes.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { iamBlock, iamMarkers, renderedReadme, renderReadme } from '../../scripts/docs.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

async function iamJsonFiles(folder = join(ROOT, 'iam')): Promise<string[]> {
  const files: string[] = []
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) files.push(...(await iamJsonFiles(path)))
    else if (entry.name.endsWith('.json')) files.push(relative(join(ROOT, 'iam'), path))
  }
  return files.sort()
}

const readme = await readFile(join(ROOT, 'README.md'), 'utf8')
const actionYml = await readFile(join(ROOT, 'action.yml'), 'utf8')

async function iamTexts(): Promise<Record<string, string>> {
  const texts: Record<string, string> = {}
  for (const path of iamMarkers(readme)) texts[path] = await readFile(join(ROOT, 'iam', path), 'utf8')
  return texts
}

describe('README generated from action.yml and iam/', () => {
  it('shows every policy file in iam/, once', async () => {
    const shown = iamMarkers(readme)
    expect([...shown].sort()).toEqual(await iamJsonFiles())
    expect(new Set(shown).size).toBe(shown.length)
  })

  it('is what npm run docs writes (docs:check passes)', async () => {
    expect(await renderedReadme(readme)).toBe(readme)
  })

  it('shows each file verbatim in its block', async () => {
    for (const [path, text] of Object.entries(await iamTexts())) {
      expect(readme).toContain(iamBlock(path, text))
    }
  })

  it('changes when a policy file changes (docs:check would fail)', async () => {
    const texts = await iamTexts()
    const path = 'sync/permissions.json'
    const changed = (texts[path] ?? '').replace('"glue:BatchDeletePartition",\n', '')
    expect(changed).not.toBe(texts[path])
    const before = renderReadme(readme, actionYml, texts)
    const after = renderReadme(readme, actionYml, { ...texts, [path]: changed })
    expect(after).not.toBe(before)
    expect(before).toContain('glue:BatchDeletePartition')
    expect(after).toContain(iamBlock(path, changed))
  })

  it('refuses a marker for a file that does not exist', async () => {
    const stale = `${readme}\n<!-- iam:sync/missing.json -->\n<!-- /iam:sync/missing.json -->\n`
    const texts = await iamTexts()
    expect(() => renderReadme(stale, actionYml, texts)).toThrow('iam/sync/missing.json')
  })
})
