import { median } from '../stats.js'
import type { Tick } from '../types.js'

/** A figure over the load phase: milliseconds since the load started, bytes. */
export interface SeriesPoint {
  atMs: number
  bytes: number
}

/** The median worker's USS at every tick of a run. */
export function medianWorkerUss(ticks: readonly Tick[]): SeriesPoint[] {
  return ticks.map(tick => ({ atMs: tick.atMs, bytes: median(tick.workers.map(w => w.uss)) }))
}
