import { Outputs } from '../constants.js'
import type { Logger } from '../engine/logger.js'
import type { Results } from '../engine/types.js'
import type { Verdict } from '../gate.js'
import type { CommentApi } from '../github/client.js'
import { commentFailureWarning } from '../github/comment-failure.js'
import type { PullRequestTarget } from '../github/event.js'
import { statusOf, type RetryOptions } from '../github/retry.js'
import { upsertStickyComment } from '../github/sticky-comment.js'
import type { CommentMode } from '../inputs.js'
import { commentMarker, composeComment, composeFailureComment } from './comment-body.js'
import type { Fitted } from './fit.js'
import { composeSummary, errorSummary, writeJobSummary } from './job-summary.js'
import type { Report } from './report-body.js'

export interface PublishInput {
  report: Report
  verdict: Verdict
  /** Every output known before the comment is composed: the files, the figures. */
  outputs: Record<string, string>
  comment: CommentMode
  commentKey: string
  /** Link to the workflow run for the comment's footer. */
  runUrl: string | null
}

/** Where the report goes, passed in so tests can watch it. */
export interface PublishDeps {
  log: Logger
  setOutput(name: string, value: string): void
  env: NodeJS.ProcessEnv
  /** The event's pull request; null for events without one. */
  pullRequest: PullRequestTarget | null
  /** Null when there is no token to comment with. */
  commentApi: CommentApi | null
  retry: RetryOptions
}

function noteShortened(fitted: Fitted, what: string, log: Logger): void {
  if (fitted.cut) log.info(`The ${what} was cut to fit GitHub's size limit.`)
  else if (fitted.detail !== 'full')
    log.info(`The ${what} shows the ${fitted.detail} report to fit GitHub's size limit.`)
}

/** What decides whether and where the comment is written. */
interface CommentRequest {
  comment: CommentMode
  commentKey: string
  failed: boolean
}

async function publishComment(
  input: CommentRequest,
  body: string,
  deps: PublishDeps
): Promise<void> {
  const { log, pullRequest: pr } = deps
  if (input.comment === 'never') {
    log.info('No pull-request comment: `comment` is `never`.')
    return
  }
  if (pr === null) {
    log.info(
      'No pull-request comment: this event has no pull request; the report is in the job summary.'
    )
    return
  }
  if (deps.commentApi === null) {
    log.warning(
      'No pull-request comment: `github-token` is empty. Leave it unset to use `${{ github.token }}`.'
    )
    return
  }
  const retry: RetryOptions = {
    ...deps.retry,
    onRetry: (error, attempt, delayMs) =>
      log.info(
        `GitHub answered ${statusOf(error) ?? 'with an error'}; trying again in ${delayMs / 1000} s ` +
          `(attempt ${attempt + 1} of ${deps.retry.delaysMs.length + 1}).`
      )
  }
  try {
    const outcome = await upsertStickyComment(
      deps.commentApi,
      {
        issue: pr,
        marker: commentMarker(input.commentKey),
        body,
        mode: input.comment,
        failed: input.failed
      },
      retry
    )
    if (outcome.action === 'skipped') {
      log.info(`No pull-request comment: ${outcome.reason}.`)
      return
    }
    log.info(
      `${outcome.action === 'created' ? 'Created' : 'Updated'} the comment on #${pr.number}: ${outcome.url}`
    )
    deps.setOutput(Outputs.CommentUrl, outcome.url)
  } catch (error) {
    log.warning(commentFailureWarning(error, pr, deps.retry.delaysMs.length + 1))
  }
}

/**
 * Job summary, outputs, then the sticky comment; a failed comment only warns. `verdict` says
 * whether the limits held, enforced or not.
 */
export async function publish(input: PublishInput, deps: PublishDeps): Promise<void> {
  const summary = composeSummary(input.report)
  noteShortened(summary, 'job summary', deps.log)
  writeJobSummary(summary.text, deps.env, deps.log)

  const comment = composeComment(input.report, { key: input.commentKey, runUrl: input.runUrl })
  noteShortened(comment, 'comment', deps.log)

  const outputs = {
    ...input.outputs,
    [Outputs.CommentBody]: comment.text,
    [Outputs.Verdict]: input.verdict.passed ? 'pass' : 'fail'
  }
  for (const [name, value] of Object.entries(outputs)) deps.setOutput(name, value)

  const request = {
    comment: input.comment,
    commentKey: input.commentKey,
    failed: !input.verdict.passed
  }
  await publishComment(request, comment.text, deps)
}

export interface FailureInput {
  /** The error, as the check's failure message gives it. */
  message: string
  /** Strategies that completed runs before the failure, or null. */
  partial: Results | null
  comment: CommentMode
  commentKey: string
  runUrl: string | null
}

/**
 * A run that stopped with an error: the error and any completed runs go to the job summary and
 * to the comment, so a comment left by an earlier run does not go on showing stale figures.
 */
/** Where a failure message turns to the target's own traceback or output. */
const TARGET_TEXT = /^(Traceback \(most recent call last\):|Last output of |.* printed nothing\.$)/m

/**
 * The failure as the pull request shows it: without the target's traceback and output, which
 * may hold secrets the runner masks in its log but nobody masks in a public comment.
 */
export function publicFailureMessage(message: string): string {
  const cut = TARGET_TEXT.exec(message)
  if (cut === null) return message
  return (
    `${message.slice(0, cut.index).trimEnd()}\n\n` +
    "The target's traceback and output are in this run's job summary and log."
  )
}

export async function publishFailure(input: FailureInput, deps: PublishDeps): Promise<void> {
  writeJobSummary(errorSummary(input.message, input.partial), deps.env, deps.log)
  const body = composeFailureComment(
    errorSummary(publicFailureMessage(input.message), input.partial),
    { key: input.commentKey, runUrl: input.runUrl }
  )
  const request = { comment: input.comment, commentKey: input.commentKey, failed: true }
  await publishComment(request, body, deps)
}
