import type { Strategy } from '../engine/types.js'

export type Side = 'base' | 'head'

export interface ComparedRun {
  /** Position in the plan, from 0. */
  index: number
  side: Side
  strategy: Strategy
  /** Which repeat of this side and strategy, from 0. */
  repeat: number
}

/**
 * Base and head alternate run by run, and strategies within each repeat, so that whatever drifts
 * during the job (page cache, CPU frequency, a noisy neighbour) weighs on both sides alike.
 */
export function planComparedRuns(strategies: readonly Strategy[], repeat: number): ComparedRun[] {
  const plan: ComparedRun[] = []
  for (let r = 0; r < repeat; r++) {
    for (const strategy of strategies) {
      for (const side of ['base', 'head'] as const) {
        plan.push({ index: plan.length, side, strategy, repeat: r })
      }
    }
  }
  return plan
}
