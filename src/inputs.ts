import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import {
  REGRESSION_FORMS,
  parseRegressionLimit,
  type RegressionLimit,
  type RegressionLimits
} from './compare/limits.js'
import { ResultsFileError, readResultsFile } from './compare/read-results.js'
import type { StoredResults } from './compare/schema.js'
import { Inputs } from './constants.js'
import type { CommandSettings, EntrypointSettings, MeasureSettings } from './engine/settings.js'
import { STRATEGIES, type Strategy } from './engine/types.js'
import type { GateSettings } from './gate.js'
import type { PullRequestCommits } from './git/commits.js'
import { DURATION_FORMS, SIZE_FORMS, parseDuration, parsePercent, parseSize } from './sizes.js'

export const COMMENT_MODES = ['always', 'on-failure', 'never'] as const
export type CommentMode = (typeof COMMENT_MODES)[number]

/** `measure` runs the target; `report` merges the results files of earlier runs into one comment. */
export const MODES = ['measure', 'report'] as const
export type Mode = (typeof MODES)[number]

/** `auto`: compare with the pull request's base when the event has one and no baseline is set. */
export const COMPARE_BASE = ['auto', 'true', 'false'] as const

/** What the head is compared with, decided from the inputs and the event. */
export type BaseRequest =
  /** Nothing to compare with; `reason` says why, for the log. */
  | { kind: 'none'; reason: string }
  /**
   * The merge base of the pull request's commits, measured in this job. `required`: asked for by
   * `compare-base: true` rather than by `auto`.
   */
  | { kind: 'merge-base'; commits: PullRequestCommits; required: boolean }
  /** A results file of an earlier run, read and checked up front; `file` as the input names it. */
  | { kind: 'baseline'; file: string; results: StoredResults }

/** Where the report goes: the sticky comment and the token to write it with. */
export interface PublishSettings {
  comment: CommentMode
  /** Tells apart the sticky comments of several jobs or matrix legs on one PR. */
  commentKey: string
  githubToken: string
}

/** Every input of `mode: measure`, parsed and validated once. */
export interface Settings extends PublishSettings {
  measure: MeasureSettings
  gate: GateSettings
  /** `max-uss-increase` and `max-pss-increase`, judged when there is a base. */
  regression: RegressionLimits
  base: BaseRequest
  /** Stored in the results, where it tells matrix legs apart; null for none. */
  label: string | null
}

/** Every input of `mode: report`. */
export interface ReportSettings extends PublishSettings {
  /** Patterns of the legs' results files, one a line. */
  resultsGlob: string
  /** Where relative patterns start. */
  workspace: string
  /** The limits each leg is judged by; `strategy` null: each leg's default (freeze, else its first). */
  gate: Omit<GateSettings, 'strategy'> & { strategy: Strategy | null }
  regression: RegressionLimits
}

/** Defaults of the inputs that have a fixed one; action.yml declares the same. */
export const DEFAULTS = {
  [Inputs.Iterations]: '1',
  [Inputs.SampleInterval]: '500ms',
  [Inputs.Workers]: '4',
  [Inputs.Strategies]: 'none, freeze',
  [Inputs.Repeat]: '3',
  [Inputs.Python]: 'python3',
  [Inputs.WorkingDirectory]: '.',
  [Inputs.Timeout]: '5m',
  [Inputs.FailOnThreshold]: 'true',
  [Inputs.Comment]: 'always',
  [Inputs.CompareBase]: 'auto',
  [Inputs.Mode]: 'measure'
} as const

/** All problems found in the inputs, one line each, so a user can fix them in one go. */
export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? problems[0]
        : `${problems.length} inputs are invalid:\n${problems.map(p => `- ${p}`).join('\n')}`
    )
    this.name = 'InputError'
  }
}

const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']

/** Quotes a user value for a message, one line and short enough to read. */
function shown(value: string): string {
  const line = value.replace(/\r?\n/g, '\\n')
  return `'${line.length > 80 ? `${line.slice(0, 79)}…` : line}'`
}

function listOf(values: readonly string[]): string {
  return values.join(', ')
}

/** Splits on commas and newlines, trims, drops empties and repeats, keeps the order given. */
function splitList(text: string): string[] {
  const items = text
    .split(/[,\n]/)
    .map(s => s.trim())
    .filter(s => s !== '')
  return [...new Set(items)]
}

