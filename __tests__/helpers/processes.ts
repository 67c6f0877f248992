/**
 * Proof that a test left no process behind: every process it starts carries a unique variable,
 * and /proc is searched for it afterwards, in environments and in command lines.
 */
import { randomUUID } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'

/** The variable each test's processes inherit; the action and the engine pass it on untouched. */
export const TEST_MARKER = 'PREFORK_TEST_MARKER'

export interface ProcessMarker {
  value: string
  /** To add to the environment of a process the test spawns. */
  env: Record<string, string>
}

export function newMarker(): ProcessMarker {
  const value = `pmc-test-${randomUUID()}`
  return { value, env: { [TEST_MARKER]: value } }
}

/**
 * Puts a fresh marker into this process's environment before each test of the file and removes
 * it after: everything the engine spawns in-process inherits it. This process itself never
 * matches, since /proc shows the environment a process started with.
 */
export function markEachTest(): { current(): ProcessMarker } {
  let marker: ProcessMarker | null = null
  beforeEach(() => {
    marker = newMarker()
    process.env[TEST_MARKER] = marker.value
  })
  afterEach(() => {
    delete process.env[TEST_MARKER]
  })
  return {
    current: () => {
      if (marker === null) throw new Error('markEachTest: no test is running')
      return marker
    }
  }
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'latin1')
  } catch {
    return '' // exited while we looked, or not ours to read
  }
}

/** Live processes (not this one) with the marker in their environment or command line. */
export function markedPids(marker: ProcessMarker): number[] {
  const found: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
    const environ = readOrEmpty(`/proc/${entry}/environ`).split('\0')
    const cmdline = readOrEmpty(`/proc/${entry}/cmdline`)
    if (environ.includes(`${TEST_MARKER}=${marker.value}`) || cmdline.includes(marker.value)) {
      found.push(Number(entry))
    }
  }
  return found
}

/** What each process is, for a failure message that says which ones were left. */
function describePids(pids: number[]): string {
  return pids
    .map(pid => `${pid}: ${readOrEmpty(`/proc/${pid}/cmdline`).split('\0').join(' ').trim()}`)
    .join('\n')
}

/**
 * Fails the test if a marked process is alive. `waitMs` is for processes killed by another
 * process that just exited (a signal takes a moment to land); the engine itself waits for them.
 */
export async function expectNoProcessLeft(marker: ProcessMarker, waitMs = 0): Promise<void> {
  const deadline = Date.now() + waitMs
  let left = markedPids(marker)
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 25))
    left = markedPids(marker)
  }
  if (left.length > 0) {
    throw new Error(`processes left running after the test:\n${describePids(left)}`)
  }
}

/**
 * Waits until `count` marked processes whose command line holds `command` are alive: the run
 * has reached the point under test.
 */
export async function waitForMarked(
  marker: ProcessMarker,
  count: number,
  command: string,
  timeoutMs = 30_000
): Promise<number[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const pids = markedPids(marker).filter(pid =>
      readOrEmpty(`/proc/${pid}/cmdline`).includes(command)
    )
    if (pids.length >= count) return pids
    if (Date.now() > deadline) {
      throw new Error(
        `only ${pids.length} of ${count} marked ${command} processes in ${timeoutMs} ms`
      )
    }
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}
