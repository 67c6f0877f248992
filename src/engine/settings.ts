import type { Strategy } from './types.js'

/** What the engine needs to measure one target; validated before it gets here. */
export interface MeasureSettings {
  /** Python import spec preloaded in the parent: `pkg.mod[:callable]` or `path/file.py[:callable]`. */
  entrypoint: string
  /** Spec of a callable each child runs `iterations` times before its full collection. */
  worker: string | null
  iterations: number
  workers: number
  strategies: Strategy[]
  repeat: number
  /** Interpreter to run, a name on PATH or a path. */
  python: string
  /** Absolute directory the target runs in; put first on sys.path. */
  workingDirectory: string
  /** Per-run limit in milliseconds. */
  timeoutMs: number
}
