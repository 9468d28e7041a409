/**
 * The release script (scripts/release.ts): the CHANGELOG entry, the version and tag rules, which
 * tags a release moves, and the maintainer's `npm run release` in a real git repository (the checks
 * it runs are recorded, not run: each is an npm script tested on its own).
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import {
  changelogEntry,
  checkTag,
  main,
  ciChecks,
  prepareRelease,
  releaseChannels,
  releaseVersion,
  repositoryOf,
  ReleaseError,
  versionOfTag,
  type Runner
} from '../../scripts/release.js'

const exec = promisify(execFile)

const CHANGELOG = [
  '# Changelog',
  '',
  '## Unreleased',
  '',
  '### Added',
  '',
  '- Something new.',
  '',
  '## [1.2.0] - 2026-10-05',
  '',
  '### Fixed',
  '',
  '- The `v1` tag moves.',
  '',
  '## 1.1.0 - 2026-09-01',
  '',
  '- First minor.',
  '',
  '## 1.0.1',
  ''
].join('\n')

describe('changelogEntry', () => {
  it('returns the text under the version’s heading, up to the next', () => {
    expect(changelogEntry(CHANGELOG, '1.2.0')).toBe('### Fixed\n\n- The `v1` tag moves.')
    expect(changelogEntry(CHANGELOG, '1.1.0')).toBe('- First minor.')
  })

  it('has none for a missing version, an empty entry, or a version that only starts the same', () => {
    expect(changelogEntry(CHANGELOG, '1.3.0')).toBeUndefined()
    expect(changelogEntry(CHANGELOG, '1.0.1')).toBeUndefined()
    expect(changelogEntry(CHANGELOG, '1.2')).toBeUndefined()
    expect(changelogEntry('## 1.2.0-rc.1\n\n- rc', '1.2.0')).toBeUndefined()
    expect(changelogEntry('## 1x2x0\n\n- not a version', '1.2.0')).toBeUndefined()
  })

  it('finds an entry under every version heading of the project’s own CHANGELOG', async () => {
    const own = await readFile('CHANGELOG.md', 'utf8')
    expect(own).toMatch(/^## Unreleased$/m)
    const versions = [...own.matchAll(/^##\s+\[?(\d+\.\d+\.\d+\S*?)\]?(?:\s|$)/gm)].map((m) => m[1]!)
    for (const version of versions) expect(changelogEntry(own, version)).toBeDefined()
  })
})

describe('versions and tags', () => {
  it('bumps or takes an explicit version above the current one', () => {
    expect(releaseVersion('0.1.0', 'major')).toBe('1.0.0')
    expect(releaseVersion('1.2.3', 'minor')).toBe('1.3.0')
    expect(releaseVersion('1.2.3', 'patch')).toBe('1.2.4')
    expect(releaseVersion('0.1.0', '1.0.0')).toBe('1.0.0')
    expect(releaseVersion('0.1.0', 'v1.0.0-rc.1')).toBe('1.0.0-rc.1')
  })

  it('refuses a version that is not one, or not after the current', () => {
    expect(() => releaseVersion('1.2.3', 'next')).toThrow(/'next' is not a version: give patch, minor, major/)
    expect(() => releaseVersion('1.2.3', '1.2.3')).toThrow(/not after the current version 1.2.3/)
    expect(() => releaseVersion('1.2.3', '1.0.0')).toThrow(ReleaseError)
  })

  it('reads release tags only', () => {
    expect(versionOfTag('v1.2.0')).toBe('1.2.0')
    expect(versionOfTag('v1.0.0-rc.1')).toBe('1.0.0-rc.1')
    for (const tag of ['1.2.0', 'v1', 'v1.2', 'v01.2.0', 'release-1.2.0', '']) {
      expect(() => versionOfTag(tag)).toThrow(/is not a release tag/)
    }
  })

  it('reads owner/repo from every form of package.json’s repository', () => {
    for (const form of [
      'git+https://github.com/acme/cloudtrail-partitions.git',
      'https://github.com/acme/cloudtrail-partitions',
      'github:acme/cloudtrail-partitions',
      'acme/cloudtrail-partitions',
      'git@github.com:acme/cloudtrail-partitions.git',
      { type: 'git', url: 'git+https://github.com/acme/cloudtrail-partitions.git' }
    ]) {
      expect(repositoryOf(form)).toBe('acme/cloudtrail-partitions')
    }
    expect(repositoryOf(undefined)).toBeUndefined()
    expect(repositoryOf('https://gitlab.com/acme/cloudtrail-partitions')).toBeUndefined()
  })
})

describe('releaseChannels', () => {
  const tags = ['v1', 'v1.0.0', 'v1.1.0', 'v1.1.1', 'v2.0.0-rc.1', 'v1-branch', 'not-a-tag']

  it('moves the major tag and npm latest for the newest release', () => {
    expect(releaseChannels('v1.2.0', tags)).toEqual({ majorTag: 'v1', npmTag: 'latest' })
    expect(releaseChannels('v1.0.0', [])).toEqual({ majorTag: 'v1', npmTag: 'latest' })
  })

  it('moves neither for a fix of an older line, and npm gets latest-<major>', () => {
    expect(releaseChannels('v1.0.1', tags)).toEqual({ majorTag: '', npmTag: 'latest-1' })
    expect(releaseChannels('v1.0.2', [...tags, 'v1.2.0'])).toEqual({ majorTag: '', npmTag: 'latest-1' })
    expect(releaseChannels('v1.3.1', ['v1.3.0', 'v2.0.0'])).toEqual({ majorTag: 'v1', npmTag: 'latest-1' })
  })

  it('moves no tag for a prerelease, which npm gets as next', () => {
    expect(releaseChannels('v2.0.0-rc.2', tags)).toEqual({ majorTag: '', npmTag: 'next' })
  })

  it('is what the workflow reads from the command line, given the tags on stdin', async () => {
    let out = ''
    const code = await main(['channels', 'v1.2.0'], {
      stdin: async () => 'refs/tags/v1\nrefs/tags/v1.1.0\n',
      out: (text) => (out += text)
    })
    expect(code).toBe(0)
    expect(out).toBe('major-tag=v1\nnpm-tag=latest\n')
  })
})

/** A git repository shaped like the project: package.json, its lock, CHANGELOG.md and dist/. */
async function repository(options: { changelog?: string; repository?: unknown } = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'ctp-release-'))
  const pkg = {
    name: 'cloudtrail-partitions',
    version: '0.1.0',
    ...(options.repository === undefined
      ? { repository: { type: 'git', url: 'git+https://github.com/acme/cloudtrail-partitions.git' } }
      : options.repository === null
        ? {}
        : { repository: options.repository }),
    scripts: { test: 'jest' }
  }
  await writeFile(join(root, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`)
  const lock = {
    name: 'cloudtrail-partitions',
    version: '0.1.0',
    lockfileVersion: 3,
    packages: {
      '': { name: 'cloudtrail-partitions', version: '0.1.0' },
      'node_modules/x': { version: '0.1.0' }
    }
  }
  await writeFile(join(root, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`)
  await writeFile(join(root, 'CHANGELOG.md'), options.changelog ?? '# Changelog\n\n## Unreleased\n\n- A.\n')
  await mkdir(join(root, '.ci'))
  await writeFile(join(root, '.ci', 'run'), CI_RUN)
  await mkdir(join(root, 'dist'))
  await writeFile(join(root, 'dist', 'index.js'), 'export {}\n')
  const git = (...args: string[]) => exec('git', args, { cwd: root })
  await git('init', '--quiet', '--initial-branch=main')
  await git('config', 'user.email', 'maintainer@example.com')
  await git('config', 'user.name', 'Maintainer')
  await git('config', 'commit.gpgsign', 'false')
  await git('config', 'tag.gpgsign', 'false')
  await git('add', '.')
  await git('commit', '--quiet', '-m', 'Start')
  return root
}

