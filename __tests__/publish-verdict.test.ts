import type { Verdict } from '../src/gate.js'
import {
  failureMessage,
  notEnforcedMessage,
  verdictLogLines,
  verdictMarkdown,
  verdictState
} from '../src/publish/verdict.js'

const uss = {
  rule: "fails if freeze's per-child USS > 150 MiB",
  observed: "freeze's per-child USS is 210.4 MiB",
  passed: false
}
const saving = {
  rule: "fails if freeze saves less than 50% of none's per-child USS",
  observed: 'freeze saves 62.7% (5.9 MiB → 2.2 MiB)',
  passed: true
}

describe('verdict', () => {
  it.each([
    [{ passed: true, enforced: true, checks: [saving] }, 'pass'],
    [{ passed: true, enforced: false, checks: [] }, 'pass'],
    [{ passed: false, enforced: true, checks: [uss, saving] }, 'fail'],
    [{ passed: false, enforced: false, checks: [uss] }, 'warn']
  ] as [Verdict, string][])('%j is %s', (verdict, state) => {
    expect(verdictState(verdict)).toBe(state)
  })

  it('puts every rule and its measurement in the Markdown, escaped', () => {
    const markdown = verdictMarkdown({ passed: false, enforced: true, checks: [uss, saving] })
    expect(markdown.split('\n')).toEqual([
      '**Failed:** a memory limit was crossed.',
      '',
      '| | Limit | Measured |',
      '| :-: | :--- | :--- |',
      "| ❌ | fails if freeze's per-child USS &gt; 150 MiB | freeze's per-child USS is 210.4 MiB |",
      "| ✅ | fails if freeze saves less than 50% of none's per-child USS | freeze saves 62.7% (5.9 MiB → 2.2 MiB) |"
    ])
  })

  it('shows a limit with nothing to judge as such, and passes', () => {
    const growth = {
      rule: "fails if freeze's per-child USS grows by > 10%",
      observed: 'not judged: the base has no app/preload.py',
      passed: true,
      judged: false
    }
    const alone: Verdict = { passed: true, enforced: true, checks: [growth] }
    expect(verdictState(alone)).toBe('pass')
    expect(verdictMarkdown(alone).split('\n')).toEqual([
      '**Nothing to judge:** every limit set compares with the base, which was not measured ' +
        '(see why below).',
      '',
      '| | Limit | Measured |',
      '| :-: | :--- | :--- |',
      "| ➖ | fails if freeze's per-child USS grows by &gt; 10% | not judged: the base has no app/preload.py |"
    ])
    expect(verdictLogLines(alone)).toEqual([
      "➖ fails if freeze's per-child USS grows by > 10%: not judged: the base has no app/preload.py"
    ])
    const withOthers: Verdict = { passed: true, enforced: true, checks: [saving, growth] }
    expect(verdictMarkdown(withOthers)).toMatch(/^\*\*Passed:\*\* every memory limit holds\./)
  })

  it('says how to set a limit when there is none', () => {
    expect(verdictMarkdown({ passed: true, enforced: true, checks: [] })).toContain(
      'Set `max-uss`, `max-pss`, `min-freeze-saving` or, against the base, `max-uss-increase`'
    )
  })

  it('names the crossed rule, the measurement and the ways out in the failure message', () => {
    const message = failureMessage({ passed: false, enforced: true, checks: [uss, saving] })
    expect(message).toBe(
      "Memory limit crossed: fails if freeze's per-child USS > 150 MiB, and freeze's per-child USS " +
        'is 210.4 MiB. Reduce the memory or change the limit; set `fail-on-threshold: false` to ' +
        'report without failing.'
    )
  })

  it('says a crossing is not enforced', () => {
    expect(notEnforcedMessage({ passed: false, enforced: false, checks: [uss] })).toContain(
      'not enforced (fail-on-threshold is false)'
    )
  })

  it('logs one line per check', () => {
    expect(verdictLogLines({ passed: false, enforced: true, checks: [uss, saving] })).toEqual([
      "❌ fails if freeze's per-child USS > 150 MiB, and freeze's per-child USS is 210.4 MiB",
      "✅ fails if freeze saves less than 50% of none's per-child USS, and freeze saves 62.7% (5.9 MiB → 2.2 MiB)"
    ])
  })
})
