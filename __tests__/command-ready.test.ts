import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { LineWatcher } from '../src/engine/command/output.js'
import { OutputTail } from '../src/engine/run-failure.js'
import type { ProcessEntry, ProcessTable } from '../src/engine/process-table.js'
import { httpProbe } from '../src/engine/command/ready-url.js'
import type { ShellProcess } from '../src/engine/command/shell.js'
import type { ReadyCondition } from '../src/engine/command/types.js'
import { waitForWorkers } from '../src/engine/command/wait-ready.js'
import type { ProcReader } from '../src/engine/procfs.js'
import type { MemorySample } from '../src/engine/types.js'

// Readiness against a process table and /proc that the test makes up: fast, and any state at will.

const MIB = 2 ** 20

const TREE: ProcessEntry[] = [
  { pid: 10, ppid: 1, pgid: 10, state: 'S', name: 'sh' },
  { pid: 11, ppid: 10, pgid: 10, state: 'S', name: 'gunicorn' },
  { pid: 12, ppid: 11, pgid: 10, state: 'S', name: 'gunicorn' },
  { pid: 13, ppid: 11, pgid: 10, state: 'S', name: 'gunicorn' }
]

const table: ProcessTable = { list: () => TREE, withEnv: () => [] }

/** Each sample of a worker is `growth(pid)` bytes bigger than its last. */
function growingProc(growth: (pid: number) => number): ProcReader {
  const reads = new Map<number, number>()
  return {
    sample(pid) {
      const count = (reads.get(pid) ?? 0) + 1
      reads.set(pid, count)
      const uss = 10 * MIB + count * growth(pid)
      return { pid, uss, rss: uss, pss: uss } as MemorySample
    },
    state: () => 'S'
  }
}

const server = { exit: null, output: new OutputTail(1024) } as unknown as ShellProcess

function wait(ready: ReadyCondition, overrides: Partial<Parameters<typeof waitForWorkers>[0]>) {
  return waitForWorkers({
    table,
    proc: growingProc(() => 0),
    server,
    root: 10,
    marker: { name: 'RUN', value: 'x' },
    readEvidence: () => [],
    workers: 2,
    ready,
    watcher: null,
    probeUrl: async () => ({ ok: true, detail: 'HTTP 200' }),
    deadline: performance.now() + 1_000,
    timeoutMs: 1_000,
    ...overrides
  })
}

describe('waiting for the workers', () => {
  it('is ready once the workers stop growing', async () => {
    await expect(wait({ kind: 'settle' }, {})).resolves.toEqual({
      kind: 'found',
      master: { pid: 11, name: 'gunicorn' },
      workers: [12, 13]
    })
  })

  it('names the worker whose memory kept moving', async () => {
    const proc = growingProc(pid => (pid === 13 ? 2 * MIB : 0.5 * MIB))
    await expect(wait({ kind: 'settle' }, { proc })).rejects.toThrow(
      'timed out after 1s: found 2 workers under gunicorn (pid 11), but their memory had not ' +
        'settled (worker 13 moved 2.0 MiB between polls)'
    )
  })

  it('names the URL and its last answer', async () => {
    const ready: ReadyCondition = { kind: 'url', url: 'http://127.0.0.1:9/' }
    const probeUrl = async () => ({ ok: false, detail: 'HTTP 503' })
    await expect(wait(ready, { probeUrl })).rejects.toThrow(
      'timed out after 1s: found 2 workers under gunicorn (pid 11), but http://127.0.0.1:9/ ' +
        'never answered 2xx (last: HTTP 503)'
    )
  })

  it('names the pattern no line matched, and is ready once one does', async () => {
    const ready: ReadyCondition = { kind: 'log', pattern: /Booting worker/ }
    const watcher = new LineWatcher(ready.pattern)
    await expect(wait(ready, { watcher })).rejects.toThrow(
      'found 2 workers under gunicorn (pid 11), but no line of output matched /Booting worker/'
    )
    watcher.push(Buffer.from('[INFO] Booting worker with pid: 12\n'))
    await expect(wait(ready, { watcher })).resolves.toMatchObject({ workers: [12, 13] })
  })

  it('stops waiting as soon as the command has exited and left nothing', async () => {
    const exited = { ...server, exit: { code: 2, signal: null, error: null } } as ShellProcess
    const gone: ProcessTable = { list: () => [], withEnv: () => [] }
    const started = performance.now()
    await expect(wait({ kind: 'settle' }, { server: exited, table: gone })).rejects.toThrow(
      'the command exited with code 2 before its workers were ready'
    )
    expect(performance.now() - started).toBeLessThan(500)
  })
})

describe('the ready URL probe', () => {
  let site: Server
  let base: string
  let status = 503
  beforeAll(async () => {
    site = createServer((_, response) => response.writeHead(status).end())
    await new Promise<void>(resolve => site.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>(resolve => site.close(() => resolve())))

  it('counts only a 2xx answer, and says what came instead', async () => {
    await expect(httpProbe(`${base}/`)).resolves.toEqual({ ok: false, detail: 'HTTP 503' })
    status = 204
    await expect(httpProbe(`${base}/`)).resolves.toEqual({ ok: true, detail: 'HTTP 204' })
  })

  it('reports a refused connection by its code', async () => {
    const closed = createServer()
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>(resolve => closed.close(() => resolve()))
    await expect(httpProbe(`http://127.0.0.1:${port}/`)).resolves.toEqual({
      ok: false,
      detail: 'ECONNREFUSED'
    })
  })
})
