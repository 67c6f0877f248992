// (c) CLI wall time against the floor it cannot beat: one interpreter start plus the entrypoint's
// import for every run.
import { spawnSync } from 'node:child_process'
import { median } from './common.js'

const ENTRYPOINT_FILE = 'examples/stdlib_preload.py'
const IMPORT_ONLY = `
import importlib.util, sys
spec = importlib.util.spec_from_file_location("preload_bench", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
module.preload()
`

function seconds(command: string, args: string[]): number {
  const start = process.hrtime.bigint()
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`)
  return Number(process.hrtime.bigint() - start) / 1e9
}

export interface WallBench {
  runs: number
  importSeconds: number
  cliSeconds: number
}

export function benchWall(python: string, repeat: number): WallBench {
  const strategies = ['none', 'freeze']
  const importSeconds = median(
    Array.from({ length: 5 }, () => seconds(python, ['-c', IMPORT_ONLY, ENTRYPOINT_FILE]))
  )
  const cliArgs = [
    'dist/cli/index.js',
    '--python',
    python,
    '--entrypoint',
    `${ENTRYPOINT_FILE}:preload`
  ]
  cliArgs.push('--strategies', strategies.join(','), '--repeat', String(repeat))
  const cliSeconds = median(Array.from({ length: 3 }, () => seconds(process.execPath, cliArgs)))
  return { runs: strategies.length * repeat, importSeconds, cliSeconds }
}