/** Dotted Python identifiers: `pkg.mod`, `App.create`. */
const DOTTED_NAME = /^[\p{L}_][\p{L}\p{N}_]*(\.[\p{L}_][\p{L}\p{N}_]*)*$/u

/**
 * Whether the harness can resolve `spec`: a module or file, then optionally `:` and a dotted
 * attribute path, split at the last colon as the harness does. Module names are left to Python.
 */
function isImportSpec(spec: string): boolean {
  const colon = spec.lastIndexOf(':')
  if (colon === -1) return true
  return colon > 0 && DOTTED_NAME.test(spec.slice(colon + 1))
}

function isStrategy(name: string): name is Strategy {
  return (STRATEGIES as readonly string[]).includes(name)
}

/** Why `path` cannot be the working directory, or null when it can. */
function directoryProblem(path: string): string | null {
  try {
    return statSync(path).isDirectory() ? null : 'is not a directory'
  } catch {
    return 'does not exist'
  }
}

/** How inputs are read, named and rejected: the closures of createReader. */
interface InputReader {
  value(name: string, fallback?: string): string
  subject(name: string): string
  refer(name: string): string
  reject(name: string, got: string, accepted: string): void
  problem(text: string): void
  wholeNumber(name: keyof typeof DEFAULTS, min: number, max: number): number
  /** Given a value of its own: not empty, not its default. */
  isSet(name: string): boolean
}

type TargetSettings =
  | Pick<EntrypointSettings, 'kind' | 'entrypoint' | 'worker' | 'iterations' | 'python'>
  | Pick<
      CommandSettings,
      'kind' | 'command' | 'ready' | 'loadCommand' | 'loadDurationMs' | 'sampleIntervalMs'
    >

const IMPORT_SPEC_FORMS =
  "a Python import spec such as 'app.main', 'app.main:preload' or 'src/app.py:preload'"

/** Inputs that mean something to one kind of target only. */
const ENTRYPOINT_ONLY = [Inputs.Worker, Inputs.Iterations, Inputs.Python] as const
const COMMAND_ONLY = [
  Inputs.ReadyUrl,
  Inputs.ReadyLog,
  Inputs.LoadCommand,
  Inputs.LoadDuration,
  Inputs.SampleInterval
] as const

/** Samples closer together would load the runner more than the server; further apart say little. */
const SAMPLE_INTERVAL_MS = { min: 100, max: 3_600_000 }

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

/** The engine's reason a pattern does not compile ("Unterminated group"), or null when it does. */
function regexProblem(pattern: string): string | null {
  try {
    new RegExp(pattern)
    return null
  } catch (error) {
    return (error as Error).message.split(': ').pop() ?? 'invalid'
  }
}

/**
 * The target: `entrypoint` or `command`, exactly one, with the inputs that belong to it. Inputs of
 * the other kind are errors rather than silently ignored; null when no kind can be told.
 */
