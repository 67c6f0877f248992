import { buildEnvironment, readEnvironmentSources } from './environment.js'
import { runHarness } from './harness-run.js'
import { resolveHarnessPath } from './harness-path.js'
import type { Logger } from './logger.js'
import type { ProcReader } from './procfs.js'
import { probePython } from './python.js'
import type { MeasureSettings } from './settings.js'
import { summarize, summarizeParent } from './stats.js'
import { TOOL } from './tool.js'
import { RESULTS_SCHEMA, type Environment, type Results, type Run, type Strategy } from './types.js'

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

/** Runs every planned run in turn and summarizes them per strategy. */
export async function measure(settings: MeasureSettings, deps: MeasureDeps): Promise<Results> {
  const python = await probePython(settings.python, settings.workingDirectory, deps.refer)
  const harnessPath = deps.harnessPath ?? resolveHarnessPath()
  const environment = buildEnvironment(python, readEnvironmentSources(settings.workingDirectory))
  deps.log.info(
    `${python.implementation} ${python.version} (${python.executable}), ${settings.workers} workers, ` +
      `strategies ${settings.strategies.join(', ')}, ${settings.repeat} repeat(s)`
  )

  const plan = planRuns(settings.strategies, settings.repeat)
  const runs = new Map<Strategy, Run[]>(settings.strategies.map(s => [s, []]))
  for (const step of plan) {
    const title =
      `Run ${step.index + 1}/${plan.length}: ${step.strategy} ` +
      `(repeat ${step.repeat + 1}/${settings.repeat})`
    deps.log.startGroup(title)
    try {
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
      runs.get(step.strategy)?.push(run)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const completed = settings.strategies.filter(s => (runs.get(s) ?? []).length > 0)
      const partial =
        completed.length === 0 ? null : assemble(settings, environment, runs, completed)
      throw new MeasureError(`${title} failed. ${message}`, partial, { cause: error })
    } finally {
      deps.log.endGroup()
    }
  }

  return assemble(settings, environment, runs, settings.strategies)
}

/** Results of `strategies`; `repeat` is the fewest runs any of them completed. */
function assemble(
  settings: MeasureSettings,
  environment: Environment,
  runs: Map<Strategy, Run[]>,
  strategies: Strategy[]
): Results {
  return {
    schema: RESULTS_SCHEMA,
    tool: { name: TOOL.name, version: TOOL.version },
    target: {
      entrypoint: settings.entrypoint,
      worker: settings.worker,
      iterations: settings.iterations
    },
    workers: settings.workers,
    repeat: Math.min(...strategies.map(name => (runs.get(name) ?? []).length)),
    environment,
    strategies: strategies.map(name => {
      const strategyRuns = runs.get(name) ?? []
      return {
        name,
        summary: summarize(strategyRuns),
        parent: summarizeParent(strategyRuns),
        runs: strategyRuns
      }
    })
  }
}
