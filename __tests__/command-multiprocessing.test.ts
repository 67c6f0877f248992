import { randomUUID } from 'node:crypto'
import { createProcessTable } from '../src/engine/process-table.js'
import { runCommand } from '../src/engine/command/run.js'
import type { CommandRun } from '../src/engine/command/types.js'
import { createProcReader } from '../src/engine/procfs.js'
import { median } from '../src/engine/stats.js'
import type { Strategy } from '../src/engine/types.js'
import {
  SYSTEM_PYTHON,
  commandOptions,
  processesOfRun,
  recordingLogger
} from './fixtures/servers/run-helpers.js'

const proc = createProcReader()
const table = createProcessTable()
const MIB = 2 ** 20

describe('command mode with a multiprocessing fork-context pool', () => {
  const pool = async (strategy: Strategy): Promise<CommandRun> => {
    const runId = randomUUID()
    const { log } = recordingLogger()
    try {
      // No load command: the pool collected in every worker while starting; the workers idle.
      return await runCommand(
        commandOptions({
          command: `${SYSTEM_PYTHON} fork_pool.py`,
          strategy,
          loadDurationMs: 1_000
        }),
        { proc, table, log, runId }
      )
    } finally {
      expect(processesOfRun(runId)).toEqual([])
    }
  }

  it('finds the pool workers under the script and applies collect-freeze to each', async () => {
    const none = await pool('none')
    const collectFreeze = await pool('collect-freeze')
    for (const run of [none, collectFreeze]) {
      expect(run.master.name).toBe('python3')
      expect(run.workers.map(w => w.hookFired)).toEqual([true, true, true])
      expect(run.loadMs).toBeGreaterThanOrEqual(1_000)
      // 1 s at 250 ms: the ready state, about four samples, the last one.
      expect(run.ticks.length).toBeGreaterThanOrEqual(4)
    }
    for (const child of collectFreeze.phases['after-work'].children) {
      expect(child.gc?.freezeCount).toBeGreaterThan(200_000)
    }
    const uss = (run: CommandRun): number =>
      median(run.phases['after-work'].children.map(c => c.uss))
    expect(uss(none)).toBeGreaterThan(10 * MIB)
    expect(uss(collectFreeze)).toBeLessThanOrEqual(0.2 * uss(none))
  })
})
