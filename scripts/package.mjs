/**
 * `npm run package`: builds the action's bundle and the command line's into a new folder beside
 * dist/, writes the fingerprint of the source they were built from (source-hash.mjs), and only then
 * puts that folder in dist/'s place. A build cut short leaves the old dist/ whole: building into
 * dist/ itself emptied it first, and an interrupted build once left dist/cli missing for a later
 * `git commit -a` to take as a deletion.
 * Plain JavaScript, like source-hash.mjs, so it runs before anything is compiled.
 */
import { execFileSync } from 'node:child_process'
import { mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ROOT, SOURCE_HASH_FILE, sourceHash } from './source-hash.mjs'

/** The prefix of a folder being built; `.gitignore` names it, so one left by a killed build is not committed. */
export const BUILDING_PREFIX = '.dist-building-'

/**
 * Runs `build` on a new folder beside `target`, then puts that folder in `target`'s place. When
 * `build` fails, `target` is left as it was. Folders left by builds that were killed are removed
 * first (one build at a time in a checkout).
 * @param {string} target
 * @param {(folder: string) => Promise<void> | void} build
 */
export async function buildInto(target, build) {
  const parent = dirname(target)
  const prefix = `${BUILDING_PREFIX}${basename(target)}-`
  for (const name of await readdir(parent)) {
    if (name.startsWith(prefix)) await rm(join(parent, name), { recursive: true, force: true })
  }
  const building = await mkdtemp(join(parent, prefix))
  try {
    await build(building)
    const previous = `${building}-previous`
    await rename(target, previous).catch((error) => {
      if (error.code !== 'ENOENT') throw error
    })
    await rename(building, target)
    await rm(previous, { recursive: true, force: true })
  } catch (error) {
    await rm(building, { recursive: true, force: true })
    throw error
  }
}

/** @param {string} entry @param {string} outDir */
function ncc(entry, outDir) {
  execFileSync('ncc', ['build', entry, '-o', outDir, '--license', 'licenses.txt'], {
    cwd: ROOT,
    stdio: 'inherit'
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // The fingerprint of the source as the build starts: an edit made during the build leaves dist/
  // stale, which the end-to-end tests then say.
  const fingerprint = await sourceHash()
  await buildInto(join(ROOT, 'dist'), async (folder) => {
    ncc('src/index.ts', folder)
    ncc('src/cli/index.ts', join(folder, 'cli'))
    await writeFile(join(folder, basename(SOURCE_HASH_FILE)), `${fingerprint}\n`)
  })
}
