/**
 * The Octokit the action talks to GitHub with: @actions/github's client plus Octokit's retry plugin
 * (5xx and other transient answers, 3 retries after 1, 4 and 9 s) and throttling plugin (primary and
 * secondary rate limits: one retry when GitHub asks to wait at most a minute). A report comment is
 * worth a short wait, never a held runner.
 */
import * as github from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type { Logger } from '../vocabulary/logger.js'

const MAX_RATE_LIMIT_WAIT_SECONDS = 60

export interface GitHubClientOptions {
  /** GitHub's API root; @actions/github's default is GITHUB_API_URL. */
  baseUrl?: string
  /** The retries' unit: they wait 1, 4 and 9 times this (default 1000 ms). */
  retryBaseMs?: number
}

export function githubClient(
  token: string,
  logger: Logger,
  { baseUrl, retryBaseMs = 1000 }: GitHubClientOptions = {}
): ReturnType<typeof github.getOctokit> {
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      options: { method?: string; url?: string },
      _octokit: unknown,
      retryCount: number
    ) => {
      const retrying = retryCount < 1 && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS
      logger.info(
        `GitHub ${kind} rate limit on ${options.method ?? ''} ${options.url ?? ''}: ` +
          (retrying ? `retrying in ${retryAfter} s` : 'giving up')
      )
      return retrying
    }
  return github.getOctokit(
    token,
    {
      ...(baseUrl ? { baseUrl } : {}),
      retry: { retries: 3, retryAfterBaseValue: retryBaseMs },
      throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') }
    },
    retry,
    throttling
  )
}
