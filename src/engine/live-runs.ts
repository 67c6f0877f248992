import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

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
export function markedProcesses(marker: string, root = '/proc'): number[] {
  const wanted = `${RUN_MARKER}=${marker}`
  const found: number[] = []
  for (const entry of readdirSync(root)) {
    if (!/^\d+$/.test(entry)) continue
    let environ: string
    try {
      environ = readFileSync(join(root, entry, 'environ'), 'latin1')
    } catch {
      continue // exited while we listed, or not ours to read
    }
    if (environ.split('\0').includes(wanted)) found.push(Number(entry))
  }
  return found
}

/** Process group: field 5 of /proc/PID/stat; null once the process is gone. */
function groupOf(pid: number, root: string): number | null {
  try {
    const stat = readFileSync(join(root, String(pid), 'stat'), 'latin1')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2])
  } catch {
    return null
  }
}

function sigkill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL')
  } catch {
    // ESRCH: already gone.
  }
}

/** One SIGKILL to the run's group and to every marked process; synchronous, so signal handlers can use it. */
export function killRunNow(run: LiveRun, root = '/proc'): number[] {
  sigkill(-run.group)
  const marked = markedProcesses(run.marker, root)
  for (const pid of marked) sigkill(pid)
  return marked
}

const POLL_MS = 20

/** Kills the run until /proc shows none of its processes, or `waitMs` runs out. */
export async function stopRun(run: LiveRun, waitMs: number, root = '/proc'): Promise<StoppedRun> {
  sigkill(-run.group)
  const escaped = markedProcesses(run.marker, root).filter(pid => {
    const group = groupOf(pid, root)
    return group !== null && group !== run.group
  })
  const deadline = Date.now() + waitMs
  for (;;) {
    const left = killRunNow(run, root)
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