function readTarget(input: InputReader): TargetSettings | null {
  const { value, subject, refer, reject, problem } = input
  const entrypoint = value(Inputs.Entrypoint)
  const command = value(Inputs.Command)
  if (entrypoint !== '' && command !== '') {
    problem(
      `${subject(Inputs.Entrypoint)} and ${refer(Inputs.Command)} exclude each other; got both ` +
        `(${shown(entrypoint)} and ${shown(command)}). Keep ${refer(Inputs.Entrypoint)} to preload ` +
        `a Python import spec and fork from it, or ${refer(Inputs.Command)} to measure a server ` +
        'command line.'
    )
    return null
  }
  if (entrypoint === '' && command === '') {
    problem(
      `${subject(Inputs.Entrypoint)} or ${refer(Inputs.Command)} is required: ` +
        `${refer(Inputs.Entrypoint)} is ${IMPORT_SPEC_FORMS} to preload and fork from, ` +
        `${refer(Inputs.Command)} a server command line such as 'gunicorn --preload -w 4 app:app'.`
    )
    return null
  }
  const { isSet } = input

  if (command === '') {
    for (const name of COMMAND_ONLY.filter(isSet)) {
      problem(
        `${subject(name)} applies only to ${refer(Inputs.Command)}; got ${shown(value(name))} with ` +
          `${refer(Inputs.Entrypoint)}. Remove it, or measure a server command line with ` +
          `${refer(Inputs.Command)}.`
      )
    }
    const worker = value(Inputs.Worker) || null
    for (const [name, spec] of [
      [Inputs.Entrypoint, entrypoint],
      [Inputs.Worker, worker ?? '']
    ]) {
      // A callable is named, not called: `app:create_app()` is a common carry-over from gunicorn.
      if (spec !== '' && !isImportSpec(spec)) reject(name, spec, IMPORT_SPEC_FORMS)
    }
    return {
      kind: 'entrypoint',
      entrypoint,
      worker,
      iterations: input.wholeNumber(Inputs.Iterations, 0, Number.MAX_SAFE_INTEGER),
      python: value(Inputs.Python, DEFAULTS[Inputs.Python])
    }
  }

  const instead: Record<(typeof ENTRYPOINT_ONLY)[number], string> = {
    [Inputs.Worker]: `A server's work is the requests it serves: send them with ${refer(Inputs.LoadCommand)}.`,
    [Inputs.Iterations]: `Remove it: ${refer(Inputs.LoadCommand)} decides how much work the workers do.`,
    [Inputs.Python]:
      "The command starts its own interpreter: remove the input and name the interpreter in the command, such as 'python3.12 -m gunicorn …'."
  }
  for (const name of ENTRYPOINT_ONLY.filter(isSet)) {
    problem(
      `${subject(name)} does not apply to ${refer(Inputs.Command)}; got ${shown(value(name))}. ` +
        instead[name]
    )
  }

  const url = value(Inputs.ReadyUrl)
  const log = value(Inputs.ReadyLog)
  if (url !== '' && log !== '') {
    problem(
      `${subject(Inputs.ReadyUrl)} and ${refer(Inputs.ReadyLog)} exclude each other; got both ` +
        `(${shown(url)} and ${shown(log)}). Keep the URL to wait for a 2xx answer, or the pattern ` +
        "to wait for a line of the server's output."
    )
  } else if (url !== '' && !isHttpUrl(url)) {
    reject(Inputs.ReadyUrl, url, "an http:// or https:// URL such as 'http://127.0.0.1:8000/'")
  }
  const logIssue = log === '' ? null : regexProblem(log)
  if (logIssue !== null) {
    problem(
      `${subject(Inputs.ReadyLog)} must be a regular expression (JavaScript syntax) such as ` +
        `'Booting worker'; got ${shown(log)}, which does not compile: ${logIssue}.`
    )
  }
  let ready: CommandSettings['ready'] = { kind: 'settle' }
  if (url !== '' && log === '') ready = { kind: 'url', url }
  if (log !== '' && url === '' && logIssue === null)
    ready = { kind: 'log', pattern: new RegExp(log) }

  const durationText = value(Inputs.LoadDuration)
  const loadDurationMs = durationText === '' ? null : parseDuration(durationText)
  if (durationText !== '' && loadDurationMs === null) {
    reject(Inputs.LoadDuration, durationText, DURATION_FORMS)
  }
  const intervalText = value(Inputs.SampleInterval, DEFAULTS[Inputs.SampleInterval])
  const sampleIntervalMs = parseDuration(intervalText) ?? 0
  if (sampleIntervalMs < SAMPLE_INTERVAL_MS.min || sampleIntervalMs > SAMPLE_INTERVAL_MS.max) {
    reject(Inputs.SampleInterval, intervalText, 'a duration from 100ms to 1h such as 250ms or 2s')
  }
  return {
    kind: 'command',
    command,
    ready,
    loadCommand: value(Inputs.LoadCommand) || null,
    loadDurationMs,
    sampleIntervalMs
  }
}

function defaultCommentKey(env: NodeJS.ProcessEnv): string {
  return env.GITHUB_WORKFLOW && env.GITHUB_JOB
    ? `${env.GITHUB_WORKFLOW}/${env.GITHUB_JOB}`
    : 'default'
}

/** Reads inputs and collects their problems; shared by both modes. */
interface Reader extends InputReader {
  problems: string[]
}

