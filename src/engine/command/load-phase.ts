import { Inputs } from '../../constants.js'
import type { Logger } from '../logger.js'
import type { MemorySample, Tick } from '../types.js'
import { RunFailure, seconds } from '../run-failure.js'
import type { ProcessTable } from '../process-table.js'
import { describeExit, startShell, type ShellProcess } from './shell.js'
import { stopRun, type StopOptions } from './stop.js'

/** The master and every worker, read one after another. */
export interface Snapshot {
  master: MemorySample
  workers: MemorySample[]
}

export interface LoadPhase {
  /** Null: no load command, the workers are sampled idle for `durationMs`. */
  command: string | null
  cwd: string
  env: NodeJS.ProcessEnv
  /** Null: until the load command exits. */
  durationMs: number | null
  intervalMs: number
  /** Limit for a load command without a duration. */
  timeoutMs: number
  tailBytes: number
  stop: StopOptions
  table: ProcessTable
  log: Logger
  /** Samples the tree; `when` words the failure if a process has gone. */
  snapshot: (when: string) => Snapshot
  /** Called as soon as the load command is started, so that the caller can stop it on failure. */
  onStart: (shell: ShellProcess) => void
}

export interface LoadResult {
  /** From the ready state at 0 to the sample right after the load. */
  ticks: Tick[]
  after: Snapshot
  loadMs: number
}

const sleep = (ms: number): Promise<void> =>
  new Promise(resolve => setTimeout(resolve, Math.max(0, ms)))

/**
 * Runs the load command (if any) while sampling every `intervalMs`, until it exits or the
 * duration is over, stops it if it is still running, and samples once more.
 */
export async function runLoadPhase(ready: Snapshot, phase: LoadPhase): Promise<LoadResult> {
  const ticks: Tick[] = [{ atMs: 0, ...ready }]
  const start = performance.now()
  const load =
    phase.command === null
      ? null
      : startShell(phase.command, { cwd: phase.cwd, env: phase.env, tailBytes: phase.tailBytes })
  if (load) {
    phase.onStart(load)
    phase.log.info(`Started the load command (pid ${load.pid}): ${phase.command}`)
  }

  const endAt = start + (phase.durationMs ?? (load ? phase.timeoutMs : 0))
  const loadExited = load ? load.exited : new Promise<never>(() => {})
  let due = start + phase.intervalMs
  for (;;) {
    await Promise.race([sleep(Math.min(due, endAt) - performance.now()), loadExited])
    const now = performance.now()
    if (load?.exit || now >= endAt) break
    ticks.push({ atMs: now - start, ...phase.snapshot('during the load') })
    // A slow sample skips the ticks it overran instead of bunching them up.
    while (due <= performance.now()) due += phase.intervalMs
  }

  if (load?.exit) {
    const exit = load.exit
    if (exit.error || exit.code !== 0) {
      throw new RunFailure(`the load command ${describeExit(exit)}`, { loadFailed: true })
    }
  } else if (load) {
    if (phase.durationMs === null) {
      throw new RunFailure(
        `the load command was still running after ${seconds(phase.timeoutMs)}: set input ` +
          `'${Inputs.LoadDuration}' to stop it after a fixed time, or raise '${Inputs.Timeout}'`,
        { loadFailed: true }
      )
    }
    phase.log.info(`Stopping the load command after ${seconds(phase.durationMs)}`)
    const shell = load.pid as number
    await stopRun(phase.table, { leaders: [shell], groups: [shell], marker: null }, phase.stop)
  }
  const loadMs = performance.now() - start
  const after = phase.snapshot('at the end of the load')
  ticks.push({ atMs: loadMs, ...after })
  return {
    ticks: ticks.map(tick => ({ ...tick, atMs: Math.round(tick.atMs) })),
    after,
    loadMs: Math.round(loadMs)
  }
}
