import { tmpdir } from 'node:os'
import * as core from '@actions/core'
import { context, getOctokit } from '@actions/github'
import { measureAgainstBase } from './compare/against-base.js'
import { judgeResults } from './compare/judge.js'
import { loadLegs } from './compare/legs.js'
import { describeLimit, type RegressionLimits } from './compare/limits.js'
import { withBase } from './compare/results.js'
import { Inputs, Outputs } from './constants.js'
import type { Logger } from './engine/logger.js'
import { MeasureError } from './engine/measure.js'
import { createProcReader } from './engine/procfs.js'
import type { CommandSettings } from './engine/settings.js'
import type { Verdict } from './gate.js'
import { pullRequestCommits, shortCommit } from './git/commits.js'
import { createGit } from './git/git.js'
import { createCommentApi } from './github/client.js'
import { pullRequestOf, workflowRunUrl } from './github/event.js'
import { DEFAULT_DELAYS_MS, sleep } from './github/retry.js'
import {
  getMode,
  getReportSettings,
  getSettings,
  type PublishSettings,
  type ReportSettings,
  type Settings
} from './inputs.js'
import { writeArtifacts, writeReport } from './publish/artifacts.js'
import { errorSummary, writeJobSummary } from './publish/job-summary.js'
import { judgeLegs, legsReport, overallVerdict } from './publish/legs-body.js'
import { resultsOutputs } from './publish/outputs.js'
import { publish, publishFailure, type PublishDeps } from './publish/publish.js'
import { resultsReport } from './publish/report-body.js'
import {
  failureMessage,
  notEnforcedMessage,
  verdictLogLines,
  verdictState
} from './publish/verdict.js'
import { formatDuration, formatMiB } from './report/format.js'
import { errorMessage } from './error-message.js'

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

function describeRegression(regression: RegressionLimits): string[] {
  return [
    regression.uss === null ? null : `max-uss-increase ${describeLimit(regression.uss)}`,
    regression.pss === null ? null : `max-pss-increase ${describeLimit(regression.pss)}`
  ].filter(limit => limit !== null)
}

function describeBase(settings: Settings): string {
  const { base } = settings
  switch (base.kind) {
    case 'none': {
      const unjudged = describeRegression(settings.regression).length > 0
      return (
        `Base: none, ${base.reason}` +
        (unjudged ? ': nothing to compare, so no increase is judged' : '')
      )
    }
    case 'baseline':
      return `Base: the baseline ${base.file}`
    case 'merge-base': {
      const runs = settings.measure.strategies.length * settings.measure.repeat
      return (
        `Base: the merge base of ${shortCommit(base.commits.base)} and ${shortCommit(base.commits.head)}, ` +
        `measured in turn with the head (${runs} more runs)`
      )
    }
  }
}

/** The limits, on the gate strategy or, in `mode: report` without one, on each leg's own. */
function limitsLine(gate: ReportSettings['gate'], regression: RegressionLimits): string {
  const limits = [
    gate.maxUss === null ? null : `max-uss ${formatMiB(gate.maxUss)}`,
    gate.maxPss === null ? null : `max-pss ${formatMiB(gate.maxPss)}`,
    gate.minFreezeSaving === null ? null : `min-freeze-saving ${gate.minFreezeSaving}%`,
    ...describeRegression(regression)
  ].filter(limit => limit !== null)
  if (limits.length === 0) return 'Limits: none (report only)'
  const on = gate.strategy ?? "each leg's freeze, else its first strategy"
  return (
    `Limits on ${on}: ${limits.join(', ')}` +
    (gate.failOnThreshold ? '' : ' (not enforced: fail-on-threshold is false)')
  )
}

/** What is about to run and what will judge it, for the log. */
export function planLines(settings: Settings): string[] {
  const { measure: m } = settings
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
    describeBase(settings),
    limitsLine(settings.gate, settings.regression),
    `Comment: ${settings.comment}, key ${settings.commentKey}`
  ]
}