/** Runs git for real; records every other command and fails the one named in `failing`. */
function recorder(failing?: string): { run: Runner; commands: string[] } {
  const commands: string[] = []
  const run: Runner = async (command, args, cwd) => {
    if (command === 'git') return (await exec('git', args, { cwd })).stdout
    const line = [command, ...args].join(' ')
    commands.push(line)
    if (failing && line === failing) throw new Error(`'${line}' exited with 1`)
    return ''
  }
  return { run, commands }
}

/** A .ci/run in the shape of the project's. */
const CI_RUN = [
  '#!/usr/bin/env bash',
  'npm ci --no-audit --no-fund',
  'echo "== lint"',
  'npm run -s lint',
  'npm run -s package >/dev/null',
  'if [ -n "$(git status --porcelain -- dist)" ]; then exit 1; fi',
  'npm test'
].join('\n')

const ENTRY = '# Changelog\n\n## Unreleased\n\n## 1.0.0 - 2026-10-05\n\n- First release.\n'

describe('ciChecks', () => {
  it('runs what the project’s .ci/run runs, in its order, without npm ci', async () => {
    const checks = ciChecks(await readFile('.ci/run', 'utf8')).map((check) => check.join(' '))
    const order = [
      'format:check',
      'lint',
      'build',
      'lint:workflows',
      'lint:workflow-policy',
      'docs:check',
      'package'
    ]
    expect(checks.filter((check) => order.some((name) => check === `npm run -s ${name}`))).toEqual(
      order.map((name) => `npm run -s ${name}`)
    )
    expect(checks.at(-1)).toBe('npm test')
    expect(checks.filter((check) => !check.startsWith('npm run -s ') && check !== 'npm test')).toEqual([])
  })

  it('reads npm run with or without -s and npm test, and nothing else', () => {
    const text = [
      'npm ci',
      '  npm run lint:imports',
      'npm run -s package >/dev/null',
      'echo npm test',
      'npm test -- x'
    ]
    expect(ciChecks(text.join('\n'))).toEqual([
      ['npm', 'run', '-s', 'lint:imports'],
      ['npm', 'run', '-s', 'package'],
      ['npm', 'test']
    ])
  })
})

