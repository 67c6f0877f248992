import type { Check, Verdict } from '../gate.js'

/** The gate's verdict for a terminal: one line per check, then what it means for the exit status. */
export function formatVerdict(verdict: Verdict): string {
  if (verdict.checks.length === 0) {
    return 'Gate: no limits set (see --max-uss, --max-pss, --min-freeze-saving, --max-uss-increase).\n'
  }
  const icon = (check: Check): string => {
    if (check.judged === false) return '–'
    return check.passed ? '✓' : '✗'
  }
  const lines = verdict.checks.map(check => `  ${icon(check)} ${check.rule}: ${check.observed}`)
  let outcome = 'pass'
  if (!verdict.passed)
    outcome = verdict.enforced ? 'fail' : 'fail, not enforced (--fail-on-threshold false)'
  return `Gate: ${outcome}\n${lines.join('\n')}\n`
}
