// Scale: 64 workers forked from a ~200 MB preload, under none and freeze, in one measure() call.
// Records the machine's peak memory use (from /proc/meminfo) and the wall time it took, and
// prints a Markdown section for BENCHMARKS.md. Build and run: tsc --outDir build && node build/bench/scale.js
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, release, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { measure } from '../src/engine/measure.js'
import { createProcReader } from '../src/engine/procfs.js'
import type { Results } from '../src/engine/types.js'
import { silentLogger } from './logger.js'

const WORKERS = 64
const python = process.env.PYTHON ?? 'python3'
const GiB = 2 ** 30
const MiB = 2 ** 20
/** Without freeze each child may copy the tracked part of the heap: 64 × ~130 MB, plus headroom. */
const NEEDED_BYTES = 12 * GiB

// Rows as an ORM or routing cache holds them (GC-tracked lists and dicts), next to an untracked
// payload (bytes) as loaded models or templates are: about 200 MB of RSS in the parent.
const PRELOAD = `
CACHE = {}
PAYLOAD = []


def preload():
    for i in range(300000):
        CACHE[i] = [i, "row-%d" % i, {"id": i, "name": "item-%d" % i}]
    for i in range(80):
        PAYLOAD.append(bytes([i % 256]) * (1024 * 1024))


def work():
    return sum(CACHE[i][0] for i in range(0, len(CACHE), 1000))
`

function memAvailable(): number {
  const match = /^MemAvailable:\s+(\d+) kB$/m.exec(readFileSync('/proc/meminfo', 'utf8'))
  if (match === null) throw new Error('/proc/meminfo has no MemAvailable line')
  return Number(match[1]) * 1024
}

const mib = (bytes: number): string => `${(bytes / MiB).toFixed(0)} MiB`
const gib = (bytes: number): string => `${(bytes / GiB).toFixed(2)} GiB`

const available = memAvailable()
if (available < NEEDED_BYTES) {
  console.error(`Needs ${gib(NEEDED_BYTES)} available; this machine has ${gib(available)}.`)
  process.exit(1)
}

const dir = mkdtempSync(join(tmpdir(), 'pmc-scale-'))
writeFileSync(join(dir, 'big_preload.py'), PRELOAD)

// Sampled while the runs go on: the lowest MemAvailable is the peak the runs cost the machine.
let lowest = available
const sampler = setInterval(() => (lowest = Math.min(lowest, memAvailable())), 50)
const started = performance.now()
let results: Results
try {
  results = await measure(
    {
      entrypoint: 'big_preload.py:preload',
      worker: 'big_preload.py:work',
      iterations: 1,
      workers: WORKERS,
      strategies: ['none', 'freeze'],
      repeat: 1,
      python,
      workingDirectory: dir,
      timeoutMs: 15 * 60_000
    },
    { proc: createProcReader(), log: silentLogger, harnessPath: resolve('src/harness/harness.py') }
  )
} finally {
  clearInterval(sampler)
  rmSync(dir, { recursive: true, force: true })
}
const wallSeconds = (performance.now() - started) / 1000

const rows = results.strategies.map(strategy => {
  const run = strategy.runs[0]
  const work = run.phases['after-work']
  const parent = work.parent
  const treePss = parent.pss + work.children.reduce((sum, child) => sum + child.pss, 0)
  const treeUss = parent.uss + work.children.reduce((sum, child) => sum + child.uss, 0)
  return (
    `| \`${strategy.name}\` | ${mib(parent.rss)} | ${mib(strategy.summary.uss.median)} | ` +
    `${mib(treeUss)} | ${mib(treePss)} | ${(run.durationMs / 1000).toFixed(1)} s |`
  )
})

const sampled = results.strategies
  .flatMap(strategy => strategy.runs)
  .reduce((sum, run) => sum + Math.min(...Object.values(run.phases).map(p => p.children.length)), 0)
const { python: py } = results.environment
console.log(`## Scale: 64 workers

${WORKERS} workers forked from a ~200 MB preload (300,000 GC-tracked rows plus 80 MiB of bytes),
one run each of \`none\` and \`freeze\`, in one \`measure()\` call (\`node build/bench/scale.js\`).
Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Linux ${release()}, ${py.implementation} ${py.version}.

| strategy | parent RSS | child USS (median) | tree USS (sum) | tree PSS (sum) | run wall time |
|---|---:|---:|---:|---:|---:|
${rows.join('\n')}

- Both runs completed without error; ${sampled} of ${WORKERS * 2} children were sampled at both phases.
- Peak memory the runs took from the machine (MemAvailable before minus its lowest value): ${gib(available - lowest)}.
- Wall time of the whole call, probe and both runs: ${wallSeconds.toFixed(1)} s.`)
