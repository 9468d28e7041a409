/**
 * Finds the query SQL files of the `queries` input: paths relative to the workspace, with forward
 * slashes, sorted, so that they are the same on every run (publish-queries writes them into the
 * named queries as the proof of ownership).
 */
import * as glob from '@actions/glob'
import { open, readFile } from 'node:fs/promises'
import { relative, sep } from 'node:path'
import { Inputs } from '../constants.js'
import { ConfigurationError } from '../errors.js'

export function workspace(): string {
  return process.env.GITHUB_WORKSPACE || process.cwd()
}

export async function findQueryFiles(pattern: string, root = workspace()): Promise<string[]> {
  const globber = await glob.create(pattern, { matchDirectories: false })
  const files = (await globber.glob())
    .filter((path) => path.toLowerCase().endsWith('.sql'))
    .map((path) => relative(root, path).split(sep).join('/'))
    .sort()
  if (files.length === 0) {
    throw new ConfigurationError(
      `Input '${Inputs.Queries}': '${pattern}' matches no .sql file under ${root}. ` +
        `Check the pattern, and that the job checks out the repository (actions/checkout) first.`
    )
  }
  return files
}

export function readQueryFile(path: string, root = workspace()): Promise<string> {
  return readFile(`${root}/${path}`, 'utf8')
}

/**
 * The file's text, or its size when it has more than `maxBytes` bytes: the size is read before the
 * content, and no more than `maxBytes + 1` bytes are ever read (a file can grow in between).
 */
export async function readQueryFileUpTo(
  path: string,
  maxBytes: number,
  root = workspace()
): Promise<string | { bytes: number }> {
  const handle = await open(`${root}/${path}`, 'r')
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
