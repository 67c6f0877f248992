import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type HarnessRunOptions, runHarness } from '../src/engine/harness-run.js'
import { resolveHarnessPath } from '../src/engine/harness-path.js'
import type { Logger } from '../src/engine/logger.js'
import { measure } from '../src/engine/measure.js'
import { createProcReader } from '../src/engine/procfs.js'
import { probePython } from '../src/engine/python.js'
import type { Phase } from '../src/engine/types.js'
import { expectNoProcessLeft, markEachTest } from './helpers/processes.js'

// Real python3, real forks, real /proc: every figure here is what the kernel reports.

const FIXTURES = fileURLToPath(new URL('./fixtures/python', import.meta.url))
const harnessPath = resolveHarnessPath()
const proc = createProcReader()

function recordingLogger(): { log: Logger; lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    log: {
      info: message => lines.push(message),
      warning: message => lines.push(`warning: ${message}`),
      startGroup: name => lines.push(`group: ${name}`),
      endGroup: () => lines.push('endgroup')
    }
  }
}

/** The first interpreter that can import psutil, the reference the reader is checked against. */
function pythonWithPsutil(): string {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(candidate, ['-c', 'import psutil'], { stdio: 'ignore' })
      return candidate
    } catch {
      // try the next one
    }
  }
  throw new Error(
    'No interpreter imports psutil (tried python3 and /usr/bin/python3). ' +
      'Install it: apt-get install python3-psutil, or pip install psutil.'
  )
}

const PSUTIL_USS = [
  'import json, sys, psutil',
  'print(json.dumps([psutil.Process(int(p)).memory_full_info().uss for p in sys.argv[1:]]))'
].join('\n')

