/**
 * One comment per pull request holding the latest report: found by its hidden marker and updated
 * in place, created on the first run. Takes any client shaped like Octokit's `rest.issues`.
 */
import type { Logger } from '../logger.js'

interface IssueComment {
  id: number
  body?: string | null
}

/** The part of Octokit (`getOctokit(token)`) this module uses. */
export interface IssueCommentsClient {
  rest: {
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

export type CommentOutcome = 'created' | 'updated' | 'no-permission'

const PAGE_SIZE = 100

export async function upsertComment(
  target: PullRequestTarget,
  marker: string,
  body: string,
  logger: Logger
): Promise<CommentOutcome> {
  const { octokit, owner, repo, number } = target
  try {
    const existing = await findComment(target, marker)
    if (existing) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body })
      logger.info(`Updated the report comment on pull request #${number}`)
      return 'updated'
    }
    await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body })
    logger.info(`Posted the report on pull request #${number}`)
    return 'created'
  } catch (error) {
    if (statusOf(error) !== 403) throw error
    // Read-only tokens (forks, or no `pull-requests: write`) cannot comment; the check still counts.
    logger.warning(
      `Could not comment on pull request #${number} (HTTP 403): give the job \`permissions: pull-requests: write\`; ` +
        'the report is in the job summary.'
    )
    return 'no-permission'
  }
}

async function findComment(target: PullRequestTarget, marker: string): Promise<IssueComment | undefined> {
  const { octokit, owner, repo, number } = target
  for (let page = 1; ; page++) {
    const { data } = await octokit.rest.issues.listComments({
      owner,
      repo,
      issue_number: number,
      per_page: PAGE_SIZE,
      page
    })
    const found = data.find((comment) => comment.body?.includes(marker))
    if (found || data.length < PAGE_SIZE) return found
  }
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}
