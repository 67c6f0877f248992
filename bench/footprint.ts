// (b) What the harness itself costs each child: after-fork USS of a harness child with an empty
// entrypoint against a child forked by a bare script that only blocks in a read.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { measure } from '../src/engine/measure.js'
import { createProcReader } from '../src/engine/procfs.js'
import { median, startTree } from './common.js'
import { silentLogger } from './logger.js'

const WORKERS = 4
const REPEAT = 5
async function bareChildUss(python: string): Promise<number> {
  const tree = await startTree(python, WORKERS)
  try {
    // Let the children reach their read, as harness children do before they are sampled.
    await new Promise(resolve => setTimeout(resolve, 200))
    const reader = createProcReader()
    return median(tree.children.map(pid => reader.sample(pid).uss))
  } finally {
    tree.stop()
  }
}

export interface FootprintBench {
  harness: number
  bare: number
}

export async function benchFootprint(python: string): Promise<FootprintBench> {
  const dir = mkdtempSync(join(tmpdir(), 'pmc-bench-'))
  writeFileSync(join(dir, 'empty.py'), '')
  const results = await measure(
    {
      entrypoint: 'empty.py',
      worker: null,
      iterations: 1,
      workers: WORKERS,
      strategies: ['none'],
      repeat: REPEAT,
      python,
      workingDirectory: dir,
      timeoutMs: 60_000
    },
    { proc: createProcReader(), log: silentLogger, harnessPath: resolve('src/harness/harness.py') }
  )
  const runs = results.strategies[0].runs
  const harness = median(runs.map(run => median(run.phases['after-fork'].children.map(c => c.uss))))
  const bare: number[] = []
  for (let i = 0; i < REPEAT; i++) bare.push(await bareChildUss(python))
  return { harness, bare: median(bare) }
}
