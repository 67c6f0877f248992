// (c) CLI wall time against two floors: the (one import per run) and the work a bare
// prefork script does for the same runs (import, fork, one full collection per child), which
// includes the copy-on-write faults the measurement exists to count.
import { spawnSync } from 'node:child_process'
import { median } from './common.js'

const ENTRYPOINT_FILE = 'examples/stdlib_preload.py'
const STRATEGIES = ['none', 'freeze'] as const
const WORKERS = 4
// os._exit, as the harness ends: tearing down the preloaded heap is not part of a run.
const IMPORT_ONLY = `
import importlib.util, os, sys
spec = importlib.util.spec_from_file_location("preload_bench", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
module.preload()
os._exit(0)
`
const BARE_PREFORK = `${IMPORT_ONLY.replace('os._exit(0)', '')}
import gc
if sys.argv[2] == "freeze":
    gc.freeze()
for _ in range(int(sys.argv[3])):
    if os.fork() == 0:
        gc.collect()
        os._exit(0)
for _ in range(int(sys.argv[3])):
    os.wait()
os._exit(0)
`

function seconds(command: string, args: string[]): number {
  const start = process.hrtime.bigint()
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`)
  return Number(process.hrtime.bigint() - start) / 1e9
}

function medianOf(times: number, fn: () => number): number {
  return median(Array.from({ length: times }, fn))
}

export interface WallBench {
  runs: number
  importSeconds: number
  bareSeconds: number
  cliSeconds: number
}

export function benchWall(python: string, repeat: number): WallBench {
  const importSeconds = medianOf(5, () => seconds(python, ['-c', IMPORT_ONLY, ENTRYPOINT_FILE]))
  const barePerRound = STRATEGIES.map(strategy =>
    medianOf(3, () =>
      seconds(python, ['-c', BARE_PREFORK, ENTRYPOINT_FILE, strategy, String(WORKERS)])
    )
  ).reduce((a, b) => a + b, 0)
  const cliArgs = [
    'dist/cli/index.js',
    '--python',
    python,
    '--entrypoint',
    `${ENTRYPOINT_FILE}:preload`
  ]
  cliArgs.push('--strategies', STRATEGIES.join(','), '--repeat', String(repeat))
  cliArgs.push('--workers', String(WORKERS))
  const cliSeconds = medianOf(3, () => seconds(process.execPath, cliArgs))
  return {
    runs: STRATEGIES.length * repeat,
    importSeconds,
    bareSeconds: barePerRound * repeat,
    cliSeconds
  }
}
