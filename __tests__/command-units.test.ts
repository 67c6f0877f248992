import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  describeSearch,
  findWorkers,
  SettleTracker,
  type DiscoveryScope
} from '../src/engine/command/discovery.js'
import { assessHook, parseEvidence } from '../src/engine/command/evidence.js'
import { HookEnv, loadEnv, resolveHookDirectory, serverEnv } from '../src/engine/command/hook.js'
import { LineWatcher } from '../src/engine/command/output.js'
import { OutputTail } from '../src/engine/run-failure.js'
import {
  environHas,
  parseStatLine,
  subtree,
  type ProcessEntry
} from '../src/engine/process-table.js'
import { medianWorkerUss } from '../src/engine/command/series.js'
import type { MemorySample, Tick } from '../src/engine/types.js'

function entry(pid: number, ppid: number, name = 'python3', state = 'S'): ProcessEntry {
  return { pid, ppid, pgid: 10, state, name }
}

const scope = (overrides: Partial<DiscoveryScope> = {}): DiscoveryScope => ({
  root: 10,
  marked: [],
  python: new Set(),
  ...overrides
})

describe('the process table', () => {
  it('reads a stat line whose name holds spaces and parentheses', () => {
    const stat = '4242 (my (odd) name) S 4200 4100 4100 0 -1 4194560 2277 0 0 0 1 0 0 0 20 0 1'
    expect(parseStatLine(4242, stat)).toEqual({
      pid: 4242,
      ppid: 4200,
      pgid: 4100,
      state: 'S',
      name: 'my (odd) name'
    })
  })

  it('finds a marker only as a whole variable', () => {
    const environ = 'HOME=/root\0PREFORK_MEMORY_CHECK_RUN=abc\0PATH=/bin\0'
    expect(environHas(environ, 'PREFORK_MEMORY_CHECK_RUN', 'abc')).toBe(true)
    expect(environHas(environ, 'PREFORK_MEMORY_CHECK_RUN', 'ab')).toBe(false)
    expect(environHas('XPREFORK_MEMORY_CHECK_RUN=abc', 'PREFORK_MEMORY_CHECK_RUN', 'abc')).toBe(
      false
    )
  })

  it('walks a subtree nearest first, and nothing of a root that is gone', () => {
    const entries = [entry(10, 1), entry(11, 10), entry(12, 11), entry(13, 10), entry(99, 1)]
    expect(subtree(entries, 10).map(e => e.pid)).toEqual([10, 11, 13, 12])
    expect(subtree(entries, 50)).toEqual([])
  })
})

describe('worker discovery', () => {
  const gunicorn = [
    entry(10, 1, 'sh'),
    entry(11, 10, 'gunicorn'),
    entry(12, 11, 'gunicorn'),
    entry(13, 11, 'gunicorn'),
    entry(14, 11, 'gunicorn')
  ]

  it('finds the master whose children are the workers', () => {
    expect(findWorkers(gunicorn, scope(), 3)).toEqual({
      kind: 'found',
      master: { pid: 11, name: 'gunicorn' },
      workers: [12, 13, 14]
    })
  })

  it('prefers the Python process, so a wrapper shell is not the master of one worker', () => {
    const single = gunicorn.slice(0, 3)
    expect(findWorkers(single, scope(), 1)).toMatchObject({ master: { pid: 10, name: 'sh' } })
    expect(findWorkers(single, scope({ python: new Set([11]) }), 1)).toMatchObject({
      master: { pid: 11 },
      workers: [12]
    })
  })

  it('does not count exited workers, and says how far it got', () => {
    const dying = gunicorn.map(e => (e.pid === 14 ? { ...e, state: 'Z' } : e))
    const discovery = findWorkers(dying, scope(), 3)
    expect(discovery).toEqual({
      kind: 'searching',
      best: { master: { pid: 11, name: 'gunicorn' }, count: 2 }
    })
    expect(describeSearch(discovery, 3)).toBe('found 2 of 3 workers under gunicorn (pid 11)')
  })

  it('names the input when the master has more children than expected', () => {
    const discovery = findWorkers(gunicorn, scope(), 2)
    expect(describeSearch(discovery, 2)).toBe(
      "found 3 processes under gunicorn (pid 11), not 2: set input 'workers' to the number " +
        'of workers the command starts'
    )
  })

  it('tells progress from the interpreter once it is known, even before it forks', () => {
    const starting = [entry(10, 1, 'sh'), entry(11, 10)]
    expect(describeSearch(findWorkers(starting, scope(), 3), 3)).toBe(
      'found 1 of 3 workers under sh (pid 10)'
    )
    expect(describeSearch(findWorkers(starting, scope({ python: new Set([11]) }), 3), 3)).toBe(
      'found 0 of 3 workers under python3 (pid 11)'
    )
    expect(describeSearch(findWorkers([entry(10, 1, 'sh')], scope(), 3), 3)).toBe(
      "found 0 of 3 workers: none of the command's processes forked"
    )
  })

  it("finds a daemon that left the shell's tree by its marker", () => {
    const daemon = [entry(20, 1, 'celery'), entry(21, 20), entry(22, 20), entry(23, 99)]
    expect(findWorkers(daemon, scope({ marked: [20, 21, 22] }), 2)).toMatchObject({
      kind: 'found',
      master: { pid: 20 },
      workers: [21, 22]
    })
  })
})

