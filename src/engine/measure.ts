import { planComparedRuns, type Side } from '../compare/plan.js'
import { shortCommit } from '../git/commits.js'
import { commandRunner } from './command/runner.js'
import type { ProcessTable } from './process-table.js'
import { hookWarnings } from './command/hook-warnings.js'
import { buildEnvironment, readEnvironmentSources } from './environment.js'
import { runHarness } from './harness-run.js'
import { resolveHarnessPath } from './harness-path.js'
import type { Logger } from './logger.js'
import type { ProcReader } from './procfs.js'
import { probePython, type PythonProbe } from './python.js'
import type { EntrypointSettings, MeasureSettings } from './settings.js'
import { summarize, summarizeParent } from './stats.js'
import { TOOL } from './tool.js'
import {
  RESULTS_SCHEMA,
  type Environment,
  type Results,
  type Run,
  type Strategy,
  type Target
} from './types.js'
import { mib } from './run-failure.js'

export interface PlannedRun {
  /** Position in the plan, from 0. */
  index: number
  strategy: Strategy
  /** Which repeat of its strategy, from 0. */
  repeat: number
}

/** Strategies interleaved run by run (none, freeze, none, freeze, …) so drift hits all alike. */
export function planRuns(strategies: readonly Strategy[], repeat: number): PlannedRun[] {
  const plan: PlannedRun[] = []
  for (let r = 0; r < repeat; r++) {
    for (const strategy of strategies) plan.push({ index: plan.length, strategy, repeat: r })
  }
  return plan
}

export interface MeasureDeps {
  proc: ProcReader
  log: Logger
  /** Defaults to the harness shipped beside this module. */
  harnessPath?: string
  /** How messages name a setting: `input 'python'` by default, `option --python` for the CLI. */
  refer?: (name: string) => string
  /** Command mode: lists processes; /proc by default. */
  table?: ProcessTable
  /** Command mode: the folder of the strategy hook; the one shipped beside this module by default. */
  hookDirectory?: string
}

/** How one kind of target runs a planned step, and how its results are stamped. */
export interface Runner {
  run(step: PlannedRun): Promise<Run>
  /** The environment of the runs so far. */
  environment(runs: readonly Run[]): Environment
}

/**
 * A run failed; `partial` holds the head's strategies that completed runs before it, or null if
 * none did. `side` says whose run failed: the head's, or the base's it was compared with.
 */
export class MeasureError extends Error {
  readonly side: Side

  constructor(
    message: string,
    readonly partial: Results | null,
    options?: ErrorOptions & { side?: Side }
  ) {
    super(message, options)
    this.name = 'MeasureError'
    this.side = options?.side ?? 'head'
  }
}

/** The harness preloads the entrypoint in an interpreter probed once up front. */
function entrypointRunner(
  settings: EntrypointSettings,
  python: PythonProbe,
  deps: MeasureDeps
): Runner {
  const harnessPath = deps.harnessPath ?? resolveHarnessPath()
  const environment = buildEnvironment(python, readEnvironmentSources(settings.workingDirectory))
  return {
    run: async step => {
      const run = await runHarness(
        {
          python: python.executable,
          harnessPath,
          entrypoint: settings.entrypoint,
          worker: settings.worker,
          iterations: settings.iterations,
          workers: settings.workers,
          strategy: step.strategy,
          workingDirectory: settings.workingDirectory,
          timeoutMs: settings.timeoutMs,
          index: step.index,
          repeat: step.repeat
        },
        deps
      )
      const children = run.phases['after-work'].children
      deps.log.info(
        `${run.durationMs} ms; after-work child USS ${children.map(c => mib(c.uss)).join(', ')}`
      )
      return run
    },
    environment: () => environment
  }
}

/**
 * A runner per working directory, all for the same target. The interpreter is probed once, in the
 * first directory, and every runner starts the absolute executable it reported, so that a relative
 * `python` cannot pick another interpreter in another checkout.
 */
async function runnersFor(
  settings: MeasureSettings,
  directories: readonly string[],
  deps: MeasureDeps
): Promise<Runner[]> {
  const runs = `strategies ${settings.strategies.join(', ')}, ${settings.repeat} repeat(s)`
  if (settings.kind === 'command') {
    deps.log.info(`${settings.workers} workers expected from the command, ${runs}`)
    return directories.map(dir => commandRunner({ ...settings, workingDirectory: dir }, deps))
  }
  const python = await probePython(settings.python, settings.workingDirectory, deps.refer)
  deps.log.info(
    `${python.implementation} ${python.version} (${python.executable}), ${settings.workers} workers, ${runs}`
  )
  return directories.map(dir =>
    entrypointRunner({ ...settings, workingDirectory: dir }, python, deps)
  )
}

/** One side's runner and its runs so far, by strategy. */
class SideRuns {
  private readonly runs: Map<Strategy, Run[]>

  /** `gitSha` replaces the environment's commit: the base's checkout is not the job's. */
  constructor(
    private readonly settings: MeasureSettings,
    private readonly runner: Runner,
    private readonly gitSha: string | null = null
  ) {
    this.runs = new Map(settings.strategies.map(s => [s, []]))
  }

  async run(step: PlannedRun): Promise<void> {
    const run = await this.runner.run(step)
    this.runs.get(step.strategy)?.push(run)
  }

