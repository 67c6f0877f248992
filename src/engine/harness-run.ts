import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { constants } from 'node:os'
import type { Duplex } from 'node:stream'
import { killRun, trackRun, type LiveRun, type StoppedRun } from './live-runs.js'
import type { Logger } from './logger.js'
import { ProcessGoneError, type ProcReader } from './procfs.js'
import {
  OutputTail,
  RunFailure,
  describeOutput,
  failureMessage,
  logOutput,
  seconds
} from './run-failure.js'
import { targetEnv } from './target-env.js'
import type {
  ChildSample,
  GcEvidence,
  MemorySample,
  Phase,
  PhaseSamples,
  Run,
  Strategy
} from './types.js'

/** One run: one strategy, one fresh interpreter. */
export interface HarnessRunOptions {
  /** Interpreter executable, as the probe reported it. */
  python: string
  harnessPath: string
  entrypoint: string
  worker: string | null
  iterations: number
  workers: number
  strategy: Strategy
  workingDirectory: string
  timeoutMs: number
  /** Position in the plan and repeat of the strategy, both from 0: copied into the Run. */
  index: number
  repeat: number
}

/** One phase's samples, before the children's collector evidence is attached. */
interface MemorySamples {
  parent: MemorySample
  children: MemorySample[]
}

/** The measured tree: the harness parent and its forked children, in pid order. */
export interface ProcessTree {
  parent: number
  children: number[]
}

export interface HarnessRunDeps {
  proc: ProcReader
  log: Logger
  /** Called after a phase is sampled, before the processes are released: all of them alive and idle. */
  onPhase?: (phase: Phase, tree: ProcessTree) => void | Promise<void>
}

// The harness's side of these descriptors is described at the top of harness.py.
const EVENTS_FD = 3
const WORK_GATE_FD = 4
const EXIT_GATE_FD = 5

/** The user's output kept for the log and for error messages; older bytes are dropped. */
const OUTPUT_TAIL_BYTES = 64 * 1024
/** The longest a phase's sample waits for its processes to go to sleep. */
const IDLE_WAIT_MS = 1_000
/** How long a killed tree may take to go away before its pipes are dropped. */
const KILL_GRACE_MS = 5_000
/** How long the events of an exited parent may take to arrive while a child still holds fd 3. */
const EVENTS_GRACE_MS = 1_000

type HarnessEvent =
  | { event: 'ready'; phase: Phase; pid: number }
  | { event: 'gc'; phase: Phase; pid: number; gc: GcEvidence }
  | { event: 'preloaded'; pid: number }
  | { event: 'exit'; pid: number; code: number }
  | {
      event: 'error'
      step: 'entrypoint' | 'fork' | 'after-fork' | 'worker' | 'after-work' | 'harness'
      spec: string | null
      pid: number
      traceback: string
    }

type Signal =
  | { kind: 'event'; event: HarnessEvent }
  | { kind: 'exited'; code: number | null; signal: NodeJS.Signals | null }
  | { kind: 'spawn-error'; error: Error }
  | { kind: 'unreadable-event'; line: string }
  | { kind: 'timeout' }

/** Signals in arrival order, awaited one at a time. */
class Inbox {
  private readonly queue: Signal[] = []
  private waiting: ((signal: Signal) => void) | null = null

  push(signal: Signal): void {
    if (this.waiting) {
      const wake = this.waiting
      this.waiting = null
      wake(signal)
    } else {
      this.queue.push(signal)
    }
  }

  next(): Promise<Signal> {
    const queued = this.queue.shift()
    if (queued) return Promise.resolve(queued)
    return new Promise(resolve => (this.waiting = resolve))
  }
}

function signalName(signal: number): string {
  const names = constants.signals as Record<string, number>
  return Object.keys(names).find(name => names[name] === signal) ?? `signal ${signal}`
}

function exitDescription(code: number | null, signal: string | null): string {
  const name = signal ?? (code !== null && code < 0 ? signalName(-code) : null)
  // SIGKILL from outside the run is what the kernel's OOM killer sends.
  if (name === 'SIGKILL') return 'was killed by SIGKILL (out of memory?)'
  if (name !== null) return `was killed by ${name}`
  return `exited with code ${code}`
}

function describeError(event: Extract<HarnessEvent, { event: 'error' }>): string {
  switch (event.step) {
    case 'entrypoint':
      return `the entrypoint '${event.spec}' raised in the parent (pid ${event.pid})`
    case 'worker':
      return event.spec
        ? `the worker '${event.spec}' raised in child ${event.pid}`
        : `the full collection raised in child ${event.pid}`
    case 'fork':
      return `freezing or forking failed in the parent (pid ${event.pid})`
    case 'after-fork':
    case 'after-work':
      return `child ${event.pid} failed while holding at ${event.step}`
    case 'harness':
      return `the harness failed (pid ${event.pid})`
  }
}

