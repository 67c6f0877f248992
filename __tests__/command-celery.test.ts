import { randomUUID } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createProcessTable } from '../src/engine/process-table.js'
import { runCommand } from '../src/engine/command/run.js'
import { createProcReader } from '../src/engine/procfs.js'
import {
  SYSTEM_PYTHON,
  commandOptions,
  processesOfRun,
  recordingLogger,
  requireModules
} from './fixtures/servers/run-helpers.js'

const proc = createProcReader()
const table = createProcessTable()

describe('command mode with a Celery prefork worker', () => {
  let data: string
  beforeAll(() => requireModules(['celery', 'kombu'], ['python3-celery']))
  beforeEach(() => {
    // The filesystem transport's queue and results: no broker server.
    data = mkdtempSync(join(tmpdir(), 'celery-data-'))
  })
  afterEach(() => rmSync(data, { recursive: true, force: true }))

  it('measures the pool workers while they run tasks sent by the load command', async () => {
    const runId = randomUUID()
    const { log, lines } = recordingLogger()
    try {
      const run = await runCommand(
        commandOptions({
          command:
            `CELERY_DATA=${data} exec ${SYSTEM_PYTHON} -m celery -A celery_app worker ` +
            '--pool=prefork --concurrency=3 --loglevel=INFO --without-mingle --without-gossip',
          strategy: 'disable-freeze',
          ready: { kind: 'log', pattern: /celery@\S+ ready\./ },
          loadCommand: `CELERY_DATA=${data} ${SYSTEM_PYTHON} celery_send.py 3`
        }),
        { proc, table, log, runId }
      )
      expect(run.workers.map(w => w.hookFired)).toEqual([true, true, true])
      expect(run.warnings).toEqual([])
      for (const child of run.phases['after-work'].children) {
        // disable-freeze: frozen before the fork, the collector back on in the worker.
        expect(child.gc?.freezeCount).toBeGreaterThan(100_000)
        expect(child.gc?.enabled).toBe(true)
      }
      const output = lines.join('\n')
      expect(output).toContain('workers that collected')
      expect(output).toMatch(/Task celery_app\.collect\[[-0-9a-f]+\] succeeded/)
      // The tasks' results came back through the result backend's files.
      expect(readdirSync(join(data, 'results')).length).toBeGreaterThanOrEqual(3)
      expect(run.ticks.length).toBeGreaterThanOrEqual(2)
    } finally {
      expect(processesOfRun(runId)).toEqual([])
    }
  })
})
