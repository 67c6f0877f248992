/** Base against head, figure by figure, with the noise the repeats showed on either side. */
import { cowLosses, maximum, median, minimum } from '../engine/stats.js'
import {
  FIGURES,
  type Comparison,
  type Figure,
  type FigureDelta,
  type Run,
  type StrategyResult,
  type StrategySummary
} from '../engine/types.js'
import { NEGLIGIBLE_CHANGE, runMedian, runTreePss } from '../report/figures.js'

/** The figure as the summary reports it: the median over runs. */
const SUMMARY: Record<Figure, (summary: StrategySummary) => number> = {
  uss: s => s.uss.median,
  pss: s => s.pss.median,
  rss: s => s.rss.median,
  cowLoss: s => s.cowLoss.median,
  treePss: s => s.treePss
}

/** The figure of one run, of which the summary takes the median. */
const PER_RUN: Record<Figure, (run: Run) => number> = {
  uss: run => runMedian(run, c => c.uss),
  pss: run => runMedian(run, c => c.pss),
  rss: run => runMedian(run, c => c.rss),
  cowLoss: run => median(cowLosses(run)),
  treePss: runTreePss
}

/** How far apart the runs of one strategy landed on one figure: max − min; 0 for a single run. */
export function runSpread(strategy: StrategyResult, figure: Figure): number {
  if (strategy.runs.length === 0) return 0
  const values = strategy.runs.map(PER_RUN[figure])
  return maximum(values) - minimum(values)
}

/**
 * One figure on both sides. A move is marked only when it is larger than the noise (what repeats
 * of the same code moved by) and not negligible (at least NEGLIGIBLE_CHANGE of the base).
 */
export function compareFigure(
  base: StrategyResult,
  head: StrategyResult,
  figure: Figure
): FigureDelta {
  const before = SUMMARY[figure](base.summary)
  const after = SUMMARY[figure](head.summary)
  const delta = after - before
  const change = before > 0 ? delta / before : null
  const noise = Math.max(runSpread(base, figure), runSpread(head, figure))
  const notable =
    Math.abs(delta) > noise &&
    (change === null ? delta !== 0 : Math.abs(change) >= NEGLIGIBLE_CHANGE)
  return {
    base: before,
    head: after,
    delta,
    change,
    noise,
    shift: notable ? (delta > 0 ? 'up' : 'down') : null
  }
}

/** Every strategy measured on both sides, in the head's order; the rest listed by side. */
export function compareStrategies(
  base: readonly StrategyResult[],
  head: readonly StrategyResult[]
): Comparison {
  const baseByName = new Map(base.map(s => [s.name, s]))
  const headNames = new Set(head.map(s => s.name))
  return {
    strategies: head.flatMap(h => {
      const b = baseByName.get(h.name)
      if (b === undefined) return []
      const figures = Object.fromEntries(
        FIGURES.map(figure => [figure, compareFigure(b, h, figure)])
      ) as Record<Figure, FigureDelta>
      return [{ name: h.name, figures }]
    }),
    headOnly: head.filter(s => !baseByName.has(s.name)).map(s => s.name),
    baseOnly: base.filter(s => !headNames.has(s.name)).map(s => s.name)
  }
}
