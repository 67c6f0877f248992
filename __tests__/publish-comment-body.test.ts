import type { CommandTarget } from '../src/engine/types.js'
import { judge, type GateSettings, type Verdict } from '../src/gate.js'
import {
  COMMENT_LIMIT,
  commentMarker,
  composeComment,
  type CommentContext
} from '../src/publish/comment-body.js'
import { resultsReport } from '../src/publish/report-body.js'
import { loadResults } from './fixtures/results/load.js'
import { withTarget, withWorkers } from './helpers/big-results.js'
import { expectGolden } from './helpers/golden.js'

const MiB = 1024 * 1024
const CONTEXT: CommentContext = {
  key: 'CI/memory',
  runUrl: 'https://github.com/acme/shop/actions/runs/42'
}

function gate(overrides: Partial<GateSettings>): GateSettings {
  return {
    strategy: 'freeze',
    maxUss: null,
    maxPss: null,
    minFreezeSaving: null,
    failOnThreshold: true,
    ...overrides
  }
}

const stdlib = loadResults('stdlib-none-freeze')
const allStrategies = loadResults('all-strategies')
const passing = judge(stdlib, gate({ maxUss: 150 * MiB, minFreezeSaving: 50 }))
const gunicorn = loadResults('gunicorn-command')
const cFork = loadResults('c-fork-command')

describe('composeComment golden files', () => {
  it.each([
    ['comment-pass.md', stdlib, passing],
    [
      'comment-fail.md',
      allStrategies,
      judge(allStrategies, gate({ maxUss: 1024, maxPss: 2 * MiB }))
    ],
    [
      'comment-not-enforced.md',
      stdlib,
      judge(stdlib, gate({ maxUss: 1024, failOnThreshold: false }))
    ],
    [
      'comment-no-limits.md',
      loadResults('single-strategy'),
      judge(loadResults('single-strategy'), gate({ strategy: 'none' }))
    ],
    [
      'comment-nasty-names.md',
      loadResults('nasty-names'),
      judge(loadResults('nasty-names'), gate({ maxUss: 1024 }))
    ],
    ['comment-command-pass.md', gunicorn, judge(gunicorn, gate({ minFreezeSaving: 80 }))],
    ['comment-command-hook-missed.md', cFork, judge(cFork, gate({ minFreezeSaving: 50 }))]
  ] as const)('%s', (file, results, verdict: Verdict) => {
    const comment = composeComment(resultsReport(results, verdict), CONTEXT)
    expect(comment).toMatchObject({ detail: 'full', cut: false })
    expectGolden(file, comment.text)
  })
})

