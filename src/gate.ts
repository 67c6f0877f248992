import { hookMisses } from './engine/command/hook-warnings.js'
import type { Results, Strategy } from './engine/types.js'
import { findStrategy } from './report/figures.js'
import { formatLimit, formatMiB, formatPercent } from './report/format.js'

/** The limits a run is judged against; null means "no limit". */
export interface GateSettings {
  /** The strategy whose figures `maxUss` and `maxPss` judge. */
  strategy: Strategy
  /** Bytes, against the median per-child USS. */
  maxUss: number | null
  /** Bytes, against the median per-child PSS. */
  maxPss: number | null
  /** Percent of `none`'s per-child USS that `freeze` must save. */
  minFreezeSaving: number | null
  /** False reports a crossed limit without failing the check. */
  failOnThreshold: boolean
}

/** One limit: what it demands and what was measured, in words a reviewer reads as is. */
export interface Check {
  rule: string
  observed: string
  passed: boolean
  /**
   * False for a limit set with nothing to judge (an increase without a base): it passes, and
   * `observed` says why it was not judged. Absent means judged.
   */
  judged?: boolean
}

export interface Verdict {
  /** True when every check passed (or there were none). */
  passed: boolean
  /** Whether a failed verdict should fail the check. */
  enforced: boolean
  checks: Check[]
}

/** Per-child USS that `freeze` saves over `none`, in percent of `none`; null unless both ran. */
export function freezeSaving(results: Results): number | null {
  const none = findStrategy(results, 'none')
  const freeze = findStrategy(results, 'freeze')
  if (!none || !freeze || none.summary.uss.median <= 0) return null
  return (1 - freeze.summary.uss.median / none.summary.uss.median) * 100
}

function limitCheck(
  results: Results,
  strategy: Strategy,
  figure: 'uss' | 'pss',
  limit: number
): Check {
  const label = `${strategy}'s per-child ${figure.toUpperCase()}`
  const rule = `fails if ${label} > ${formatLimit(limit)}`
  const measured = findStrategy(results, strategy)
  if (!measured) return { rule, observed: `${strategy} was not measured`, passed: false }
  const median = measured.summary[figure].median
  const passed = median <= limit
  // A figure just over the limit would round to it: show enough digits to see why it failed.
  const shown =
    !passed && formatMiB(median) === formatMiB(limit) ? formatMiB(median, 3) : formatMiB(median)
  return { rule, observed: `${label} is ${shown}`, passed }
}

function savingCheck(results: Results, least: number): Check {
  const rule = `fails if freeze saves less than ${least}% of none's per-child USS`
  const saving = freezeSaving(results)
  if (saving === null) {
    return { rule, observed: 'none and freeze were not both measured', passed: false }
  }
  // A freeze that never ran (a server that forks from C) leaves nothing but noise to judge.
  const { missed, total } = hookMisses(findStrategy(results, 'freeze')?.runs ?? [], 'freeze')
  if (missed > 0) {
    return {
      rule,
      observed:
        `freeze was not applied: the strategy hook did not reach ${missed} of ${total} ` +
        'workers (see the warning)',
      passed: false
    }
  }
  const none = findStrategy(results, 'none')?.summary.uss.median ?? 0
  const freeze = findStrategy(results, 'freeze')?.summary.uss.median ?? 0
  const passed = saving >= least
  // 79.96% must not read as "80.0%" next to a failed "less than 80%".
  const shown =
    !passed && Number(formatPercent(saving / 100).replace(/[^\d.]/g, '')) >= least
      ? `${saving.toFixed(3)}%`
      : formatPercent(saving / 100)
  return {
    rule,
    observed: `freeze saves ${shown} (${formatMiB(none)} → ${formatMiB(freeze)})`,
    passed
  }
}

/** Judges results against the configured limits. A limit that is not set yields no check. */
export function judge(results: Results, gate: GateSettings): Verdict {
  const checks: Check[] = []
  if (gate.maxUss !== null) checks.push(limitCheck(results, gate.strategy, 'uss', gate.maxUss))
  if (gate.maxPss !== null) checks.push(limitCheck(results, gate.strategy, 'pss', gate.maxPss))
  if (gate.minFreezeSaving !== null) checks.push(savingCheck(results, gate.minFreezeSaving))
  return { passed: checks.every(c => c.passed), enforced: gate.failOnThreshold, checks }
}
