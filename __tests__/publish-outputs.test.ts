import { measuredBase, withBase } from '../src/compare/results.js'
import { resultsOutputs } from '../src/publish/outputs.js'
import { MIB, buildResults } from './fixtures/compare/build.js'
import { loadResults } from './fixtures/results/load.js'

const PATHS = { results: '/tmp/r/results.json', report: '/tmp/r/report.md' }

describe('resultsOutputs', () => {
  it('gives the paths, USS per strategy and the freeze saving', () => {
    const results = loadResults('stdlib-none-freeze')
    expect(resultsOutputs(results, 'freeze', PATHS)).toEqual({
      results: '/tmp/r/results.json',
      report: '/tmp/r/report.md',
      'uss-none': String(results.strategies[0].summary.uss.median),
      'uss-freeze': String(results.strategies[1].summary.uss.median),
      'freeze-saving': '62.7'
    })
  })

  it('has no freeze-saving without both none and freeze', () => {
    const outputs = resultsOutputs(loadResults('single-strategy'), 'freeze', PATHS)
    expect(outputs).not.toHaveProperty('freeze-saving')
    expect(Object.keys(outputs).filter(k => k.startsWith('uss-'))).toEqual(['uss-freeze'])
  })

  it("against a base: the gate strategy's USS increase in bytes and the base's commit", () => {
    const base = buildResults({ strategies: { none: [20, 20], freeze: [10, 10] } })
    const head = buildResults({ strategies: { none: [26, 26], freeze: [12.5, 12.5] } })
    const commit = '1a2b3c4d5e6f708192a3b4c5d6e7f80912345678'
    const origin = {
      kind: 'merge-base' as const,
      commit,
      pullRequest: { base: commit, head: commit }
    }
    const results = withBase(head, measuredBase(base, origin))
    expect(resultsOutputs(results, 'freeze', PATHS)).toMatchObject({
      'uss-increase': String(2.5 * MIB),
      'base-sha': commit
    })
    expect(resultsOutputs(results, 'none', PATHS)['uss-increase']).toBe(String(6 * MIB))
  })

  it('gives a decrease as a negative number, and no commit for a baseline without one', () => {
    const base = buildResults({ strategies: { freeze: [10] } })
    const head = buildResults({ strategies: { freeze: [9] } })
    const origin = { kind: 'baseline' as const, file: 'base.json', commit: null }
    const outputs = resultsOutputs(withBase(head, measuredBase(base, origin)), 'freeze', PATHS)
    expect(outputs['uss-increase']).toBe(String(-1 * MIB))
    expect(outputs).not.toHaveProperty('base-sha')
  })
})
