/**
 * Faults in the user's target, run for real: each one ends with a message that names the phase
 * and shows the user's traceback or output, keeps the runs that completed, and leaves no process.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type HarnessRunOptions, runHarness } from '../src/engine/harness-run.js'
import { resolveHarnessPath } from '../src/engine/harness-path.js'
import type { Logger } from '../src/engine/logger.js'
import { MeasureError, measure } from '../src/engine/measure.js'
import { createProcReader } from '../src/engine/procfs.js'
import { probePython } from '../src/engine/python.js'
import type { EntrypointSettings } from '../src/engine/settings.js'
import { expectNoProcessLeft, markEachTest } from './helpers/processes.js'

const FIXTURES = fileURLToPath(new URL('./fixtures/python', import.meta.url))
const FAKE_PYTHON = fileURLToPath(new URL('./fixtures/fake-python', import.meta.url))
const proc = createProcReader()
const marker = markEachTest()

function recordingLogger(): { log: Logger; lines: string[]; warnings: string[] } {
  const lines: string[] = []
  const warnings: string[] = []
  return {
    lines,
    warnings,
    log: {
      info: message => lines.push(message),
      warning: message => warnings.push(message),
      startGroup: () => undefined,
      endGroup: () => undefined
    }
  }
}

let scratch: string
let python: string

beforeAll(async () => {
  python = (await probePython('python3', FIXTURES)).executable
})

beforeEach(() => {
  // Fixtures keep state in their working directory: each test gets a fresh copy.
  scratch = mkdtempSync(join(tmpdir(), 'faults-it-'))
  for (const file of readdirSync(FIXTURES)) {
    if (file.endsWith('.py')) copyFileSync(join(FIXTURES, file), join(scratch, file))
  }
})

afterEach(async () => {
  await expectNoProcessLeft(marker.current())
  rmSync(scratch, { recursive: true, force: true })
})

function settings(overrides: Partial<EntrypointSettings>): EntrypointSettings {
  return {
    entrypoint: 'target_faults.py:preload',
    worker: null,
    iterations: 1,
    workers: 2,
    strategies: ['none'],
    repeat: 1,
    // The interpreter itself, not a pyenv shim: a shim costs a second per start on a busy machine.
    python,
    workingDirectory: scratch,
    timeoutMs: 30_000,
    ...overrides
  }
}

function harnessOptions(overrides: Partial<HarnessRunOptions>): HarnessRunOptions {
  return {
    python,
    harnessPath: resolveHarnessPath(),
    entrypoint: 'target_faults.py:preload',
    worker: null,
    iterations: 1,
    workers: 2,
    strategy: 'none',
    workingDirectory: scratch,
    timeoutMs: 30_000,
    index: 0,
    repeat: 0,
    ...overrides
  }
}

/** The error measure() failed with; fails the test when it succeeded. */
async function failureOf(
  overrides: Partial<EntrypointSettings>,
  log: Logger = recordingLogger().log
): Promise<MeasureError> {
  const error = await measure(settings(overrides), { proc, log }).then(
    () => new Error('the run succeeded'),
    (reason: unknown) => reason
  )
  if (!(error instanceof MeasureError)) throw error
  return error
}

const RUN = /^Run 1\/1: none \(repeat 1\/1\) failed\. /

describe('an entrypoint that cannot be loaded', () => {
  it.each<[string, string, RegExp]>([
    [
      'a missing file',
      'missing.py:preload',
      /The entrypoint 'missing\.py:preload' raised in the parent \(pid \d+\) while waiting for after-fork\.\nFileNotFoundError: no such Python file: .*\/missing\.py \(relative paths start at .*\)\nThe target printed nothing\.$/
    ],
    [
      'a missing module',
      'no_such_module:preload',
      /The entrypoint 'no_such_module:preload' raised in the parent[\s\S]*ModuleNotFoundError: No module named 'no_such_module'\nThe target printed nothing\.$/
    ],
    [
      'a callable that is not there',
      'target_faults.py:preloda',
      /The entrypoint 'target_faults\.py:preloda' raised in the parent[\s\S]*AttributeError: module 'target_faults' has no attribute 'preloda'/
    ],
    [
      'an attribute that is not callable',
      'target_faults.py:CACHE',
      /TypeError: target_faults\.py:CACHE names a list, not a callable\nThe target printed nothing\.$/
    ],
    [
      'a syntax error',
      'syntax_error.py:preload',
      /The entrypoint 'syntax_error\.py:preload' raised in the parent[\s\S]*syntax_error\.py", line 4\n[\s\S]*SyntaxError: invalid syntax\n/
    ],
    [
      'an exception at import',
      'raises_at_import.py',
      /The entrypoint 'raises_at_import\.py' raised in the parent[\s\S]*RuntimeError: broken at import\nLast output of the target:\nstarting up$/
    ],
    [
      'sys.exit(3) at import',
      'exits_at_import.py',
      /The entrypoint 'exits_at_import\.py' raised in the parent[\s\S]*SystemExit: 3\nLast output of the target:\nconfiguration missing, exiting$/
    ]
  ])('%s: names the phase and shows the traceback', async (_, entrypoint, message) => {
    const error = await failureOf({ entrypoint })
    expect(error.message).toMatch(RUN)
    expect(error.message).toMatch(message)
    expect(error.partial).toBeNull()
  })
})

