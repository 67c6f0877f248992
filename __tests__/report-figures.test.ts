import { median } from '../src/engine/stats.js'
import type { Strategy, StrategyResult } from '../src/engine/types.js'
import {
  freezeComparison,
  medianRun,
  projectTreePss,
  sharedBase,
  sharedShare
} from '../src/report/figures.js'
import { MIB } from '../src/report/format.js'
import { loadResults } from './fixtures/results/load.js'

function spread(median: number) {
  return { median, min: median, max: median }
}

/** A strategy with just the summary figures the arithmetic reads. */
function strategy(name: Strategy, ussMiB: number, treePssMiB: number, rssMiB = 40): StrategyResult {
  return {
    name,
    summary: {
      uss: spread(ussMiB * MIB),
      pss: spread(0),
      rss: spread(rssMiB * MIB),
      cowLoss: spread(0),
      treePss: treePssMiB * MIB
    },
    parent: { uss: 0, pss: 0, rss: 0 },
    runs: []
  }
}

describe('projection', () => {
  it('keeps the shared part and adds one median child per worker', () => {
    // 100 MiB tree with 4 children of 10 MiB: 60 MiB shared
    const s = strategy('none', 10, 100)
    expect(sharedBase(s, 4)).toBe(60 * MIB)
    expect(projectTreePss(s, 4, 4)).toBe(100 * MIB)
    expect(projectTreePss(s, 4, 64)).toBe(700 * MIB)
  })

  it('clamps the shared part at zero', () => {
    const s = strategy('none', 10, 30)
    expect(sharedBase(s, 4)).toBe(0)
    expect(projectTreePss(s, 4, 8)).toBe(80 * MIB)
  })

  it('projects the fixture none strategy to 64 workers', () => {
    const [none] = loadResults('all-strategies').strategies
    // 821,123,072 − 4 × 106,221,568 = 396,236,800; + 64 × 106,221,568
    expect(projectTreePss(none, 4, 64)).toBe(7_194_417_152)
  })
})

describe('sharedShare', () => {
  it('is 1 − USS/RSS of the median child', () => {
    expect(sharedShare(strategy('none', 10, 0, 40).summary)).toBe(0.75)
  })
})

describe('freezeComparison', () => {
  const results = loadResults('all-strategies')
  const only = (...names: Strategy[]) => ({
    ...results,
    strategies: results.strategies.filter(s => names.includes(s.name))
  })

  it('compares none with freeze when both were measured', () => {
    const comparison = freezeComparison(results)
    expect(comparison?.candidate.name).toBe('freeze')
    expect(comparison?.delta).toBe(1_155_072 - 106_221_568)
    expect(comparison?.change).toBeCloseTo(-0.98913, 5)
  })

  it('picks the freeze-like strategy with the least USS when freeze is missing', () => {
    const comparison = freezeComparison(only('none', 'disable-freeze', 'collect-freeze'))
    expect(comparison?.candidate.name).toBe('collect-freeze')
    expect(comparison?.delta).toBe(942_080 - 106_221_568)
  })

  it('has nothing to compare without a none baseline or without a frozen strategy', () => {
    expect(freezeComparison(only('freeze', 'collect-freeze'))).toBeNull()
    expect(freezeComparison(only('none'))).toBeNull()
  })

  it('has no relative change against a zero baseline', () => {
    const comparison = freezeComparison({
      ...results,
      strategies: [strategy('none', 0, 10), strategy('freeze', 1, 10)]
    })
    expect(comparison?.change).toBeNull()
  })
})

describe('runs', () => {
  it('picks the run whose median child USS is the median over runs', () => {
    const [none] = loadResults('stdlib-none-freeze').strategies
    const perRun = none.runs.map(run => median(run.phases['after-work'].children.map(c => c.uss)))
    const run = medianRun(none)
    expect(run.repeat).toBe(1)
    expect(median(run.phases['after-work'].children.map(c => c.uss))).toBe(median(perRun))
  })

  it('picks the lower of the two middle runs for an even count', () => {
    const [freeze] = loadResults('single-strategy').strategies
    const lowest = Math.min(
      ...freeze.runs.map(run => median(run.phases['after-work'].children.map(c => c.uss)))
    )
    expect(medianRun(freeze).repeat).toBe(0)
    expect(median(medianRun(freeze).phases['after-work'].children.map(c => c.uss))).toBe(lowest)
  })
})