describe('the harness with a real python3', () => {
  const marker = markEachTest()
  let python: string
  let scratch: string

  beforeAll(async () => {
    python = (await probePython('python3', FIXTURES)).executable
  })
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'harness-it-'))
  })
  afterEach(async () => {
    // Every test, passing or failing, ends with the whole tree gone.
    await expectNoProcessLeft(marker.current())
    rmSync(scratch, { recursive: true, force: true })
  })

  const options = (overrides: Partial<HarnessRunOptions>): HarnessRunOptions => ({
    python,
    harnessPath,
    entrypoint: 'small_objects.py:preload',
    worker: null,
    iterations: 1,
    workers: 2,
    strategy: 'none',
    workingDirectory: FIXTURES,
    timeoutMs: 60_000,
    index: 0,
    repeat: 0,
    ...overrides
  })

  /** Copies a fixture into the scratch directory and returns its absolute path. */
  const scratchCopy = (fixture: string): string => {
    const path = join(scratch, fixture)
    copyFileSync(join(FIXTURES, fixture), path)
    return path
  }

  it('cuts the after-work child USS by at least 80% with gc.freeze()', async () => {
    const { log, lines } = recordingLogger()
    const results = await measure(
      {
        entrypoint: 'small_objects.py:preload',
        worker: 'small_objects.py:work',
        iterations: 1,
        workers: 2,
        strategies: ['none', 'freeze'],
        repeat: 1,
        python: 'python3',
        workingDirectory: FIXTURES,
        timeoutMs: 60_000
      },
      { proc, log }
    )
    const [none, freeze] = results.strategies
    expect(results).toMatchObject({ schema: 2, workers: 2, repeat: 1 })
    expect([none.name, freeze.name]).toEqual(['none', 'freeze'])
    expect(results.environment.python.implementation).toBe('CPython')

    // 200,000 tracked lists: a full collection copies their pages into every child without freeze.
    expect(none.summary.uss.median).toBeGreaterThan(10 * 2 ** 20)
    expect(freeze.summary.uss.median).toBeLessThanOrEqual(0.2 * none.summary.uss.median)
    for (const strategy of [none, freeze]) {
      for (const child of strategy.runs[0].phases['after-fork'].children) {
        expect(child.uss).toBeLessThan(0.25 * none.summary.uss.median)
      }
    }

    for (const phase of ['after-fork', 'after-work'] as Phase[]) {
      for (const child of none.runs[0].phases[phase].children) {
        expect(child.gc?.freezeCount).toBe(0)
      }
      for (const child of freeze.runs[0].phases[phase].children) {
        expect(child.gc?.freezeCount).toBeGreaterThan(200_000)
        expect(child.gc?.enabled).toBe(true)
      }
    }
    // Each child ran exactly one more full collection between the phases.
    const run = freeze.runs[0]
    run.phases['after-work'].children.forEach((child, i) => {
      const before = run.phases['after-fork'].children[i].gc?.collections ?? []
      expect(child.gc?.collections[2]).toBe(before[2] + 1)
    })

    expect(lines).toContain('group: Run 1/2: none (repeat 1/1)')
    expect(lines).toContain('group: Run 2/2: freeze (repeat 1/1)')
  })

  it('measures the same USS as psutil for live children', async () => {
    const reference = pythonWithPsutil()
    const psutil = new Map<string, number[]>()
    const { log } = recordingLogger()
    const run = await runHarness(options({ worker: 'small_objects.py:work' }), {
      proc,
      log,
      onPhase: (phase, tree) => {
        const out = execFileSync(reference, ['-c', PSUTIL_USS, ...tree.children.map(String)])
        psutil.set(phase, JSON.parse(out.toString()) as number[])
      }
    })
    for (const phase of ['after-fork', 'after-work'] as Phase[]) {
      const ours = run.phases[phase].children.map(child => child.uss)
      const theirs = psutil.get(phase) as number[]
      expect(theirs).toHaveLength(ours.length)
      ours.forEach((uss, i) =>
        expect(Math.abs(uss - theirs[i])).toBeLessThanOrEqual(0.02 * theirs[i])
      )
    }
  })

  it('keeps a target that prints megabytes running and shows its output', async () => {
    const { log, lines } = recordingLogger()
    const run = await runHarness(
      options({ entrypoint: 'loud.py:preload', worker: 'loud.py:work' }),
      { proc, log }
    )
    expect(run.phases['after-work'].children).toHaveLength(2)
    const output = lines.find(line => line.startsWith('Output of the target')) as string
    expect(output).toMatch(/^Output of the target \(the last 65536 of 50\d{5} bytes\):/)
    expect(output).toContain('preload finished printing')
    expect(output).toContain('a warning on stderr')
    // The worker spec names the entrypoint's file: the children reuse the parent's module.
    // Two children print at once: their lines may interleave, so count the text, not the lines.
    expect(output.match(/worker says hello; imports: 1(?!\d)/g)).toHaveLength(2)
  })

  it('fails naming the phase, with the traceback, when the entrypoint raises', async () => {
    const entrypoint = scratchCopy('raises_at_import.py')
    const { log } = recordingLogger()
    const failure = measure(
      {
        entrypoint,
        worker: null,
        iterations: 1,
        workers: 2,
        strategies: ['none'],
        repeat: 1,
        python: 'python3',
        workingDirectory: scratch,
        timeoutMs: 60_000
      },
      { proc, log }
    )
    await expect(failure).rejects.toThrow(
      /^Run 1\/1: none \(repeat 1\/1\) failed\. The entrypoint '.*raises_at_import\.py' raised in the parent \(pid \d+\) while waiting for after-fork\.\nTraceback \(most recent call last\):\n[\s\S]*RuntimeError: broken at import\nLast output of the target:\nstarting up$/
    )
  })

  it('fails naming the phase, with the traceback, when a worker raises', async () => {
    const faults = scratchCopy('faults.py')
    const { log } = recordingLogger()
    await expect(
      runHarness(options({ entrypoint: faults, worker: `${faults}:raises` }), { proc, log })
    ).rejects.toThrow(
      /The worker '.*faults\.py:raises' raised in child \d+ while waiting for after-work\.\nTraceback[\s\S]*ValueError: bad request\nThe target printed nothing\.$/
    )
  })

  it('fails when a child dies without a word', async () => {
    const faults = scratchCopy('faults.py')
    const { log } = recordingLogger()
    await expect(
      runHarness(options({ entrypoint: faults, worker: `${faults}:exits` }), { proc, log })
    ).rejects.toThrow(/^Child \d+ exited with code 3 while waiting for after-work/)
  })

  it('kills the whole tree and names the phase that hung when the run times out', async () => {
    const faults = scratchCopy('faults.py')
    const { log } = recordingLogger()
    const started = Date.now()
    await expect(
      runHarness(options({ entrypoint: faults, worker: `${faults}:hangs`, timeoutMs: 3000 }), {
        proc,
        log
      })
    ).rejects.toThrow('Timed out after 3s waiting for after-work: 0 of 2 children reported.')
    expect(Date.now() - started).toBeLessThan(10_000)
  })
})
