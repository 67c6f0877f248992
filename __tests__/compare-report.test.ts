import { toLegs } from '../src/compare/legs.js'
import { measuredBase, withBase } from '../src/compare/results.js'
import type { BaseOrigin, Results } from '../src/engine/types.js'
import {
  changeSentence,
  codeSpan,
  comparisonSection,
  renderLegs,
  strategyComparisonTable
} from '../src/report/compare.js'
import { buildResults, type BuildOptions } from './fixtures/compare/build.js'
import { expectGolden } from './helpers/golden.js'

const MERGE_BASE: BaseOrigin = {
  kind: 'merge-base',
  commit: '1a2b3c4d5e6f708192a3b4c5d6e7f80912345678',
  pullRequest: { base: 'b'.repeat(40), head: 'f'.repeat(40) }
}

const BASE_RUNS = { none: [200, 201, 199], freeze: [100, 100.25, 99.75] }

function compared(
  head: BuildOptions['strategies'],
  options: { base?: BuildOptions; head?: Partial<BuildOptions>; origin?: BaseOrigin } = {}
): Results {
  const base = buildResults(options.base ?? { strategies: BASE_RUNS, workers: 4 })
  const measured = buildResults({ workers: 4, ...options.head, strategies: head })
  return withBase(measured, measuredBase(base, options.origin ?? MERGE_BASE))
}

/** The comparison section as the report places it, under the `###` title. */
function section(results: Results): string {
  if (results.base === undefined) throw new Error('no base')
  return `${comparisonSection(results, results.base, { strategy: 'freeze' })}\n`
}

const heavier = compared({ none: [230, 231, 229], freeze: [112, 112.4, 112.2] })
const lighter = compared({ none: [180, 180.5, 179.5], freeze: [90, 90.5, 89.5] })
const unchanged = compared({ none: [200.2, 200.1, 200.3], freeze: [100.1, 100.3, 99.9] })

describe('the verdict line', () => {
  it.each<[string, Results, string]>([
    [
      'heavier',
      heavier,
      'This PR makes each freeze worker 12.2 MiB heavier (+12.2%): per-child USS 100.0 MiB → ' +
        '112.2 MiB, 49 MiB more across 4 workers.'
    ],
    [
      'lighter',
      lighter,
      'This PR makes each freeze worker 10.0 MiB lighter (−10.0%): per-child USS 100.0 MiB → ' +
        '90.0 MiB, 40 MiB less across 4 workers.'
    ],
    [
      'within the noise',
      unchanged,
      'This PR leaves each freeze worker as heavy as before: per-child USS 100.0 MiB → 100.1 MiB ' +
        '(+0.1%), within the run-to-run noise of 512 KiB.'
    ],
    [
      'beyond the noise, under 1%',
      compared(
        { freeze: [100.6, 100.6, 100.6] },
        { base: { strategies: { freeze: [100, 100, 100] }, workers: 4 } }
      ),
      'This PR leaves each freeze worker as heavy as before: per-child USS 100.0 MiB → 100.6 MiB ' +
        '(+0.6%), less than 1% of the base.'
    ]
  ])('%s', (_what, results, sentence) => {
    expect(changeSentence(results.comparison!, 'freeze', results.workers)).toBe(sentence)
  })

  it('speaks of the first compared strategy when the gate strategy was not compared', () => {
    const noneOnly = compared({ none: [230, 231, 229] })
    expect(changeSentence(noneOnly.comparison!, 'freeze', 4)).toMatch(
      /^This PR makes each worker without GC handling 30\.0 MiB heavier \(\+15\.0%\)/
    )
  })

  it('says when there is nothing to compare', () => {
    const disjoint = compared({ 'collect-freeze': [5] })
    expect(changeSentence(disjoint.comparison!, 'freeze', 4)).toBe(
      'The base and the head measured no strategy in common, so there is nothing to compare.'
    )
  })
})

