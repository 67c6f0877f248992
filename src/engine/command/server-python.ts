import { readFileSync } from 'node:fs'
import { hasIncrementalGc, type PythonProbe } from '../python.js'
import type { Run } from '../types.js'

/** sys.implementation.name as platform.python_implementation() spells it, as entrypoint mode reports. */
const IMPLEMENTATIONS: Record<string, string> = {
  cpython: 'CPython',
  pypy: 'PyPy',
  graalpy: 'GraalPy'
}

/** Stands in for the interpreter when the hook loaded in no master: nothing Python was seen. */
export const UNKNOWN = 'unknown'

/**
 * The interpreter that was measured, as the strategy hook reported it in the first master where it
 * loaded; the `python` input plays no part in command mode.
 */
export function serverPython(runs: readonly Run[], pageSize: number): PythonProbe {
  const seen = runs.map(run => run.command?.python).find(python => python)
  if (!seen) {
    return {
      executable: UNKNOWN,
      version: UNKNOWN,
      implementation: UNKNOWN,
      freeThreaded: false,
      incrementalGc: false,
      pageSize
    }
  }
  const implementation = IMPLEMENTATIONS[seen.implementation] ?? seen.implementation
  return {
    executable: seen.executable,
    version: seen.version,
    implementation,
    freeThreaded: seen.freeThreaded,
    incrementalGc: hasIncrementalGc(implementation, seen.version.split('.').map(Number)),
    pageSize
  }
}

/** The kernel's page size, from this process's first mapping: no interpreter is probed. */
export function kernelPageSize(smaps = '/proc/self/smaps'): number {
  const match = /^KernelPageSize:\s+(\d+) kB$/m.exec(readFileSync(smaps, 'utf8'))
  if (match === null) throw new Error(`${smaps} names no KernelPageSize: is /proc mounted?`)
  return Number(match[1]) * 1024
}
