/**
 * One comment per pull request holding the latest report: found by its hidden marker *and* its
 * author (this token's identity) and updated in place, created on the first run. Anyone can write a
 * comment holding the marker: one by someone else is left alone, and a new one is made. The comment
 * is optional: it never fails the check (the report is in the job summary, written before it).
 * Takes any client shaped like Octokit's `rest.issues` and `rest.users`.
 */
import type { Logger } from '../vocabulary/logger.js'

interface IssueComment {
  id: number
  body?: string | null
  user?: { login: string } | null
}

/**
 * Who a GITHUB_TOKEN comments as. An installation token (GITHUB_TOKEN, or a GitHub App's) cannot
 * read `GET /user`: an App's token learns its bot's login from GraphQL's `viewer`; this is the
 * author when neither answers.
 */
export const DEFAULT_COMMENT_AUTHOR = 'github-actions[bot]'

const VIEWER_QUERY = 'query { viewer { login } }'

/** The part of Octokit (`getOctokit(token)`) this module uses. */
export interface IssueCommentsClient {
  /** GraphQL, for `viewer { login }`: the only identity an App installation token can read. */
  graphql?: (query: string) => Promise<unknown>
  rest: {
    users: {
      getAuthenticated(): Promise<{ data: { login: string } }>
    }
    issues: {
      listComments(params: {
        owner: string
        repo: string
        issue_number: number
        per_page?: number
        page?: number
      }): Promise<{ data: IssueComment[] }>
      createComment(params: {
        owner: string
        repo: string
        issue_number: number
        body: string
      }): Promise<unknown>
      updateComment(params: {
        owner: string
        repo: string
        comment_id: number
        body: string
      }): Promise<unknown>
    }
  }
}

export interface PullRequestTarget {
  octokit: IssueCommentsClient
  owner: string
  repo: string
  number: number
}

export type CommentOutcome = 'created' | 'updated' | 'no-permission' | 'failed'

const PAGE_SIZE = 100

export async function upsertComment(
  target: PullRequestTarget,
  marker: string,
  body: string,
  logger: Logger
): Promise<CommentOutcome> {
  const { octokit, owner, repo, number } = target
  try {
    const author = await ownLogin(target.octokit)
    const existing = await findComment(target, marker, author)
    if (existing) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body })
      logger.info(`Updated the report comment on pull request #${number}`)
      return 'updated'
    }
    await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body })
    logger.info(`Posted the report on pull request #${number}`)
    return 'created'
  } catch (error) {
    const status = statusOf(error)
    if (status === 403) {
      // Read-only tokens (forks, or no `pull-requests: write`) cannot comment; the check still counts.
      logger.warning(
        `Could not comment on pull request #${number} (HTTP 403): give the job \`permissions: pull-requests: write\`; ` +
          'the report is in the job summary.'
      )
      return 'no-permission'
    }
    // Retried already (5xx, rate limits): GitHub is having trouble. The check itself stands.
    logger.warning(
      `Could not comment on pull request #${number} (${status ? `HTTP ${status}: ` : ''}${(error as Error).message}); ` +
        'the report is in the job summary.'
    )
    return 'failed'
  }
}

/**
 * The token's own login: `GET /user` for a person's token; GraphQL's `viewer` for a GitHub App's
 * installation token (`<app>[bot]`); else github-actions[bot], the GITHUB_TOKEN's.
 */
async function ownLogin(octokit: IssueCommentsClient): Promise<string> {
  try {
    return (await octokit.rest.users.getAuthenticated()).data.login
  } catch {
    // An installation token: 403 "Resource not accessible by integration".
  }
  try {
    const answer = (await octokit.graphql?.(VIEWER_QUERY)) as { viewer?: { login?: unknown } } | undefined
    const login = answer?.viewer?.login
    if (typeof login === 'string' && login !== '') return login
  } catch {
    // The GITHUB_TOKEN may be refused here too.
  }
  return DEFAULT_COMMENT_AUTHOR
}

async function findComment(
  target: PullRequestTarget,
  marker: string,
  author: string
): Promise<IssueComment | undefined> {
  const { octokit, owner, repo, number } = target
  for (let page = 1; ; page++) {
    const { data } = await octokit.rest.issues.listComments({
      owner,
      repo,
      issue_number: number,
      per_page: PAGE_SIZE,
      page
    })
    // Ours only: a lookalike holding the marker, written by someone else, is not the report.
    const found = data.find(
      (comment) => comment.user?.login === author && (comment.body ?? '').startsWith(marker)
    )
    if (found || data.length < PAGE_SIZE) return found
  }
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}