describe('an entrypoint that starts processes or threads of its own', () => {
  it.each([
    ['forks a helper that stays alive', 'forks_and_stays'],
    ['starts threads that never end', 'starts_threads']
  ])('%s: measures, then kills what it left', async (_, name) => {
    const { log, warnings } = recordingLogger()
    const results = await measure(settings({ entrypoint: `target_faults.py:${name}` }), {
      proc,
      log
    })
    expect(results.strategies[0].runs[0].phases['after-work'].children).toHaveLength(2)
    expect(warnings).toEqual([])
  })

  it('daemonizes a helper with os.setsid(): measures, finds it by its marker and kills it', async () => {
    const { log, warnings } = recordingLogger()
    const results = await measure(settings({ entrypoint: 'target_faults.py:escapes_group' }), {
      proc,
      log
    })
    expect(results.strategies[0].runs[0].phases['after-work'].children).toHaveLength(2)
    expect(warnings).toEqual([
      expect.stringMatching(
        /^The target started processes that left the run's process group \(\d+\); they were killed with the run\.$/
      )
    ])
  })
})

describe('a target that fails while running', () => {
  it('prints megabytes, then raises: the message keeps the traceback and the last lines only', async () => {
    const { log, lines } = recordingLogger()
    const error = await failureOf({ entrypoint: 'target_faults.py:prints_then_raises' }, log)
    expect(error.message).toMatch(
      /RuntimeError: failed after printing megabytes\nLast output of the target:\n(noise .*\n){19}last words before the failure$/
    )
    expect(error.message.length).toBeLessThan(5000)
    expect(lines.find(line => line.startsWith('Output of the target'))).toMatch(
      /^Output of the target \(the last 65536 of 48\d{5} bytes\):/
    )
  })

  it('a worker that raises in one child only: names that child', async () => {
    const error = await failureOf({ worker: 'target_faults.py:raises_in_one_child' })
    expect(error.message).toMatch(RUN)
    expect(error.message).toMatch(
      /The worker 'target_faults\.py:raises_in_one_child' raised in child \d+ while waiting for after-work\.\nTraceback[\s\S]*ValueError: only this child fails\n/
    )
  })

  it('a worker that is not there: fails in the children, naming it', async () => {
    const error = await failureOf({ worker: 'target_faults.py:handle' })
    expect(error.message).toMatch(
      /The worker 'target_faults\.py:handle' raised in child \d+ while waiting for after-work\.\n[\s\S]*AttributeError: module 'target_faults' has no attribute 'handle'/
    )
  })

  it('a preload that hangs past the timeout: names the phase it hung in', async () => {
    const started = Date.now()
    const error = await failureOf({ entrypoint: 'target_faults.py:hangs', timeoutMs: 1500 })
    expect(error.message).toBe(
      'Run 1/1: none (repeat 1/1) failed. Timed out after 1.5s waiting for after-fork: ' +
        'the parent was still preloading the entrypoint.\nThe target printed nothing.'
    )
    expect(Date.now() - started).toBeLessThan(8000)
  })

  it('keeps the runs that completed before the failing one', async () => {
    const error = await failureOf({
      entrypoint: 'target_faults.py:fails_after_first_run',
      strategies: ['none', 'freeze'],
      repeat: 2
    })
    expect(error.message).toMatch(
      /^Run 2\/4: freeze \(repeat 1\/2\) failed\. The entrypoint .* raised in the parent[\s\S]*RuntimeError: run 2 broke/
    )
    expect(error.partial).not.toBeNull()
    const partial = error.partial!
    expect(partial.strategies.map(s => [s.name, s.runs.length])).toEqual([['none', 1]])
    expect(partial.repeat).toBe(1)
    expect(partial.strategies[0].summary.uss.median).toBeGreaterThan(0)
  })
})

