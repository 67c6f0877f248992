import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hookMisses, hookWarnings, reachedWorkers } from '../src/engine/command/hook-warnings.js'
import { asRun } from '../src/engine/command/runner.js'
import { kernelPageSize, serverPython } from '../src/engine/command/server-python.js'
import type { CommandRun } from '../src/engine/command/types.js'
import type { HookPython, MemorySample, Run } from '../src/engine/types.js'
import { loadResults } from './fixtures/results/load.js'

const PYTHON: HookPython = {
  executable: '/usr/bin/python3',
  version: '3.11.2',
  implementation: 'cpython',
  freeThreaded: false
}

/** A command-mode run whose workers the hook did (true) or did not (false) reach. */
function run(
  fired: boolean[],
  python: HookPython | null = PYTHON,
  master = 'uwsgi',
  frozen: number[] = fired.map(() => 5)
): Run {
  const sample = (pid: number): MemorySample => ({
    pid,
    rss: 0,
    pss: 0,
    uss: 0,
    sharedClean: 0,
    sharedDirty: 0,
    anonymous: 0,
    swap: 0,
    minorFaults: 0,
    source: 'smaps_rollup'
  })
  const phase = {
    parent: sample(1),
    children: fired.map((hit, i) => ({
      ...sample(10 + i),
      gc: hit ? { freezeCount: frozen[i], enabled: true, collections: [1, 0, 0] } : null
    }))
  }
  return {
    index: 0,
    repeat: 0,
    durationMs: 1,
    phases: { 'after-fork': phase, 'after-work': phase },
    command: {
      master: { pid: 1, name: master },
      python,
      hookFired: fired,
      loadMs: 0,
      ticks: [],
      warnings: []
    }
  }
}

describe('hook warnings for the report', () => {
  it('count the workers the strategy missed over every run', () => {
    expect(hookMisses([run([true, false]), run([false, false])], 'none')).toEqual({
      missed: 3,
      total: 4
    })
    expect(hookMisses(loadResults('stdlib-none-freeze').strategies[0].runs, 'none')).toEqual({
      missed: 0,
      total: 0
    })
  })

  it('count a worker that inherited nothing frozen as missed by a freezing strategy', () => {
    expect(reachedWorkers(run([true, true], PYTHON, 'uwsgi', [5, 0]), 'freeze')).toEqual([
      true,
      false
    ])
    expect(reachedWorkers(run([true, true], PYTHON, 'uwsgi', [0, 0]), 'none')).toEqual([true, true])
    // Free-threaded builds keep no freeze count: the fork handler has to do.
    const freeThreaded = { ...PYTHON, freeThreaded: true }
    expect(reachedWorkers(run([true], freeThreaded, 'uwsgi', [0]), 'freeze')).toEqual([true])
  })

  it('say nothing when the strategy reached every worker', () => {
    expect(hookWarnings([{ name: 'freeze', runs: [run([true, true])] }])).toEqual([])
  })

  it('tell a server that forks from C once for all the strategies it hid', () => {
    expect(
      hookWarnings([
        { name: 'none', runs: [run([false, false]), run([false, false])] },
        { name: 'freeze', runs: [run([false, false]), run([false, false])] }
      ])
    ).toEqual([
      'The strategy hook did not reach 8 of 8 workers (strategies none, freeze): uwsgi loaded ' +
        "it but forked them from C without running the interpreter's fork handlers (uWSGI " +
        "does), so freeze was not applied to them: their figures are the baseline's. To " +
        'measure gc.freeze() under such a server, call it at the end of the module its master ' +
        'preloads.'
    ])
  })

  it('tell a server that runs only the after-fork handlers, as uWSGI with --py-call-osafterfork', () => {
    expect(
      hookWarnings([
        { name: 'none', runs: [run([true, true], PYTHON, 'uwsgi', [0, 0])] },
        { name: 'freeze', runs: [run([true, true], PYTHON, 'uwsgi', [0, 0])] }
      ])
    ).toEqual([
      'The strategy hook did not reach 2 of 2 workers (strategy freeze): uwsgi ran the ' +
        "interpreter's after-fork handlers in them but never the before-fork ones, where " +
        'gc.freeze() runs (uWSGI does, even with --py-call-osafterfork), so freeze was not ' +
        "applied to them: their figures are the baseline's. To measure gc.freeze() under such " +
        'a server, call it at the end of the module its master preloads.'
    ])
  })

  it('tell a master that is not Python, and a baseline that only lost its evidence', () => {
    expect(hookWarnings([{ name: 'none', runs: [run([false], null, 'node')] }])).toEqual([
      'The strategy hook did not reach 1 of 1 workers (strategy none): it never loaded in ' +
        'node, which is not a Python process that reads PYTHONPATH (not Python, started with ' +
        'python -I or -E, or by a wrapper that resets the environment), so those workers carry ' +
        'no GC evidence.'
    ])
  })

  it('tell apart workers forked some other way, one warning per cause', () => {
    expect(
      hookWarnings([
        { name: 'freeze', runs: [run([true, false], PYTHON, 'gunicorn')] },
        { name: 'collect-freeze', runs: [run([false, false], PYTHON, 'gunicorn')] }
      ])
    ).toEqual([
      'The strategy hook did not reach 1 of 2 workers (strategy freeze): gunicorn forked them ' +
        "without running the interpreter's fork handlers, so freeze was not applied to them: " +
        "their figures are the baseline's. To measure gc.freeze() under such a server, call it " +
        'at the end of the module its master preloads.',
      expect.stringMatching(
        /^The strategy hook did not reach 2 of 2 workers \(strategy collect-freeze\): gunicorn loaded it/
      )
    ])
  })
})

