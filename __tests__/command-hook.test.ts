import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { parseEvidence } from '../src/engine/command/evidence.js'
import { HookEnv, resolveHookDirectory, serverEnv } from '../src/engine/command/hook.js'
import type { Strategy } from '../src/engine/types.js'
import { SERVERS, SYSTEM_PYTHON } from './fixtures/servers/run-helpers.js'

// sitecustomize.py in real interpreters: Debian's, which ships a sitecustomize of its own, and
// the python3 on PATH.

const hookDirectory = resolveHookDirectory()
const HOOK_FILE = join(hookDirectory, 'sitecustomize.py')

interface ForkState {
  enabledAtStart: boolean
  sitecustomize: string | null
  shadowedRan: boolean
  pid: number
  child: { pid: number; enabled: boolean; freezeCount: number }
}

describe('the strategy hook', () => {
  let scratch: string
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'hook-'))
  })
  afterEach(() => rmSync(scratch, { recursive: true, force: true }))

  const forkOnce = (
    strategy: Strategy,
    python = SYSTEM_PYTHON,
    base: NodeJS.ProcessEnv = process.env
  ): ForkState => {
    const env = serverEnv(base, {
      hookDirectory,
      strategy,
      evidenceFile: join(scratch, 'evidence.jsonl'),
      runId: 'hook-test'
    })
    const out = execFileSync(python, [join(SERVERS, 'fork_once.py')], { env, encoding: 'utf8' })
    return JSON.parse(out) as ForkState
  }
  const evidence = () => parseEvidence(readFileSync(join(scratch, 'evidence.jsonl'), 'utf8'))

  it('applies each strategy around the fork and records it', () => {
    const none = forkOnce('none')
    expect(none.enabledAtStart).toBe(true)
    expect(none.child).toMatchObject({ enabled: true, freezeCount: 0 })

    const freeze = forkOnce('freeze')
    expect(freeze.enabledAtStart).toBe(true)
    expect(freeze.child.freezeCount).toBeGreaterThan(5_000)

    const disableFreeze = forkOnce('disable-freeze')
    expect(disableFreeze.enabledAtStart).toBe(false)
    expect(disableFreeze.child).toMatchObject({ enabled: true })
    expect(disableFreeze.child.freezeCount).toBeGreaterThan(5_000)

    rmSync(join(scratch, 'evidence.jsonl'))
    const collectFreeze = forkOnce('collect-freeze')
    expect(collectFreeze.child.freezeCount).toBeGreaterThan(5_000)
    const [start, fork] = evidence()
    expect(start).toMatchObject({
      event: 'start',
      pid: collectFreeze.pid,
      strategy: 'collect-freeze',
      executable: SYSTEM_PYTHON,
      implementation: 'cpython',
      freeThreaded: false
    })
    expect(fork).toMatchObject({
      event: 'fork',
      pid: collectFreeze.child.pid,
      ppid: collectFreeze.pid,
      gc: { freezeCount: collectFreeze.child.freezeCount, enabled: true }
    })
    // The full collection before the freeze, counted in the oldest generation.
    expect(fork.gc.collections[2]).toBe(start.gc.collections[2] + 1)
  })

  it("runs the sitecustomize it shadows: Debian's, or the next one on PYTHONPATH", () => {
    expect(forkOnce('freeze').sitecustomize).toBe('/usr/lib/python3.11/sitecustomize.py')

    const theirs = join(scratch, 'theirs')
    mkdirSync(theirs)
    writeFileSync(join(theirs, 'sitecustomize.py'), 'SHADOWED_RAN = __name__ == "sitecustomize"\n')
    const state = forkOnce('freeze', SYSTEM_PYTHON, { ...process.env, PYTHONPATH: theirs })
    expect(state.sitecustomize).toBe(join(theirs, 'sitecustomize.py'))
    expect(state.shadowedRan).toBe(true)
    // The hook still fired: it installed itself before handing over.
    expect(state.child.freezeCount).toBeGreaterThan(5_000)
  })

  it('works in the python3 on PATH too', () => {
    const state = forkOnce('freeze', 'python3')
    expect(state.child.freezeCount).toBeGreaterThan(5_000)
    expect(evidence().map(r => r.event)).toEqual(['start', 'fork'])
  })

  it('does nothing but hand over without a strategy, and says so for an unknown one', () => {
    const env = { ...process.env, PYTHONPATH: `${hookDirectory}${delimiter}${scratch}` }
    writeFileSync(join(scratch, 'sitecustomize.py'), 'SHADOWED_RAN = True\n')
    const plain = JSON.parse(
      execFileSync(SYSTEM_PYTHON, [join(SERVERS, 'fork_once.py')], { env, encoding: 'utf8' })
    ) as ForkState
    expect(plain).toMatchObject({ enabledAtStart: true, shadowedRan: true })
    expect(plain.child.freezeCount).toBe(0)

    const unknown = spawnSync(SYSTEM_PYTHON, ['-c', 'print("served")'], {
      env: { ...env, [HookEnv.Strategy]: 'freeze-everything' },
      encoding: 'utf8'
    })
    expect(unknown.status).toBe(0)
    expect(unknown.stdout).toBe('served\n')
    expect(unknown.stderr).toContain(
      "PREFORK_MEMORY_CHECK_STRATEGY='freeze-everything' is not applied"
    )
  })

  it('keeps to syntax Python 3.7 can read', () => {
    const check = `import ast, sys; ast.parse(open(sys.argv[1]).read(), feature_version=(3, 7))`
    expect(() => execFileSync(SYSTEM_PYTHON, ['-c', check, HOOK_FILE])).not.toThrow()
  })
})
