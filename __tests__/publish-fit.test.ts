import { cutToFit, fitWithin, type SizeLimit } from '../src/publish/fit.js'
import type { ReportDetail } from '../src/report/markdown.js'

function limit(max: number, measure: (text: string) => number = t => t.length): SizeLimit {
  return { max, measure, describe: 'a test box', fullReportAt: 'the file' }
}

const SIZES: Record<ReportDetail, number> = { full: 1000, compact: 500, minimal: 100 }

/** A report whose length at each detail level is known. */
function render(detail: ReportDetail, note: string | null): string {
  return `${detail}:${'x'.repeat(SIZES[detail])}${note === null ? '' : `\n${note}`}`
}

describe('fitWithin', () => {
  it('keeps the full report when it fits, without a note', () => {
    const fitted = fitWithin(render, limit(2000))
    expect(fitted).toMatchObject({ detail: 'full', cut: false })
    expect(fitted.text).not.toContain('NOTE')
  })

  it.each([
    [800, 'compact', 'leaves out the per-process tables to stay'],
    [400, 'minimal', 'leaves out the per-process tables, the projection and the environment']
  ] as const)('drops detail step by step (limit %i → %s) and says what', (max, detail, said) => {
    const fitted = fitWithin(render, limit(max))
    expect(fitted).toMatchObject({ detail, cut: false })
    expect(fitted.text.startsWith(`${detail}:`)).toBe(true)
    expect(fitted.text).toContain(said)
    expect(fitted.text).toContain("GitHub's limit for a test box. The full report is in the file.")
    expect(fitted.text.length).toBeLessThanOrEqual(max)
  })

  it('cuts the minimal report as a last resort, note included', () => {
    const fitted = fitWithin(render, limit(200))
    expect(fitted).toMatchObject({ detail: 'minimal', cut: true })
    expect(fitted.text.length).toBeLessThanOrEqual(200)
    expect(fitted.text.startsWith('minimal:xxx')).toBe(true)
    expect(fitted.text).toMatch(/Cut here: .*The full report is in the file\.\n$/)
  })

  it('measures in the unit of the limit', () => {
    const bytes = limit(1500, text => Buffer.byteLength(text))
    const wide = (detail: ReportDetail): string => 'é'.repeat(SIZES[detail])
    expect(fitWithin(wide, bytes).detail).toBe('compact')
  })
})

describe('cutToFit', () => {
  it('ends at a line break when one is near', () => {
    const text = `${'a'.repeat(40)}\n${'b'.repeat(40)}\n${'c'.repeat(40)}`
    expect(cutToFit(text, '|', limit(100))).toBe(`${'a'.repeat(40)}\n${'b'.repeat(40)}|`)
  })

  it('never splits a surrogate pair', () => {
    const text = '😀'.repeat(50)
    const cut = cutToFit(text, '', limit(11))
    expect(cut).toBe('😀'.repeat(5))
  })
})
