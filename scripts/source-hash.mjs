/**
 * The fingerprint of what `dist/` is built from: every file under `src/`, `tsconfig.json` and the
 * lockfile (the dependencies' and the package's versions). `npm run package` writes it next to the
 * bundles (`dist/source.sha256`); the end-to-end tests, which run the bundles, refuse to start when
 * the source has changed since (__tests__/helpers/fresh-dist.mjs). Contents only, in path order, so
 * the same source gives the same fingerprint on every machine.
 * Plain JavaScript: jest loads a global set-up without its TypeScript transform.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const SOURCE_HASH_FILE = 'dist/source.sha256'
const INPUTS = ['src', 'tsconfig.json', 'package-lock.json']

/** @param {string} path @returns {Promise<string[]>} */
async function filesUnder(path) {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => undefined)
  if (!entries) return [path]
  const nested = await Promise.all(entries.map((entry) => filesUnder(join(path, entry.name))))
  return nested.flat()
}

/** @param {string} [root] @returns {Promise<string>} */
export async function sourceHash(root = ROOT) {
  const files = (await Promise.all(INPUTS.map((input) => filesUnder(join(root, input))))).flat()
  const names = files.map((file) => relative(root, file).split(sep).join('/')).sort()
  const hash = createHash('sha256')
  for (const name of names) {
    const content = await readFile(join(root, name))
    hash.update(`${name}\0${content.length}\0`).update(content)
  }
  return hash.digest('hex')
}

/** The fingerprint `npm run package` wrote, if any. @param {string} [root] */
export async function builtFrom(root = ROOT) {
  const text = await readFile(join(root, SOURCE_HASH_FILE), 'utf8').catch(() => undefined)
  return text?.trim() || undefined
}

/**
 * Why dist/ does not show the source as it is now, or undefined when it does.
 * @param {string} [root] @returns {Promise<string | undefined>}
 */
export async function staleDist(root = ROOT) {
  const [built, now] = await Promise.all([builtFrom(root), sourceHash(root)])
  if (built === now) return undefined
  return built
    ? 'src/ or the lockfile changed since dist/ was built'
    : `dist/ has no ${SOURCE_HASH_FILE}, so what it was built from is unknown`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(join(ROOT, SOURCE_HASH_FILE), `${await sourceHash()}\n`)
}
