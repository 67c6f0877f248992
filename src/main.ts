import * as core from '@actions/core'
import { context, getOctokit } from '@actions/github'
import type { Logger } from './engine/logger.js'
import type { CommandSettings } from './engine/settings.js'
import { MeasureError, measure } from './engine/measure.js'
import { createProcReader } from './engine/procfs.js'
import { judge } from './gate.js'
import { createCommentApi } from './github/client.js'
import { pullRequestOf, workflowRunUrl } from './github/event.js'
import { DEFAULT_DELAYS_MS, sleep } from './github/retry.js'
import { getSettings, type Settings } from './inputs.js'
import { writeArtifacts } from './publish/artifacts.js'
import { errorSummary, writeJobSummary } from './publish/job-summary.js'
import { publish, publishFailure, type PublishDeps } from './publish/publish.js'
import { reportBody } from './publish/report-body.js'
import {
  failureMessage,
  notEnforcedMessage,
  verdictLogLines,
  verdictState
} from './publish/verdict.js'
import { formatDuration, formatMiB } from './report/format.js'

const log: Logger = {
  info: core.info,
  warning: core.warning,
  startGroup: core.startGroup,
  endGroup: core.endGroup
}

/** Why this platform cannot run the action, or null when it can. */
export function unsupportedPlatform(platform: NodeJS.Platform): string | null {
  if (platform === 'linux') return null
  return (
    `Prefork Memory Check reads process memory from /proc, which only Linux has; this runner is ` +
    `${platform}. Run the job on a Linux runner such as \`runs-on: ubuntu-latest\`.`
  )
}

function describeReady(ready: CommandSettings['ready']): string {
  switch (ready.kind) {
    case 'settle':
      return "when the workers' memory settles"
    case 'url':
      return `when ${ready.url} answers 2xx`
    case 'log':
      return `when a line of output matches ${String(ready.pattern)}`
  }
}

function describeLoad(m: CommandSettings): string {
  const every = `, sampled every ${formatDuration(m.sampleIntervalMs)}`
  if (m.loadCommand === null) {
    return m.loadDurationMs === null
      ? 'none (one sample)'
      : `none, the workers idle for ${formatDuration(m.loadDurationMs)}${every}`
  }
  const until =
    m.loadDurationMs === null ? 'until it exits' : `for ${formatDuration(m.loadDurationMs)}`
  return `${m.loadCommand} (${until})${every}`
}

/** What is about to run and what will judge it, for the log. */
export function planLines(settings: Settings): string[] {
  const { measure: m, gate } = settings
  const limits = [
    gate.maxUss === null ? null : `max-uss ${formatMiB(gate.maxUss)}`,
    gate.maxPss === null ? null : `max-pss ${formatMiB(gate.maxPss)}`,
    gate.minFreezeSaving === null ? null : `min-freeze-saving ${gate.minFreezeSaving}%`
  ].filter(limit => limit !== null)
  const runs = `Runs: ${m.strategies.length * m.repeat} (${m.strategies.join(', ')} × ${m.repeat}), `
  const target =
    m.kind === 'command'
      ? [
          `Command: ${m.command}`,
          `Ready: ${describeReady(m.ready)}; load: ${describeLoad(m)}`,
          `${runs}${m.workers} workers expected each, at most ${m.timeoutMs / 1000} s per wait`,
          `Directory: ${m.workingDirectory}`
        ]
      : [
          `Target: ${m.entrypoint}${m.worker === null ? '' : `, worker ${m.worker} × ${m.iterations}`}`,
          `${runs}${m.workers} workers each, at most ${m.timeoutMs / 1000} s per run`,
          `Python: ${m.python} in ${m.workingDirectory}`
        ]
  return [
    ...target,
    limits.length === 0
      ? 'Limits: none (report only)'
      : `Limits on ${gate.strategy}: ${limits.join(', ')}` +
        (gate.failOnThreshold ? '' : ' (not enforced: fail-on-threshold is false)'),
    `Comment: ${settings.comment}, key ${settings.commentKey}`
  ]
}

async function inGroup<T>(name: string, body: () => Promise<T> | T): Promise<T> {
  core.startGroup(name)
  try {
    return await body()
  } finally {
    core.endGroup()
  }
}

function describe(error: unknown): string {
  // A TypeError or ReferenceError is a bug here, not the user's: keep the stack for the report.
  if (error instanceof TypeError || error instanceof ReferenceError) return String(error.stack)
  return error instanceof Error ? error.message : String(error)
}

/** Where the report goes on this runner. */
function publishDeps(settings: Settings): PublishDeps {
  return {
    log,
    setOutput: core.setOutput,
    env: process.env,
    pullRequest: pullRequestOf(context.payload, process.env.GITHUB_REPOSITORY),
    commentApi:
      settings.githubToken === '' ? null : createCommentApi(getOctokit(settings.githubToken)),
    retry: { delaysMs: DEFAULT_DELAYS_MS, sleep }
  }
}

/** The token can reach a message through the target's own output; the runner masks only its log. */
function redact(text: string, token: string | undefined): string {
  return token ? text.split(token).join('***') : text
}

export async function run(): Promise<void> {
  let parsed: Settings | undefined
  try {
    const platformProblem = unsupportedPlatform(process.platform)
    if (platformProblem !== null) throw new Error(platformProblem)

    const settings = getSettings(name => core.getInput(name))
    parsed = settings
    if (settings.githubToken !== '') core.setSecret(settings.githubToken)
    await inGroup('Plan', () => planLines(settings).forEach(line => core.info(line)))

    const results = await measure(settings.measure, { proc: createProcReader(), log })
    const verdict = judge(results, settings.gate)

    const paths = await inGroup('Report', () => {
      const written = writeArtifacts(results, reportBody(results, verdict, 'full'), process.env)
      core.info(`Results: ${written.results}`)
      core.info(`Report: ${written.report}`)
      verdictLogLines(verdict).forEach(line => core.info(line))
      return written
    })

    await inGroup('Publish', () =>
      publish(
        {
          results,
          verdict,
          paths,
          comment: settings.comment,
          commentKey: settings.commentKey,
          runUrl: workflowRunUrl(process.env)
        },
        publishDeps(settings)
      )
    )

    const state = verdictState(verdict)
    if (state === 'fail') core.setFailed(failureMessage(verdict))
    if (state === 'warn') core.warning(notEnforcedMessage(verdict))
  } catch (error) {
    const message = redact(describe(error), parsed?.githubToken)
    core.setFailed(message)
    if (parsed === undefined) {
      // Nothing ran: the inputs or the platform were wrong, and there is no comment key yet.
      if (process.env.GITHUB_STEP_SUMMARY) writeJobSummary(errorSummary(message), process.env, log)
      return
    }
    const settings = parsed
    const failure = {
      message,
      partial: error instanceof MeasureError ? error.partial : null,
      comment: settings.comment,
      commentKey: settings.commentKey,
      runUrl: workflowRunUrl(process.env)
    }
    await inGroup('Publish', () => publishFailure(failure, publishDeps(settings)))
  }
}