describe('settling', () => {
  const MIB = 2 ** 20
  const poll = (...uss: number[]): Map<number, number> =>
    new Map(uss.map((bytes, i) => [100 + i, bytes * MIB]))

  it('needs the same workers steady over three polls in a row', () => {
    const settle = new SettleTracker()
    expect(settle.observe(poll(10, 10))).toBe(false)
    expect(settle.observe(poll(10, 10.1))).toBe(false)
    expect(settle.observe(poll(20, 10.1))).toBe(false)
    expect(settle.lastChange).toEqual({ pid: 100, bytes: 10 * MIB })
    expect(settle.observe(poll(20.1, 10.1))).toBe(false)
    expect(settle.observe(poll(20.1, 10.1))).toBe(true)
  })

  it('starts over when the set of workers changes', () => {
    const settle = new SettleTracker()
    settle.observe(poll(10, 10))
    settle.observe(poll(10, 10))
    expect(settle.observe(poll(10, 10, 10))).toBe(false)
    expect(settle.observe(poll(10, 10, 10))).toBe(false)
    expect(settle.observe(poll(10, 10, 10))).toBe(true)
  })
})

describe('hook evidence', () => {
  const text = [
    '{"event":"start","pid":11,"ppid":10,"strategy":"freeze","executable":"/usr/bin/python3","version":[3,11,2],"implementation":"cpython","freezeCount":0,"enabled":true,"collections":[5,0,0]}',
    '{"event":"fork","pid":12,"ppid":11,"freezeCount":9000,"enabled":true,"collections":[5,0,0]}',
    '{"event":"fork","pid":13,"ppid":11,"freezeCount":9001,"enabled":true,"collections":[5,0,0]}',
    '{"event":"fork","pid":30,"ppid":12,"freezeCount":9001,"enabled":true,"collections":[5,0,0]}',
    '{"event":"fork","pid":',
    ''
  ].join('\n')
  const master = { pid: 11, name: 'gunicorn' }

  it('reads the records and skips a line cut short', () => {
    const records = parseEvidence(text)
    expect(records.map(r => [r.event, r.pid])).toEqual([
      ['start', 11],
      ['fork', 12],
      ['fork', 13],
      ['fork', 30]
    ])
    expect(records[0]).toMatchObject({ version: [3, 11, 2], gc: { collections: [5, 0, 0] } })
  })

  it('tells which workers the strategy reached', () => {
    const all = assessHook(parseEvidence(text), master, [12, 13], 'freeze')
    expect(all.workers).toEqual([
      { pid: 12, hookFired: true },
      { pid: 13, hookFired: true }
    ])
    expect(all.gc.get(13)).toEqual({ freezeCount: 9001, enabled: true, collections: [5, 0, 0] })
    expect(all.warnings).toEqual([])

    // 30 was forked by a worker, not by the master: it does not count for worker 14.
    const some = assessHook(parseEvidence(text), master, [12, 13, 14], 'freeze')
    expect(some.warnings).toEqual([
      'The strategy hook fired in 2 of 3 workers of gunicorn (pid 11); workers 14 were forked ' +
        "without it, so strategy 'freeze' was not applied to them and their figures are the baseline's."
    ])
  })

  it('keeps the warning for a baseline run, where nothing was to be applied', () => {
    const none = assessHook([], { pid: 5, name: 'uwsgi' }, [6], 'none')
    expect(none.warnings).toEqual([
      'The strategy hook never loaded in uwsgi (pid 5): it is not a Python process that reads ' +
        'PYTHONPATH (not Python, started with python -I or -E, or by a wrapper that resets the ' +
        'environment), so the workers carry no GC evidence.'
    ])
  })
})

