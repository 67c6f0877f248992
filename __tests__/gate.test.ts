import type { Results, Strategy } from '../src/engine/types.js'
import { freezeSaving, judge, type GateSettings } from '../src/gate.js'
import { loadResults } from './fixtures/results/load.js'

const MiB = 2 ** 20

/** The all-strategies fixture, cut down to `medians` (per-child USS and PSS, in MiB). */
function resultsWith(medians: Partial<Record<Strategy, { uss: number; pss: number }>>): Results {
  const base = loadResults('all-strategies')
  const strategies = base.strategies
    .filter(s => medians[s.name] !== undefined)
    .map(s => {
      const { uss, pss } = medians[s.name]!
      const summary = {
        ...s.summary,
        uss: { ...s.summary.uss, median: uss * MiB },
        pss: { ...s.summary.pss, median: pss * MiB }
      }
      return { ...s, summary }
    })
  return { ...base, strategies }
}

const NO_LIMITS: GateSettings = {
  strategy: 'freeze',
  maxUss: null,
  maxPss: null,
  minFreezeSaving: null,
  failOnThreshold: true
}

// none: 100 MiB USS; freeze: 2 MiB USS, 40 MiB PSS → freeze saves 98%.
const MEASURED = resultsWith({ none: { uss: 100, pss: 140 }, freeze: { uss: 2, pss: 40 } })

describe('freezeSaving', () => {
  it('is the share of none’s per-child USS that freeze saves, in percent', () => {
    expect(freezeSaving(MEASURED)).toBeCloseTo(98, 10)
  })

  it('is negative when freeze costs memory', () => {
    const worse = resultsWith({ none: { uss: 4, pss: 8 }, freeze: { uss: 5, pss: 9 } })
    expect(freezeSaving(worse)).toBeCloseTo(-25, 10)
  })

  it.each([
    ['freeze was not measured', resultsWith({ none: { uss: 100, pss: 140 } })],
    ['none was not measured', resultsWith({ freeze: { uss: 2, pss: 40 } })],
    [
      'none used no private memory',
      resultsWith({ none: { uss: 0, pss: 1 }, freeze: { uss: 0, pss: 1 } })
    ]
  ])('is null when %s', (_, results) => {
    expect(freezeSaving(results)).toBeNull()
  })
})

