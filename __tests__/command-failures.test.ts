import { randomUUID } from 'node:crypto'
import { createProcessTable } from '../src/engine/process-table.js'
import { runCommand } from '../src/engine/command/run.js'
import type { CommandRunOptions } from '../src/engine/command/types.js'
import { createProcReader } from '../src/engine/procfs.js'
import {
  SYSTEM_PYTHON,
  commandOptions,
  processesOfRun,
  recordingLogger
} from './fixtures/servers/run-helpers.js'

const proc = createProcReader()
const table = createProcessTable()

/** Runs once with a fresh marker and checks from /proc that nothing of the run is left. */
async function runAlone(overrides: Partial<CommandRunOptions>) {
  const runId = randomUUID()
  const { log, lines } = recordingLogger()
  try {
    return { run: await runCommand(commandOptions(overrides), { proc, table, log, runId }), lines }
  } finally {
    expect(processesOfRun(runId)).toEqual([])
  }
}

describe('command mode when the server does not cooperate', () => {
  it('names what never happened when the workers do not appear, and leaves nothing behind', async () => {
    // One worker of three, and a straggler outside the command's group that ignores SIGTERM.
    const failure = runAlone({
      command: `${SYSTEM_PYTHON} lonely_server.py`,
      timeoutMs: 2_000,
      stopGraceMs: 500
    })
    await expect(failure).rejects.toThrow(
      /^Timed out after 2s: found 1 of 3 workers under python3 \(pid \d+\)\.\nLast output of the command:\nstarted 1 worker$/
    )
  })

  it('says how the command ended when it exits before forking', async () => {
    await expect(runAlone({ command: 'echo "no such app" >&2; exit 3' })).rejects.toThrow(
      'The command exited with code 3 before its workers were ready.\n' +
        'Last output of the command:\nno such app'
    )
  })

  it('warns instead of reporting a strategy that never reached workers forked from C', async () => {
    const { run, lines } = await runAlone({
      command: `${SYSTEM_PYTHON} c_fork_server.py`,
      workers: 2,
      strategy: 'freeze'
    })
    expect(run.workers.map(w => w.hookFired)).toEqual([false, false])
    expect(run.phases['after-work'].children.map(c => c.gc)).toEqual([null, null])
    expect(run.warnings).toEqual([
      `The strategy hook loaded in python3 (pid ${run.master.pid}) but none of its 2 workers ran ` +
        "the interpreter's fork handlers: the server forks from C (uWSGI does), so strategy " +
        "'freeze' was not applied to them and their figures are the baseline's."
    ])
    expect(lines).toContain(`Warning: ${run.warnings[0]}`)
  })

  it('warns when only the after-fork handlers run, as uWSGI runs them with --py-call-osafterfork', async () => {
    const command = `${SYSTEM_PYTHON} after_fork_only_server.py`
    const { run } = await runAlone({ command, workers: 2, strategy: 'freeze' })
    // The handlers ran in the workers, but the master never froze anything before forking.
    expect(run.workers.map(w => w.hookFired)).toEqual([true, true])
    expect(run.phases['after-fork'].children.map(c => c.gc?.freezeCount)).toEqual([0, 0])
    expect(run.warnings).toEqual([
      `The strategy hook ran in workers ${run.workers.map(w => w.pid).join(', ')} of python3 ` +
        `(pid ${run.master.pid}) after their fork, but never before it: the server runs the ` +
        "interpreter's after-fork handlers only (uWSGI does, even with --py-call-osafterfork), " +
        "so gc.freeze() never ran in the master and strategy 'freeze' figures are the baseline's."
    ])
    const baseline = await runAlone({ command, workers: 2, strategy: 'none' })
    expect(baseline.run.warnings).toEqual([])
  })

  it('warns when the forking process is not Python', async () => {
    const { run } = await runAlone({ command: 'sleep 30 & sleep 30 & wait', workers: 2 })
    expect(run.master.name).toBe('sh')
    expect(run.python).toBeNull()
    expect(run.warnings).toEqual([
      expect.stringMatching(/^The strategy hook never loaded in sh \(pid \d+\): it is not a Python/)
    ])
  })

  it('fails with the load command output when the load command fails', async () => {
    const failure = runAlone({
      command: 'sleep 30 & sleep 30 & wait',
      workers: 2,
      loadCommand: 'echo "connection refused" >&2; exit 4'
    })
    await expect(failure).rejects.toThrow(
      /^The load command exited with code 4\.\nLast output of the load command:\nconnection refused\nThe command printed nothing\.$/
    )
  })

  it('stops a load command that outlives its duration, and fails one without a duration', async () => {
    const { run, lines } = await runAlone({
      command: 'sleep 30 & sleep 30 & wait',
      workers: 2,
      loadCommand: 'sleep 30',
      loadDurationMs: 600,
      sampleIntervalMs: 200
    })
    expect(run.loadMs).toBeGreaterThanOrEqual(600)
    expect(run.loadMs).toBeLessThan(2_000)
    expect(run.ticks.length).toBeGreaterThanOrEqual(4)
    expect(lines).toContain('Stopping the load command after 0.6s')

    await expect(
      runAlone({
        command: 'sleep 30 & sleep 30 & wait',
        workers: 2,
        loadCommand: 'sleep 30',
        timeoutMs: 1_500
      })
    ).rejects.toThrow(
      "The load command was still running after 1.5s: set input 'load-duration' to stop it " +
        "after a fixed time, or raise 'timeout'"
    )
  })
})
