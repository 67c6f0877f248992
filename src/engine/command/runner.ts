import { buildEnvironment, readEnvironmentSources } from '../environment.js'
import type { Logger } from '../logger.js'
import type { ProcReader } from '../procfs.js'
import type { CommandSettings } from '../settings.js'
import type { PlannedRun, Runner } from '../measure.js'
import type { Run } from '../types.js'
import { resolveHookDirectory } from './hook.js'
import { createProcessTable, type ProcessTable } from '../process-table.js'
import { runCommand } from './run.js'
import { kernelPageSize, serverPython } from './server-python.js'
import type { CommandRun } from './types.js'

export interface CommandRunnerDeps {
  proc: ProcReader
  log: Logger
  /** /proc by default. */
  table?: ProcessTable
  /** The strategy hook shipped beside this module by default. */
  hookDirectory?: string
}

/** A command-mode run as the results file holds it: the samples in `phases`, the rest in `command`. */
export function asRun(run: CommandRun): Run {
  return {
    index: run.index,
    repeat: run.repeat,
    durationMs: run.durationMs,
    phases: run.phases,
    command: {
      master: run.master,
      python: run.python,
      hookFired: run.workers.map(worker => worker.hookFired),
      loadMs: run.loadMs,
      ticks: run.ticks,
      warnings: run.warnings
    }
  }
}

/** Starts the user's command once per step; the environment names the interpreter the hook saw. */
export function commandRunner(settings: CommandSettings, deps: CommandRunnerDeps): Runner {
  const hookDirectory = deps.hookDirectory ?? resolveHookDirectory()
  const table = deps.table ?? createProcessTable()
  const sources = readEnvironmentSources(settings.workingDirectory)
  const pageSize = kernelPageSize()
  return {
    run: async (step: PlannedRun): Promise<Run> =>
      asRun(
        await runCommand(
          {
            command: settings.command,
            workingDirectory: settings.workingDirectory,
            workers: settings.workers,
            strategy: step.strategy,
            ready: settings.ready,
            loadCommand: settings.loadCommand,
            loadDurationMs: settings.loadDurationMs,
            sampleIntervalMs: settings.sampleIntervalMs,
            timeoutMs: settings.timeoutMs,
            hookDirectory,
            index: step.index,
            repeat: step.repeat
          },
          { proc: deps.proc, table, log: deps.log }
        )
      ),
    environment: runs => buildEnvironment(serverPython(runs, pageSize), sources)
  }
}
