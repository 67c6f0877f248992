import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { MemorySample } from './types.js'

/** Reads process memory as the kernel counts it. Passed into the engine so tests can point it elsewhere. */
export interface ProcReader {
  /** One sample of a live process; throws ProcessGoneError when it has exited. */
  sample(pid: number): MemorySample
  /** The one-letter scheduler state of a live process: R running, S sleeping, … */
  state(pid: number): string
}

export class ProcessGoneError extends Error {
  constructor(readonly pid: number) {
    super(`process ${pid} exited before it could be measured`)
    this.name = 'ProcessGoneError'
  }
}

const KB = 1024

/** Sums the `Key:   N kB` lines of smaps or smaps_rollup, in bytes per key. */
export function parseSmaps(text: string): Map<string, number> {
  const totals = new Map<string, number>()
  const line = /^([A-Za-z_]+):\s+(\d+) kB$/gm
  for (let m = line.exec(text); m !== null; m = line.exec(text)) {
    totals.set(m[1], (totals.get(m[1]) ?? 0) + Number(m[2]) * KB)
  }
  return totals
}

/** Minor faults: field 10 of /proc/PID/stat, counted after the parenthesised command name. */
export function parseMinorFaults(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return Number(fields[7])
}

/** State: field 3 of /proc/PID/stat. */
export function parseState(stat: string): string {
  return stat.charAt(stat.lastIndexOf(')') + 2)
}

export function toSample(
  pid: number,
  totals: Map<string, number>,
  minorFaults: number,
  source: MemorySample['source']
): MemorySample {
  const get = (key: string): number => totals.get(key) ?? 0
  return {
    pid,
    rss: get('Rss'),
    pss: get('Pss'),
    uss: get('Private_Clean') + get('Private_Dirty') + get('Private_Hugetlb'),
    sharedClean: get('Shared_Clean'),
    sharedDirty: get('Shared_Dirty'),
    anonymous: get('Anonymous'),
    swap: get('Swap'),
    minorFaults,
    source
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code
}

export interface ProcReaderOptions {
  /** False reads only smaps, as on kernels before 4.14 or where the rollup is hidden. */
  rollup?: boolean
}

export function createProcReader(root = '/proc', options: ProcReaderOptions = {}): ProcReader {
  const rollup = options.rollup ?? true
  const readStat = (pid: number): string => {
    try {
      return readFileSync(join(root, String(pid), 'stat'), 'latin1')
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ESRCH')
        throw new ProcessGoneError(pid)
      throw error
    }
  }

  const readMemory = (pid: number): { text: string; source: MemorySample['source'] } => {
    try {
      if (rollup) {
        return {
          text: readFileSync(join(root, String(pid), 'smaps_rollup'), 'latin1'),
          source: 'smaps_rollup'
        }
      }
    } catch (error) {
      // Kernels before 4.14 have no rollup; some sandboxes hide it. Summing smaps gives the same figures.
      if (errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ESRCH') throw error
    }
    try {
      return { text: readFileSync(join(root, String(pid), 'smaps'), 'latin1'), source: 'smaps' }
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ESRCH')
        throw new ProcessGoneError(pid)
      throw error
    }
  }

  return {
    sample(pid) {
      const { text, source } = readMemory(pid)
      const stat = readStat(pid)
      // A process that exited between the two reads leaves an empty rollup: that is no sample.
      if (text.length === 0) throw new ProcessGoneError(pid)
      return toSample(pid, parseSmaps(text), parseMinorFaults(stat), source)
    },

    state(pid) {
      return parseState(readStat(pid))
    }
  }
}
