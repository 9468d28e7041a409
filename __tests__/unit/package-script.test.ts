/**
 * `npm run package` builds beside dist/ and swaps the result in (scripts/package.mjs): a build that
 * fails or is killed leaves the old dist/ whole.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

interface PackageScript {
  buildInto(target: string, build: (folder: string) => Promise<void> | void): Promise<void>
  BUILDING_PREFIX: string
}
// Plain JavaScript, run before anything is compiled, so imported by a computed name.
const modulePath = '../../scripts/package.mjs'
const { buildInto, BUILDING_PREFIX } = (await import(modulePath)) as PackageScript

const roots: string[] = []
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))))

/** A checkout whose dist/ holds an old bundle and an old command line. */
async function checkout(): Promise<{ root: string; dist: string }> {
  const root = await mkdtemp(join(tmpdir(), 'ctp-package-'))
  roots.push(root)
  const dist = join(root, 'dist')
  await mkdir(join(dist, 'cli'), { recursive: true })
  await writeFile(join(dist, 'index.js'), 'old action\n')
  await writeFile(join(dist, 'cli', 'index.js'), 'old cli\n')
  return { root, dist }
}

it('puts the new build in dist/ and leaves nothing beside it', async () => {
  const { root, dist } = await checkout()
  await buildInto(dist, async (folder) => {
    expect(folder.startsWith(join(root, BUILDING_PREFIX))).toBe(true)
    await writeFile(join(folder, 'index.js'), 'new action\n')
  })
  expect(await readFile(join(dist, 'index.js'), 'utf8')).toBe('new action\n')
  expect(await readdir(dist)).toEqual(['index.js'])
  expect(await readdir(root)).toEqual(['dist'])
})

it('leaves the old dist/ whole when the build fails halfway', async () => {
  const { root, dist } = await checkout()
  await expect(
    buildInto(dist, async (folder) => {
      await writeFile(join(folder, 'index.js'), 'new action\n')
      throw new Error('ncc failed')
    })
  ).rejects.toThrow('ncc failed')
  expect(await readFile(join(dist, 'index.js'), 'utf8')).toBe('old action\n')
  expect(await readFile(join(dist, 'cli', 'index.js'), 'utf8')).toBe('old cli\n')
  expect(await readdir(root)).toEqual(['dist'])
})

it('removes what a killed build left, and makes dist/ when there is none', async () => {
  const { root, dist } = await checkout()
  await mkdir(join(root, `${BUILDING_PREFIX}dist-killed`))
  await rm(dist, { recursive: true })
  await buildInto(dist, (folder) => writeFile(join(folder, 'index.js'), 'new action\n'))
  expect(await readdir(root)).toEqual(['dist'])
  expect(await readFile(join(dist, 'index.js'), 'utf8')).toBe('new action\n')
})