describe('the comparison table', () => {
  it('marks only the changes beyond the noise', () => {
    const [none, freeze] = heavier.comparison!.strategies
    const freezeTable = strategyComparisonTable(freeze, 4)
    expect(freezeTable).toContain(
      '| USS per child | 100.0 MiB | 112.2 MiB | 🔺 +12.2 MiB | +12.2% | 512 KiB |'
    )
    expect(strategyComparisonTable(none, 4)).toContain(
      '| USS per child | 200.0 MiB | 230.0 MiB | 🔺 +30.0 MiB | +15.0% | 2.00 MiB |'
    )
    const calm = strategyComparisonTable(unchanged.comparison!.strategies[1], 4)
    expect(calm).not.toMatch(/🔺|🔽/)
    expect(strategyComparisonTable(lighter.comparison!.strategies[1], 4)).toContain('🔽 −10.0 MiB')
  })
})

describe('golden comparison sections', () => {
  it.each<[string, Results]>([
    ['heavier', heavier],
    ['lighter', lighter],
    ['unchanged', unchanged],
    [
      'baseline-caveats',
      compared(
        { freeze: [100.2, 100.4], 'disable-freeze': [99, 99.2] },
        {
          base: {
            strategies: { none: [200, 201], freeze: [100, 100.5] },
            workers: 2,
            python: '3.11.9',
            kernel: '6.5.0-1025-azure'
          },
          head: { python: '3.12.4' },
          origin: {
            kind: 'baseline',
            file: 'baseline/results `main`.json',
            commit: '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432'
          }
        }
      )
    ]
  ])('compare-%s.md', (name, results) => {
    expectGolden(`compare-${name}.md`, section(results))
  })

  it('compare-missing-target.md', () => {
    const head = buildResults({ strategies: BASE_RUNS, workers: 4 })
    const results = withBase(head, {
      status: 'missing-target',
      origin: MERGE_BASE,
      missing: 'app/preload.py'
    })
    const text = section(results)
    expect(text).toContain('The base commit has no `app/preload.py`; measured the head alone.')
    expectGolden('compare-missing-target.md', text)
  })

  it('keeps only the verdict line at minimal detail', () => {
    const text = comparisonSection(heavier, heavier.base!, {
      strategy: 'freeze',
      detail: 'minimal'
    })
    expect(text.split('\n\n')).toHaveLength(2)
  })
})

describe('the combined comment of several legs', () => {
  const legs = toLegs(
    [
      {
        file: '/artifacts/memory-3.12/results.json',
        results: withBase(
          buildResults({
            strategies: { none: [230, 231, 229], freeze: [112, 112.4, 112.2] },
            workers: 4,
            python: '3.12.4'
          }),
          measuredBase(
            buildResults({ strategies: BASE_RUNS, workers: 4, python: '3.12.4' }),
            MERGE_BASE
          ),
          'postgres | *bold*'
        )
      },
      {
        file: '/artifacts/memory-3.9/results.json',
        results: buildResults({
          strategies: { none: [180, 181], freeze: [4, 4.2] },
          workers: 4,
          python: '3.9.19'
        })
      },
      {
        file: '/artifacts/memory-3.11/results.json',
        results: withBase(
          buildResults({ strategies: { freeze: [7, 7.1] }, workers: 4, python: '3.11.9' }),
          { status: 'missing-target', origin: MERGE_BASE, missing: 'app/preload.py' }
        )
      }
    ],
    '/artifacts'
  )

  it.each(['full', 'compact', 'minimal'] as const)('compare-legs.%s.md', detail => {
    expectGolden(`compare-legs.${detail}.md`, renderLegs(legs, { detail }))
  })

  it('shows each leg once, in version order, with its verdict when given', () => {
    const text = renderLegs(legs, {
      verdictOf: leg => `**Verdict for ${leg.title.split(' ')[1]}**`
    })
    const headings = text.split('\n').filter(line => line.startsWith('#### '))
    expect(headings).toEqual([
      '#### Python 3.9.19',
      '#### Python 3.11.9',
      '#### Python 3.12.4 · postgres \\| \\*bold\\*'
    ])
    expect(text).toContain('**Verdict for 3.9.19**')
    expect(text.match(/\*\*Verdict for/g)).toHaveLength(3)
  })
})

describe('codeSpan', () => {
  it.each([
    ['app/preload.py', '`app/preload.py`'],
    ['a`b', '``a`b``'],
    ['`x`', '`` `x` ``'],
    ['two\nlines', '`two lines`']
  ])('%p → %p', (text, span) => {
    expect(codeSpan(text)).toBe(span)
  })
})
