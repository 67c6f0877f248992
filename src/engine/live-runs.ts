import { createProcessTable } from './process-table.js'

/**
 * Every process a run starts inherits this variable with the run's own value, so a process that
 * left the run's process group (`os.setsid()`, a double fork) is still found in /proc/PID/environ.
 */
export const RUN_MARKER = 'PREFORK_MEMORY_CHECK_RUN'

/** A run in progress: the process group it was started in and its marker value. */
export interface LiveRun {
  group: number
  marker: string
}

/** What stopping a run found. */
export interface StoppedRun {
  /** Marked processes outside the run's process group when it was stopped, since killed. */
  escaped: number[]
  /** Marked processes still in /proc when the wait ran out. */
  survivors: number[]
}

/** Pids of the processes whose environment holds the marker; zombies and others' processes have none to read. */
export function markedProcesses(marker: string, table = createProcessTable()): number[] {
  return table.withEnv(RUN_MARKER, marker)
}

function sigkill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL')
  } catch {
    // ESRCH: already gone.
  }
}

/** One SIGKILL to the run's group and to every marked process; synchronous, so signal handlers can use it. */
export function killRunNow(run: LiveRun, table = createProcessTable()): number[] {
  sigkill(-run.group)
  const marked = markedProcesses(run.marker, table)
  for (const pid of marked) sigkill(pid)
  return marked
}

const POLL_MS = 20

/** SIGKILLs the run until the process table shows none of its processes, or `waitMs` runs out. */
export async function killRun(
  run: LiveRun,
  waitMs: number,
  table = createProcessTable()
): Promise<StoppedRun> {
  sigkill(-run.group)
  const marked = new Set(markedProcesses(run.marker, table))
  const escaped = table
    .list()
    .filter(e => marked.has(e.pid) && e.pgid !== run.group)
    .map(e => e.pid)
  const deadline = Date.now() + waitMs
  for (;;) {
    const left = killRunNow(run, table)
    if (left.length === 0 || Date.now() >= deadline) return { escaped, survivors: left }
    await new Promise(resolve => setTimeout(resolve, POLL_MS))
  }
}

const live = new Set<LiveRun>()

/** Registers a run until the returned function is called, so a signal handler can stop it. */
export function trackRun(run: LiveRun): () => void {
  live.add(run)
  return () => void live.delete(run)
}

/** Kills every run in progress, for a process about to exit; returns how many there were. */
export function killLiveRuns(): number {
  const count = live.size
  for (const run of live) killRunNow(run)
  live.clear()
  return count
}
