import { judgeResults } from '../src/compare/judge.js'
import { toLegs } from '../src/compare/legs.js'
import type { RegressionLimits } from '../src/compare/limits.js'
import { measuredBase, withBase } from '../src/compare/results.js'
import type { BaseOrigin, Results } from '../src/engine/types.js'
import type { GateSettings } from '../src/gate.js'
import { COMMENT_LIMIT, composeComment, type CommentContext } from '../src/publish/comment-body.js'
import { judgeLegs, legsReport, overallVerdict } from '../src/publish/legs-body.js'
import { resultsReport } from '../src/publish/report-body.js'
import { asSchema1, buildResults } from './fixtures/compare/build.js'
import { withTarget, withWorkers } from './helpers/big-results.js'
import { expectGolden } from './helpers/golden.js'

const CONTEXT: CommentContext = {
  key: 'CI/memory',
  runUrl: 'https://github.com/acme/shop/actions/runs/42'
}

const MERGE_BASE: BaseOrigin = {
  kind: 'merge-base',
  commit: '1a2b3c4d5e6f708192a3b4c5d6e7f80912345678',
  pullRequest: { base: 'b'.repeat(40), head: 'f'.repeat(40) }
}

const GATE: GateSettings = {
  strategy: 'freeze',
  maxUss: null,
  maxPss: null,
  minFreezeSaving: null,
  failOnThreshold: true
}

const NO_GROWTH_LIMIT: RegressionLimits = { uss: null, pss: null }
const TEN_PERCENT: RegressionLimits = { uss: { percent: 10, bytes: null }, pss: null }

const base = buildResults({ strategies: { none: [200, 201, 199], freeze: [100, 100.25, 99.75] } })
/** 12.2% heavier under freeze than the base. */
const heavier = withBase(
  buildResults({ strategies: { none: [230, 231, 229], freeze: [112, 112.4, 112.2] } }),
  measuredBase(base, MERGE_BASE),
  'postgres'
)
const missing = withBase(buildResults({ strategies: { none: [230], freeze: [112] } }), {
  status: 'missing-target',
  origin: MERGE_BASE,
  missing: 'app/preload.py'
})

describe('judgeResults', () => {
  it('adds a check per growth limit when a base was measured', () => {
    const verdict = judgeResults(heavier, { ...GATE, maxUss: 200 * 2 ** 20 }, TEN_PERCENT)
    expect(verdict.passed).toBe(false)
    expect(verdict.checks.map(c => [c.rule, c.passed])).toEqual([
      ["fails if freeze's per-child USS > 200 MiB", true],
      ["fails if freeze's per-child USS grows by > 10%", false]
    ])
  })

  it.each<[string, Results, string]>([
    [
      'without a base',
      buildResults({ strategies: { freeze: [112] } }),
      'not judged: this push event has no pull request'
    ],
    ['with a base that lacks the target', missing, 'not judged: the base has no app/preload.py']
  ])('passes growth limits as not judged %s, saying why', (_, results, observed) => {
    const verdict = judgeResults(results, GATE, TEN_PERCENT, 'this push event has no pull request')
    expect(verdict).toEqual({
      passed: true,
      enforced: true,
      checks: [
        {
          rule: "fails if freeze's per-child USS grows by > 10%",
          observed,
          passed: true,
          judged: false
        }
      ]
    })
  })

  it('adds nothing without growth limits', () => {
    expect(judgeResults(missing, GATE, NO_GROWTH_LIMIT).checks).toEqual([])
  })

  it('judges the strategy the gate names', () => {
    const verdict = judgeResults(heavier, { ...GATE, strategy: 'none' }, TEN_PERCENT)
    expect(verdict.checks[0].observed).toBe(
      "none's per-child USS grew by 30.0 MiB (+15.0%): 200.0 MiB → 230.0 MiB"
    )
  })
})

