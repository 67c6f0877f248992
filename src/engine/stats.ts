import type { ChildSample, Run, Spread, StrategyResult, StrategySummary } from './types.js'

/** The middle value; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

export function minimum(values: readonly number[]): number {
  if (values.length === 0) throw new Error('minimum of no values')
  return values.reduce((a, b) => Math.min(a, b))
}

export function maximum(values: readonly number[]): number {
  if (values.length === 0) throw new Error('maximum of no values')
  return values.reduce((a, b) => Math.max(a, b))
}

/** `perRun[r]` holds one figure per child of run r. */
export function spread(perRun: readonly (readonly number[])[]): Spread {
  const all = perRun.flat()
  return { median: median(perRun.map(median)), min: minimum(all), max: maximum(all) }
}

/** What copy-on-write cost each child of a run: after-work USS minus its own after-fork USS. */
export function cowLosses(run: Run): number[] {
  const before = new Map(run.phases['after-fork'].children.map(c => [c.pid, c.uss]))
  return run.phases['after-work'].children.map(child => {
    const forked = before.get(child.pid)
    if (forked === undefined) throw new Error(`child ${child.pid} has no after-fork sample`)
    return child.uss - forked
  })
}

/** Per-child figures at after-work, median over runs of each run's median child. */
export function summarize(runs: readonly Run[]): StrategySummary {
  if (runs.length === 0) throw new Error('no runs to summarize')
  const afterWork = (figure: (c: ChildSample) => number): number[][] =>
    runs.map(run => run.phases['after-work'].children.map(figure))
  return {
    uss: spread(afterWork(c => c.uss)),
    pss: spread(afterWork(c => c.pss)),
    rss: spread(afterWork(c => c.rss)),
    cowLoss: spread(runs.map(cowLosses)),
    treePss: median(
      runs.map(run => {
        const { parent, children } = run.phases['after-work']
        return children.reduce((sum, c) => sum + c.pss, parent.pss)
      })
    )
  }
}

/** The parent at after-work, median over runs of each figure. */
export function summarizeParent(runs: readonly Run[]): StrategyResult['parent'] {
  const parents = runs.map(run => run.phases['after-work'].parent)
  return {
    uss: median(parents.map(p => p.uss)),
    pss: median(parents.map(p => p.pss)),
    rss: median(parents.map(p => p.rss))
  }
}
