import { spawn, type ChildProcess } from 'node:child_process'
import { createProcessTable, type ProcessTable } from '../src/engine/process-table.js'
import { stopRun } from '../src/engine/command/stop.js'
import { expectNoProcessLeft, markEachTest, waitForMarked } from './helpers/processes.js'

const testMarker = markEachTest()
const real = createProcessTable()
const options = { graceMs: 100, killWaitMs: 2000, pollMs: 10 }

afterEach(async () => {
  await expectNoProcessLeft(testMarker.current(), 2000)
})

/** A shell in a group of its own that ignores SIGTERM, as does the `sleep` it holds. */
async function stubbornGroup(): Promise<ChildProcess> {
  const shell = spawn('sh', ['-c', "trap '' TERM; sleep 600 & wait"], {
    detached: true,
    stdio: 'ignore',
    env: process.env
  })
  await waitForMarked(testMarker.current(), 1, 'sleep\u0000600')
  return shell
}

function killGroup(group: number): void {
  try {
    process.kill(-group, 'SIGKILL')
  } catch {
    // ESRCH: stopped as it should have been.
  }
}

describe('stopping a command run', () => {
  it('SIGKILLs what ignores SIGTERM and reports it', async () => {
    const shell = await stubbornGroup()
    const group = shell.pid as number
    const run = { leaders: [group], groups: [group], marker: null }
    try {
      const { killed } = await stopRun(real, run, options)
      expect(killed).toContain(group)
      expect(killed.length).toBeGreaterThanOrEqual(2)
    } finally {
      killGroup(group)
    }
  })

  it('kills a process of the run that appears after the first SIGKILL', async () => {
    const shell = await stubbornGroup()
    const group = shell.pid as number
    // Outside the group, and seen as marked only once the group is gone: it shows up late.
    const late = spawn('sleep', ['600'], { detached: true, stdio: 'ignore', env: process.env })
    const latePid = late.pid as number
    const groupAlive = (): boolean => real.list().some(e => e.pgid === group && e.state !== 'Z')
    const table: ProcessTable = {
      list: () => real.list(),
      withEnv: () => (groupAlive() ? [] : [latePid])
    }
    const run = { leaders: [group], groups: [group], marker: { name: 'X', value: 'y' } }
    try {
      const { killed } = await stopRun(table, run, options)
      expect(killed).toContain(latePid)
      expect(real.list().find(e => e.pid === latePid && e.state !== 'Z')).toBeUndefined()
    } finally {
      late.kill('SIGKILL')
      killGroup(group)
    }
  })
})
