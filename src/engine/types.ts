/**
 * The results file: a public interface that users parse in their workflows.
 * Every figure is in bytes. Adding fields is fine; renaming or removing one bumps `schema`.
 *
 * Command mode added to schema 1: `target.kind`, the command target's fields, `run.command` and
 * `warnings`; files written before it have no `kind` (an entrypoint) and no `warnings`. One change
 * asks more of older readers: a child's `gc` is null for a worker the strategy hook did not reach.
 *
 * Schema 2 adds `label`, `base` and `comparison`, each present only when set: the base the head was
 * compared with (the pull request's merge base, or a baseline file) and the figures of both sides.
 * Nothing of schema 1 moved, so a reader of schema 1 reads the head's figures of a schema 2 file.
 */

export const RESULTS_SCHEMA = 2

export const STRATEGIES = ['none', 'freeze', 'disable-freeze', 'collect-freeze'] as const
export type Strategy = (typeof STRATEGIES)[number]

export const PHASES = ['after-fork', 'after-work'] as const
export type Phase = (typeof PHASES)[number]

/** One process read from /proc at one moment. */
export interface MemorySample {
  pid: number
  rss: number
  pss: number
  /** Private_Clean + Private_Dirty + Private_Hugetlb. */
  uss: number
  sharedClean: number
  sharedDirty: number
  anonymous: number
  swap: number
  /** Minor page faults so far (field 10 of /proc/PID/stat). */
  minorFaults: number
  /** Where the figures came from: the one-pass rollup or the per-mapping fallback. */
  source: 'smaps_rollup' | 'smaps'
}

/** What the interpreter in a harness child says about its collector. */
export interface GcEvidence {
  freezeCount: number
  enabled: boolean
  /** Collections run so far, per generation (gc.get_stats()). */
  collections: number[]
}

export interface ChildSample extends MemorySample {
  /** Null in command mode for a worker the strategy hook did not reach (a server that forks from C). */
  gc: GcEvidence | null
}

export interface PhaseSamples {
  parent: MemorySample
  children: ChildSample[]
}

/** One moment of a command-mode load phase: the master and every worker, read one after another. */
export interface Tick {
  /** Milliseconds since the load started; the first tick is the ready state at 0. */
  atMs: number
  master: MemorySample
  /** In the order of the run's children. */
  workers: MemorySample[]
}

/** A server's interpreter as the strategy hook saw it in the master. */
export interface HookPython {
  executable: string
  /** "3.11.2" */
  version: string
  /** sys.implementation.name: "cpython", "pypy". */
  implementation: string
  freeThreaded: boolean
}

/** What a command-mode run adds: who forked, whether the strategy reached each worker, the load. */
export interface CommandRunDetails {
  /** The process whose children are the workers (gunicorn's master), with its name from /proc. */
  master: { pid: number; name: string }
  /** Null when the hook did not load in the master: not Python, or Python started with -I or -E. */
  python: HookPython | null
  /**
   * Per child, in the order of the phases' children: the hook's after-fork handler ran in it. A
   * freezing strategy reached the child only if its `gc.freezeCount` is above 0 as well: a server
   * that runs after-fork handlers only (uWSGI) never froze anything before forking.
   */
  hookFired: boolean[]
  /** How long the load phase lasted. */
  loadMs: number
  /** Samples from the ready state (after-fork) to the end of the load (after-work). */
  ticks: Tick[]
  /** What makes this run's figures doubtful, as logged. */
  warnings: string[]
}

export interface Run {
  /** Position in the interleaved plan, from 0. */
  index: number
  /** Which repeat of its strategy this is, from 0. */
  repeat: number
  durationMs: number
  /**
   * Entrypoint mode: after-fork is right after the fork, after-work after the worker callable and
   * a full collection. Command mode: after-fork is the ready server before the load, after-work
   * the end of the load.
   */
  phases: Record<Phase, PhaseSamples>
  /** Command mode only. */
  command?: CommandRunDetails
}

export interface Spread {
  /** Median over runs of each run's median child. */
  median: number
  /** Smallest single child over all runs. */
  min: number
  /** Largest single child over all runs. */
  max: number
}

export interface StrategySummary {
  /** Per child, after-work phase. */
  uss: Spread
  pss: Spread
  rss: Spread
  /** Per child, after-work USS minus after-fork USS: what copy-on-write cost. */
  cowLoss: Spread
  /** Parent PSS plus every child's PSS, after-work, median over runs. */
  treePss: number
}

