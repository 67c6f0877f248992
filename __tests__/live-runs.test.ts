import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import {
  RUN_MARKER,
  killLiveRuns,
  markedProcesses,
  killRun,
  trackRun,
  type LiveRun
} from '../src/engine/live-runs.js'
import { targetEnv } from '../src/engine/target-env.js'
import { expectNoProcessLeft, markEachTest, waitForMarked } from './helpers/processes.js'

const testMarker = markEachTest()

/**
 * A run stand-in: a shell in a group of its own holding a `sleep`, and a second `sleep` that
 * leaves the group through setsid, as a daemonizing target would.
 */
async function startRun(sleepsBefore = 0): Promise<{ shell: ChildProcess; run: LiveRun }> {
  const marker = randomUUID()
  const shell = spawn('sh', ['-c', 'setsid sleep 600 & sleep 600 & wait'], {
    detached: true,
    stdio: 'ignore',
    env: targetEnv(process.env, marker)
  })
  // argv ["sleep", "600"], NUL-separated in /proc: matches the sleeps, not the shell's script.
  await waitForMarked(testMarker.current(), sleepsBefore + 2, 'sleep\u0000600')
  return { shell, run: { group: shell.pid as number, marker } }
}

afterEach(async () => {
  await expectNoProcessLeft(testMarker.current(), 2000)
})

describe('targetEnv', () => {
  it("drops the action's inputs, keeps the rest, and adds the marker", () => {
    const env = targetEnv(
      { PATH: '/bin', 'INPUT_GITHUB-TOKEN': 'ghs_x', INPUT_WORKERS: '4', INPUTRC: '~/.inputrc' },
      'abc'
    )
    expect(env).toEqual({ PATH: '/bin', INPUTRC: '~/.inputrc', [RUN_MARKER]: 'abc' })
  })

  it("drops the runner's service credentials a run: step does not get", () => {
    const env = targetEnv(
      {
        PATH: '/bin',
        ACTIONS_RUNTIME_TOKEN: 'rt',
        ACTIONS_RUNTIME_URL: 'https://runtime',
        ACTIONS_CACHE_URL: 'https://cache',
        ACTIONS_RESULTS_URL: 'https://results',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
        ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc',
        ACTIONS_STEP_DEBUG: 'true',
        GITHUB_SHA: 'a'.repeat(40)
      },
      'abc'
    )
    expect(env).toEqual({
      PATH: '/bin',
      ACTIONS_STEP_DEBUG: 'true',
      GITHUB_SHA: 'a'.repeat(40),
      [RUN_MARKER]: 'abc'
    })
  })
})

describe('stopping a run', () => {
  it('finds the processes carrying the marker, in the group or not', async () => {
    const { run } = await startRun()
    try {
      expect(markedProcesses(run.marker).length).toBeGreaterThanOrEqual(3)
      expect(markedProcesses(randomUUID())).toEqual([])
    } finally {
      await killRun(run, 5000)
    }
  })

  it('kills the group and what left it, and names the ones that left', async () => {
    const { run } = await startRun()
    const stopped = await killRun(run, 5000)
    expect(stopped.escaped).toHaveLength(1)
    expect(stopped.survivors).toEqual([])
    expect(markedProcesses(run.marker)).toEqual([])
  })

  it('kills every tracked run at once, and forgets untracked ones', async () => {
    const first = await startRun()
    const second = await startRun(2)
    const untrack = trackRun(first.run)
    trackRun(second.run)
    untrack()
    try {
      expect(killLiveRuns()).toBe(1)
      expect(killLiveRuns()).toBe(0)
      expect(markedProcesses(first.run.marker).length).toBeGreaterThan(0)
    } finally {
      await killRun(first.run, 5000)
      await killRun(second.run, 5000)
    }
  })
})
