import type { ProcessTable } from '../process-table.js'

/** What a run started. */
export interface RunProcesses {
  /** Asked to stop first, as a service manager would: the shells and the forking master. */
  leaders: readonly number[]
  /** Process groups of the shells. */
  groups: readonly number[]
  /** The marker every process of the run inherits; it finds those that left their group. */
  marker: { name: string; value: string } | null
}

export interface StopOptions {
  /** How long each SIGTERM round gets before the next step. */
  graceMs: number
  /** How long killed processes get to disappear from /proc. */
  killWaitMs: number
  pollMs: number
}

export interface StopReport {
  /** Still alive after SIGTERM, then killed. */
  killed: number[]
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** Live processes of the run: in one of its groups, or carrying its marker. Zombies hold nothing. */
export function survivors(table: ProcessTable, run: RunProcesses): number[] {
  const groups = new Set(run.groups)
  const marked = new Set(run.marker ? table.withEnv(run.marker.name, run.marker.value) : [])
  return table
    .list()
    .filter(e => e.state !== 'Z' && (groups.has(e.pgid) || marked.has(e.pid)))
    .map(e => e.pid)
    .filter(pid => pid !== process.pid)
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name)
  } catch {
    // ESRCH: already gone.
  }
}

async function waitUntil(
  alive: () => number[],
  limitMs: number,
  pollMs: number
): Promise<number[]> {
  const deadline = performance.now() + limitMs
  for (;;) {
    const left = alive()
    if (left.length === 0 || performance.now() >= deadline) return left
    await sleep(pollMs)
  }
}

/**
 * SIGTERM to the leaders alone first: a master shuts its workers down in order, while a signal to
 * the whole group would hit the workers behind its back (Celery's main process then hangs). Then
 * SIGTERM to whatever of the run is left, SIGKILL after the grace period, and a check that nothing
 * survived.
 */
export async function stopRun(
  table: ProcessTable,
  run: RunProcesses,
  options: StopOptions
): Promise<StopReport> {
  const leaders = new Set(run.leaders)
  const liveLeaders = (): number[] =>
    table
      .list()
      .filter(e => e.state !== 'Z' && leaders.has(e.pid))
      .map(e => e.pid)
  for (const pid of leaders) signal(pid, 'SIGTERM')
  await waitUntil(liveLeaders, options.graceMs, options.pollMs)

  const rest = survivors(table, run)
  if (rest.length === 0) return { killed: [] }
  for (const pid of rest) signal(pid, 'SIGTERM')
  const stubborn = await waitUntil(() => survivors(table, run), options.graceMs, options.pollMs)
  if (stubborn.length === 0) return { killed: [] }

  // Killed again on every poll: the group may fork, and a marked process may appear, after the
  // first round; one that was never signalled has not "survived" SIGKILL.
  const killed = new Set(stubborn)
  const killRest = (): number[] => {
    for (const group of run.groups) signal(-group, 'SIGKILL')
    const rest = survivors(table, run)
    for (const pid of rest) {
      signal(pid, 'SIGKILL')
      killed.add(pid)
    }
    return rest
  }
  killRest()
  const left = await waitUntil(killRest, options.killWaitMs, options.pollMs)
  if (left.length > 0) {
    const marker = run.marker ? ` (${run.marker.name}=${run.marker.value})` : ''
    throw new Error(
      `Processes ${left.join(', ')} of this run${marker} survived SIGKILL; stop them by hand.`
    )
  }
  return { killed: [...killed] }
}
