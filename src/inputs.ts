import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { Inputs } from './constants.js'
import type { CommandSettings, EntrypointSettings, MeasureSettings } from './engine/settings.js'
import { STRATEGIES, type Strategy } from './engine/types.js'
import type { GateSettings } from './gate.js'
import { DURATION_FORMS, SIZE_FORMS, parseDuration, parsePercent, parseSize } from './sizes.js'

export const COMMENT_MODES = ['always', 'on-failure', 'never'] as const
export type CommentMode = (typeof COMMENT_MODES)[number]

/** Every input, parsed and validated once. */
export interface Settings {
  measure: MeasureSettings
  gate: GateSettings
  comment: CommentMode
  /** Tells apart the sticky comments of several jobs or matrix legs on one PR. */
  commentKey: string
  githubToken: string
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
  [Inputs.Comment]: 'always'
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

/** How readTarget reads, names and rejects inputs: the closures of getSettings. */
interface InputReader {
  value(name: string, fallback?: string): string
  subject(name: string): string
  refer(name: string): string
  reject(name: string, got: string, accepted: string): void
  problem(text: string): void
  wholeNumber(name: keyof typeof DEFAULTS, min: number, max: number): number
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
  /** Given a value of its own: not empty, not its default. */
  const isSet = (name: string): boolean => {
    const text = value(name)
    return text !== '' && text !== (DEFAULTS as Record<string, string>)[name]
  }

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

/**
 * Reads every input through `read` (which returns '' for an unset input) and validates them all.
 * Throws one InputError listing every problem; nothing has run at that point. `refer` names an
 * input in messages, so the CLI can speak of its flags instead.
 */
export function getSettings(
  read: (name: string) => string,
  env: NodeJS.ProcessEnv = process.env,
  refer: (name: string) => string = name => `input '${name}'`
): Settings {
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

  const target = readTarget({
    value,
    subject,
    refer,
    reject,
    problem: text => problems.push(text),
    wholeNumber
  })
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

  const directoryText = value(Inputs.WorkingDirectory, DEFAULTS[Inputs.WorkingDirectory])
  const workingDirectory = resolve(env.GITHUB_WORKSPACE || process.cwd(), directoryText)
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

  const size = (name: string): number | null => {
    const text = value(name)
    if (text === '') return null
    const bytes = parseSize(text)
    if (bytes === null) reject(name, text, SIZE_FORMS)
    return bytes
  }
  const maxUss = size(Inputs.MaxUss)
  const maxPss = size(Inputs.MaxPss)

  const savingText = value(Inputs.MinFreezeSaving)
  let minFreezeSaving: number | null = null
  if (savingText !== '') {
    minFreezeSaving = parsePercent(savingText)
    if (minFreezeSaving === null) {
      reject(Inputs.MinFreezeSaving, savingText, 'a percentage from 0 to 100 such as 50 or 50%')
    } else if (strategiesValid && !(strategies.includes('none') && strategies.includes('freeze'))) {
      problems.push(
        `${subject(Inputs.MinFreezeSaving)} compares freeze with none, so ${refer(Inputs.Strategies)} ` +
          `must include both; got ${shown(strategiesText)}.`
      )
    }
  }

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

  const githubToken = value(Inputs.GithubToken)
  // A target is missing only with a problem that says why.
  if (problems.length > 0 || target === null) {
    // A token pasted into the wrong input must not leak through the message.
    const redact = (p: string): string => (githubToken ? p.split(githubToken).join('***') : p)
    throw new InputError(problems.map(redact))
  }

  const common = { workers, strategies, repeat, workingDirectory, timeoutMs: timeoutMs ?? 0 }
  return {
    measure: { ...target, ...common },
    gate: {
      strategy: gateStrategy,
      maxUss,
      maxPss,
      minFreezeSaving,
      failOnThreshold: TRUE.includes(failText)
    },
    comment: comment ?? 'always',
    commentKey,
    githubToken
  }
}