export interface StrategyResult {
  name: Strategy
  summary: StrategySummary
  /** The parent at after-work, median over runs of each figure. */
  parent: { uss: number; pss: number; rss: number }
  runs: Run[]
}

export interface PythonInfo {
  executable: string
  version: string
  implementation: string
  /** True for a free-threaded (no-GIL) build. */
  freeThreaded: boolean
  /** CPython 3.14.0–3.14.4 shipped an incremental collector that behaves differently. */
  incrementalGc: boolean
}

export interface Environment {
  python: PythonInfo
  kernel: string
  pageSize: number
  /** /sys/kernel/mm/transparent_hugepage/enabled, the bracketed choice ("madvise"), or "unknown". */
  transparentHugepages: string
  cpus: number
  /** "github-actions (ubuntu-24.04, X64)" on a runner, "local" elsewhere. */
  runner: string
  gitSha: string | null
  timestamp: string
}

/** A Python import spec the harness preloads before forking. */
export interface EntrypointTarget {
  /** Absent in files written before command mode. */
  kind?: 'entrypoint'
  entrypoint: string
  worker: string | null
  iterations: number
}

/** When a command's server counted as ready: its workers' memory settled, a URL, a line of output. */
export type ReadyTarget =
  | { kind: 'settle' }
  | { kind: 'url'; url: string }
  /** `pattern`: the regular expression's source. */
  | { kind: 'log'; pattern: string }

/** The user's server command line, measured as it runs. */
export interface CommandTarget {
  kind: 'command'
  command: string
  ready: ReadyTarget
  loadCommand: string | null
  /** Null: the load lasted until the load command exited. */
  loadDurationMs: number | null
  sampleIntervalMs: number
}

export type Target = EntrypointTarget | CommandTarget

export interface Results {
  schema: typeof RESULTS_SCHEMA
  tool: { name: string; version: string }
  target: Target
  workers: number
  repeat: number
  environment: Environment
  /**
   * What makes the figures doubtful, once each (a strategy hook that never fired); empty if
   * nothing. Absent in files written before command mode.
   */
  warnings?: string[]
  strategies: StrategyResult[]
  /** The `label` input: tells matrix legs apart beyond their Python version. */
  label?: string
  /** What the head was compared with. */
  base?: BaseSide
  /** Base against head; present when `base` was measured. */
  comparison?: Comparison
}

/** The per-child figures (and the tree's total) that base and head are compared on. */
export const FIGURES = ['uss', 'pss', 'rss', 'cowLoss', 'treePss'] as const
export type Figure = (typeof FIGURES)[number]

/** Where the base's figures came from. */
export type BaseOrigin =
  | {
      /** The merge base of the pull request's commits, measured in a worktree in the same job. */
      kind: 'merge-base'
      commit: string
      /** The pull request's base and head commits when the event fired. */
      pullRequest: { base: string; head: string }
    }
  | {
      /** A results file from an earlier run (the `baseline` input). */
      kind: 'baseline'
      file: string
      /** The commit that file was measured at, when it says. */
      commit: string | null
    }

/** The base ran the same target as the head; its figures, as a results file holds them. */
export interface MeasuredBase extends Pick<
  Results,
  'target' | 'workers' | 'repeat' | 'environment' | 'strategies'
> {
  status: 'measured'
  origin: BaseOrigin
}

/** The base does not have the target (the pull request adds it): the head was measured alone. */
export interface MissingBase {
  status: 'missing-target'
  origin: BaseOrigin
  /** What the head has and the base lacks: `app/preload.py` (relative to the working directory). */
  missing: string
}

export type BaseSide = MeasuredBase | MissingBase

/** One figure on both sides. */
export interface FigureDelta {
  base: number
  head: number
  /** head − base: positive means the head is heavier. */
  delta: number
  /** `delta` as a fraction of base; null when base is 0. */
  change: number | null
  /** The larger run-to-run spread (max − min of the per-run figure) of the two sides. */
  noise: number
  /** Which way the figure moved when the move is beyond the noise and not negligible; else null. */
  shift: 'up' | 'down' | null
}

export interface StrategyComparison {
  name: Strategy
  figures: Record<Figure, FigureDelta>
}

export interface Comparison {
  /** Strategies measured on both sides, in the head's order. */
  strategies: StrategyComparison[]
  /** Measured on one side only: nothing to compare them with. */
  headOnly: Strategy[]
  baseOnly: Strategy[]
}