describe('the environments', () => {
  const options = {
    hookDirectory: '/opt/hook',
    strategy: 'freeze' as const,
    evidenceFile: '/tmp/x/hook.jsonl',
    runId: 'r1'
  }

  it('puts the hook first on PYTHONPATH and keeps what was there', () => {
    // The action's inputs, its token among them, are not the server's business.
    expect(serverEnv({ HOME: '/root', 'INPUT_GITHUB-TOKEN': 'ghs_x' }, options)).toEqual({
      HOME: '/root',
      PYTHONPATH: '/opt/hook',
      [HookEnv.Strategy]: 'freeze',
      [HookEnv.Evidence]: '/tmp/x/hook.jsonl',
      [HookEnv.Run]: 'r1'
    })
    expect(serverEnv({ PYTHONPATH: '/app:/lib' }, options).PYTHONPATH).toBe('/opt/hook:/app:/lib')
  })

  it('gives the load command the marker and the ready URL, not the hook', () => {
    const base = serverEnv({ HOME: '/root' }, options)
    const env = loadEnv(base, 'r1', 'http://127.0.0.1:8000/')
    expect(env[HookEnv.Strategy]).toBeUndefined()
    expect(env[HookEnv.Evidence]).toBeUndefined()
    expect(env).toMatchObject({ [HookEnv.Run]: 'r1', [HookEnv.ReadyUrl]: 'http://127.0.0.1:8000/' })
    expect(loadEnv({ 'INPUT_GITHUB-TOKEN': 'ghs_x' }, 'r1', null)).toEqual({ [HookEnv.Run]: 'r1' })
  })
})

describe('the hook directory', () => {
  let scratch: string
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'hook-dir-'))
  })
  afterEach(() => rmSync(scratch, { recursive: true, force: true }))

  it('is found beside a bundle and its absence names the fix', () => {
    const moduleUrl = pathToFileURL(join(scratch, 'index.js')).href
    expect(() => resolveHookDirectory(moduleUrl)).toThrow(
      /^The strategy hook is missing: none of .* exists\. Rebuild with `npm run bundle`/
    )
    mkdirSync(join(scratch, 'hook'))
    writeFileSync(join(scratch, 'hook', 'sitecustomize.py'), '')
    expect(resolveHookDirectory(moduleUrl)).toBe(join(scratch, 'hook'))
  })
})

describe('output', () => {
  it('keeps the last bytes and counts the rest', () => {
    const tail = new OutputTail(10)
    tail.push(Buffer.from('line one\n'))
    tail.push(Buffer.from('line two\n'))
    expect(tail.text()).toBe('ne\nline two\n'.slice(-10))
    expect(tail.total).toBe(18)
    expect(tail.dropped).toBe(8)
    expect(tail.lastLines(1)).toBe('line two')
  })

  it('matches a line split across chunks and a character split across them', () => {
    const watcher = new LineWatcher(/celery@\S+ ready\./g)
    watcher.push(Buffer.from('[INFO] celery@h'))
    expect(watcher.matched).toBeNull()
    const euro = Buffer.from('é')
    watcher.push(Buffer.concat([Buffer.from('ost'), euro.subarray(0, 1)]))
    watcher.push(Buffer.concat([euro.subarray(1), Buffer.from(' ready.\r\nnext\n')]))
    expect(watcher.matched).toBe('[INFO] celery@hosté ready.')
  })

  it('matches a banner printed without a newline', () => {
    const watcher = new LineWatcher(/Listening at/)
    watcher.push(Buffer.from('booting\nListening at: http://127.0.0.1:8000'))
    expect(watcher.matched).toBe('Listening at: http://127.0.0.1:8000')
  })
})

describe('series', () => {
  const sample = (pid: number, uss: number): MemorySample => ({
    pid,
    rss: uss,
    pss: uss,
    uss,
    sharedClean: 0,
    sharedDirty: 0,
    anonymous: uss,
    swap: 0,
    minorFaults: 0,
    source: 'smaps_rollup'
  })

  it('takes the median worker at every tick', () => {
    const ticks: Tick[] = [
      { atMs: 0, master: sample(1, 50), workers: [sample(2, 3), sample(3, 1), sample(4, 2)] },
      { atMs: 250, master: sample(1, 50), workers: [sample(2, 9), sample(3, 7), sample(4, 8)] }
    ]
    expect(medianWorkerUss(ticks)).toEqual([
      { atMs: 0, bytes: 2 },
      { atMs: 250, bytes: 8 }
    ])
  })
})
