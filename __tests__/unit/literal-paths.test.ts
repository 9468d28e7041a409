/**
 * File names as pre-commit passes them (`cloudtrail-partitions check-queries FILE...`): each one
 * must select that file and no other, whatever glob syntax the name holds; a real glob stays a glob.
 */
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { literalFilePattern } from '../../src/cli/literal-paths.js'
import { findQueryFiles } from '../../src/queries/files.js'

const NAMES = [
  'queries/a[1].sql',
  'queries/a1.sql',
  'queries/q*.sql',
  'queries/qz.sql',
  'queries/what?.sql',
  'queries/whatx.sql',
  'queries/#notes.sql',
  '#root.sql',
  '!bang.sql',
  'queries/x\n::warning title=A::LGTM\n.sql',
  'queries/{a,b}.sql'
]

let root: string
const cwd = process.cwd()

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'ctp-literal-')))
  await mkdir(join(root, 'queries'))
  for (const name of NAMES) await writeFile(join(root, name), 'SELECT 1')
  process.chdir(root)
})

afterAll(async () => {
  process.chdir(cwd)
  await rm(root, { recursive: true, force: true })
})

describe('literalFilePattern', () => {
  it.each(NAMES)('selects only the existing file %j', async (name) => {
    expect(await findQueryFiles(literalFilePattern(name, root), root)).toEqual([name])
  })

  it('leaves a glob that names no file a glob', async () => {
    expect(literalFilePattern('queries/*.sql', root)).toBe('queries/*.sql')
    expect(await findQueryFiles(literalFilePattern('queries/a*.sql', root), root)).toEqual([
      'queries/a1.sql',
      'queries/a[1].sql'
    ])
  })
})