function createReader(read: (name: string) => string, refer: (name: string) => string): Reader {
  const problems: string[] = []
  const subject = (name: string): string => refer(name).replace(/^./, c => c.toUpperCase())
  const value = (name: string, fallback = ''): string => read(name).trim() || fallback
  const reject = (name: string, got: string, accepted: string): void => {
    problems.push(`${subject(name)} must be ${accepted}; got ${shown(got)}.`)
  }
  const wholeNumber = (name: keyof typeof DEFAULTS, min: number, max: number): number => {
    const text = value(name, DEFAULTS[name])
    const n = /^\d+$/.test(text) ? Number(text) : NaN
    if (n >= min && n <= max) return n
    const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`
    reject(name, text, `a whole number ${range}`)
    return min
  }
  const isSet = (name: string): boolean => {
    const text = value(name)
    return text !== '' && text !== (DEFAULTS as Record<string, string>)[name]
  }
  return {
    problems,
    value,
    subject,
    refer,
    reject,
    problem: text => problems.push(text),
    wholeNumber,
    isSet
  }
}

/** The limits and the publishing inputs, which both modes share. */
interface Shared {
  maxUss: number | null
  maxPss: number | null
  regression: RegressionLimits
  failOnThreshold: boolean
  comment: CommentMode
  commentKey: string
  githubToken: string
}

function readShared(input: Reader, env: NodeJS.ProcessEnv): Shared {
  const { value, reject } = input
  const size = (name: string): number | null => {
    const text = value(name)
    if (text === '') return null
    const bytes = parseSize(text)
    if (bytes === null) reject(name, text, SIZE_FORMS)
    return bytes
  }
  const increase = (name: string): RegressionLimit | null => {
    const text = value(name)
    if (text === '') return null
    const limit = parseRegressionLimit(text)
    if (limit === null) reject(name, text, REGRESSION_FORMS)
    return limit
  }
  const maxUss = size(Inputs.MaxUss)
  const maxPss = size(Inputs.MaxPss)
  const regression = { uss: increase(Inputs.MaxUssIncrease), pss: increase(Inputs.MaxPssIncrease) }

  const failText = value(Inputs.FailOnThreshold, DEFAULTS[Inputs.FailOnThreshold])
  if (!TRUE.includes(failText) && !FALSE.includes(failText)) {
    reject(Inputs.FailOnThreshold, failText, 'true or false')
  }

  const commentText = value(Inputs.Comment, DEFAULTS[Inputs.Comment])
  const comment = COMMENT_MODES.find(mode => mode === commentText.toLowerCase())
  if (!comment) reject(Inputs.Comment, commentText, `one of ${listOf(COMMENT_MODES)}`)

  // The key ends up inside an HTML comment that marks our PR comment.
  const commentKey = value(Inputs.CommentKey, defaultCommentKey(env))
  if (/[\r\n]/.test(commentKey) || commentKey.includes('-->')) {
    reject(Inputs.CommentKey, commentKey, "one line without '-->'")
  }
  return {
    maxUss,
    maxPss,
    regression,
    failOnThreshold: TRUE.includes(failText),
    comment: comment ?? 'always',
    commentKey,
    githubToken: value(Inputs.GithubToken)
  }
}

/** One InputError with every problem; a token pasted into the wrong input is redacted. */
function inputError(input: Reader): InputError {
  const token = input.value(Inputs.GithubToken)
  const redact = (p: string): string => (token ? p.split(token).join('***') : p)
  return new InputError(input.problems.map(redact))
}

function throwProblems(input: Reader): void {
  if (input.problems.length > 0) throw inputError(input)
}

/** `min-freeze-saving` as a number, or null when not set. */
function readFreezeSaving(input: Reader): number | null {
  const text = input.value(Inputs.MinFreezeSaving)
  if (text === '') return null
  const saving = parsePercent(text)
  if (saving === null) {
    input.reject(Inputs.MinFreezeSaving, text, 'a percentage from 0 to 100 such as 50 or 50%')
  }
  return saving
}

/**
 * The input `mode`: `measure` runs the target, `report` merges the results files of earlier runs.
 * Throws an InputError for anything else, since the other inputs mean something different in each.
 */
export function getMode(
  read: (name: string) => string,
  refer: (name: string) => string = name => `input '${name}'`
): Mode {
  const input = createReader(read, refer)
  const text = input.value(Inputs.Mode, DEFAULTS[Inputs.Mode])
  const mode = MODES.find(m => m === text.toLowerCase())
  if (mode === undefined) input.reject(Inputs.Mode, text, 'measure or report')
  throwProblems(input)
  return mode ?? 'measure'
}

/** What the head is compared with, from `compare-base`, `baseline` and the event. */
function readBase(
  input: Reader,
  workspace: string,
  env: NodeJS.ProcessEnv,
  pullRequest: PullRequestCommits | null
): BaseRequest {
  const { value, subject, refer, reject, problem } = input
  const compareText = value(Inputs.CompareBase, DEFAULTS[Inputs.CompareBase])
  const compare = COMPARE_BASE.find(c => c === compareText.toLowerCase())
  if (compare === undefined) reject(Inputs.CompareBase, compareText, 'auto, true or false')
  const baselineText = value(Inputs.Baseline)
  if (baselineText !== '') {
    if (compare === 'true') {
      problem(
        `${subject(Inputs.CompareBase)} is true and ${refer(Inputs.Baseline)} is set; they exclude ` +
          `each other. Keep ${refer(Inputs.Baseline)} to compare with a results file, or ` +
          `${refer(Inputs.CompareBase)} to measure the pull request's base in this job.`
      )
      return { kind: 'none', reason: 'the inputs are invalid' }
    }
    try {
      const results = readResultsFile(resolve(workspace, baselineText))
      return { kind: 'baseline', file: baselineText, results }
    } catch (error) {
      if (!(error instanceof ResultsFileError)) throw error
      problem(
        `${subject(Inputs.Baseline)} must be a results file of Prefork Memory Check; got ` +
          `${shown(baselineText)}: ${error.message} Download it first (actions/download-artifact), ` +
          `or leave ${refer(Inputs.Baseline)} empty.`
      )
      return { kind: 'none', reason: 'the inputs are invalid' }
    }
  }
  if (compare === 'false') {
    return { kind: 'none', reason: `${refer(Inputs.CompareBase)} is false` }
  }
  if (pullRequest === null) {
    const event = env.GITHUB_EVENT_NAME ? `this ${env.GITHUB_EVENT_NAME} event` : 'this run'
    if (compare === 'true') {
      problem(
        `${subject(Inputs.CompareBase)} is true, but ${event} has no pull request to take a base ` +
          `from. Use auto to compare on pull requests only, or set ${refer(Inputs.Baseline)} to ` +
          'a results file to compare with.'
      )
    }
    return {
      kind: 'none',
      reason: `${event} has no pull request and ${refer(Inputs.Baseline)} is empty`
    }
  }
  return { kind: 'merge-base', commits: pullRequest, required: compare === 'true' }
}

