/** `mode: report`: the legs of a matrix judged one by one, and their combined report. */
import { judgeResults } from '../compare/judge.js'
import type { Leg } from '../compare/legs.js'
import type { RegressionLimits } from '../compare/limits.js'
import type { Strategy } from '../engine/types.js'
import type { GateSettings, Verdict } from '../gate.js'
import { defaultStrategy, renderLegs } from '../report/compare.js'
import type { Report } from './report-body.js'
import { VERDICT_ICON, summaryLine, verdictMarkdown, verdictState } from './verdict.js'

export interface JudgedLeg {
  leg: Leg
  verdict: Verdict
}

/** Each leg judged by the same limits, on the gate strategy or, without one, the leg's default. */
export function judgeLegs(
  legs: readonly Leg[],
  gate: Omit<GateSettings, 'strategy'> & { strategy: Strategy | null },
  regression: RegressionLimits
): JudgedLeg[] {
  return legs.map(leg => {
    const strategy = gate.strategy ?? defaultStrategy(leg.results)
    const verdict = judgeResults(
      leg.results,
      { ...gate, strategy },
      regression,
      'the leg was measured without a base'
    )
    return { leg, verdict }
  })
}

/** Every leg's checks in one verdict, each rule prefixed with its leg: passes when every leg does. */
export function overallVerdict(judged: readonly JudgedLeg[], enforced: boolean): Verdict {
  const checks = judged.flatMap(({ leg, verdict }) =>
    verdict.checks.map(check => ({ ...check, rule: `${leg.title}: ${check.rule}` }))
  )
  return { passed: checks.every(c => c.passed), enforced, checks }
}

/** The combined report: the overall verdict under the title, then each leg with its own. */
export function legsReport(
  judged: readonly JudgedLeg[],
  overall: Verdict,
  strategy: Strategy | null
): Report {
  const verdicts = new Map(judged.map(({ leg, verdict }) => [leg, verdict]))
  return {
    render: detail =>
      renderLegs(
        judged.map(j => j.leg),
        {
          strategy: strategy ?? undefined,
          detail,
          verdictOf: leg => {
            const verdict = verdicts.get(leg)
            return verdict === undefined ? null : verdictMarkdown(verdict)
          },
          overall: { icon: VERDICT_ICON[verdictState(overall)], line: summaryLine(overall) }
        }
      ).trimEnd(),
    // The combined report draws no chart.
    chart: false
  }
}