describe('npm run release (prepareRelease)', () => {
  const roots: string[] = []
  afterAll(async () => {
    for (const root of roots) await rm(root, { recursive: true, force: true })
  })
  const newRepository = async (options?: Parameters<typeof repository>[0]) => {
    const root = await repository(options)
    roots.push(root)
    return root
  }
  const head = async (root: string) =>
    (await exec('git', ['log', '--format=%s', '-1'], { cwd: root })).stdout.trim()
  const tags = async (root: string) => (await exec('git', ['tag', '--list'], { cwd: root })).stdout.trim()

  it('refuses without a CHANGELOG entry for the version, before any check or change', async () => {
    const root = await newRepository()
    const { run, commands } = recorder()
    await expect(
      prepareRelease({ root, spec: '1.0.0', run, log: () => {}, today: '2026-10-05' })
    ).rejects.toThrow(
      'CHANGELOG.md has no entry for 1.0.0: move the entries under "Unreleased" to a heading ' +
        "'## 1.0.0 - 2026-10-05'"
    )
    expect(commands).toEqual([])
    expect(JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).version).toBe('0.1.0')
    expect(await tags(root)).toBe('')
  })

  it('bumps package.json and its lock, runs every check, then commits and tags', async () => {
    const root = await newRepository()
    // The maintainer writes the entry and runs the script with it uncommitted.
    await writeFile(join(root, 'CHANGELOG.md'), ENTRY)
    const { run, commands } = recorder()
    const tag = await prepareRelease({ root, spec: 'major', run, log: () => {} })

    expect(tag).toBe('v1.0.0')
    expect(commands).toEqual(['npm run -s lint', 'npm run -s package', 'npm test'])
    expect(JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).version).toBe('1.0.0')
    const lock = JSON.parse(await readFile(join(root, 'package-lock.json'), 'utf8'))
    expect([lock.version, lock.packages[''].version, lock.packages['node_modules/x'].version]).toEqual([
      '1.0.0',
      '1.0.0',
      '0.1.0'
    ])
    expect(await head(root)).toBe('Release v1.0.0')
    const committed = (await exec('git', ['show', '--name-only', '--format=', 'HEAD'], { cwd: root })).stdout
    expect(committed.trim().split('\n').sort()).toEqual(['CHANGELOG.md', 'package-lock.json', 'package.json'])
    // An annotated tag on the release commit, and nothing left over.
    expect((await exec('git', ['cat-file', '-t', 'v1.0.0'], { cwd: root })).stdout.trim()).toBe('tag')
    expect((await exec('git', ['rev-parse', 'v1.0.0^{commit}'], { cwd: root })).stdout).toBe(
      (await exec('git', ['rev-parse', 'HEAD'], { cwd: root })).stdout
    )
    expect((await exec('git', ['status', '--porcelain'], { cwd: root })).stdout).toBe('')
    // The workflow's gate accepts what the script made.
    expect(await checkTag('v1.0.0', { root, repository: 'acme/cloudtrail-partitions' })).toBe(
      '- First release.'
    )
  })

  it('puts the version back and commits nothing when a check fails', async () => {
    const root = await newRepository({ changelog: ENTRY })
    const { run, commands } = recorder('npm test')
    const before = await readFile(join(root, 'package-lock.json'), 'utf8')
    await expect(prepareRelease({ root, spec: '1.0.0', run, log: () => {} })).rejects.toThrow(
      "A check failed, so nothing was committed and the version is back to 0.1.0: 'npm test' exited with 1"
    )
    expect(commands.at(-1)).toBe('npm test')
    expect(JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).version).toBe('0.1.0')
    expect(await readFile(join(root, 'package-lock.json'), 'utf8')).toBe(before)
    expect(await head(root)).toBe('Start')
    expect(await tags(root)).toBe('')
  })

  it('refuses other uncommitted changes, an existing tag, and a package without its repository', async () => {
    const dirty = await newRepository({ changelog: ENTRY })
    await writeFile(join(dirty, 'dist', 'index.js'), 'export const x = 1\n')
    await expect(
      prepareRelease({ root: dirty, spec: '1.0.0', ...recorder(), log: () => {} })
    ).rejects.toThrow(
      'The working tree has changes other than CHANGELOG.md (dist/index.js): commit or stash them first'
    )

    const tagged = await newRepository({ changelog: ENTRY })
    await exec('git', ['tag', 'v1.0.0'], { cwd: tagged })
    await expect(
      prepareRelease({ root: tagged, spec: '1.0.0', ...recorder(), log: () => {} })
    ).rejects.toThrow('The tag v1.0.0 exists already')

    const unchecked = await newRepository({ changelog: ENTRY })
    await writeFile(join(unchecked, '.ci', 'run'), 'npm ci\nnpm run -s lint\n')
    await exec('git', ['commit', '--quiet', '-am', 'No tests'], { cwd: unchecked })
    await expect(
      prepareRelease({ root: unchecked, spec: '1.0.0', ...recorder(), log: () => {} })
    ).rejects.toThrow('.ci/run names no `npm run -s package` or no `npm test`')

    const anonymous = await newRepository({ changelog: ENTRY, repository: null })
    const { run, commands } = recorder()
    await expect(prepareRelease({ root: anonymous, spec: '1.0.0', run, log: () => {} })).rejects.toThrow(
      /package.json has no GitHub repository: add "repository"/
    )
    expect(commands).toEqual([])
  })
})

describe('check-tag (the release workflow’s gate)', () => {
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'ctp-gate-'))
    const pkg = {
      name: 'cloudtrail-partitions',
      version: '1.2.0',
      repository: 'github:acme/cloudtrail-partitions'
    }
    await writeFile(join(root, 'package.json'), JSON.stringify(pkg))
    await writeFile(join(root, 'CHANGELOG.md'), CHANGELOG)
  })
  afterAll(async () => rm(root, { recursive: true, force: true }))

  it('returns the entry as the release notes', async () => {
    expect(await checkTag('v1.2.0', { root, repository: 'ACME/cloudtrail-partitions' })).toContain(
      'The `v1` tag'
    )
  })

  it('refuses a tag that is not package.json’s version, and another repository', async () => {
    await expect(checkTag('v1.1.0', { root })).rejects.toThrow(
      "The tag v1.1.0 is not package.json's version 1.2.0: tag the commit 'npm run release' made"
    )
    await expect(checkTag('v1.2.0', { root, repository: 'fork/cloudtrail-partitions' })).rejects.toThrow(
      "package.json's repository is acme/cloudtrail-partitions, not fork/cloudtrail-partitions"
    )
  })
})
