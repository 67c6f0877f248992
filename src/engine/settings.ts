import type { ReadyCondition } from './command/types.js'
import type { Strategy } from './types.js'

/** What every run needs, whatever the target. */
interface CommonSettings {
  /** Children forked per run; with a command, how many workers it is expected to start. */
  workers: number
  strategies: Strategy[]
  repeat: number
  /** Absolute directory the target runs in. */
  workingDirectory: string
  /** Per-run limit in milliseconds; with a command, the limit of each wait. */
  timeoutMs: number
}

/** The harness preloads an import spec and forks the workers itself. */
export interface EntrypointSettings extends CommonSettings {
  /** Optional: settings written before command mode existed name no kind. */
  kind?: 'entrypoint'
  /** Python import spec preloaded in the parent: `pkg.mod[:callable]` or `path/file.py[:callable]`. */
  entrypoint: string
  /** Spec of a callable each child runs `iterations` times before its full collection. */
  worker: string | null
  iterations: number
  /** Interpreter to run, a name on PATH or a path. */
  python: string
}

/** The user's own server runs as it would in production; the strategy reaches it through a hook. */
export interface CommandSettings extends CommonSettings {
  kind: 'command'
  /** A shell command line, started in its own process group. */
  command: string
  ready: ReadyCondition
  /** Run while the workers serve; null for none. */
  loadCommand: string | null
  /** How long the load phase lasts; null: until the load command exits. */
  loadDurationMs: number | null
  sampleIntervalMs: number
}

/** What the engine needs to measure one target; validated before it gets here. */
export type MeasureSettings = EntrypointSettings | CommandSettings
