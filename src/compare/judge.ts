/** The verdict on results that may have been compared with a base. */
import { judge, type GateSettings, type Verdict } from '../gate.js'
import { judgeRegression, unjudgedRegression, type RegressionLimits } from './limits.js'
import { baseOf, comparisonOf, headResults } from './results.js'
import type { StoredResults } from './schema.js'

/** Why the growth limits of results without a measured base were not judged. */
function unjudgedReason(results: StoredResults, noBase: string): string {
  const base = baseOf(results)
  return base?.status === 'missing-target' ? `the base has no ${base.missing}` : noBase
}

/**
 * The limits on the head's own figures and, when a base was measured, on how much the head grew.
 * Without a measured base the growth limits pass as not judged, saying why: `noBase` when there
 * was no base at all.
 */
export function judgeResults(
  results: StoredResults,
  gate: GateSettings,
  regression: RegressionLimits,
  noBase = 'there is no base to compare with'
): Verdict {
  const verdict = judge(headResults(results), gate)
  const comparison = comparisonOf(results)
  const growth =
    comparison === null
      ? unjudgedRegression(regression, gate.strategy, unjudgedReason(results, noBase))
      : judgeRegression(comparison, regression, gate.strategy)
  const checks = [...verdict.checks, ...growth]
  return { ...verdict, passed: checks.every(c => c.passed), checks }
}