describe('a process of the run killed from outside', () => {
  it('a child killed by SIGKILL, as the OOM killer would: says so', async () => {
    const { log } = recordingLogger()
    let victim = 0
    const run = runHarness(harnessOptions({}), {
      proc,
      log,
      onPhase: (phase, tree) => {
        if (phase !== 'after-fork') return
        victim = tree.children[1]
        process.kill(victim, 'SIGKILL')
      }
    })
    await expect(run).rejects.toThrow(
      /^Child (\d+) was killed by SIGKILL \(out of memory\?\) while waiting for after-work\./
    )
    await run.catch((error: Error) => expect(error.message).toContain(`Child ${victim} `))
  })

  it('the harness parent killed mid-run: says so and takes its children down', async () => {
    const { log } = recordingLogger()
    const run = runHarness(harnessOptions({}), {
      proc,
      log,
      onPhase: async (phase, tree) => {
        if (phase !== 'after-fork') return
        process.kill(tree.parent, 'SIGKILL')
        // Its children keep the events pipe open: its exit is announced after a grace period.
        await new Promise(resolve => setTimeout(resolve, 1500))
      }
    })
    await expect(run).rejects.toThrow(
      /^The harness was killed by SIGKILL \(out of memory\?\) while waiting for after-work\./
    )
  })
})

describe('the environment', () => {
  it('measures a whole run from smaps when smaps_rollup cannot be read', async () => {
    const { log } = recordingLogger()
    const results = await measure(
      settings({
        entrypoint: 'small_objects.py:preload',
        worker: 'small_objects.py:work',
        strategies: ['none', 'freeze']
      }),
      { proc: createProcReader('/proc', { rollup: false }), log }
    )
    const samples = results.strategies.flatMap(s =>
      s.runs.flatMap(run =>
        Object.values(run.phases).flatMap(phase => [phase.parent, ...phase.children])
      )
    )
    expect(samples).toHaveLength(2 * 2 * 3)
    for (const sample of samples) {
      expect(sample.source).toBe('smaps')
      expect(sample.uss).toBeGreaterThan(0)
      expect(sample.rss).toBeGreaterThanOrEqual(sample.uss)
    }
    const [none, freeze] = results.strategies
    expect(freeze.summary.uss.median).toBeLessThan(0.5 * none.summary.uss.median)
  })

  it.each([
    ['python2', 'runs Python 2.7.18'],
    ['python3.6', 'runs Python 3.6.15']
  ])('refuses %s before any run, naming the input', async (fake, says) => {
    const { log, lines } = recordingLogger()
    const path = join(FAKE_PYTHON, fake)
    await expect(measure(settings({ python: path }), { proc, log })).rejects.toThrow(
      `Input 'python' is '${path}', which ${says}; prefork-memory-check needs 3.7 or newer ` +
        'for gc.freeze(). Install Python 3.7 or newer (on a runner: actions/setup-python) or set ' +
        'it to such an interpreter.'
    )
    expect(lines).toEqual([])
  })

  it('refuses a python path that does not exist, naming the flag the CLI knows it by', async () => {
    const path = join(scratch, 'bin', 'python3')
    await expect(
      measure(settings({ python: path }), {
        proc,
        log: recordingLogger().log,
        refer: name => `option --${name}`
      })
    ).rejects.toThrow(`Option --python is '${path}', which does not exist. Install Python 3.7`)
  })
})

describe('inputs are data, never code', () => {
  it('runs an entrypoint file whose name holds quotes, $(...) and ; as that file', async () => {
    const name = `it's; $(touch PWNED) "x" \`id\`.py`
    copyFileSync(join(FIXTURES, 'small_objects.py'), join(scratch, name))
    const results = await measure(settings({ entrypoint: `${name}:preload` }), {
      proc,
      log: recordingLogger().log
    })
    expect(results.target).toMatchObject({ kind: 'entrypoint', entrypoint: `${name}:preload` })
    expect(results.strategies[0].runs).toHaveLength(1)
    expect(existsSync(join(scratch, 'PWNED'))).toBe(false)
  })

  it('looks a module spec with shell and Python syntax up as a module name', async () => {
    const entrypoint = 'os; import shutil; $(touch PWNED)'
    const error = await failureOf({ entrypoint })
    expect(error.message).toContain(
      "ModuleNotFoundError: No module named 'os; import shutil; $(touch PWNED)'"
    )
    expect(existsSync(join(scratch, 'PWNED'))).toBe(false)
  })

  it('runs no shell for the python input', async () => {
    const python = 'python3; touch PWNED'
    await expect(
      measure(settings({ python }), { proc, log: recordingLogger().log })
    ).rejects.toThrow(`Input 'python' is '${python}', which was not found on PATH.`)
    expect(existsSync(join(scratch, 'PWNED'))).toBe(false)
  })

  it("keeps the action's inputs, the token among them, from the target's environment", async () => {
    const token = 'ghs_targetMustNotSeeThis0123456789'
    process.env['INPUT_GITHUB-TOKEN'] = token
    try {
      const error = await failureOf({ entrypoint: 'target_faults.py:leaks_environment' })
      expect(error.message).toContain(`PREFORK_MEMORY_CHECK_RUN=`)
      expect(error.message).not.toContain(token)
      expect(error.message).not.toContain('INPUT_')
    } finally {
      delete process.env['INPUT_GITHUB-TOKEN']
    }
  })
})
