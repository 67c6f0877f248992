/** Reads results files of every schema this version knows, and says what is wrong with others. */
import { readFileSync } from 'node:fs'
import { PHASES, STRATEGIES } from '../engine/types.js'
import { READABLE_SCHEMAS, type StoredResults } from './schema.js'

/** A results file that cannot be used; the message names the file. */
export class ResultsFileError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'ResultsFileError'
  }
}

type Json = Record<string, unknown>

/** What was found where something else was expected: `an array`, `the string "12"`. */
function found(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  const text = JSON.stringify(value) ?? String(value)
  return `the ${typeof value} ${text.length > 40 ? `${text.slice(0, 39)}…` : text}`
}

/**
 * Checks the parts of a results file that the comparison and the reports read. Each check returns
 * the value with its type, or throws naming the path inside the file: `strategies[1].summary.uss`.
 */
class Shape {
  constructor(private readonly file: string) {}

  problem(problem: string): never {
    throw new ResultsFileError(
      `${this.file}: ${problem}. Is it a results file written by Prefork Memory Check?`
    )
  }

  fail(at: string, expected: string, value: unknown): never {
    this.problem(
      value === undefined ? `${at} is missing` : `${at} must be ${expected}, not ${found(value)}`
    )
  }

  object(value: unknown, at: string): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(at, 'an object', value)
    }
    return value as Json
  }

  array(value: unknown, at: string, nonEmpty = false): unknown[] {
    if (!Array.isArray(value)) this.fail(at, 'an array', value)
    if (nonEmpty && value.length === 0) this.problem(`${at} is empty`)
    return value
  }

  number(value: unknown, at: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(at, 'a number', value)
    return value
  }

  count(value: unknown, at: string, least: number): number {
    if (!Number.isSafeInteger(value) || (value as number) < least) {
      this.fail(at, `a whole number of at least ${least}`, value)
    }
    return value as number
  }

  string(value: unknown, at: string): string {
    if (typeof value !== 'string') this.fail(at, 'a string', value)
    return value
  }

  boolean(value: unknown, at: string): boolean {
    if (typeof value !== 'boolean') this.fail(at, 'true or false', value)
    return value
  }

  optionalString(value: unknown, at: string): void {
    if (value !== undefined && value !== null) this.string(value, at)
  }

  numbers(value: unknown, at: string, keys: readonly string[]): void {
    const object = this.object(value, at)
    for (const key of keys) this.number(object[key], `${at}.${key}`)
  }

  environment(value: unknown, at: string): void {
    const env = this.object(value, at)
    const python = this.object(env.python, `${at}.python`)
    for (const key of ['executable', 'version', 'implementation']) {
      this.string(python[key], `${at}.python.${key}`)
    }
    this.boolean(python.freeThreaded, `${at}.python.freeThreaded`)
    this.boolean(python.incrementalGc, `${at}.python.incrementalGc`)
    for (const key of ['kernel', 'transparentHugepages', 'runner', 'timestamp']) {
      this.string(env[key], `${at}.${key}`)
    }
    this.number(env.pageSize, `${at}.pageSize`)
    this.number(env.cpus, `${at}.cpus`)
    this.optionalString(env.gitSha, `${at}.gitSha`)
  }

  target(value: unknown, at: string): void {
    const target = this.object(value, at)
    // Which of these a target has depends on how it runs; it has at least one.
    if (typeof target.entrypoint !== 'string' && typeof target.command !== 'string') {
      this.fail(`${at}.entrypoint`, 'a string', target.entrypoint)
    }
  }

  sample(value: unknown, at: string): void {
    this.numbers(value, at, ['pid', 'rss', 'pss', 'uss'])
  }

  run(value: unknown, at: string): void {
    const run = this.object(value, at)
    this.number(run.index, `${at}.index`)
    this.number(run.repeat, `${at}.repeat`)
    const phases = this.object(run.phases, `${at}.phases`)
    for (const phase of PHASES) {
      const where = `${at}.phases.${phase}`
      const samples = this.object(phases[phase], where)
      this.sample(samples.parent, `${where}.parent`)
      const children = this.array(samples.children, `${where}.children`, true)
      children.forEach((child, i) => this.sample(child, `${where}.children[${i}]`))
    }
  }

  strategies(value: unknown, at: string): void {
    const seen = new Set<string>()
    this.array(value, at, true).forEach((item, i) => {
      const where = `${at}[${i}]`
      const strategy = this.object(item, where)
      const name = this.string(strategy.name, `${where}.name`)
      if (!(STRATEGIES as readonly string[]).includes(name)) {
        this.fail(`${where}.name`, `one of ${STRATEGIES.join(', ')}`, name)
      }
      if (seen.has(name)) this.fail(`${where}.name`, 'a strategy not listed before', name)
      seen.add(name)
      const summary = this.object(strategy.summary, `${where}.summary`)
      for (const figure of ['uss', 'pss', 'rss', 'cowLoss']) {
        this.numbers(summary[figure], `${where}.summary.${figure}`, ['median', 'min', 'max'])
      }
      this.number(summary.treePss, `${where}.summary.treePss`)
      this.numbers(strategy.parent, `${where}.parent`, ['uss', 'pss', 'rss'])
      const runs = this.array(strategy.runs, `${where}.runs`, true)
      runs.forEach((run, r) => this.run(run, `${where}.runs[${r}]`))
    })
  }

  /** What schema 1 holds, at the top level or in a measured base. */
  measured(value: Json, at: string): void {
    const prefix = at === '' ? '' : `${at}.`
    this.target(value.target, `${prefix}target`)
    this.count(value.workers, `${prefix}workers`, 1)
    this.count(value.repeat, `${prefix}repeat`, 1)
    this.environment(value.environment, `${prefix}environment`)
    this.strategies(value.strategies, `${prefix}strategies`)
  }

  base(value: unknown): void {
    const base = this.object(value, 'base')
    const origin = this.object(base.origin, 'base.origin')
    if (origin.kind === 'merge-base') {
      this.string(origin.commit, 'base.origin.commit')
    } else if (origin.kind === 'baseline') {
      this.string(origin.file, 'base.origin.file')
      this.optionalString(origin.commit, 'base.origin.commit')
    } else {
      this.fail('base.origin.kind', "'merge-base' or 'baseline'", origin.kind)
    }
    if (base.status === 'measured') this.measured(base, 'base')
    else if (base.status === 'missing-target') this.string(base.missing, 'base.missing')
    else this.fail('base.status', "'measured' or 'missing-target'", base.status)
  }
}

