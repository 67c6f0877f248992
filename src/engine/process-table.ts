import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/** One line of the process table, from /proc/PID/stat. */
export interface ProcessEntry {
  pid: number
  ppid: number
  /** Process group id. */
  pgid: number
  /** One-letter state: R, S, D, Z (zombie), … */
  state: string
  /** The kernel's short name (comm): "gunicorn", "python3". */
  name: string
}

/** Lists processes; passed into the command runner so tests can point it elsewhere. */
export interface ProcessTable {
  /** Every process alive now, zombies included. */
  list(): ProcessEntry[]
  /** Pids of the processes whose environment holds `name=value`. */
  withEnv(name: string, value: string): number[]
}

/** Parses /proc/PID/stat; the name sits in parentheses and may hold spaces and parentheses. */
export function parseStatLine(pid: number, stat: string): ProcessEntry {
  const open = stat.indexOf('(')
  const close = stat.lastIndexOf(')')
  const fields = stat.slice(close + 2).split(' ')
  return {
    pid,
    ppid: Number(fields[1]),
    pgid: Number(fields[2]),
    state: fields[0],
    name: stat.slice(open + 1, close)
  }
}

/** True when the NUL-separated environment block holds exactly `name=value`. */
export function environHas(environ: string, name: string, value: string): boolean {
  return environ.split('\0').includes(`${name}=${value}`)
}

function numericEntries(root: string): string[] {
  return readdirSync(root).filter(entry => /^\d+$/.test(entry))
}

export function createProcessTable(root = '/proc'): ProcessTable {
  return {
    list() {
      const entries: ProcessEntry[] = []
      for (const entry of numericEntries(root)) {
        try {
          entries.push(
            parseStatLine(Number(entry), readFileSync(join(root, entry, 'stat'), 'latin1'))
          )
        } catch {
          // exited while we listed
        }
      }
      return entries
    },

    withEnv(name, value) {
      const found: number[] = []
      for (const entry of numericEntries(root)) {
        let environ: string
        try {
          environ = readFileSync(join(root, entry, 'environ'), 'latin1')
        } catch {
          continue // exited, or another user's process
        }
        if (environHas(environ, name, value)) found.push(Number(entry))
      }
      return found
    }
  }
}

/** `root` and every process below it, nearest first, from one snapshot; empty when `root` is gone. */
export function subtree(entries: readonly ProcessEntry[], root: number): ProcessEntry[] {
  const childrenOf = new Map<number, ProcessEntry[]>()
  for (const entry of entries) {
    const siblings = childrenOf.get(entry.ppid) ?? []
    siblings.push(entry)
    childrenOf.set(entry.ppid, siblings)
  }
  const self = entries.find(e => e.pid === root)
  const found: ProcessEntry[] = []
  const queue = self ? [self] : []
  while (queue.length > 0) {
    const next = queue.shift() as ProcessEntry
    found.push(next)
    queue.push(...(childrenOf.get(next.pid) ?? []))
  }
  return found
}
