/**
 * Releases, the maintainer's side and the release workflow's (.github/workflows/release.yml).
 *
 *   npm run release -- 1.2.0 | patch | minor | major
 *       Sets the version in package.json and package-lock.json, runs the npm scripts .ci/run runs
 *       (which rebuild dist/: the command line's bundle carries the version), then commits
 *       "Release v1.2.0" and tags it v1.2.0. Refuses before changing anything when CHANGELOG.md has
 *       no entry for the version, the working tree has other changes, or the tag exists; a failing
 *       check puts the files back. Pushes nothing: `git push origin HEAD v1.2.0` starts the workflow.
 *   npm run -s release -- check-tag v1.2.0 [--repository owner/repo] [--notes-file FILE]
 *       The workflow's gate: the tag names package.json's version, CHANGELOG.md has its entry (written
 *       to FILE as the release notes), package.json's repository is the one publishing.
 *   npm run -s release -- channels v1.2.0 < tags.txt
 *       Given the repository's tags, one a line: the major tag to move (`major-tag=v1`, empty for a
 *       prerelease or an older line) and the npm dist-tag (`npm-tag=latest|next|latest-1`).
 */
import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import semver from 'semver'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BUMPS = ['major', 'minor', 'patch'] as const

/** A release that cannot go ahead; the message says what to fix. */
export class ReleaseError extends Error {}

/**
 * The body of CHANGELOG.md's entry for a version: the lines under `## 1.2.0` (or `## [1.2.0]`,
 * with or without ` - 2026-10-05`) up to the next `## ` heading. Undefined when there is no such
 * heading or nothing under it.
 */
export function changelogEntry(changelog: string, version: string): string | undefined {
  const lines = changelog.split(/\r?\n/)
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const heading = new RegExp(`^##\\s+\\[?v?${escaped}\\]?(?:\\s|$)`)
  const start = lines.findIndex((line) => heading.test(line))
  if (start < 0) return undefined
  const rest = lines.slice(start + 1)
  const end = rest.findIndex((line) => /^##\s/.test(line))
  const body = (end < 0 ? rest : rest.slice(0, end)).join('\n').trim()
  return body === '' ? undefined : body
}

/** The version a release spec names: `patch`, `minor`, `major` or an explicit `1.2.0`. */
export function releaseVersion(current: string, spec: string): string {
  const next = (BUMPS as readonly string[]).includes(spec)
    ? semver.inc(current, spec as (typeof BUMPS)[number])
    : semver.valid(spec.replace(/^v/, ''))
  if (!next) {
    throw new ReleaseError(`'${spec}' is not a version: give patch, minor, major or a version such as 1.2.0`)
  }
  if (!semver.gt(next, current)) {
    throw new ReleaseError(`${next} is not after the current version ${current}: give a higher version`)
  }
  return next
}

/** The version of a release tag (`v1.2.0` -> `1.2.0`). */
export function versionOfTag(tag: string): string {
  const version = /^v\d/.test(tag) ? semver.valid(tag.slice(1)) : null
  if (!version || `v${version}` !== tag) {
    throw new ReleaseError(
      `'${tag}' is not a release tag: release tags are v<major>.<minor>.<patch>, e.g. v1.2.0`
    )
  }
  return version
}

/** `owner/repo` of a package.json `repository` (string or object, git+https, .git, github: forms). */
export function repositoryOf(repository: unknown): string | undefined {
  const url = typeof repository === 'string' ? repository : (repository as { url?: unknown } | undefined)?.url
  if (typeof url !== 'string') return undefined
  const match =
    /^(?:git\+)?(?:https?|ssh|git):\/\/(?:git@)?github\.com\/([^/]+\/[^/]+?)(?:\.git)?\/?$/.exec(url) ??
    /^(?:github:)?([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(url) ??
    /^git@github\.com:([^/]+\/[^/]+?)(?:\.git)?$/.exec(url)
  return match?.[1]
}

/**
 * Which tags a release moves. A prerelease moves none and goes to npm as `next`. A release moves
 * its major tag only when it is the highest release of that major (a fix of an older minor line
 * leaves `v1` where it is), and is npm's `latest` only when it is the highest release of all.
 */
export function releaseChannels(tag: string, existingTags: string[]): { majorTag: string; npmTag: string } {
  const version = versionOfTag(tag)
  if (semver.prerelease(version)) return { majorTag: '', npmTag: 'next' }
  const major = semver.major(version)
  const releases = [...existingTags, tag]
    .map((t) => (/^v\d/.test(t) ? semver.valid(t.slice(1)) : null))
    .filter((v): v is string => v !== null && semver.prerelease(v) === null)
  const highestOfMajor = releases
    .filter((v) => semver.major(v) === major)
    .every((v) => semver.gte(version, v))
  const highest = releases.every((v) => semver.gte(version, v))
  return {
    majorTag: highestOfMajor ? `v${major}` : '',
    // npm refuses a dist-tag that is a semver range, so not `v1`.
    npmTag: highest ? 'latest' : `latest-${major}`
  }
}

/** Runs a command; resolves with its stdout, rejects when it exits non-zero. */
export type Runner = (command: string, args: string[], cwd: string) => Promise<string>

const exec = promisify(execFile)
const defaultRunner: Runner = async (command, args, cwd) => {
  if (command === 'git') return (await exec(command, args, { cwd })).stdout
  // The checks print their own progress.
  const { spawn } = await import('node:child_process')
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit' })
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve('') : reject(new Error(`'${command} ${args.join(' ')}' exited with ${code}`))
    )
  })
}

