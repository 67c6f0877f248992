import type { getOctokit } from '@actions/github'

export type Octokit = ReturnType<typeof getOctokit>

/** The issue (a pull request is one) whose conversation holds the comment. */
export interface IssueRef {
  owner: string
  repo: string
  number: number
}

export interface IssueComment {
  id: number
  body: string
  /** Login of the author; bots end in `[bot]`. */
  author: string
  url: string
}

/** The few GitHub calls the sticky comment makes; tests substitute an in-memory one. */
export interface CommentApi {
  /** Login behind the token (`GET /user`); the Actions token and app tokens get 403 here. */
  authenticatedUser(): Promise<string>
  /** GraphQL `viewer { login }`: `github-actions` for the Actions token, the app's slug for an app. */
  viewerLogin(): Promise<string>
  /** Every comment on the issue, all pages. */
  listComments(issue: IssueRef): Promise<IssueComment[]>
  createComment(issue: IssueRef, body: string): Promise<IssueComment>
  updateComment(issue: IssueRef, commentId: number, body: string): Promise<IssueComment>
}

/** A hung connection must not hold the job; one budget per call, shared by its pages. */
const CALL_TIMEOUT_MS = 30_000

interface RestComment {
  id: number
  body?: string | null
  html_url: string
  user: { login: string } | null
}

function toComment(comment: RestComment): IssueComment {
  return {
    id: comment.id,
    body: comment.body ?? '',
    author: comment.user?.login ?? '',
    url: comment.html_url
  }
}

/** Adapts Octokit to CommentApi. */
export function createCommentApi(octokit: Octokit): CommentApi {
  const call = <T>(request: (signal: AbortSignal) => Promise<T>): Promise<T> =>
    request(AbortSignal.timeout(CALL_TIMEOUT_MS))

  return {
    authenticatedUser: () =>
      call(
        async signal =>
          (await octokit.rest.users.getAuthenticated({ request: { signal } })).data.login
      ),

    viewerLogin: () =>
      call(async signal => {
        const answer = await octokit.graphql<{ viewer: { login: string } }>(
          'query { viewer { login } }',
          { request: { signal } }
        )
        return answer.viewer.login
      }),

    listComments: issue =>
      call(async signal => {
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
          owner: issue.owner,
          repo: issue.repo,
          issue_number: issue.number,
          per_page: 100,
          request: { signal }
        })
        return comments.map(toComment)
      }),

    createComment: (issue, body) =>
      call(async signal => {
        const { data } = await octokit.rest.issues.createComment({
          owner: issue.owner,
          repo: issue.repo,
          issue_number: issue.number,
          body,
          request: { signal }
        })
        return toComment(data)
      }),

    updateComment: (issue, commentId, body) =>
      call(async signal => {
        const { data } = await octokit.rest.issues.updateComment({
          owner: issue.owner,
          repo: issue.repo,
          comment_id: commentId,
          body,
          request: { signal }
        })
        return toComment(data)
      })
  }
}
