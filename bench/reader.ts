// (a) Cost of one memory sample: our reader vs a raw smaps_rollup read vs psutil, on 16 children of a
// ~200 MB parent. Children share the parent's pages, so each read walks a large page table.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createProcReader } from '../src/engine/procfs.js'
import { HEAVY_PRELOAD, startTree, timeInTurns } from './common.js'

const ROUNDS = 50
const PSUTIL_TIMER = `
import sys, time, psutil
pids, rounds = [int(p) for p in sys.argv[1].split()], int(sys.argv[2])
procs = [psutil.Process(p) for p in pids]
calls = []
for _ in range(rounds):
    for p in procs:
        start = time.perf_counter()
        p.memory_full_info()
        calls.append((time.perf_counter() - start) * 1e6)
calls.sort()
print(calls[len(calls) // 2])
`

export interface ReaderBench {
  ours: number
  raw: number
  psutil: number | null
}

export async function benchReader(
  python: string,
  psutilPython: string | null
): Promise<ReaderBench> {
  const tree = await startTree(python, 16, HEAVY_PRELOAD, ['200'])
  try {
    const reader = createProcReader()
    const [raw, ours] = timeInTurns(tree.children, ROUNDS, [
      pid => readFileSync(`/proc/${pid}/smaps_rollup`),
      pid => reader.sample(pid)
    ])
    const psutil = psutilPython
      ? Number(
          execFileSync(
            psutilPython,
            ['-c', PSUTIL_TIMER, tree.children.join(' '), String(ROUNDS)],
            {
              encoding: 'utf8'
            }
          )
        )
      : null
    return { ours, raw, psutil }
  } finally {
    tree.stop()
  }
}