/** Parses and checks the text of a results file; `file` names it in every message. */
export function parseResults(text: string, file: string): StoredResults {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new ResultsFileError(`${file} is not JSON: ${(error as Error).message}`, {
      cause: error
    })
  }
  const shape = new Shape(file)
  const top = shape.object(data, 'the top level')
  const readable = READABLE_SCHEMAS.join(' and ')
  if (!('schema' in top)) {
    throw new ResultsFileError(
      `${file} has no schema field, so it is not a results file of Prefork Memory Check ` +
        `(this version reads schemas ${readable}).`
    )
  }
  if (!(READABLE_SCHEMAS as readonly unknown[]).includes(top.schema)) {
    throw new ResultsFileError(
      `${file} has schema ${JSON.stringify(top.schema)}; this version reads ${readable}. ` +
        'Read it with the version of Prefork Memory Check that wrote it (its tool.version) or a newer one.'
    )
  }
  const tool = shape.object(top.tool, 'tool')
  shape.string(tool.name, 'tool.name')
  shape.string(tool.version, 'tool.version')
  shape.measured(top, '')
  if (top.schema !== 1) {
    shape.optionalString(top.label, 'label')
    if (top.base !== undefined) shape.base(top.base)
    if (top.comparison !== undefined) shape.object(top.comparison, 'comparison')
  }
  return top as unknown as StoredResults
}

/** Reads and checks a results file from disk. */
export function readResultsFile(path: string): StoredResults {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new ResultsFileError(`Could not read ${path}: ${(error as Error).message}`, {
      cause: error
    })
  }
  return parseResults(text, path)
}
