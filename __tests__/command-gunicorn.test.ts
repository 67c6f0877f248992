import { randomUUID } from 'node:crypto'
import { runCommand } from '../src/engine/command/run.js'
import { createProcessTable } from '../src/engine/process-table.js'
import { medianWorkerUss } from '../src/engine/command/series.js'
import type { CommandRun } from '../src/engine/command/types.js'
import { median } from '../src/engine/stats.js'
import { createProcReader } from '../src/engine/procfs.js'
import type { Strategy } from '../src/engine/types.js'
import {
  SYSTEM_PYTHON,
  commandOptions,
  freePort,
  processesOfRun,
  recordingLogger,
  requireModules
} from './fixtures/servers/run-helpers.js'

// Real gunicorn, real Flask, real forks, real /proc: the figures are what the kernel reports.

const proc = createProcReader()
const table = createProcessTable()
const MIB = 2 ** 20

describe('command mode with gunicorn --preload -w 3', () => {
  beforeAll(() => requireModules(['gunicorn', 'flask'], ['gunicorn', 'python3-flask']))

  const serve = async (strategy: Strategy): Promise<{ run: CommandRun; lines: string[] }> => {
    const port = await freePort()
    const runId = randomUUID()
    const { log, lines } = recordingLogger()
    try {
      const run = await runCommand(
        commandOptions({
          command: `exec /usr/bin/gunicorn --preload -w 3 -b 127.0.0.1:${port} flask_app:app`,
          strategy,
          ready: { kind: 'url', url: `http://127.0.0.1:${port}/` },
          loadCommand: `${SYSTEM_PYTHON} collect_all.py 3`
        }),
        { proc, table, log, runId }
      )
      return { run, lines }
    } finally {
      expect(processesOfRun(runId)).toEqual([])
    }
  }

  it('cuts the median worker USS by at least 80% with gc.freeze()', async () => {
    const none = await serve('none')
    const freeze = await serve('freeze')
    const workerUss = (run: CommandRun): number =>
      median(run.phases['after-work'].children.map(c => c.uss))

    for (const { run, lines } of [none, freeze]) {
      expect(run.master.name).toBe('gunicorn')
      expect(run.python).toMatchObject({ executable: SYSTEM_PYTHON, implementation: 'cpython' })
      expect(run.workers).toHaveLength(3)
      expect(run.workers.every(w => w.hookFired)).toBe(true)
      expect(run.warnings).toEqual([])
      expect(lines.join('\n')).toContain('workers that collected')
      // The ready state at 0, one sample per interval, the last one after the load.
      expect(run.ticks[0].atMs).toBe(0)
      expect(run.ticks.length).toBeGreaterThanOrEqual(2)
      expect(run.ticks.at(-1)?.atMs).toBe(run.loadMs)
    }
    // 200,000 tracked lists: each worker's full collection copies their pages without freeze.
    expect(workerUss(none.run)).toBeGreaterThan(10 * MIB)
    expect(workerUss(freeze.run)).toBeLessThanOrEqual(0.2 * workerUss(none.run))
    // Before the load the workers still share the heap, whatever the strategy.
    expect(median(none.run.phases['after-fork'].children.map(c => c.uss))).toBeLessThan(
      0.5 * workerUss(none.run)
    )

    for (const child of none.run.phases['after-work'].children) {
      expect(child.gc?.freezeCount).toBe(0)
    }
    for (const child of freeze.run.phases['after-work'].children) {
      expect(child.gc?.freezeCount).toBeGreaterThan(200_000)
      expect(child.gc?.enabled).toBe(true)
    }
    // The growth over the load, as the chart draws it.
    const series = medianWorkerUss(none.run.ticks)
    expect(series.at(-1)?.bytes).toBeGreaterThan(series[0].bytes + 10 * MIB)
  })
})
