/**
 * The fingerprint of what dist/ is built from (scripts/source-hash.mjs), which the end-to-end tests
 * compare before they run the bundles: it follows the source's contents, not where or when it lies.
 */
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

interface SourceHash {
  sourceHash(root: string): Promise<string>
  staleDist(root: string): Promise<string | undefined>
  SOURCE_HASH_FILE: string
}
// Plain JavaScript (jest's global set-up loads it untransformed), so imported by a computed name.
const modulePath = '../../scripts/source-hash.mjs'
const { sourceHash, staleDist, SOURCE_HASH_FILE } = (await import(modulePath)) as SourceHash

const roots: string[] = []
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))))

/** A checkout with a source file, tsconfig.json and the lockfile. */
async function checkout(main = 'export const a = 1\n'): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'ctp-hash-'))
  roots.push(root)
  await mkdir(join(root, 'src', 'cli'), { recursive: true })
  await writeFile(join(root, 'src', 'main.ts'), main)
  await writeFile(join(root, 'src', 'cli', 'index.ts'), 'export {}\n')
  await writeFile(join(root, 'tsconfig.json'), '{}\n')
  await writeFile(join(root, 'package-lock.json'), '{"version": "1.0.0"}\n')
  return root
}

describe('sourceHash', () => {
  it('is the same for the same contents, wherever and whenever they were written', async () => {
    const [one, other] = await Promise.all([checkout(), checkout()])
    await utimes(join(other, 'src', 'main.ts'), new Date(0), new Date(0))
    expect(await sourceHash(one)).toMatch(/^[0-9a-f]{64}$/)
    expect(await sourceHash(other)).toBe(await sourceHash(one))
  })

  it('changes with a source file, a new file, the lockfile or tsconfig.json', async () => {
    const root = await checkout()
    const seen = new Set([await sourceHash(root)])
    await writeFile(join(root, 'src', 'main.ts'), 'export const a = 2\n')
    seen.add(await sourceHash(root))
    await writeFile(join(root, 'src', 'cli', 'new.ts'), '')
    seen.add(await sourceHash(root))
    await writeFile(join(root, 'package-lock.json'), '{"version": "1.0.1"}\n')
    seen.add(await sourceHash(root))
    await writeFile(join(root, 'tsconfig.json'), '{"compilerOptions": {}}\n')
    seen.add(await sourceHash(root))
    expect(seen.size).toBe(5)
  })

  it('tells a file moved between folders from the same content where it was', async () => {
    const root = await checkout()
    const before = await sourceHash(root)
    await rm(join(root, 'src', 'cli', 'index.ts'))
    await writeFile(join(root, 'src', 'index.ts'), 'export {}\n')
    expect(await sourceHash(root)).not.toBe(before)
  })
})

describe('staleDist', () => {
  it('passes a dist/ built from the source as it is, and says why otherwise', async () => {
    const root = await checkout()
    expect(await staleDist(root)).toMatch(/dist\/ has no dist\/source\.sha256/)
    await mkdir(join(root, 'dist'))
    await writeFile(join(root, SOURCE_HASH_FILE), `${await sourceHash(root)}\n`)
    expect(await staleDist(root)).toBeUndefined()
    await writeFile(join(root, 'src', 'main.ts'), 'export const a = 3\n')
    expect(await staleDist(root)).toBe('src/ or the lockfile changed since dist/ was built')
  })
})
