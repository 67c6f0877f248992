import { Inputs } from '../../constants.js'
import { subtree, type ProcessEntry } from '../process-table.js'

export interface Master {
  pid: number
  name: string
}

export type Discovery =
  | { kind: 'found'; master: Master; workers: number[] }
  /** `best`: the likeliest master so far, for messages; null when nothing forked yet. */
  | { kind: 'searching'; best: { master: Master; count: number } | null }

export interface DiscoveryScope {
  /** The command's shell. */
  root: number
  /** Processes carrying the run's marker: also those that left the shell's tree (daemons). */
  marked: readonly number[]
  /** Processes in which the hook loaded: Python interpreters. */
  python: ReadonlySet<number>
}

/**
 * The forking process and its workers: among the command's live processes, the one with exactly
 * `workers` live children. Python processes come first, then the shallowest, so that a wrapper
 * shell with one child does not pass for the master of a single worker.
 */
export function findWorkers(
  entries: readonly ProcessEntry[],
  scope: DiscoveryScope,
  workers: number
): Discovery {
  const live = entries.filter(e => e.state !== 'Z')
  const byPid = new Map(live.map(e => [e.pid, e]))
  const members = new Map(subtree(live, scope.root).map(e => [e.pid, e]))
  for (const pid of scope.marked) {
    const entry = byPid.get(pid)
    if (entry) members.set(pid, entry)
  }
  const childrenOf = new Map<number, number[]>()
  for (const entry of live) {
    if (!members.has(entry.ppid)) continue
    childrenOf.set(entry.ppid, [...(childrenOf.get(entry.ppid) ?? []), entry.pid])
  }
  const depth = (entry: ProcessEntry): number => {
    let count = 0
    for (let up = members.get(entry.ppid); up; up = members.get(up.ppid)) count++
    return count
  }
  const rank = (entry: ProcessEntry): [number, number, number] => [
    scope.python.has(entry.pid) ? 0 : 1,
    depth(entry),
    entry.pid
  ]
  const ordered = [...members.values()]
    .map(entry => ({ entry, key: rank(entry) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2])
    .map(({ entry }) => entry)

  const master = (entry: ProcessEntry): Master => ({ pid: entry.pid, name: entry.name })
  const children = (entry: ProcessEntry): number[] => childrenOf.get(entry.pid) ?? []
  const exact = ordered.find(entry => children(entry).length === workers)
  if (exact) {
    return {
      kind: 'found',
      master: master(exact),
      workers: [...children(exact)].sort((a, b) => a - b)
    }
  }
  // Once the interpreter is known, progress is told from it, even before its first fork.
  const pythons = ordered.filter(entry => scope.python.has(entry.pid))
  let best: { master: Master; count: number } | null = null
  for (const entry of pythons.length > 0 ? pythons : ordered) {
    const count = children(entry).length
    const counts = count > 0 || pythons.length > 0
    if (counts && (best === null || count > best.count)) best = { master: master(entry), count }
  }
  return { kind: 'searching', best }
}

/** What discovery has found so far, for a timeout message. */
export function describeSearch(discovery: Discovery, workers: number): string {
  if (discovery.kind === 'found') {
    return `found ${workers} workers under ${discovery.master.name} (pid ${discovery.master.pid})`
  }
  const { best } = discovery
  if (best === null) return `found 0 of ${workers} workers: none of the command's processes forked`
  const under = `${best.master.name} (pid ${best.master.pid})`
  if (best.count > workers) {
    return (
      `found ${best.count} processes under ${under}, not ${workers}: set input ` +
      `'${Inputs.Workers}' to the number of workers the command starts`
    )
  }
  return `found ${best.count} of ${workers} workers under ${under}`
}

/** A worker's USS may move this much between two polls and still count as settled. */
export const SETTLE_TOLERANCE = { fraction: 0.02, bytes: 256 * 1024 }
/** Consecutive settled comparisons needed: three polls in a row. */
export const SETTLED_COMPARISONS = 2

/** Tells when the workers' memory has stopped moving after start-up. */
export class SettleTracker {
  private previous: Map<number, number> | null = null
  private stable = 0
  /** The largest change seen between the last two polls. */
  lastChange: { pid: number; bytes: number } | null = null

  /** Takes one poll of USS per worker pid; true once settled. */
  observe(uss: ReadonlyMap<number, number>): boolean {
    const previous = this.previous
    this.previous = new Map(uss)
    const samePids =
      uss.size > 0 &&
      previous !== null &&
      previous.size === uss.size &&
      [...uss.keys()].every(pid => previous.has(pid))
    if (!samePids) {
      this.stable = 0
      this.lastChange = null
      return false
    }
    let settled = true
    this.lastChange = null
    for (const [pid, now] of uss) {
      const before = previous.get(pid) as number
      const change = Math.abs(now - before)
      if (this.lastChange === null || change > this.lastChange.bytes) {
        this.lastChange = { pid, bytes: change }
      }
      if (change > Math.max(SETTLE_TOLERANCE.fraction * before, SETTLE_TOLERANCE.bytes)) {
        settled = false
      }
    }
    this.stable = settled ? this.stable + 1 : 0
    return this.stable >= SETTLED_COMPARISONS
  }
}