describe('a command run in the results', () => {
  it('keeps the samples in phases and the rest under command', () => {
    const fired = run([true, false])
    const commandRun: CommandRun = {
      strategy: 'freeze',
      index: 3,
      repeat: 1,
      durationMs: 2500,
      master: { pid: 1, name: 'gunicorn' },
      python: PYTHON,
      workers: [
        { pid: 10, hookFired: true },
        { pid: 11, hookFired: false }
      ],
      phases: fired.phases,
      loadMs: 1200,
      ticks: [],
      warnings: ['w']
    }
    expect(asRun(commandRun)).toEqual({
      index: 3,
      repeat: 1,
      durationMs: 2500,
      phases: fired.phases,
      command: {
        master: { pid: 1, name: 'gunicorn' },
        python: PYTHON,
        hookFired: [true, false],
        loadMs: 1200,
        ticks: [],
        warnings: ['w']
      }
    })
  })
})

describe('the interpreter a command ran', () => {
  it('is the one the hook saw, named as entrypoint mode names it', () => {
    expect(serverPython([run([false], null), run([true])], 4096)).toEqual({
      executable: '/usr/bin/python3',
      version: '3.11.2',
      implementation: 'CPython',
      freeThreaded: false,
      incrementalGc: false,
      pageSize: 4096
    })
  })

  it('flags the incremental collector of CPython 3.14.0 to 3.14.4', () => {
    const python = { ...PYTHON, version: '3.14.2' }
    expect(serverPython([run([true], python)], 4096).incrementalGc).toBe(true)
  })

  it('is unknown when the hook loaded in no master', () => {
    expect(serverPython([run([false], null)], 16384)).toMatchObject({
      executable: 'unknown',
      version: 'unknown',
      pageSize: 16384
    })
  })

  it('takes the page size from the kernel, without a Python to ask', () => {
    const dir = mkdtempSync(join(tmpdir(), 'page-size-'))
    try {
      const smaps = join(dir, 'smaps')
      writeFileSync(
        smaps,
        '00400000-00452000 r-xp 00000000 08:02 1 /bin/x\nKernelPageSize:       64 kB\n'
      )
      expect(kernelPageSize(smaps)).toBe(65_536)
      writeFileSync(smaps, '')
      expect(() => kernelPageSize(smaps)).toThrow(`${smaps} names no KernelPageSize`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    expect(kernelPageSize() % 4096).toBe(0)
  })
})
