import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'

/** A Python parent and its forked children, all blocked in a read until stopped. */
export interface Tree {
  parent: ChildProcess
  children: number[]
  stop(): void
}

/** `megabytes` of touched heap plus a cache of small objects, like a preloaded server. */
export const HEAVY_PRELOAD = `
ballast = bytearray(int(sys.argv[2]) * 1024 * 1024)
for i in range(0, len(ballast), 4096):
    ballast[i] = 1
cache = [(i, str(i)) for i in range(200000)]
`

const treeScript = (preload: string): string => `
import os, sys
${preload}
r, w = os.pipe()
pids = []
for _ in range(int(sys.argv[1])):
    pid = os.fork()
    if pid == 0:
        os.read(r, 1)
        os._exit(0)
    pids.append(pid)
print(" ".join(map(str, pids)), flush=True)
os.read(r, 1)
`

/** Runs `preload` (which may read `sys.argv[2:]`, given as `args`), then forks `children`. */
export async function startTree(
  python: string,
  children: number,
  preload = '',
  args: string[] = []
): Promise<Tree> {
  const parent = spawn(python, ['-c', treeScript(preload), String(children), ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
    detached: true
  })
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: parent.stdout! }).once('line', resolve)
    parent.once('exit', code => reject(new Error(`tree exited early (${code})`)))
  })
  return {
    parent,
    children: line.trim().split(' ').map(Number),
    stop: () => process.kill(-(parent.pid as number), 'SIGKILL')
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * Microseconds per call of each function, median over every call. The functions take turns on
 * each pid so that the machine's drift hits them all alike.
 */
export function timeInTurns(
  pids: number[],
  rounds: number,
  fns: Array<(pid: number) => void>
): number[] {
  const calls: number[][] = fns.map(() => [])
  for (let round = 0; round < rounds; round++) {
    for (const pid of pids) {
      fns.forEach((fn, i) => {
        const start = process.hrtime.bigint()
        fn(pid)
        calls[i].push(Number(process.hrtime.bigint() - start) / 1000)
      })
    }
  }
  return calls.map(median)
}
