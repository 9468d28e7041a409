/**
 * The query files of a workspace a pull request laid out: links to files and folders outside it, a
 * file reached through a linked folder, a pipe, and patterns that try to climb out.
 */
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkQueriesPattern, findQueryFiles, readQueryFile } from '../../src/queries/files.js'
import { ConfigurationError, RefusedFileError } from '../../src/vocabulary/errors.js'

let root: string
let outside: string
const cwd = process.cwd()

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'ctp-files-')))
  outside = await realpath(await mkdtemp(join(tmpdir(), 'ctp-outside-')))
  await writeFile(join(outside, 'secret.sql'), 'SELECT secret FROM elsewhere')
  await mkdir(join(outside, 'more'))
  await writeFile(join(outside, 'more', 'deep.sql'), 'SELECT deep FROM elsewhere')
  await mkdir(join(root, 'queries'))
  await writeFile(join(root, 'queries', 'a.sql'), 'SELECT 1')
  await symlink('/etc/passwd', join(root, 'queries', 'passwd.sql'))
  await symlink(join(root, 'queries', 'a.sql'), join(root, 'queries', 'inner.sql'))
  await symlink(outside, join(root, 'queries', 'elsewhere'))
  await symlink(outside, join(root, 'linked'))
  execFileSync('mkfifo', [join(root, 'queries', 'pipe.sql')])
  process.chdir(root)
})

afterAll(async () => {
  process.chdir(cwd)
  await rm(root, { recursive: true, force: true })
  await rm(outside, { recursive: true, force: true })
})

describe('query files', () => {
  it('lists links as themselves and does not descend a linked folder', async () => {
    expect(await findQueryFiles('queries/**/*.sql', root)).toEqual([
      'queries/a.sql',
      'queries/inner.sql',
      'queries/passwd.sql',
      'queries/pipe.sql'
    ])
  })

  it('reads a regular file, and refuses links, pipes and files outside the workspace unread', async () => {
    expect(await readQueryFile('queries/a.sql', root)).toBe('SELECT 1')
    await expect(readQueryFile('queries/passwd.sql', root)).rejects.toThrow(RefusedFileError)
    await expect(readQueryFile('queries/passwd.sql', root)).rejects.toThrow(/symbolic link/)
    // A link is refused even when its target is inside: the check never follows one.
    await expect(readQueryFile('queries/inner.sql', root)).rejects.toThrow(/symbolic link/)
    await expect(readQueryFile('queries/pipe.sql', root)).rejects.toThrow(/not a regular file/)
    // A pattern naming a file below a linked folder finds it; reading it is refused.
    expect(await findQueryFiles('linked/secret.sql', root)).toEqual(['linked/secret.sql'])
    await expect(readQueryFile('linked/secret.sql', root)).rejects.toThrow(/outside the workspace/)
  })

  it.each([
    '../other/*.sql',
    'queries/../../etc/*.sql',
    '/etc/**/*.sql',
    '~/queries/*.sql',
    'C:\\queries\\*.sql',
    'queries/**/*.sql\n!../x/*.sql'
  ])('refuses the pattern %j, naming the input', (pattern) => {
    expect(() => checkQueriesPattern(pattern)).toThrow(ConfigurationError)
    expect(() => checkQueriesPattern(pattern)).toThrow(
      /^Input 'queries': .* could match files outside the workspace/
    )
  })

  it('accepts relative patterns, exclusions and comments', () => {
    expect(() =>
      checkQueriesPattern('queries/**/*.sql\n!queries/drafts/**\n# the reports\nreports/*.sql')
    ).not.toThrow()
  })
})
