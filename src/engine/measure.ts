import { commandRunner } from './command/runner.js'
import type { ProcessTable } from './command/process-table.js'
import { hookWarnings } from './command/hook-warnings.js'
import { buildEnvironment, readEnvironmentSources } from './environment.js'
import { runHarness } from './harness-run.js'
import { resolveHarnessPath } from './harness-path.js'
import type { Logger } from './logger.js'
import type { ProcReader } from './procfs.js'
import { probePython } from './python.js'
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

/** A run failed; `partial` holds the strategies that completed runs before it, or null if none did. */
export class MeasureError extends Error {
  constructor(
    message: string,
    readonly partial: Results | null,
    options?: ErrorOptions
  ) {
    super(message, options)
    this.name = 'MeasureError'
  }
}

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`
}

/** The harness preloads the entrypoint in the interpreter probed once up front. */
async function entrypointRunner(settings: EntrypointSettings, deps: MeasureDeps): Promise<Runner> {
  const python = await probePython(settings.python, settings.workingDirectory, deps.refer)
  const harnessPath = deps.harnessPath ?? resolveHarnessPath()
  const environment = buildEnvironment(python, readEnvironmentSources(settings.workingDirectory))
  deps.log.info(
    `${python.implementation} ${python.version} (${python.executable}), ${settings.workers} workers, ` +
      `strategies ${settings.strategies.join(', ')}, ${settings.repeat} repeat(s)`
  )
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

/** Runs every planned run in turn and summarizes them per strategy. */
export async function measure(settings: MeasureSettings, deps: MeasureDeps): Promise<Results> {
  const runner =
    settings.kind === 'command'
      ? commandRunner(settings, deps)
      : await entrypointRunner(settings, deps)

  const plan = planRuns(settings.strategies, settings.repeat)
  const runs = new Map<Strategy, Run[]>(settings.strategies.map(s => [s, []]))
  const results = (strategies: Strategy[]): Results =>
    assemble(settings, runner.environment([...runs.values()].flat()), runs, strategies)
  for (const step of plan) {
    const title =
      `Run ${step.index + 1}/${plan.length}: ${step.strategy} ` +
      `(repeat ${step.repeat + 1}/${settings.repeat})`
    deps.log.startGroup(title)
    try {
      runs.get(step.strategy)?.push(await runner.run(step))
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const completed = settings.strategies.filter(s => (runs.get(s) ?? []).length > 0)
      const partial = completed.length === 0 ? null : results(completed)
      throw new MeasureError(`${title} failed. ${message}`, partial, { cause: error })
    } finally {
      deps.log.endGroup()
    }
  }

  const measured = results(settings.strategies)
  for (const warning of measured.warnings ?? []) deps.log.warning(warning)
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
