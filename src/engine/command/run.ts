import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { trackRun } from '../live-runs.js'
import type { Logger } from '../logger.js'
import { ProcessGoneError, type ProcReader } from '../procfs.js'
import {
  RunFailure,
  describeOutput,
  failureMessage,
  logOutput,
  mib,
  seconds
} from '../run-failure.js'
import type { ChildSample, Phase, PhaseSamples } from '../types.js'
import type { Master } from './discovery.js'
import { assessHook, parseEvidence, type HookRecord } from './evidence.js'
import { HookEnv, loadEnv, serverEnv } from './hook.js'
import { runLoadPhase, type Snapshot } from './load-phase.js'
import { LineWatcher } from './output.js'
import type { ProcessTable } from '../process-table.js'
import { httpProbe, type UrlProbe } from './ready-url.js'
import { describeExit, startShell, type ShellProcess } from './shell.js'
import { stopRun, type StopOptions } from './stop.js'
import type { CommandRun, CommandRunOptions } from './types.js'
import { waitForWorkers } from './wait-ready.js'

export interface CommandRunDeps {
  proc: ProcReader
  table: ProcessTable
  log: Logger
  /** Asks the ready URL; a real HTTP GET by default. */
  probeUrl?: UrlProbe
  /** The marker every process of the run inherits; random by default. */
  runId?: string
}

/** The commands' output kept for the log and for error messages; older bytes are dropped. */
const OUTPUT_TAIL_BYTES = 64 * 1024
/** SIGTERM to SIGKILL, unless the options say otherwise. */
const STOP_GRACE_MS = 10_000
const KILL_WAIT_MS = 5_000
const STOP_POLL_MS = 100

function readEvidence(path: string): HookRecord[] {
  try {
    return parseEvidence(readFileSync(path, 'utf8'))
  } catch {
    return [] // nothing written yet
  }
}

/**
 * Starts the user's server under one strategy, waits for its workers, samples them while the
 * load command runs and once after it, then stops every process the run started.
 */
