import { ProcessGoneError, type ProcReader } from '../procfs.js'
import {
  describeSearch,
  findWorkers,
  SettleTracker,
  type Discovery,
  type Master
} from './discovery.js'
import { mib, RunFailure, seconds } from '../run-failure.js'
import type { HookRecord } from './evidence.js'
import type { LineWatcher } from './output.js'
import type { ProcessTable } from '../process-table.js'
import type { UrlProbe } from './ready-url.js'
import { describeExit, type ShellProcess } from './shell.js'
import type { ReadyCondition } from './types.js'

/** How often discovery looks at the process table while waiting for the workers. */
const POLL_MS = 250

export interface ReadyWait {
  table: ProcessTable
  proc: ProcReader
  server: ShellProcess
  /** The server shell's pid, also its process group. */
  root: number
  marker: { name: string; value: string }
  /** The hook's records so far: its start records tell which processes are Python. */
  readEvidence: () => HookRecord[]
  workers: number
  ready: ReadyCondition
  /** Watches the server's output when `ready` is a log pattern. */
  watcher: LineWatcher | null
  probeUrl: UrlProbe
  /** performance.now() by which the workers must be ready. */
  deadline: number
  timeoutMs: number
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/**
 * Polls the process table until the forking process has its workers and the ready condition
 * holds; throws a RunFailure naming what never happened when the command exits or time runs out.
 */
export async function waitForWorkers(
  wait: ReadyWait
): Promise<{ master: Master; workers: number[] }> {
  const { ready, server } = wait
  const settle = new SettleTracker()
  let lastAnswer = 'no answer yet'

  const isReady = async (workers: number[]): Promise<boolean> => {
    switch (ready.kind) {
      case 'settle': {
        const uss = new Map<number, number>()
        try {
          for (const pid of workers) uss.set(pid, wait.proc.sample(pid).uss)
        } catch (error) {
          if (!(error instanceof ProcessGoneError)) throw error
          uss.clear() // a worker went away: the tracker starts over with the next set
        }
        return settle.observe(uss)
      }
      case 'url': {
        const answer = await wait.probeUrl(ready.url)
        lastAnswer = answer.detail
        return answer.ok
      }
      case 'log':
        return wait.watcher?.matched != null
    }
  }

  const notReady = (discovery: Discovery): string => {
    const found = describeSearch(discovery, wait.workers)
    if (discovery.kind !== 'found') return found
    switch (ready.kind) {
      case 'url':
        return `${found}, but ${ready.url} never answered 2xx (last: ${lastAnswer})`
      case 'log':
        return `${found}, but no line of output matched ${String(ready.pattern)}`
      case 'settle': {
        const change = settle.lastChange
        const moved = change
          ? ` (worker ${change.pid} moved ${mib(change.bytes)} between polls)`
          : ''
        return `${found}, but their memory had not settled${moved}`
      }
    }
  }

  for (;;) {
    const entries = wait.table.list()
    const marked = wait.table.withEnv(wait.marker.name, wait.marker.value)
    const python = new Set(
      wait
        .readEvidence()
        .filter(record => record.event === 'start')
        .map(record => record.pid)
    )
    const discovery = findWorkers(entries, { root: wait.root, marked, python }, wait.workers)
    if (discovery.kind === 'found' && (await isReady(discovery.workers))) return discovery

    const markedSet = new Set(marked)
    const alive = entries.some(
      e => e.state !== 'Z' && (e.pgid === wait.root || markedSet.has(e.pid))
    )
    if (server.exit !== null && !alive) {
      throw new RunFailure(`the command ${describeExit(server.exit)} before its workers were ready`)
    }
    if (performance.now() >= wait.deadline) {
      throw new RunFailure(`timed out after ${seconds(wait.timeoutMs)}: ${notReady(discovery)}`)
    }
    await sleep(POLL_MS)
  }
}