describe('judge', () => {
  it('passes with no checks when no limit is set', () => {
    expect(judge(MEASURED, NO_LIMITS)).toEqual({ passed: true, enforced: true, checks: [] })
  })

  it.each<[string, Partial<GateSettings>, boolean, string, string]>([
    [
      'USS under the limit',
      { maxUss: 150 * MiB },
      true,
      "fails if freeze's per-child USS > 150 MiB",
      "freeze's per-child USS is 2.0 MiB"
    ],
    [
      'USS exactly at the limit',
      { maxUss: 2 * MiB },
      true,
      "fails if freeze's per-child USS > 2 MiB",
      "freeze's per-child USS is 2.0 MiB"
    ],
    [
      'USS over the limit',
      { maxUss: 1.5 * MiB },
      false,
      "fails if freeze's per-child USS > 1.5 MiB",
      "freeze's per-child USS is 2.0 MiB"
    ],
    [
      'USS of another gate strategy',
      { strategy: 'none', maxUss: 64 * MiB },
      false,
      "fails if none's per-child USS > 64 MiB",
      "none's per-child USS is 100.0 MiB"
    ],
    [
      'PSS under the limit',
      { maxPss: 1.5e9 },
      true,
      "fails if freeze's per-child PSS > 1,430.5 MiB",
      "freeze's per-child PSS is 40.0 MiB"
    ],
    [
      'PSS over the limit',
      { maxPss: 39 * MiB },
      false,
      "fails if freeze's per-child PSS > 39 MiB",
      "freeze's per-child PSS is 40.0 MiB"
    ],
    [
      'a saving above the least',
      { minFreezeSaving: 90 },
      true,
      "fails if freeze saves less than 90% of none's per-child USS",
      'freeze saves 98.0% (100.0 MiB → 2.0 MiB)'
    ],
    [
      'a saving below the least',
      { minFreezeSaving: 99.5 },
      false,
      "fails if freeze saves less than 99.5% of none's per-child USS",
      'freeze saves 98.0% (100.0 MiB → 2.0 MiB)'
    ]
  ])('judges %s', (_, limits, passed, rule, observed) => {
    const verdict = judge(MEASURED, { ...NO_LIMITS, ...limits })
    expect(verdict).toEqual({ passed, enforced: true, checks: [{ rule, observed, passed }] })
  })

  it('shows a failing figure that rounds to its limit with the digits that make it fail', () => {
    const justOver = resultsWith({ none: { uss: 100, pss: 140 }, freeze: { uss: 150.04, pss: 40 } })
    const [uss] = judge(justOver, { ...NO_LIMITS, maxUss: 150 * MiB }).checks
    expect(uss).toEqual({
      rule: "fails if freeze's per-child USS > 150 MiB",
      observed: "freeze's per-child USS is 150.040 MiB",
      passed: false
    })
    // freeze saves 79.96%: one decimal would print the 80.0% it fails against.
    const almost = resultsWith({ none: { uss: 100, pss: 140 }, freeze: { uss: 20.04, pss: 40 } })
    const [saving] = judge(almost, { ...NO_LIMITS, minFreezeSaving: 80 }).checks
    expect(saving.passed).toBe(false)
    expect(saving.observed).toMatch(/^freeze saves 79\.960% /)
  })

  it('fails when any one of several checks fails, and keeps them in a fixed order', () => {
    const verdict = judge(MEASURED, {
      ...NO_LIMITS,
      minFreezeSaving: 50,
      maxPss: 30 * MiB,
      maxUss: 10 * MiB
    })
    expect(verdict.passed).toBe(false)
    expect(verdict.checks.map(c => [c.rule, c.passed])).toEqual([
      ["fails if freeze's per-child USS > 10 MiB", true],
      ["fails if freeze's per-child PSS > 30 MiB", false],
      ["fails if freeze saves less than 50% of none's per-child USS", true]
    ])
  })

  it('reports a failure it does not enforce', () => {
    const verdict = judge(MEASURED, { ...NO_LIMITS, maxUss: MiB, failOnThreshold: false })
    expect(verdict).toMatchObject({ passed: false, enforced: false })
  })

  it('fails a limit on a strategy that was not measured', () => {
    const verdict = judge(MEASURED, { ...NO_LIMITS, strategy: 'collect-freeze', maxUss: 100 * MiB })
    expect(verdict.checks).toEqual([
      {
        rule: "fails if collect-freeze's per-child USS > 100 MiB",
        observed: 'collect-freeze was not measured',
        passed: false
      }
    ])
  })

  it('fails a least saving when none and freeze were not both measured', () => {
    const results = resultsWith({ freeze: { uss: 2, pss: 40 } })
    const verdict = judge(results, { ...NO_LIMITS, minFreezeSaving: 10 })
    expect(verdict.checks[0]).toMatchObject({
      observed: 'none and freeze were not both measured',
      passed: false
    })
  })

  it('judges a real run’s numbers: stdlib preload, freeze vs none', () => {
    // none 6,184,960 B, freeze 2,306,048 B → saving 1 − 2306048 / 6184960 = 62.7%.
    const results = loadResults('stdlib-none-freeze')
    const verdict = judge(results, { ...NO_LIMITS, maxUss: 2 * MiB, minFreezeSaving: 60 })
    expect(verdict.checks).toEqual([
      {
        rule: "fails if freeze's per-child USS > 2 MiB",
        observed: "freeze's per-child USS is 2.2 MiB",
        passed: false
      },
      {
        rule: "fails if freeze saves less than 60% of none's per-child USS",
        observed: 'freeze saves 62.7% (5.9 MiB → 2.2 MiB)',
        passed: true
      }
    ])
  })
})

describe('min-freeze-saving in command mode', () => {
  const saving = (results: Results) => judge(results, { ...NO_LIMITS, minFreezeSaving: 0 })

  it('judges the saving when the strategy hook fired in every freeze worker', () => {
    const verdict = saving(loadResults('gunicorn-command'))
    expect(verdict.passed).toBe(true)
    expect(verdict.checks[0].observed).toBe('freeze saves 87.5% (39.6 MiB → 5.0 MiB)')
  })

  it('fails, saying why, when the hook did not fire: freeze was never applied', () => {
    const verdict = saving(loadResults('c-fork-command'))
    expect(verdict.passed).toBe(false)
    expect(verdict.checks).toEqual([
      {
        rule: "fails if freeze saves less than 0% of none's per-child USS",
        observed:
          'freeze was not applied: the strategy hook did not reach 2 of 2 workers (see the warning)',
        passed: false
      }
    ])
  })

  it('leaves the size limits to the figures measured', () => {
    const verdict = judge(loadResults('c-fork-command'), { ...NO_LIMITS, maxUss: 150 * MiB })
    expect(verdict.passed).toBe(true)
  })
})
