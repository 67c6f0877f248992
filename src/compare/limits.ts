/** Limits on how much heavier the head may be than the base: `10%`, `8MiB` or `10%, 8MiB`. */
import type { Comparison, FigureDelta, Strategy } from '../engine/types.js'
import type { Check } from '../gate.js'
import { formatLimit, formatMiB, formatSignedPercent } from '../report/format.js'
import { parseSize } from '../sizes.js'

/** A growth limit; when both parts are set, both must be exceeded to fail. */
export interface RegressionLimit {
  /** Percent of the base, as written: 10 for `10%`. */
  percent: number | null
  /** Bytes. */
  bytes: number | null
}

/** The figures a regression limit can judge, by the input that sets it. */
export interface RegressionLimits {
  /** `max-uss-increase`. */
  uss: RegressionLimit | null
  /** `max-pss-increase`. */
  pss: RegressionLimit | null
}

export const REGRESSION_FORMS =
  'a percentage such as 10%, a size such as 8MiB (B, KB, MB, GB, KiB, MiB, GiB), or both ' +
  'separated by a comma (10%, 8MiB: both must be exceeded)'

const PERCENT = /^(\d+(?:\.\d+)?|\.\d+)\s*%$/

/**
 * `10%`, `8MiB`, or both in either order (`10%, 8MiB`); null for anything else, so the caller
 * can name the input. A percentage needs its `%`: a bare number is a size in bytes.
 */
export function parseRegressionLimit(text: string): RegressionLimit | null {
  const parts = text.split(/[,\n]/).map(part => part.trim())
  if (parts.length > 2 || parts.some(part => part === '')) return null
  const limit: RegressionLimit = { percent: null, bytes: null }
  for (const part of parts) {
    const percent = PERCENT.exec(part)
    if (percent !== null) {
      if (limit.percent !== null) return null
      limit.percent = Number(percent[1])
      continue
    }
    // A bare number is refused: "10" meant as 10% would silently become 10 bytes.
    const bytes = /[a-z]$/i.test(part) ? parseSize(part) : null
    if (bytes === null || limit.bytes !== null) return null
    limit.bytes = bytes
  }
  return limit
}

/** "> 10% and > 8 MiB". */
export function describeLimit(limit: RegressionLimit): string {
  const parts = [
    limit.percent === null ? null : `> ${limit.percent}%`,
    limit.bytes === null ? null : `> ${formatLimit(limit.bytes)}`
  ]
  return parts.filter(part => part !== null).join(' and ')
}

/** Whether the growth exceeds every part of the limit. */
export function exceeds(figure: FigureDelta, limit: RegressionLimit): boolean {
  // delta × 100 > percent × base, not delta / base > percent / 100: no rounding at the boundary,
  // and growth from a zero base counts as over any percentage.
  const overPercent = limit.percent === null || figure.delta * 100 > limit.percent * figure.base
  const overBytes = limit.bytes === null || figure.delta > limit.bytes
  return overPercent && overBytes
}

/** "grew by 12.3 MiB (+11.8%): 104.1 MiB → 116.4 MiB". */
export function describeGrowth(figure: FigureDelta): string {
  const { base, head, delta, change } = figure
  const span = `${formatMiB(base)} → ${formatMiB(head)}`
  if (formatMiB(Math.abs(delta)) === formatMiB(0)) return `did not change: ${span}`
  const percent = change === null ? '' : ` (${formatSignedPercent(change)})`
  return `${delta > 0 ? 'grew' : 'shrank'} by ${formatMiB(Math.abs(delta))}${percent}: ${span}`
}

/**
 * A check per set limit that says it was not judged, and why: there is nothing to compare with.
 * The check passes; the report shows the limit and the reason rather than no limit at all.
 */
export function unjudgedRegression(
  limits: RegressionLimits,
  gateStrategy: Strategy,
  why: string
): Check[] {
  return (['uss', 'pss'] as const).flatMap(figure => {
    const limit = limits[figure]
    if (limit === null) return []
    const rule = `fails if ${gateStrategy}'s per-child ${figure.toUpperCase()} grows by ${describeLimit(limit)}`
    return [{ rule, observed: `not judged: ${why}`, passed: true, judged: false }]
  })
}

/**
 * A check per set limit, in the gate's shape: the gate strategy's median per-child figure, head
 * against base. A strategy missing from either side fails its check: there is nothing to judge.
 */
export function judgeRegression(
  comparison: Comparison,
  limits: RegressionLimits,
  gateStrategy: Strategy
): Check[] {
  const compared = comparison.strategies.find(s => s.name === gateStrategy)
  const checks: Check[] = []
  for (const figure of ['uss', 'pss'] as const) {
    const limit = limits[figure]
    if (limit === null) continue
    const label = `${gateStrategy}'s per-child ${figure.toUpperCase()}`
    const rule = `fails if ${label} grows by ${describeLimit(limit)}`
    if (compared === undefined) {
      checks.push({
        rule,
        observed: `${gateStrategy} was not measured on both the base and the head`,
        passed: false
      })
      continue
    }
    const measured = compared.figures[figure]
    checks.push({
      rule,
      observed: `${label} ${describeGrowth(measured)}`,
      passed: !exceeds(measured, limit)
    })
  }
  return checks
}
