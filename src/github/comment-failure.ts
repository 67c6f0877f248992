import type { PullRequestTarget } from './event.js'
import { statusOf } from './retry.js'

const STILL_DONE =
  'The job summary and outputs were written, and the limits still decide the check.'

function reason(error: unknown): string {
  const status = statusOf(error)
  const message = error instanceof Error ? error.message : String(error)
  return status === undefined ? message : `${status} ${message}`
}

/** A warning for a comment that could not be written, naming the cause and the fix. */
export function commentFailureWarning(
  error: unknown,
  pr: PullRequestTarget,
  attempts: number
): string {
  const status = statusOf(error)
  const what = `Could not write the comment on pull request #${pr.number} (${reason(error)}).`
  let fix: string
  if (status === 401) {
    fix =
      'GitHub rejected the token: pass a valid one in `github-token`, or drop the input to use the default `${{ github.token }}`.'
  } else if ((status === 403 || status === 404) && pr.fromFork) {
    fix =
      'Pull requests from forks get a read-only token. Set `comment: never` in this `pull_request` workflow, ' +
      'and post its `comment-body` output from a second workflow triggered by `workflow_run`, which may write ' +
      '(see "Pull requests from forks" in the README).'
  } else if (status === 403 || status === 404) {
    fix =
      'The token may not write pull-request comments: add `permissions: pull-requests: write` to the job, ' +
      'or pass a token that can in `github-token`.'
  } else if (status !== undefined && status >= 500) {
    fix = `GitHub failed ${attempts} times in a row; re-run the job to try again.`
  } else {
    fix = 'Set `comment: never` to skip the comment.'
  }
  return `${what} ${fix} ${STILL_DONE}`
}
