import { judge } from '../src/gate.js'
import { actionOutputs } from '../src/publish/outputs.js'
import { loadResults } from './fixtures/results/load.js'

const gate = {
  strategy: 'freeze' as const,
  maxUss: 1024,
  maxPss: null,
  minFreezeSaving: null,
  failOnThreshold: false
}

describe('actionOutputs', () => {
  it('gives paths, body, verdict, USS per strategy and the freeze saving', () => {
    const results = loadResults('stdlib-none-freeze')
    const outputs = actionOutputs({
      results,
      verdict: judge(results, gate),
      resultsPath: '/tmp/r/results.json',
      reportPath: '/tmp/r/report.md',
      commentBody: '<!-- m -->\nbody'
    })
    expect(outputs).toEqual({
      results: '/tmp/r/results.json',
      report: '/tmp/r/report.md',
      'comment-body': '<!-- m -->\nbody',
      verdict: 'fail',
      'uss-none': String(results.strategies[0].summary.uss.median),
      'uss-freeze': String(results.strategies[1].summary.uss.median),
      'freeze-saving': '62.7'
    })
  })

  it('has no freeze-saving without both none and freeze, and passes without limits', () => {
    const results = loadResults('single-strategy')
    const outputs = actionOutputs({
      results,
      verdict: judge(results, { ...gate, maxUss: null }),
      resultsPath: 'r',
      reportPath: 'm',
      commentBody: 'b'
    })
    expect(outputs.verdict).toBe('pass')
    expect(outputs).not.toHaveProperty('freeze-saving')
    expect(Object.keys(outputs).filter(k => k.startsWith('uss-'))).toEqual(['uss-freeze'])
  })
})