describe('composeComment', () => {
  it('starts with the marker, then the verdict, then the headline and table', () => {
    const { text } = composeComment(resultsReport(stdlib, passing), CONTEXT)
    const lines = text.split('\n')
    expect(lines[0]).toBe('<!-- prefork-memory-check:CI/memory -->')
    const verdictAt = text.indexOf('**Passed:**')
    const headlineAt = text.indexOf('gc.freeze() cuts per-child USS')
    const tableAt = text.indexOf('| Strategy | USS median')
    const foldAt = text.indexOf('<details>')
    expect(
      0 < verdictAt && verdictAt < headlineAt && headlineAt < tableAt && tableAt < foldAt
    ).toBe(true)
  })

  it('names the deciding rule and what was measured in a failure', () => {
    const failing = judge(stdlib, gate({ maxUss: 1024 }))
    const { text } = composeComment(resultsReport(stdlib, failing), CONTEXT)
    expect(text).toContain('### ❌ Prefork memory:')
    expect(text).toContain(
      "| ❌ | fails if freeze's per-child USS &gt; 1 KiB | freeze's per-child USS is 2.2 MiB |"
    )
  })

  it('leaves out per-process tables first when the full report is too long', () => {
    const wide = withWorkers(allStrategies, 400)
    const { text, detail, cut } = composeComment(resultsReport(wide, passing), CONTEXT)
    expect({ detail, cut }).toEqual({ detail: 'compact', cut: false })
    expect(text.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(text).not.toContain('Per process:')
    expect(text).toContain('Environment and spread')
    expect(text).toContain('This report leaves out the per-process tables')
    expect(text).toContain('The full report is in the job summary')
  })

  it('then the projection and environment', () => {
    const huge = withTarget(withWorkers(allStrategies, 400), { worker: 'w'.repeat(70_000) })
    const { text, detail } = composeComment(resultsReport(huge, passing), CONTEXT)
    expect(detail).toBe('minimal')
    expect(text.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(text).not.toContain('Environment and spread')
    expect(text).toContain('leaves out the per-process tables, the projection and the environment')
    expect(text).toContain('| Strategy | USS median')
  })

  it('cuts even the minimal report, keeping the marker and the verdict', () => {
    const failing = judge(allStrategies, gate({ maxUss: 1024 }))
    const huge = withTarget(allStrategies, { entrypoint: 'e'.repeat(100_000) })
    const { text, cut } = composeComment(resultsReport(huge, failing), CONTEXT)
    expect(cut).toBe(true)
    expect(text.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(text.length).toBeGreaterThan(COMMENT_LIMIT - 1000)
    expect(text.startsWith(commentMarker(CONTEXT.key))).toBe(true)
    expect(text).toContain('### ❌ Prefork memory: eeee')
    expect(text).toMatch(
      /Cut here: even the shortest report is over GitHub's limit for a comment \(65,536 characters\)\./
    )
  })
})

describe('composeComment in command mode', () => {
  const verdict = judge(gunicorn, gate({ minFreezeSaving: 80 }))
  const positions = (text: string, ...parts: string[]): number[] =>
    parts.map(part => text.indexOf(part))

  it('shows the chart under the table and the master apart from the workers', () => {
    const { text } = composeComment(resultsReport(gunicorn, verdict), CONTEXT)
    const at = positions(
      text,
      '**Passed:**',
      '| Strategy | USS median',
      '```mermaid',
      'Projected total memory'
    )
    expect(at.every((position, i) => position > (at[i - 1] ?? 0))).toBe(true)
    expect(text).toMatch(/\| master \(gunicorn, pid \d+\) \|/)
    expect(text).toContain('| worker 3 |')
  })

  it('puts the warnings right under the verdict', () => {
    const failing = judge(cFork, gate({ minFreezeSaving: 50 }))
    const { text } = composeComment(resultsReport(cFork, failing), CONTEXT)
    const at = positions(text, '**Failed:**', '> [!WARNING]', 'gc.freeze() makes no real')
    expect(at.every((position, i) => position > (at[i - 1] ?? 0))).toBe(true)
    expect(text).toContain('freeze was not applied: the strategy hook did not reach 2 of 2')
  })

  it('keeps the chart while it drops the per-process tables', () => {
    const wide = withWorkers(gunicorn, 400)
    const { text, detail } = composeComment(resultsReport(wide, verdict), CONTEXT)
    expect(detail).toBe('compact')
    expect(text).toContain('```mermaid')
  })

  it('drops the chart before the table, and says so', () => {
    const huge = withWorkers(
      {
        ...gunicorn,
        target: { ...(gunicorn.target as CommandTarget), command: 'c'.repeat(70_000) }
      },
      400
    )
    const { text, detail } = composeComment(resultsReport(huge, verdict), CONTEXT)
    expect(detail).toBe('minimal')
    expect(text.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(text).not.toContain('```mermaid')
    expect(text).toContain('| Strategy | USS median')
    expect(text).toContain(
      'leaves out the chart, the per-process tables, the projection and the environment'
    )
  })
})

describe('commentMarker', () => {
  it.each([
    ['CI/test', '<!-- prefork-memory-check:CI/test -->'],
    ['build-and-test (3.12)', '<!-- prefork-memory-check:build-and-test (3.12) -->'],
    ['a-->b', '<!-- prefork-memory-check:a%2D-%3Eb -->'],
    ['x--!>', '<!-- prefork-memory-check:x%2D-%21%3E -->'],
    ['100%', '<!-- prefork-memory-check:100%25 -->'],
    ['<b>', '<!-- prefork-memory-check:%3Cb%3E -->'],
    ['two\nlines', '<!-- prefork-memory-check:two%0Alines -->']
  ])('%j', (key, marker) => {
    expect(commentMarker(key)).toBe(marker)
  })

  it('never lets a key end the comment early', () => {
    for (const key of ['-->', '--!>', '---', 'a->', '-', '--', '>']) {
      const inner = commentMarker(key).slice('<!--'.length, -'-->'.length)
      expect(inner).not.toMatch(/--|>/)
    }
  })

  it('gives different keys different markers', () => {
    expect(commentMarker('a%2D')).not.toBe(commentMarker('a-'))
  })
})