  results(strategies: Strategy[] = this.settings.strategies): Results {
    const environment = this.runner.environment([...this.runs.values()].flat())
    const stamped = this.gitSha === null ? environment : { ...environment, gitSha: this.gitSha }
    return assemble(this.settings, stamped, this.runs, strategies)
  }

  /** The strategies that completed a run, or null when none did. */
  partial(): Results | null {
    const completed = this.settings.strategies.filter(s => (this.runs.get(s) ?? []).length > 0)
    return completed.length === 0 ? null : this.results(completed)
  }
}

interface Step extends PlannedRun {
  side: Side
}

/** Where each step of a plan runs, and how the log names its side. */
interface Sides {
  head: SideRuns
  of(side: Side): SideRuns
  /** Appended to the strategy in a run's title: '' for the head alone, ' on the base 1a2b3c4'. */
  describe(side: Side): string
}

/** Runs `plan` step by step, each on its side; throws MeasureError on the first failure. */
async function execute(
  settings: MeasureSettings,
  plan: readonly Step[],
  sides: Sides,
  deps: MeasureDeps
): Promise<void> {
  for (const step of plan) {
    const title =
      `Run ${step.index + 1}/${plan.length}: ${step.strategy}${sides.describe(step.side)} ` +
      `(repeat ${step.repeat + 1}/${settings.repeat})`
    deps.log.startGroup(title)
    try {
      await sides.of(step.side).run(step)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      throw new MeasureError(`${title} failed. ${message}`, sides.head.partial(), {
        cause: error,
        side: step.side
      })
    } finally {
      deps.log.endGroup()
    }
  }
}

function logWarnings(results: Results, deps: MeasureDeps, prefix = ''): void {
  for (const warning of results.warnings ?? []) deps.log.warning(`${prefix}${warning}`)
}

/** Runs every planned run in turn and summarizes them per strategy. */
export async function measure(settings: MeasureSettings, deps: MeasureDeps): Promise<Results> {
  const [runner] = await runnersFor(settings, [settings.workingDirectory], deps)
  const head = new SideRuns(settings, runner)
  const plan = planRuns(settings.strategies, settings.repeat).map(step => ({
    ...step,
    side: 'head' as const
  }))
  await execute(settings, plan, { head, of: () => head, describe: () => '' }, deps)
  const measured = head.results()
  logWarnings(measured, deps)
  return measured
}

/** Another checkout of the same code, measured beside the head: the base of a comparison. */
export interface BaseCheckout {
  /** The base's copy of the working directory. */
  workingDirectory: string
  /** The commit checked out there, stamped on the base's results. */
  commit: string
}

export interface MeasuredPair {
  head: Results
  base: Results
}

/**
 * Measures the head and the base in turn, run by run (base, head, base, head … for every strategy
 * and repeat), so that whatever drifts during the job weighs on both sides alike. The same
 * interpreter runs both sides.
 */
export async function measureWithBase(
  settings: MeasureSettings,
  base: BaseCheckout,
  deps: MeasureDeps
): Promise<MeasuredPair> {
  const [headRunner, baseRunner] = await runnersFor(
    settings,
    [settings.workingDirectory, base.workingDirectory],
    deps
  )
  const baseSettings = { ...settings, workingDirectory: base.workingDirectory }
  const head = new SideRuns(settings, headRunner)
  const baseRuns = new SideRuns(baseSettings, baseRunner, base.commit)
  const plan = planComparedRuns(settings.strategies, settings.repeat)
  await execute(
    settings,
    plan,
    {
      head,
      of: side => (side === 'base' ? baseRuns : head),
      describe: side =>
        side === 'base' ? ` on the base ${shortCommit(base.commit)}` : ' on the head'
    },
    deps
  )
  const measured = { head: head.results(), base: baseRuns.results() }
  logWarnings(measured.head, deps)
  logWarnings(measured.base, deps, 'On the base: ')
  return measured
}

function targetOf(settings: MeasureSettings): Target {
  if (settings.kind === 'command') {
    const { ready } = settings
    return {
      kind: 'command',
      command: settings.command,
      ready: ready.kind === 'log' ? { kind: 'log', pattern: ready.pattern.source } : ready,
      loadCommand: settings.loadCommand,
      loadDurationMs: settings.loadDurationMs,
      sampleIntervalMs: settings.sampleIntervalMs
    }
  }
  return {
    kind: 'entrypoint',
    entrypoint: settings.entrypoint,
    worker: settings.worker,
    iterations: settings.iterations
  }
}

/** Results of `strategies`; `repeat` is the fewest runs any of them completed. */
function assemble(
  settings: MeasureSettings,
  environment: Environment,
  runs: Map<Strategy, Run[]>,
  strategies: Strategy[]
): Results {
  const measured = strategies.map(name => ({ name, runs: runs.get(name) ?? [] }))
  return {
    schema: RESULTS_SCHEMA,
    tool: { name: TOOL.name, version: TOOL.version },
    target: targetOf(settings),
    workers: settings.workers,
    repeat: Math.min(...measured.map(strategy => strategy.runs.length)),
    environment,
    warnings: hookWarnings(measured),
    strategies: measured.map(({ name, runs: strategyRuns }) => ({
      name,
      summary: summarize(strategyRuns),
      parent: summarizeParent(strategyRuns),
      runs: strategyRuns
    }))
  }
}
