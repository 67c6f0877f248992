import type { GcEvidence, Strategy } from '../types.js'
import type { WorkerInfo } from './types.js'

/** One line sitecustomize.py appended to the evidence file. */
export type HookRecord =
  | {
      event: 'start'
      pid: number
      ppid: number
      strategy: string
      executable: string
      version: number[]
      implementation: string
      freeThreaded: boolean
      gc: GcEvidence
    }
  | { event: 'fork'; pid: number; ppid: number; gc: GcEvidence }

interface RawRecord {
  event?: unknown
  pid?: unknown
  ppid?: unknown
  freezeCount?: unknown
  enabled?: unknown
  collections?: unknown
  strategy?: unknown
  executable?: unknown
  version?: unknown
  implementation?: unknown
  freeThreaded?: unknown
}

function toRecord(raw: RawRecord): HookRecord | null {
  if (typeof raw.pid !== 'number' || typeof raw.ppid !== 'number') return null
  const gc: GcEvidence = {
    freezeCount: Number(raw.freezeCount),
    enabled: raw.enabled === true,
    collections: Array.isArray(raw.collections) ? raw.collections.map(Number) : []
  }
  if (raw.event === 'fork') return { event: 'fork', pid: raw.pid, ppid: raw.ppid, gc }
  if (raw.event !== 'start') return null
  return {
    event: 'start',
    pid: raw.pid,
    ppid: raw.ppid,
    strategy: String(raw.strategy),
    executable: String(raw.executable),
    version: Array.isArray(raw.version) ? raw.version.map(Number) : [],
    implementation: String(raw.implementation),
    freeThreaded: raw.freeThreaded === true,
    gc
  }
}

/** The records of an evidence file, in the order written; lines it cannot read are skipped. */
export function parseEvidence(text: string): HookRecord[] {
  const records: HookRecord[] = []
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    try {
      const record = toRecord(JSON.parse(line) as RawRecord)
      if (record !== null) records.push(record)
    } catch {
      // A line cut short (a full disk) says nothing reliable.
    }
  }
  return records
}

export interface HookAssessment {
  workers: WorkerInfo[]
  /** Each worker's collector state right after its fork, for the workers the hook saw. */
  gc: Map<number, GcEvidence>
  /** The hook's own start record in the master, when it loaded there. */
  masterStart: Extract<HookRecord, { event: 'start' }> | null
  warnings: string[]
}

function pidList(pids: number[]): string {
  return pids.join(', ')
}

/** Which workers the strategy reached, and a warning for every worker it did not. */
export function assessHook(
  records: readonly HookRecord[],
  master: { pid: number; name: string },
  workerPids: readonly number[],
  strategy: Strategy
): HookAssessment {
  const forks = new Map<number, GcEvidence>()
  for (const record of records) {
    if (record.event === 'fork' && record.ppid === master.pid) forks.set(record.pid, record.gc)
  }
  const masterStart =
    records.find(
      (r): r is Extract<HookRecord, { event: 'start' }> =>
        r.event === 'start' && r.pid === master.pid
    ) ?? null
  const workers = workerPids.map(pid => ({ pid, hookFired: forks.has(pid) }))
  const gc = new Map([...forks].filter(([pid]) => workerPids.includes(pid)))
  const missed = workers.filter(w => !w.hookFired).map(w => w.pid)

  const warnings: string[] = []
  const who = `${master.name} (pid ${master.pid})`
  const consequence =
    strategy === 'none'
      ? 'the workers carry no GC evidence.'
      : `strategy '${strategy}' was not applied to them and their figures are the baseline's.`
  if (missed.length > 0 && missed.length === workers.length && masterStart !== null) {
    warnings.push(
      `The strategy hook loaded in ${who} but none of its ${workers.length} workers ran the ` +
        "interpreter's fork handlers: the server forks from C (uWSGI does), so " +
        consequence
    )
  } else if (missed.length > 0 && missed.length === workers.length) {
    warnings.push(
      `The strategy hook never loaded in ${who}: it is not a Python process that reads PYTHONPATH ` +
        '(not Python, started with python -I or -E, or by a wrapper that resets the environment), ' +
        `so ${consequence}`
    )
  } else if (missed.length > 0) {
    warnings.push(
      `The strategy hook fired in ${workers.length - missed.length} of ${workers.length} workers of ` +
        `${who}; workers ${pidList(missed)} were forked without it, so ${consequence}`
    )
  }
  // A worker forked after gc.freeze() inherits frozen objects; none means the master never ran
  // the before-fork handler. Free-threaded builds keep no count to tell by.
  const unfrozen =
    strategy === 'none' || masterStart?.freeThreaded
      ? []
      : workers.filter(w => w.hookFired && gc.get(w.pid)?.freezeCount === 0).map(w => w.pid)
  if (unfrozen.length > 0) {
    warnings.push(
      `The strategy hook ran in workers ${pidList(unfrozen)} of ${who} after their fork, but ` +
        "never before it: the server runs the interpreter's after-fork handlers only (uWSGI " +
        'does, even with --py-call-osafterfork), so gc.freeze() never ran in the master and ' +
        `strategy '${strategy}' figures are the baseline's.`
    )
  }
  return { workers, gc, masterStart, warnings }
}
