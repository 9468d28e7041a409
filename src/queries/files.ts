/**
 * Finds and reads the query SQL files of the `queries` input: paths relative to the workspace, with
 * forward slashes, sorted, so that they are the same on every run (publish-queries writes them into
 * the named queries as the proof of ownership).
 *
 * A pull request chooses the files: only regular files inside GITHUB_WORKSPACE are read. The pattern
 * cannot climb out (`..`, absolute paths and `~` are refused), the glob does not follow links (a
 * folder link is not descended), and each file is read only when it is not a link, is a regular file
 * and resolves inside the workspace; anything else is a RefusedFileError saying why, never read.
 */
import * as glob from '@actions/glob'
import { constants } from 'node:fs'
import { lstat, open, realpath, type FileHandle } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import { Inputs } from '../vocabulary/constants.js'
import { ConfigurationError, RefusedFileError } from '../vocabulary/errors.js'
import type { QueryFile } from './publish-desired.js'

export function workspace(): string {
  return process.env.GITHUB_WORKSPACE || process.cwd()
}

/**
 * The pattern's lines (globs, `!` exclusions, `#` comments, as @actions/glob reads them), refused
 * when one of them could match outside the workspace.
 */
export function checkQueriesPattern(pattern: string): void {
  for (const line of pattern.split(/\r?\n|\r/).map((part) => part.trim())) {
    if (line === '' || line.startsWith('#')) continue
    const path = line.replace(/^!+/, '')
    const climbs = path.split(/[\\/]/).includes('..')
    const absolute = isAbsolute(path) || /^[a-zA-Z]:/.test(path) || path.startsWith('\\')
    if (climbs || absolute || path.startsWith('~')) {
      throw new ConfigurationError(
        `Input '${Inputs.Queries}': '${line}' could match files outside the workspace; ` +
          `write a pattern relative to the repository root without '..', '~' or a leading '/' (for example queries/**/*.sql).`
      )
    }
  }
}

export async function findQueryFiles(pattern: string, root = workspace()): Promise<string[]> {
  checkQueriesPattern(pattern)
  // lstat only: a link is listed as itself (and refused when read), a folder link is not descended.
  const globber = await glob.create(pattern, { matchDirectories: false, followSymbolicLinks: false })
  const files = (await globber.glob())
    .filter((path) => path.toLowerCase().endsWith('.sql'))
    .map((path) => relative(root, path))
    .filter((path) => path !== '' && !path.startsWith(`..${sep}`) && !isAbsolute(path))
    .map((path) => path.split(sep).join('/'))
    .sort()
  if (files.length === 0) {
    throw new ConfigurationError(
      `Input '${Inputs.Queries}': '${pattern}' matches no .sql file under ${root}. ` +
        `Check the pattern, and that the job checks out the repository (actions/checkout) first.`
    )
  }
  return files
}

const realRoots = new Map<string, Promise<string>>()

/**
 * Opens a query file for reading only when it is a regular file inside the workspace, not a link:
 * every reader of query files goes through here. Throws RefusedFileError, saying why, otherwise.
 */
export async function openQueryFile(path: string, root = workspace()): Promise<FileHandle> {
  const full = join(root, path)
  const stats = await lstat(full)
  if (stats.isSymbolicLink()) {
    throw new RefusedFileError('symbolic link: links are not followed, so this file is not read')
  }
  if (!stats.isFile()) {
    throw new RefusedFileError('not a regular file (a folder, pipe, socket or device), so it is not read')
  }
  let realRoot = realRoots.get(root)
  if (!realRoot) realRoots.set(root, (realRoot = realpath(root)))
  const inside = relative(await realRoot, await realpath(full))
  if (inside === '' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    throw new RefusedFileError('resolves outside the workspace through a linked folder, so it is not read')
  }
  // O_NOFOLLOW and a check of the open file: a link or pipe swapped in since the lstat is not read.
  const handle = await open(full, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  try {
    if (!(await handle.stat()).isFile()) throw new RefusedFileError('not a regular file, so it is not read')
    return handle
  } catch (error) {
    await handle.close()
    throw error
  }
}

/** The file's text, read only when it is a regular file inside the workspace, not through a link. */
export async function readQueryFile(path: string, root = workspace()): Promise<string> {
  const handle = await openQueryFile(path, root)
  try {
    return await handle.readFile('utf8')
  } finally {
    await handle.close()
  }
}

/**
 * The file's text, or its size when it has more than `maxBytes` bytes, opened as openQueryFile does
 * (RefusedFileError for a link or a file outside the workspace): the size is read before the content, and no more than `maxBytes + 1` bytes are ever read (a file can grow in between).
 */
export async function readQueryFileUpTo(
  path: string,
  maxBytes: number,
  root = workspace()
): Promise<string | { bytes: number }> {
  const handle = await openQueryFile(path, root)
  try {
    const { size } = await handle.stat()
    if (size > maxBytes) return { bytes: size }
    // Read in chunks up to one byte past the limit, whatever the size said.
    const chunks: Buffer[] = []
    let length = 0
    while (length <= maxBytes) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - length))
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, length)
      if (bytesRead === 0) break
      chunks.push(chunk.subarray(0, bytesRead))
      length += bytesRead
    }
    if (length > maxBytes) return { bytes: length }
    return Buffer.concat(chunks, length).toString('utf8')
  } finally {
    await handle.close()
  }
}

/** For publishing: a link or a file outside the workspace is not read; it becomes a failure of that file. */
export async function readQueryFileOrRefusal(path: string, root = workspace()): Promise<QueryFile> {
  try {
    return { path, sql: await readQueryFile(path, root) }
  } catch (error) {
    if (!(error instanceof RefusedFileError)) throw error
    return { path, sql: '', refused: error.message }
  }
}
