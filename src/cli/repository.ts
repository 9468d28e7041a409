/**
 * The repository name publish-queries writes into its ownership markers. In a workflow it is
 * GITHUB_REPOSITORY; from a clone, the same `owner/name` read from the origin remote, so that a
 * publish from a laptop and one from the workflow recognise each other's named queries.
 */
import { execFile } from 'node:child_process'

/** `owner/name` of a Git remote URL (https, ssh or scp-like), or undefined. */
export function repositoryOfRemote(url: string): string | undefined {
  const path = url
    .trim()
    .replace(/^[a-z+]+:\/\/[^/]+\//i, '') // https://host/..., ssh://git@host/...
    .replace(/^[^@/:]+@[^:/]+:/, '') // git@host:...
    .replace(/\.git$/, '')
    .replace(/\/+$/, '')
  const match = /(?:^|\/)([\w.-]+)\/([\w.-]+)$/.exec(path)
  return match ? `${match[1]}/${match[2]}` : undefined
}

export async function publishingRepository(
  env: NodeJS.ProcessEnv,
  cwd: string
): Promise<{ owner: string; from: string }> {
  if (env.GITHUB_REPOSITORY) return { owner: env.GITHUB_REPOSITORY, from: 'GITHUB_REPOSITORY' }
  const url = await new Promise<string>((resolve) =>
    execFile('git', ['config', '--get', 'remote.origin.url'], { cwd }, (error, stdout) =>
      resolve(error ? '' : stdout)
    )
  )
  const repository = repositoryOfRemote(url)
  return repository ? { owner: repository, from: 'the origin remote' } : { owner: 'local', from: 'no remote' }
}
