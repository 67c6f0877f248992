import type { Check, Verdict } from '../gate.js'
import { escapeMarkdown } from '../report/format.js'

/** `warn`: a limit was crossed but `fail-on-threshold` is false. */
export type VerdictState = 'pass' | 'fail' | 'warn'

export function verdictState(verdict: Verdict): VerdictState {
  if (verdict.passed) return 'pass'
  return verdict.enforced ? 'fail' : 'warn'
}

export const VERDICT_ICON: Record<VerdictState, string> = { pass: '✅', fail: '❌', warn: '⚠️' }

function crossedCount(verdict: Verdict): string {
  const count = verdict.checks.filter(c => !c.passed).length
  return count === 1 ? 'a memory limit was crossed' : `${count} memory limits were crossed`
}

/** The verdict in one line of Markdown, without the rules. */
export function summaryLine(verdict: Verdict): string {
  switch (verdictState(verdict)) {
    case 'fail':
      return `**Failed:** ${crossedCount(verdict)}.`
    case 'warn':
      return `**Not enforced:** ${crossedCount(verdict)}, but \`fail-on-threshold\` is \`false\`, so the check passes.`
    case 'pass':
      if (verdict.checks.length > 0 && verdict.checks.every(c => c.judged === false)) {
        return '**Nothing to judge:** every limit set compares with the base, which was not measured (see why below).'
      }
      return verdict.checks.length === 0
        ? '**No limit set:** this run reports only. Set `max-uss`, `max-pss`, `min-freeze-saving` or, against the base, `max-uss-increase` to gate on it.'
        : '**Passed:** every memory limit holds.'
  }
}

function checkIcon(check: Check): string {
  if (check.judged === false) return '➖'
  return check.passed ? '✅' : '❌'
}

/** The verdict in Markdown: one line, then each rule with what was measured. */
export function verdictMarkdown(verdict: Verdict): string {
  const line = summaryLine(verdict)
  if (verdict.checks.length === 0) return line
  const rows = verdict.checks.map(
    c => `| ${checkIcon(c)} | ${escapeMarkdown(c.rule)} | ${escapeMarkdown(c.observed)} |`
  )
  return [line, '', '| | Limit | Measured |', '| :-: | :--- | :--- |', ...rows].join('\n')
}

function sentence(check: Check): string {
  return check.judged === false
    ? `${check.rule}: ${check.observed}`
    : `${check.rule}, and ${check.observed}`
}

/** For the log: every check, one line each. */
export function verdictLogLines(verdict: Verdict): string[] {
  if (verdict.checks.length === 0) return ['No limit set: nothing to judge.']
  return verdict.checks.map(c => `${checkIcon(c)} ${sentence(c)}`)
}

function crossed(verdict: Verdict): string {
  return verdict.checks
    .filter(c => !c.passed)
    .map(sentence)
    .join('; ')
}

/** The check's failure message: the crossed rules, what was measured, and the ways out. */
export function failureMessage(verdict: Verdict): string {
  return (
    `Memory limit crossed: ${crossed(verdict)}. Reduce the memory or change the limit; ` +
    'set `fail-on-threshold: false` to report without failing.'
  )
}

/** The warning for a crossed limit that `fail-on-threshold: false` keeps from failing the check. */
export function notEnforcedMessage(verdict: Verdict): string {
  return `Memory limit crossed, not enforced (fail-on-threshold is false): ${crossed(verdict)}.`
}