/**
 * Reads every input of `mode: measure` through `read` (which returns '' for an unset input) and
 * validates them all. Throws one InputError listing every problem; nothing has run at that point.
 * `refer` names an input in messages, so the CLI can speak of its flags instead. `pullRequest` is
 * the event's pull request, whose base `compare-base` measures; null for none.
 */
export function getSettings(
  read: (name: string) => string,
  env: NodeJS.ProcessEnv = process.env,
  refer: (name: string) => string = name => `input '${name}'`,
  pullRequest: PullRequestCommits | null = null
): Settings {
  const input = createReader(read, refer)
  const { value, subject, reject, problem, wholeNumber } = input
  const problems = input.problems

  const target = readTarget(input)
  const workers = wholeNumber(Inputs.Workers, 1, 1024)
  const repeat = wholeNumber(Inputs.Repeat, 1, 100)

  const strategiesText = value(Inputs.Strategies, DEFAULTS[Inputs.Strategies])
  const named = splitList(strategiesText)
  const unknown = named.filter(name => !isStrategy(name))
  const strategies = named.filter(isStrategy)
  const strategiesValid = unknown.length === 0 && strategies.length > 0
  if (!strategiesValid) {
    const why = unknown.length > 0 ? ` (unknown: ${listOf(unknown)})` : ''
    problems.push(
      `${subject(Inputs.Strategies)} must list one or more of ${listOf(STRATEGIES)}, ` +
        `comma- or newline-separated; got ${shown(strategiesText)}${why}.`
    )
  }

  const workspace = env.GITHUB_WORKSPACE || process.cwd()
  const directoryText = value(Inputs.WorkingDirectory, DEFAULTS[Inputs.WorkingDirectory])
  const workingDirectory = resolve(workspace, directoryText)
  const directoryIssue = directoryProblem(workingDirectory)
  if (directoryIssue) {
    problems.push(
      `${subject(Inputs.WorkingDirectory)} must be an existing directory; got ` +
        `${shown(directoryText)}, which resolves to ${workingDirectory} and ${directoryIssue}.`
    )
  }

  const timeoutText = value(Inputs.Timeout, DEFAULTS[Inputs.Timeout])
  const timeoutMs = parseDuration(timeoutText)
  if (timeoutMs === null) reject(Inputs.Timeout, timeoutText, DURATION_FORMS)

  const gateText = value(Inputs.GateStrategy)
  let gateStrategy: Strategy = strategies.includes('freeze') ? 'freeze' : (strategies[0] ?? 'none')
  if (gateText !== '') {
    if (isStrategy(gateText) && (!strategiesValid || strategies.includes(gateText))) {
      gateStrategy = gateText
    } else {
      const among = strategiesValid ? strategies : STRATEGIES
      reject(Inputs.GateStrategy, gateText, `one of the measured strategies (${listOf(among)})`)
    }
  }

  const shared = readShared(input, env)
  const minFreezeSaving = readFreezeSaving(input)
  if (
    minFreezeSaving !== null &&
    strategiesValid &&
    !(strategies.includes('none') && strategies.includes('freeze'))
  ) {
    problem(
      `${subject(Inputs.MinFreezeSaving)} compares freeze with none, so ${refer(Inputs.Strategies)} ` +
        `must include both; got ${shown(strategiesText)}.`
    )
  }

  const base = readBase(input, workspace, env, pullRequest)
  const label = value(Inputs.Label)
  if (/[\r\n]/.test(label)) reject(Inputs.Label, label, 'one line')
  const resultsGlob = value(Inputs.ResultsGlob)
  if (resultsGlob !== '') {
    problem(
      `${subject(Inputs.ResultsGlob)} applies only to ${refer(Inputs.Mode)} report; got ` +
        `${shown(resultsGlob)}. Set ${refer(Inputs.Mode)} to report to merge the results files ` +
        'of earlier runs, or remove it.'
    )
  }

  // A target is missing only with a problem that says why.
  if (problems.length > 0 || target === null) throw inputError(input)

  const common = { workers, strategies, repeat, workingDirectory, timeoutMs: timeoutMs ?? 0 }
  return {
    measure: { ...target, ...common },
    gate: {
      strategy: gateStrategy,
      maxUss: shared.maxUss,
      maxPss: shared.maxPss,
      minFreezeSaving,
      failOnThreshold: shared.failOnThreshold
    },
    regression: shared.regression,
    base,
    label: label === '' ? null : label,
    comment: shared.comment,
    commentKey: shared.commentKey,
    githubToken: shared.githubToken
  }
}

