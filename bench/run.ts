// Runs the three benchmarks side by side and prints them as Markdown for BENCHMARKS.md.
import { execFileSync } from 'node:child_process'
import { cpus, release } from 'node:os'
import { benchFootprint } from './footprint.js'
import { benchReader } from './reader.js'
import { benchWall } from './wall.js'

const python = process.env.PYTHON ?? 'python3'
const KiB = 1024

function psutilPython(): string | null {
  for (const candidate of [python, '/usr/bin/python3']) {
    try {
      execFileSync(candidate, ['-c', 'import psutil'], { stdio: 'ignore' })
      return candidate
    } catch {
      // next candidate
    }
  }
  return null
}

const version = execFileSync(python, ['--version'], { encoding: 'utf8' }).trim()
const reader = await benchReader(python, psutilPython())
const footprint = await benchFootprint(python)
const wall = benchWall(python, 3)
const floor = 1.25 * wall.importSeconds * wall.runs + 1

const us = (value: number | null): string =>
  value === null ? 'n/a (no psutil)' : `${value.toFixed(0)} µs`
const verdict = (ok: boolean): string => (ok ? 'met' : '**missed**')

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Linux ${release()}, ${version}, Node ${process.version}

| benchmark | ours | reference | target | result |
|---|---:|---:|---|---|
| (a) one sample, per process (16 children of a ~200 MB parent) | ${us(reader.ours)} | raw \`smaps_rollup\` read ${us(reader.raw)}; psutil \`memory_full_info()\` ${us(reader.psutil)} | ≤ 1.5 × raw (${(reader.ours / reader.raw).toFixed(2)} ×) | ${verdict(reader.ours <= 1.5 * reader.raw)} |
| (b) child USS after fork, empty entrypoint | harness ${(footprint.harness / KiB).toFixed(0)} KiB | bare \`os.fork()\` child ${(footprint.bare / KiB).toFixed(0)} KiB | adds ≤ 128 KiB (adds ${((footprint.harness - footprint.bare) / KiB).toFixed(0)} KiB) | ${verdict(footprint.harness - footprint.bare <= 128 * KiB)} |
| (c) CLI wall time, \`examples/stdlib_preload.py\`, ${wall.runs} runs of 4 workers | ${wall.cliSeconds.toFixed(2)} s | import alone ${wall.importSeconds.toFixed(2)} s × ${wall.runs} runs | ≤ 1.25 × import × runs + 1 s = ${floor.toFixed(2)} s | ${verdict(wall.cliSeconds <= floor)} |
| (c′) the same runs against a bare prefork script doing the same work unmeasured | ${wall.cliSeconds.toFixed(2)} s | bare import + fork + collect: ${wall.bareSeconds.toFixed(2)} s | overhead ${(wall.cliSeconds - wall.bareSeconds).toFixed(2)} s (${((wall.cliSeconds / wall.bareSeconds - 1) * 100).toFixed(0)}%) | — |`)
