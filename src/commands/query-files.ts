/**
 * Finds the query SQL files of the `queries` input: paths relative to the workspace, with forward
 * slashes, sorted, so that they are the same on every run (publish-queries writes them into the
 * named queries as the proof of ownership).
 */
import * as glob from '@actions/glob'
import { readFile } from 'node:fs/promises'
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
