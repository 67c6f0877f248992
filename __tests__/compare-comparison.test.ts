import { compareFigure, compareStrategies, runSpread } from '../src/compare/comparison.js'
import type { StrategyResult } from '../src/engine/types.js'
import { MIB, buildResults } from './fixtures/compare/build.js'

/** One `freeze` strategy whose runs have these per-child USS figures, in MiB. */
function freeze(runs: number[], workers = 2): StrategyResult {
  return buildResults({ strategies: { freeze: runs }, workers }).strategies[0]
}

/** MiB to bytes as the builder stores them. */
const bytes = (mib: number): number => Math.round(mib * MIB)

describe('compareFigure on per-child USS', () => {
  it.each([
    {
      what: 'a clear increase',
      base: [100, 100.25, 99.75],
      head: [112, 112.4, 112.2],
      delta: bytes(112.2) - bytes(100),
      noise: bytes(0.5),
      shift: 'up'
    },
    {
      what: 'a clear decrease, no noise',
      base: [100, 100, 100],
      head: [90, 90, 90],
      delta: -bytes(10),
      noise: 0,
      shift: 'down'
    },
    {
      what: 'a change within the noise',
      base: [100, 101, 99],
      head: [100.5, 100.5, 100.5],
      delta: bytes(0.5),
      noise: bytes(2),
      shift: null
    },
    {
      what: 'a change beyond the noise but under 1%',
      base: [100, 100, 100],
      head: [100.5, 100.5, 100.5],
      delta: bytes(0.5),
      noise: 0,
      shift: null
    },
    {
      what: 'a change exactly as large as the noise',
      base: [10, 11],
      head: [11.5, 11.5],
      delta: bytes(1),
      noise: bytes(1),
      shift: null
    },
    {
      what: 'single runs: no noise, 2% up',
      base: [10],
      head: [10.2],
      delta: bytes(10.2) - bytes(10),
      noise: 0,
      shift: 'up'
    }
  ])('$what', ({ base, head, delta, noise, shift }) => {
    const figure = compareFigure(freeze(base), freeze(head), 'uss')
    const baseMedian = freeze(base).summary.uss.median
    expect(figure.base).toBe(baseMedian)
    expect(figure.head).toBe(freeze(head).summary.uss.median)
    expect(figure.delta).toBe(delta)
    expect(figure.change).toBeCloseTo(delta / baseMedian, 12)
    expect(figure.noise).toBe(noise)
    expect(figure.shift).toBe(shift)
  })
})

describe('the other figures', () => {
  // Base 100 MiB per child, head 112.2 MiB: PSS and RSS move with USS; 2 workers double the tree.
  const base = freeze([100, 100.25, 99.75])
  const head = freeze([112, 112.4, 112.2])
  const grown = bytes(112.2) - bytes(100)

  it('PSS and RSS move by the same bytes from a larger base', () => {
    const pss = compareFigure(base, head, 'pss')
    expect(pss.base).toBe(bytes(100) + 6 * MIB)
    expect(pss.delta).toBe(grown)
    expect(pss.change).toBeCloseTo(grown / (bytes(100) + 6 * MIB), 12)
    expect(compareFigure(base, head, 'rss').base).toBe(bytes(100) + 30 * MIB)
  })

  it('CoW loss is after-work minus after-fork USS', () => {
    const cow = compareFigure(base, head, 'cowLoss')
    expect(cow.base).toBe(bytes(100) - bytes(0.5))
    expect(cow.head).toBe(bytes(112.2) - bytes(0.5))
    expect(cow.noise).toBe(bytes(0.5))
  })

  it('tree PSS counts every worker, so its delta and noise double with 2 workers', () => {
    const tree = compareFigure(base, head, 'treePss')
    expect(tree.delta).toBe(2 * grown)
    expect(tree.noise).toBe(2 * bytes(0.5))
    expect(tree.shift).toBe('up')
  })

  it('runSpread is max − min of the per-run figure, 0 for one run', () => {
    expect(runSpread(freeze([3, 7, 5]), 'uss')).toBe(bytes(7) - bytes(3))
    expect(runSpread(freeze([3]), 'uss')).toBe(0)
  })
})

describe('compareStrategies', () => {
  it('compares what both sides measured, in the head order, and lists the rest by side', () => {
    const base = buildResults({ strategies: { none: [20], freeze: [5], 'collect-freeze': [4] } })
    const head = buildResults({ strategies: { freeze: [6], 'disable-freeze': [5], none: [21] } })
    const comparison = compareStrategies(base.strategies, head.strategies)
    expect(comparison.strategies.map(s => s.name)).toEqual(['freeze', 'none'])
    expect(comparison.headOnly).toEqual(['disable-freeze'])
    expect(comparison.baseOnly).toEqual(['collect-freeze'])
    expect(comparison.strategies[0].figures.uss.delta).toBe(bytes(1))
    expect(Object.keys(comparison.strategies[0].figures)).toEqual([
      'uss',
      'pss',
      'rss',
      'cowLoss',
      'treePss'
    ])
  })

  it('is empty when the sides share no strategy', () => {
    const comparison = compareStrategies(
      buildResults({ strategies: { none: [20] } }).strategies,
      buildResults({ strategies: { freeze: [5] } }).strategies
    )
    expect(comparison).toEqual({ strategies: [], headOnly: ['freeze'], baseOnly: ['none'] })
  })
})
