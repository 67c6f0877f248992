import type { HookPython, Phase, PhaseSamples, Strategy, Tick } from '../types.js'

/** When the server counts as ready to measure, once all its workers exist. */
export type ReadyCondition =
  { kind: 'settle' } | { kind: 'url'; url: string } | { kind: 'log'; pattern: RegExp }

/** One command-mode run: one strategy, one fresh server. */
export interface CommandRunOptions {
  /** The user's command line, run by /bin/sh -c. */
  command: string
  workingDirectory: string
  /** How many workers the forking process is expected to start. */
  workers: number
  strategy: Strategy
  ready: ReadyCondition
  /** Run by /bin/sh -c while the workers serve; null for none. */
  loadCommand: string | null
  /** How long the load phase lasts; null: until the load command exits. */
  loadDurationMs: number | null
  sampleIntervalMs: number
  /** Limit for each wait: the workers becoming ready, a load command without a duration. */
  timeoutMs: number
  /** SIGTERM to SIGKILL when the run stops its processes; 10 s by default. */
  stopGraceMs?: number
  /** Directory holding the strategy hook, put first on PYTHONPATH. */
  hookDirectory: string
  /** Position in the plan and repeat of the strategy, both from 0: copied into the run. */
  index: number
  repeat: number
}

export interface WorkerInfo {
  pid: number
  /** The hook recorded this worker's fork: the strategy was applied to it. */
  hookFired: boolean
}

export interface CommandRun {
  strategy: Strategy
  index: number
  repeat: number
  durationMs: number
  /** The process whose children are the workers, with its name from /proc. */
  master: { pid: number; name: string }
  /** The master's interpreter as the hook saw it; null when the hook did not load there. */
  python: HookPython | null
  workers: WorkerInfo[]
  /**
   * `after-fork`: the workers ready, before any load; `after-work`: right after the load. A
   * child's `gc` is its collector state right after its fork, null when the hook did not run there.
   */
  phases: Record<Phase, PhaseSamples>
  /** How long the load phase lasted. */
  loadMs: number
  ticks: Tick[]
  /** What makes these figures doubtful, such as a hook that never fired; already logged. */
  warnings: string[]
}