/**
 * Spawns the harness for one strategy, samples the tree at each phase from /proc while every
 * process is blocked on a gate, and releases it only after the last sample.
 */
export async function runHarness(options: HarnessRunOptions, deps: HarnessRunDeps): Promise<Run> {
  const started = performance.now()
  const config = {
    entrypoint: options.entrypoint,
    worker: options.worker,
    iterations: options.iterations,
    workers: options.workers,
    strategy: options.strategy
  }
  const marker = randomUUID()
  const child = spawn(options.python, [options.harnessPath, JSON.stringify(config)], {
    cwd: options.workingDirectory,
    env: targetEnv(process.env, marker),
    // Its own process group, so a kill reaches every child the harness forked.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe', 'pipe']
  })

  const inbox = new Inbox()
  const output = new OutputTail(OUTPUT_TAIL_BYTES)
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk))
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk))
  // Extra 'pipe' descriptors are sockets, readable and writable; the typings stop at fd 4.
  const control = child.stdio as unknown as Duplex[]
  const events = control[EVENTS_FD]
  const workGate = control[WORK_GATE_FD]
  const exitGate = control[EXIT_GATE_FD]

  let pending = ''
  events.setEncoding('utf8')
  events.on('data', (text: string) => {
    const lines = (pending + text).split('\n')
    pending = lines.pop() as string
    for (const line of lines) {
      if (line === '') continue
      try {
        inbox.push({ kind: 'event', event: JSON.parse(line) as HarnessEvent })
      } catch {
        inbox.push({ kind: 'unreadable-event', line })
      }
    }
  })

  // The parent counts as exited once its last events are read, so that an error it reported
  // before dying is what the run fails with. Its output may still flow: a process the target
  // started can hold stdout, which is why the end of the run does not wait for `close`.
  let exitStatus: Extract<Signal, { kind: 'exited' }> | null = null
  let eventsRead = false
  let eventsGrace: NodeJS.Timeout | undefined
  const announceExit = (): void => {
    clearTimeout(eventsGrace)
    if (exitStatus !== null) inbox.push(exitStatus)
    exitStatus = null
  }
  events.on('close', () => {
    eventsRead = true
    announceExit()
  })
  child.on('exit', (code, signal) => {
    exitStatus = { kind: 'exited', code, signal }
    if (eventsRead) announceExit()
    else eventsGrace = setTimeout(announceExit, EVENTS_GRACE_MS)
  })
  const gone = new Promise<void>(resolve => {
    child.on('close', () => resolve())
    child.on('error', error => {
      inbox.push({ kind: 'spawn-error', error })
      resolve()
    })
  })
  const timer = setTimeout(() => inbox.push({ kind: 'timeout' }), options.timeoutMs)

  const live: LiveRun | null = child.pid === undefined ? null : { group: child.pid, marker }
  const untrack = live === null ? () => undefined : trackRun(live)

  // The parent only says it has preloaded: from the fork on it stays silent, and the children
  // name themselves when they report at after-fork.
  let parent: number | null = null
  const ready: Record<Phase, Set<number>> = { 'after-fork': new Set(), 'after-work': new Set() }
  // A child reports its collector's state once it is released from the phase's sample.
  const evidence: Record<Phase, Map<number, GcEvidence>> = {
    'after-fork': new Map(),
    'after-work': new Map()
  }

  const progress = (phase: Phase): string => {
    if (parent === null) return 'the parent was still preloading the entrypoint'
    return `${ready[phase].size} of ${options.workers} children reported`
  }

  let exited = false
  /** Applies one signal; throws when it ends the run before `waitingFor` is reached. */
  const handle = (signal: Signal, waitingFor: Phase | 'exit'): void => {
    const during =
      waitingFor === 'exit' ? 'after the last sample' : `while waiting for ${waitingFor}`
    switch (signal.kind) {
      case 'timeout': {
        const limit = `timed out after ${seconds(options.timeoutMs)}`
        throw new RunFailure(
          waitingFor === 'exit'
            ? `${limit} waiting for the processes to exit after the last sample`
            : `${limit} waiting for ${waitingFor}: ${progress(waitingFor)}`
        )
      }
      case 'spawn-error':
        throw new RunFailure(`could not start ${options.python}: ${signal.error.message}`)
      case 'unreadable-event':
        throw new RunFailure(`the harness sent an unreadable event ${JSON.stringify(signal.line)}`)
      case 'exited':
        exited = true
        if (waitingFor === 'exit' && signal.code === 0) return
        throw new RunFailure(`the harness ${exitDescription(signal.code, signal.signal)} ${during}`)
      case 'event': {
        const event = signal.event
        if (event.event === 'ready') ready[event.phase].add(event.pid)
        else if (event.event === 'gc') evidence[event.phase].set(event.pid, event.gc)
        else if (event.event === 'preloaded') parent = event.pid
        else if (event.event === 'error') {
          throw new RunFailure(`${describeError(event)} ${during}`, { traceback: event.traceback })
        } else if (event.event === 'exit' && waitingFor !== 'exit') {
          throw new RunFailure(`child ${event.pid} ${exitDescription(event.code, null)} ${during}`)
        }
      }
    }
  }

  const awaitPhase = async (phase: Phase): Promise<ProcessTree> => {
    for (;;) {
      if (parent !== null && ready[phase].size === options.workers) {
        return { parent, children: [...ready[phase]].sort((a, b) => a - b) }
      }
      handle(await inbox.next(), phase)
    }
  }

  const sampleTree = (phase: Phase, current: ProcessTree): MemorySamples => {
    try {
      const parent = deps.proc.sample(current.parent)
      return { parent, children: current.children.map(pid => deps.proc.sample(pid)) }
    } catch (error) {
      if (error instanceof ProcessGoneError) {
        throw new RunFailure(`process ${error.pid} exited before it was measured at ${phase}`)
      }
      throw error
    }
  }

  const withEvidence = (phase: Phase, samples: MemorySamples): PhaseSamples => ({
    parent: samples.parent,
    children: samples.children.map((sample): ChildSample => {
      const gc = evidence[phase].get(sample.pid)
      if (gc === undefined) {
        throw new RunFailure(`child ${sample.pid} never reported its collector's state at ${phase}`)
      }
      return { ...sample, gc }
    })
  })

  const holdAt = async (phase: Phase): Promise<MemorySamples> => {
    const current = await awaitPhase(phase)
    await untilBlocked(deps.proc, [current.parent, ...current.children])
    const samples = sampleTree(phase, current)
    await deps.onPhase?.(phase, current)
    return samples
  }

  let run: Run | undefined
  let failure: unknown
  try {
    const afterFork = await holdAt('after-fork')
    workGate.destroy() // end-of-file: every child runs its worker
    const afterWork = await holdAt('after-work')
    exitGate.destroy() // end-of-file: every child exits, then the parent
    while (!exited) handle(await inbox.next(), 'exit')
    run = {
      index: options.index,
      repeat: options.repeat,
      durationMs: Math.round(performance.now() - started),
      phases: {
        'after-fork': withEvidence('after-fork', afterFork),
        'after-work': withEvidence('after-work', afterWork)
      }
    }
  } catch (error) {
    failure = error
  }

  // Whatever happened, nothing of the run outlives it.
  clearTimeout(timer)
  clearTimeout(eventsGrace)
  if (live !== null) reportStragglers(deps.log, await killRun(live, KILL_GRACE_MS))
  untrack()
  await settled(gone, KILL_GRACE_MS)
  for (const stream of [child.stdout, child.stderr, ...control]) stream?.destroy()
  logOutput(deps.log, 'the target', output)

  if (run !== undefined) return run
  if (failure instanceof RunFailure)
    throw new Error(failureMessage(failure, [describeOutput('the target', output)]))
  throw failure
}

