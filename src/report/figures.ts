/** Figures the reports derive from results: comparisons, projections, per-run medians. */
import { median } from '../engine/stats.js'
import type {
  ChildSample,
  Results,
  Run,
  Strategy,
  StrategyResult,
  StrategySummary
} from '../engine/types.js'

/** Worker counts the projection extrapolates to. */
export const PROJECTED_WORKERS = [8, 16, 32, 64]

/** A change of per-child USS smaller than this fraction of the baseline counts as no difference. */
export const NEGLIGIBLE_CHANGE = 0.01

/** Strategies that freeze the parent's heap before forking, preferred in this order. */
const FREEZE_LIKE: Strategy[] = ['freeze', 'disable-freeze', 'collect-freeze']

export function findStrategy(results: Results, name: Strategy): StrategyResult | undefined {
  return results.strategies.find(s => s.name === name)
}

export interface UssComparison {
  baseline: StrategyResult
  candidate: StrategyResult
  /** Candidate minus baseline median per-child USS, in bytes: negative is a saving. */
  delta: number
  /** `delta` as a fraction of the baseline; null when the baseline is zero. */
  change: number | null
}

export function compareUss(baseline: StrategyResult, candidate: StrategyResult): UssComparison {
  const before = baseline.summary.uss.median
  const delta = candidate.summary.uss.median - before
  return { baseline, candidate, delta, change: before > 0 ? delta / before : null }
}

/**
 * `none` against `freeze` when both were measured; without `freeze`, against the freeze-like
 * strategy with the smallest per-child USS. Null without a `none` baseline or anything to compare.
 */
export function freezeComparison(results: Results): UssComparison | null {
  const baseline = findStrategy(results, 'none')
  if (baseline === undefined) return null
  const candidates = FREEZE_LIKE.map(name => findStrategy(results, name)).filter(
    (s): s is StrategyResult => s !== undefined
  )
  if (candidates.length === 0) return null
  const chosen =
    candidates[0].name === 'freeze'
      ? candidates[0]
      : candidates.reduce((best, s) => (s.summary.uss.median < best.summary.uss.median ? s : best))
  return compareUss(baseline, chosen)
}

/** Share of the median child's RSS that is shared with other processes: 1 − USS/RSS. */
export function sharedShare(summary: StrategySummary): number {
  return summary.rss.median > 0 ? 1 - summary.uss.median / summary.rss.median : 0
}

/** What the tree holds besides the workers' private memory: tree PSS − N × child USS, at least 0. */
export function sharedBase(strategy: StrategyResult, workers: number): number {
  const { treePss, uss } = strategy.summary
  return Math.max(0, treePss - workers * uss.median)
}

/** Total tree PSS at `projected` workers, linear from the `measured` worker count. */
export function projectTreePss(
  strategy: StrategyResult,
  measured: number,
  projected: number
): number {
  return sharedBase(strategy, measured) + projected * strategy.summary.uss.median
}

/** The median of one run's after-work children for one figure. */
export function runMedian(run: Run, figure: (child: ChildSample) => number): number {
  return median(run.phases['after-work'].children.map(figure))
}

/** Parent plus every child PSS of one run, after work. */
export function runTreePss(run: Run): number {
  const { parent, children } = run.phases['after-work']
  return children.reduce((sum, child) => sum + child.pss, parent.pss)
}

/** The run whose median child USS is the median over runs (the lower one for an even count). */
export function medianRun(strategy: StrategyResult): Run {
  const ordered = [...strategy.runs].sort(
    (a, b) => runMedian(a, c => c.uss) - runMedian(b, c => c.uss) || a.index - b.index
  )
  return ordered[Math.floor((ordered.length - 1) / 2)]
}