/** What `mode: report` will read and judge, for the log. */
export function reportPlanLines(settings: ReportSettings): string[] {
  const patterns = settings.resultsGlob
    .split('\n')
    .map(line => line.trim())
    .filter(line => line !== '')
  return [
    `Results: ${patterns.join(', ')} in ${settings.workspace}`,
    limitsLine(settings.gate, settings.regression),
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

/** Where the report goes on this runner. */
function publishDeps(settings: PublishSettings): PublishDeps {
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

/** Fails the check on a crossed limit, or warns when the limits are not enforced. */
function conclude(verdict: Verdict): void {
  const state = verdictState(verdict)
  if (state === 'fail') core.setFailed(failureMessage(verdict))
  if (state === 'warn') core.warning(notEnforcedMessage(verdict))
}

/** `mode: measure`: the head, and its base when there is one, then the report. */
async function measureMode(settings: Settings): Promise<void> {
  await inGroup('Plan', () => planLines(settings).forEach(line => core.info(line)))

  const measured = await measureAgainstBase(settings.measure, settings.base, {
    proc: createProcReader(),
    log,
    git: directory => createGit(directory),
    tempDirectory: process.env.RUNNER_TEMP || tmpdir()
  })
  const results = withBase(measured.head, measured.base, settings.label)
  const noBase = measured.base === null ? measured.reason : undefined
  const verdict = judgeResults(results, settings.gate, settings.regression, noBase)
  const report = resultsReport(results, verdict, settings.gate.strategy)

  const paths = await inGroup('Report', () => {
    const written = writeArtifacts(results, report.render('full'), process.env)
    core.info(`Results: ${written.results}`)
    core.info(`Report: ${written.report}`)
    verdictLogLines(verdict).forEach(line => core.info(line))
    return written
  })

  await inGroup('Publish', () =>
    publish(
      {
        report,
        verdict,
        outputs: resultsOutputs(results, settings.gate.strategy, paths),
        comment: settings.comment,
        commentKey: settings.commentKey,
        runUrl: workflowRunUrl(process.env)
      },
      publishDeps(settings)
    )
  )
  conclude(verdict)
}

/** `mode: report`: the results files of a matrix's legs, judged and merged into one report. */
async function reportMode(settings: ReportSettings): Promise<void> {
  await inGroup('Plan', () => reportPlanLines(settings).forEach(line => core.info(line)))

  const legs = loadLegs(settings.resultsGlob, settings.workspace, `input '${Inputs.ResultsGlob}'`)
  const judged = judgeLegs(legs, settings.gate, settings.regression)
  const verdict = overallVerdict(judged, settings.gate.failOnThreshold)
  const report = legsReport(judged, verdict, settings.gate.strategy)

  const path = await inGroup('Report', () => {
    legs.forEach(leg => core.info(`Leg: ${leg.title} (${leg.file})`))
    const written = writeReport(report.render('full'), process.env)
    core.info(`Report: ${written}`)
    verdictLogLines(verdict).forEach(line => core.info(line))
    return written
  })

  await inGroup('Publish', () =>
    publish(
      {
        report,
        verdict,
        outputs: { [Outputs.Report]: path },
        comment: settings.comment,
        commentKey: settings.commentKey,
        runUrl: workflowRunUrl(process.env)
      },
      publishDeps(settings)
    )
  )
  conclude(verdict)
}

export async function run(): Promise<void> {
  let parsed: PublishSettings | undefined
  try {
    const platformProblem = unsupportedPlatform(process.platform)
    if (platformProblem !== null) throw new Error(platformProblem)

    const read = (name: string): string => core.getInput(name)
    const token = read(Inputs.GithubToken).trim()
    if (token !== '') core.setSecret(token)
    if (getMode(read) === 'report') {
      const settings = getReportSettings(read)
      parsed = settings
      await reportMode(settings)
    } else {
      const settings = getSettings(
        read,
        process.env,
        undefined,
        pullRequestCommits(context.payload)
      )
      parsed = settings
      await measureMode(settings)
    }
  } catch (error) {
    const message = redact(errorMessage(error), parsed?.githubToken)
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