describe('the report of a head compared with its base', () => {
  it.each<[string, Results, RegressionLimits]>([
    ['comment-compared.md', heavier, TEN_PERCENT],
    ['comment-missing-base.md', missing, TEN_PERCENT]
  ])('%s', (file, results, regression) => {
    const verdict = judgeResults(results, GATE, regression)
    const comment = composeComment(resultsReport(results, verdict, 'freeze'), CONTEXT)
    expect(comment).toMatchObject({ detail: 'full', cut: false })
    expectGolden(file, comment.text)
  })

  it('puts the comparison between the verdict and the head’s own figures', () => {
    const verdict = judgeResults(heavier, GATE, TEN_PERCENT)
    const text = resultsReport(heavier, verdict, 'freeze').render('full')
    const at = [
      '### ❌ Prefork memory: app/preload.py:preload · postgres',
      '**Failed:**',
      '#### Compared with the base: merge base `1a2b3c4`',
      'This PR makes each freeze worker 12.2 MiB heavier',
      "#### The head's figures",
      'gc.freeze() cuts per-child USS'
    ].map(part => text.indexOf(part))
    expect(at.every((position, i) => position > (at[i - 1] ?? -1))).toBe(true)
  })

  it('speaks of the gate strategy in its verdict line', () => {
    const verdict = judgeResults(heavier, { ...GATE, strategy: 'none' }, NO_GROWTH_LIMIT)
    const text = resultsReport(heavier, verdict, 'none').render('full')
    expect(text).toContain('This PR makes each worker without GC handling 30.0 MiB heavier')
  })

  it('keeps the comparison’s verdict line and drops its tables when shortened to fit', () => {
    const wide = withBase(
      withTarget(withWorkers(heavier, 400), { worker: 'w'.repeat(70_000) }),
      measuredBase(withWorkers(base, 400), MERGE_BASE)
    )
    const verdict = judgeResults(wide, GATE, TEN_PERCENT)
    const { text, detail } = composeComment(resultsReport(wide, verdict, 'freeze'), CONTEXT)
    expect(detail).toBe('minimal')
    expect(text.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(text).toContain('This PR makes each freeze worker 12.2 MiB heavier')
    expect(text).not.toContain('| `freeze` | Base | Head |')
  })
})

describe('the combined report of mode: report', () => {
  const legs = toLegs(
    [
      {
        file: '/ws/legs/a/results.json',
        results: asSchema1(
          buildResults({ strategies: { none: [180], freeze: [4] }, python: '3.9.19' })
        )
      },
      { file: '/ws/legs/b/results.json', results: heavier },
      { file: '/ws/legs/c/results.json', results: missing }
    ],
    '/ws'
  )

  it('judges each leg on its own and fails when one does', () => {
    const judged = judgeLegs(legs, { ...GATE, strategy: null }, TEN_PERCENT)
    expect(judged.map(j => j.verdict.passed)).toEqual([true, true, false])
    const overall = overallVerdict(judged, true)
    expect(overall.passed).toBe(false)
    expect(overall.checks.map(c => [c.rule, c.judged !== false, c.passed])).toEqual([
      ["Python 3.9.19: fails if freeze's per-child USS grows by > 10%", false, true],
      ["Python 3.11.9: fails if freeze's per-child USS grows by > 10%", false, true],
      ["Python 3.11.9 · postgres: fails if freeze's per-child USS grows by > 10%", true, false]
    ])
    expect(overall.checks[0].observed).toBe('not judged: the leg was measured without a base')
  })

  it('judges a leg without the gate strategy by its own default', () => {
    const onlyNone = toLegs(
      [{ file: '/ws/x.json', results: buildResults({ strategies: { none: [50] } }) }],
      '/ws'
    )
    const [judged] = judgeLegs(
      onlyNone,
      { ...GATE, strategy: null, maxUss: 40 * 2 ** 20 },
      NO_GROWTH_LIMIT
    )
    expect(judged.verdict.checks[0].rule).toBe("fails if none's per-child USS > 40 MiB")
  })

  it('comment-legs.md', () => {
    const judged = judgeLegs(legs, { ...GATE, strategy: null }, TEN_PERCENT)
    const overall = overallVerdict(judged, true)
    const comment = composeComment(legsReport(judged, overall, null), CONTEXT)
    expect(comment).toMatchObject({ detail: 'full', cut: false })
    expectGolden('comment-legs.md', comment.text)
  })
})