export async function runCommand(
  options: CommandRunOptions,
  deps: CommandRunDeps
): Promise<CommandRun> {
  const started = performance.now()
  const runId = deps.runId ?? randomUUID()
  const marker = { name: HookEnv.Run, value: runId }
  const scratch = mkdtempSync(join(tmpdir(), 'prefork-memory-check-'))
  const evidenceFile = join(scratch, 'hook.jsonl')
  const stop: StopOptions = {
    graceMs: options.stopGraceMs ?? STOP_GRACE_MS,
    killWaitMs: KILL_WAIT_MS,
    pollMs: STOP_POLL_MS
  }

  const server = startShell(options.command, {
    cwd: options.workingDirectory,
    env: serverEnv(process.env, {
      hookDirectory: options.hookDirectory,
      strategy: options.strategy,
      evidenceFile,
      runId
    }),
    tailBytes: OUTPUT_TAIL_BYTES
  })
  // A signal to this process (a cancelled workflow) then kills the server too.
  const untrack = server.pid === null ? () => {} : trackRun({ group: server.pid, marker: runId })
  const watcher = options.ready.kind === 'log' ? new LineWatcher(options.ready.pattern) : null
  if (watcher) server.onOutput(chunk => watcher.push(chunk))
  // Filled in as the run goes; whatever was started is stopped at the end, success or not.
  const launched: { load: ShellProcess | null; master: Master | null } = {
    load: null,
    master: null
  }

  const body = async (): Promise<Omit<CommandRun, 'durationMs'>> => {
    const pid = server.pid
    if (pid === null) throw new RunFailure(`the command ${describeExit(await server.exited)}`)
    deps.log.info(`Started the command (pid ${pid}): ${options.command}`)
    const { master, workers } = await waitForWorkers({
      table: deps.table,
      proc: deps.proc,
      server,
      root: pid,
      marker,
      readEvidence: () => readEvidence(evidenceFile),
      workers: options.workers,
      ready: options.ready,
      watcher,
      probeUrl: deps.probeUrl ?? httpProbe,
      deadline: started + options.timeoutMs,
      timeoutMs: options.timeoutMs
    })
    launched.master = master
    deps.log.info(
      `${workers.length} workers under ${master.name} (pid ${master.pid}) ready after ` +
        `${seconds(performance.now() - started)}: ${workers.join(', ')}`
    )

    const snapshot = (when: string): Snapshot => {
      try {
        return {
          master: deps.proc.sample(master.pid),
          workers: workers.map(worker => deps.proc.sample(worker))
        }
      } catch (error) {
        if (!(error instanceof ProcessGoneError)) throw error
        const who =
          error.pid === master.pid
            ? `the master ${master.name} (pid ${master.pid})`
            : `worker ${error.pid}`
        throw new RunFailure(
          `${who} exited ${when}; measure a configuration that keeps its workers for the whole run`
        )
      }
    }
    const ready = snapshot('before the load')
    const { ticks, after, loadMs } = await runLoadPhase(ready, {
      command: options.loadCommand,
      cwd: options.workingDirectory,
      env: loadEnv(process.env, runId, options.ready.kind === 'url' ? options.ready.url : null),
      durationMs: options.loadDurationMs,
      intervalMs: options.sampleIntervalMs,
      timeoutMs: options.timeoutMs,
      tailBytes: OUTPUT_TAIL_BYTES,
      stop,
      table: deps.table,
      log: deps.log,
      snapshot,
      onStart: shell => (launched.load = shell)
    })

    const hook = assessHook(readEvidence(evidenceFile), master, workers, options.strategy)
    // In the run's log; the caller warns once per cause over all runs (see hook-warnings.ts).
    for (const warning of hook.warnings) deps.log.info(`Warning: ${warning}`)
    const phase = (taken: Snapshot): PhaseSamples => ({
      parent: taken.master,
      children: taken.workers.map((sample): ChildSample => ({
        ...sample,
        gc: hook.gc.get(sample.pid) ?? null
      }))
    })
    const phases: Record<Phase, PhaseSamples> = {
      'after-fork': phase(ready),
      'after-work': phase(after)
    }
    deps.log.info(
      `Load phase ${seconds(loadMs)}, ${ticks.length} samples; worker USS after it: ` +
        after.workers.map(w => mib(w.uss)).join(', ')
    )
    return {
      strategy: options.strategy,
      index: options.index,
      repeat: options.repeat,
      master,
      python: hook.masterStart && {
        executable: hook.masterStart.executable,
        version: hook.masterStart.version.join('.'),
        implementation: hook.masterStart.implementation,
        freeThreaded: hook.masterStart.freeThreaded
      },
      workers: hook.workers,
      phases,
      loadMs,
      ticks,
      warnings: hook.warnings
    }
  }

  let result: Omit<CommandRun, 'durationMs'> | null = null
  let failure: unknown = null
  try {
    result = await body()
  } catch (error) {
    failure = error
  }

  const { load } = launched
  const groups = [server.pid, load?.pid ?? null].filter((pid): pid is number => pid !== null)
  const leaders = [...groups, ...(launched.master ? [launched.master.pid] : [])]
  let stopFailure: Error | null = null
  try {
    const { killed } = await stopRun(deps.table, { leaders, groups, marker }, stop)
    if (killed.length > 0) {
      deps.log.warning(`Processes ${killed.join(', ')} did not stop on SIGTERM and were killed.`)
    }
  } catch (error) {
    stopFailure = error as Error
  }
  untrack()
  server.release()
  load?.release()
  rmSync(scratch, { recursive: true, force: true })
  logOutput(deps.log, 'the command', server.output)
  if (load) logOutput(deps.log, 'the load command', load.output)

  if (failure !== null) {
    if (!(failure instanceof RunFailure)) throw failure
    throw new Error(commandFailure(failure, server, load, stopFailure))
  }
  if (stopFailure !== null) throw stopFailure
  return {
    ...(result as Omit<CommandRun, 'durationMs'>),
    durationMs: Math.round(performance.now() - started)
  }
}

function commandFailure(
  failure: RunFailure,
  server: ShellProcess,
  load: ShellProcess | null,
  stopFailure: Error | null
): string {
  const details: string[] = []
  if (failure.loadFailed && load) details.push(describeOutput('the load command', load.output))
  details.push(describeOutput('the command', server.output))
  if (stopFailure) details.push(stopFailure.message)
  return failureMessage(failure, details)
}