/**
 * The npm scripts .ci/run runs, in its order (`npm run -s NAME` and `npm test` lines; not `npm ci`):
 * a release runs what CI runs, whatever checks are added to it. Its `package` rebuilds dist/ for
 * the new version; the comparison of dist/ with the committed one is left to the release workflow,
 * which makes it at the tag.
 */
export function ciChecks(ciRun: string): string[][] {
  const checks: string[][] = []
  for (const line of ciRun.split('\n').map((l) => l.trim())) {
    const script = /^npm run(?: -s)? ([\w:.-]+)(?:\s|$)/.exec(line)
    if (script) checks.push(['npm', 'run', '-s', script[1]!])
    else if (/^npm (?:test|t)(?:\s|$)/.test(line)) checks.push(['npm', 'test'])
  }
  return checks
}

const VERSIONED_FILES = ['package.json', 'package-lock.json']

/** package.json's text with another version, nothing else changed. */
function withPackageVersion(text: string, version: string): string {
  return text.replace(/^(\s*"version":\s*")[^"]*(")/m, `$1${version}$2`)
}

/** package-lock.json's text with another root version (top level and packages[""]). */
function withLockVersion(text: string, version: string): string {
  const lock = JSON.parse(text) as { version?: string; packages?: Record<string, { version?: string }> }
  lock.version = version
  if (lock.packages?.['']) lock.packages[''].version = version
  return `${JSON.stringify(lock, null, 2)}\n`
}

export interface PrepareOptions {
  root?: string
  spec: string
  run?: Runner
  log?: (line: string) => void
  /** The day written in the hint for a missing CHANGELOG entry (tests fix it). */
  today?: string
}

/** The maintainer's `npm run release -- <spec>`: returns the tag it made. */
export async function prepareRelease(options: PrepareOptions): Promise<string> {
  const root = options.root ?? ROOT
  const run = options.run ?? defaultRunner
  const log = options.log ?? ((line: string) => console.log(line))
  const git = (...args: string[]): Promise<string> => run('git', args, root)

  const dirty = (await git('status', '--porcelain'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.slice(3))
    .filter((path) => path !== 'CHANGELOG.md')
  if (dirty.length > 0) {
    throw new ReleaseError(
      `The working tree has changes other than CHANGELOG.md (${dirty.join(', ')}): commit or stash them first`
    )
  }

  const packageText = await readFile(join(root, 'package.json'), 'utf8')
  const pkg = JSON.parse(packageText) as { version: string; repository?: unknown }
  const version = releaseVersion(pkg.version, options.spec)
  const tag = `v${version}`

  if ((await git('tag', '--list', tag)).trim() !== '') {
    throw new ReleaseError(`The tag ${tag} exists already: give another version`)
  }
  const changelog = await readFile(join(root, 'CHANGELOG.md'), 'utf8')
  if (!changelogEntry(changelog, version)) {
    const day = options.today ?? new Date().toISOString().slice(0, 10)
    throw new ReleaseError(
      `CHANGELOG.md has no entry for ${version}: move the entries under "Unreleased" to a heading ` +
        `'## ${version} - ${day}' (its text becomes the GitHub release notes), then run this again`
    )
  }
  if (!repositoryOf(pkg.repository)) {
    throw new ReleaseError(
      'package.json has no GitHub repository: add "repository": {"type": "git", "url": ' +
        '"git+https://github.com/<owner>/cloudtrail-partitions.git"} (npm publish --provenance refuses a ' +
        'package whose repository is not the one publishing it)'
    )
  }

  const checks = ciChecks(await readFile(join(root, '.ci', 'run'), 'utf8').catch(() => ''))
  if (!checks.some(([, , , name]) => name === 'package') || !checks.some(([, name]) => name === 'test')) {
    throw new ReleaseError(
      '.ci/run names no `npm run -s package` or no `npm test`: the release has no checks to run'
    )
  }

  log(`Releasing ${tag} (package.json ${pkg.version} -> ${version})`)
  const originals = new Map<string, string>()
  for (const file of VERSIONED_FILES) originals.set(file, await readFile(join(root, file), 'utf8'))
  await writeFile(join(root, 'package.json'), withPackageVersion(packageText, version))
  await writeFile(
    join(root, 'package-lock.json'),
    withLockVersion(originals.get('package-lock.json')!, version)
  )

  try {
    for (const [command, ...args] of checks) {
      log(`== ${command} ${args.join(' ')}`)
      await run(command!, args, root)
    }
  } catch (error) {
    for (const [file, text] of originals) await writeFile(join(root, file), text)
    await git('checkout', '--', 'dist').catch(() => undefined) // the dist/ that 'package' rebuilt
    throw new ReleaseError(
      `A check failed, so nothing was committed and the version is back to ${pkg.version}: ` +
        `${error instanceof Error ? error.message : String(error)}`
    )
  }

  await git('add', '--', ...VERSIONED_FILES, 'CHANGELOG.md', 'dist')
  await git('commit', '--quiet', '-m', `Release ${tag}`)
  await git('tag', '--annotate', tag, '-m', tag)
  log(`Committed and tagged ${tag}. Push both to start the release workflow: git push origin HEAD ${tag}`)
  return tag
}

/** The workflow's gate; returns the release notes. */
export async function checkTag(
  tag: string,
  options: { root?: string; repository?: string } = {}
): Promise<string> {
  const root = options.root ?? ROOT
  const version = versionOfTag(tag)
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
    version: string
    repository?: unknown
  }
  if (pkg.version !== version) {
    throw new ReleaseError(
      `The tag ${tag} is not package.json's version ${pkg.version}: tag the commit 'npm run release' made`
    )
  }
  const notes = changelogEntry(await readFile(join(root, 'CHANGELOG.md'), 'utf8'), version)
  if (!notes) throw new ReleaseError(`CHANGELOG.md has no entry for ${version} at ${tag}`)
  if (options.repository) {
    const named = repositoryOf(pkg.repository)
    if (named?.toLowerCase() !== options.repository.toLowerCase()) {
      throw new ReleaseError(
        `package.json's repository is ${named ?? 'missing'}, not ${options.repository}: ` +
          'npm publish --provenance refuses it; set repository.url to this repository'
      )
    }
  }
  return notes
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

/** The command line; returns the exit code. */
export async function main(
  args: string[],
  io: { stdin?: () => Promise<string>; out?: (text: string) => void } = {}
): Promise<number> {
  const out = io.out ?? ((text: string) => process.stdout.write(text))
  const [command, ...rest] = args
  try {
    if (command === 'check-tag') {
      const notes = await checkTag(rest[0] ?? '', { repository: flag(rest, '--repository') })
      const file = flag(rest, '--notes-file')
      if (file) await writeFile(file, `${notes}\n`)
      else out(`${notes}\n`)
      return 0
    }
    if (command === 'channels') {
      const read =
        io.stdin ??
        (async () => {
          let text = ''
          for await (const chunk of process.stdin) text += String(chunk)
          return text
        })
      const tags = (await read()).split('\n').map((t) => t.trim().replace(/^refs\/tags\//, ''))
      const { majorTag, npmTag } = releaseChannels(rest[0] ?? '', tags.filter(Boolean))
      out(`major-tag=${majorTag}\nnpm-tag=${npmTag}\n`)
      return 0
    }
    if (!command || command.startsWith('-')) {
      throw new ReleaseError('Usage: npm run release -- <patch|minor|major|1.2.0>')
    }
    await prepareRelease({ spec: command })
    return 0
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error
    console.error(`release: ${error.message}`)
    return 1
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2))
}
