/**
 * The results file: a public interface that users parse in their workflows.
 * Every figure is in bytes. Adding fields is fine; renaming or removing one bumps `schema`.
 */

export const RESULTS_SCHEMA = 1

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
  gc: GcEvidence
}

export interface PhaseSamples {
  parent: MemorySample
  children: ChildSample[]
}

export interface Run {
  /** Position in the interleaved plan, from 0. */
  index: number
  /** Which repeat of its strategy this is, from 0. */
  repeat: number
  durationMs: number
  phases: Record<Phase, PhaseSamples>
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

export interface Target {
  entrypoint: string
  worker: string | null
  iterations: number
}

export interface Results {
  schema: typeof RESULTS_SCHEMA
  tool: { name: string; version: string }
  target: Target
  workers: number
  repeat: number
  environment: Environment
  strategies: StrategyResult[]
}