/** Inputs that `mode: report` has no use for: it measures nothing and reads what others wrote. */
const MEASURE_ONLY = [
  Inputs.Entrypoint,
  Inputs.Command,
  ...ENTRYPOINT_ONLY,
  ...COMMAND_ONLY,
  Inputs.Workers,
  Inputs.Strategies,
  Inputs.Repeat,
  Inputs.WorkingDirectory,
  Inputs.Timeout,
  Inputs.CompareBase,
  Inputs.Baseline,
  Inputs.Label
] as const

/** Reads and validates every input of `mode: report`, as getSettings does for `measure`. */
export function getReportSettings(
  read: (name: string) => string,
  env: NodeJS.ProcessEnv = process.env,
  refer: (name: string) => string = name => `input '${name}'`
): ReportSettings {
  const input = createReader(read, refer)
  const { value, subject, reject, problem } = input
  for (const name of MEASURE_ONLY.filter(input.isSet)) {
    problem(
      `${subject(name)} does not apply to ${refer(Inputs.Mode)} report, which measures nothing: ` +
        `it merges the results files that ${refer(Inputs.ResultsGlob)} matches; got ` +
        `${shown(value(name))}. Remove it here and set it in the jobs that measure.`
    )
  }
  const resultsGlob = value(Inputs.ResultsGlob)
  if (resultsGlob === '') {
    problem(
      `${subject(Inputs.ResultsGlob)} is required with ${refer(Inputs.Mode)} report: the ` +
        "results files of the legs to merge, one pattern a line, such as 'legs/*/results.json'."
    )
  }
  const gateText = value(Inputs.GateStrategy)
  if (gateText !== '' && !isStrategy(gateText)) {
    reject(Inputs.GateStrategy, gateText, `one of ${listOf(STRATEGIES)}`)
  }
  const shared = readShared(input, env)
  const minFreezeSaving = readFreezeSaving(input)
  throwProblems(input)
  return {
    resultsGlob,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    gate: {
      strategy: isStrategy(gateText) ? gateText : null,
      maxUss: shared.maxUss,
      maxPss: shared.maxPss,
      minFreezeSaving,
      failOnThreshold: shared.failOnThreshold
    },
    regression: shared.regression,
    comment: shared.comment,
    commentKey: shared.commentKey,
    githubToken: shared.githubToken
  }
}