function reportStragglers(log: Logger, stopped: StoppedRun): void {
  if (stopped.escaped.length > 0) {
    log.warning(
      `The target started processes that left the run's process group (${stopped.escaped.join(', ')}); ` +
        'they were killed with the run.'
    )
  }
  if (stopped.survivors.length > 0) {
    log.warning(
      `Processes ${stopped.survivors.join(', ')} of this run were still in /proc ` +
        `${seconds(KILL_GRACE_MS)} after SIGKILL; check for them with \`ps\`.`
    )
  }
}

/**
 * A child reports a phase just before it blocks on the gate; until it sleeps there, it may still
 * be touching pages. Waits until every process sleeps, for a moment at most: a process busy in
 * a thread of the user's is sampled anyway.
 */
async function untilBlocked(proc: ProcReader, pids: number[]): Promise<void> {
  const deadline = performance.now() + IDLE_WAIT_MS
  const busy = (pid: number): boolean => {
    try {
      return proc.state(pid) === 'R'
    } catch (error) {
      if (error instanceof ProcessGoneError) return false // the sample will say so
      throw error
    }
  }
  while (pids.some(busy) && performance.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 1))
  }
}

/** Waits for `promise`, but no longer than `ms`. */
async function settled(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  await Promise.race([promise, new Promise(resolve => (timer = setTimeout(resolve, ms)))])
  clearTimeout(timer)
}
