import { commentFailureWarning } from '../src/github/comment-failure.js'

const pr = { owner: 'acme', repo: 'shop', number: 7, fromFork: false }
const fork = { ...pr, fromFork: true }
const httpError = (status: number, message: string): Error =>
  Object.assign(new Error(message), { status })

describe('commentFailureWarning', () => {
  it.each([403, 404])('tells a same-repository %i to grant pull-requests: write', status => {
    const warning = commentFailureWarning(
      httpError(status, 'Resource not accessible by integration'),
      pr,
      3
    )
    expect(warning).toContain(
      `Could not write the comment on pull request #7 (${status} Resource not accessible by integration).`
    )
    expect(warning).toContain('add `permissions: pull-requests: write` to the job')
    expect(warning).toContain('the limits still decide the check')
  })

  it('tells a fork to use the two-workflow pattern with comment-body', () => {
    const warning = commentFailureWarning(
      httpError(403, 'Resource not accessible by integration'),
      fork,
      3
    )
    expect(warning).toContain('Pull requests from forks get a read-only token')
    expect(warning).toContain('`workflow_run`')
    expect(warning).toContain('`comment-body` output')
    expect(warning).not.toContain('pull-requests: write')
  })

  it('points a 401 at github-token', () => {
    expect(commentFailureWarning(httpError(401, 'Bad credentials'), pr, 3)).toContain(
      'GitHub rejected the token: pass a valid one in `github-token`'
    )
  })

  it('says how often GitHub failed', () => {
    expect(commentFailureWarning(httpError(502, 'Bad Gateway'), pr, 3)).toContain(
      'GitHub failed 3 times in a row; re-run the job to try again.'
    )
  })

  it('passes anything else on with its message', () => {
    const warning = commentFailureWarning(httpError(422, 'Validation Failed'), pr, 3)
    expect(warning).toMatch(
      /^Could not write the comment on pull request #7 \(422 Validation Failed\)\. Set `comment: never`/
    )
  })
})
