import { compareStrategies } from '../src/compare/comparison.js'
import {
  describeLimit,
  exceeds,
  judgeRegression,
  parseRegressionLimit,
  type RegressionLimit
} from '../src/compare/limits.js'
import type { FigureDelta } from '../src/engine/types.js'
import { MIB, buildResults } from './fixtures/compare/build.js'

describe('parseRegressionLimit', () => {
  it.each([
    ['10%', { percent: 10, bytes: null }],
    [' 2.5 % ', { percent: 2.5, bytes: null }],
    ['.5%', { percent: 0.5, bytes: null }],
    ['0%', { percent: 0, bytes: null }],
    ['150%', { percent: 150, bytes: null }],
    ['8MiB', { percent: null, bytes: 8 * MIB }],
    ['1.5 GB', { percent: null, bytes: 1.5e9 }],
    ['1048576B', { percent: null, bytes: MIB }],
    ['10%, 8MiB', { percent: 10, bytes: 8 * MIB }],
    ['8MiB,10%', { percent: 10, bytes: 8 * MIB }],
    ['10%\n8MiB', { percent: 10, bytes: 8 * MIB }],
    ['50%, 500MiB', { percent: 50, bytes: 500 * MIB }]
  ])('reads %p', (text, expected) => {
    expect(parseRegressionLimit(text)).toEqual(expected)
  })

  it.each([
    '',
    ' ',
    'ten%',
    '%',
    '-5%',
    '10 percent',
    '0MiB',
    '8 parsecs',
    '10%, 20%',
    '8MiB, 1GB',
    '10%,',
    ',10%',
    '10%, 8MiB, 1%',
    '10% 8MiB',
    // a bare number: meant as 10%, it would be 10 bytes
    '10',
    '10, 8MiB'
  ])('refuses %p', text => {
    expect(parseRegressionLimit(text)).toBeNull()
  })
})

describe('describeLimit', () => {
  it.each<[RegressionLimit, string]>([
    [{ percent: 10, bytes: null }, '> 10%'],
    [{ percent: null, bytes: 8 * MIB }, '> 8 MiB'],
    [{ percent: 10, bytes: 8 * MIB }, '> 10% and > 8 MiB'],
    [{ percent: 2.5, bytes: 1.5 * MIB }, '> 2.5% and > 1.5 MiB'],
    [{ percent: null, bytes: 512 * 1024 }, '> 512 KiB']
  ])('%j reads %p', (limit, text) => {
    expect(describeLimit(limit)).toBe(text)
  })
})

describe('exceeds', () => {
  const figure = (base: number, head: number): FigureDelta => ({
    base,
    head,
    delta: head - base,
    change: base > 0 ? (head - base) / base : null,
    noise: 0,
    shift: null
  })

  it.each<[string, FigureDelta, RegressionLimit, boolean]>([
    [
      'exactly 10% is not over 10%',
      figure(100 * MIB, 110 * MIB),
      { percent: 10, bytes: null },
      false
    ],
    ['one byte more is', figure(100 * MIB, 110 * MIB + 1), { percent: 10, bytes: null }, true],
    [
      'exactly 8 MiB is not over 8 MiB',
      figure(100 * MIB, 108 * MIB),
      { percent: null, bytes: 8 * MIB },
      false
    ],
    ['a decrease never is', figure(100 * MIB, 50 * MIB), { percent: 0, bytes: null }, false],
    ['any growth is over 0%', figure(100 * MIB, 100 * MIB + 1), { percent: 0, bytes: null }, true],
    ['growth from zero is over any percentage', figure(0, 1), { percent: 1000, bytes: null }, true],
    [
      'both: percent over, bytes not',
      figure(10 * MIB, 15 * MIB),
      { percent: 10, bytes: 8 * MIB },
      false
    ],
    [
      'both: bytes over, percent not',
      figure(1000 * MIB, 1020 * MIB),
      { percent: 10, bytes: 8 * MIB },
      false
    ],
    ['both over', figure(100 * MIB, 120 * MIB), { percent: 10, bytes: 8 * MIB }, true]
  ])('%s', (_what, measured, limit, expected) => {
    expect(exceeds(measured, limit)).toBe(expected)
  })
})

describe('judgeRegression', () => {
  // freeze: 100 MiB per child on the base, 112.2 MiB on the head; none: 200 → 180 MiB.
  const base = buildResults({ strategies: { none: [200, 200, 200], freeze: [100, 100.25, 99.75] } })
  const head = buildResults({ strategies: { none: [180, 180, 180], freeze: [112, 112.4, 112.2] } })
  const comparison = compareStrategies(base.strategies, head.strategies)
  const grew = "freeze's per-child USS grew by 12.2 MiB (+12.2%): 100.0 MiB → 112.2 MiB"

  it.each<[string, boolean]>([
    ['10%', false],
    ['12MiB', false],
    ['10%, 8MiB', false],
    ['50%, 500MiB', true],
    ['10%, 20MiB', true],
    ['20%, 8MiB', true],
    ['13%', true],
    ['13MiB', true]
  ])('max-uss-increase %p passes: %p', (text, passed) => {
    const limit = parseRegressionLimit(text)
    const checks = judgeRegression(comparison, { uss: limit, pss: null }, 'freeze')
    expect(checks).toEqual([
      {
        rule: `fails if freeze's per-child USS grows by ${describeLimit(limit as RegressionLimit)}`,
        observed: grew,
        passed
      }
    ])
  })

  it('words the rule and the growth as a reviewer reads them', () => {
    const [check] = judgeRegression(
      comparison,
      { uss: parseRegressionLimit('10%, 8MiB'), pss: null },
      'freeze'
    )
    expect(check.rule).toBe("fails if freeze's per-child USS grows by > 10% and > 8 MiB")
    expect(check.observed).toBe(grew)
  })

  it('judges PSS from its own, larger base', () => {
    // PSS is USS + 6 MiB: 106.0 → 118.2 MiB, +12.2 MiB is +11.5%.
    const checks = judgeRegression(
      comparison,
      { uss: null, pss: parseRegressionLimit('11%') },
      'freeze'
    )
    expect(checks).toEqual([
      {
        rule: "fails if freeze's per-child PSS grows by > 11%",
        observed: "freeze's per-child PSS grew by 12.2 MiB (+11.5%): 106.0 MiB → 118.2 MiB",
        passed: false
      }
    ])
  })

  it('passes a decrease and says it shrank', () => {
    const [check] = judgeRegression(
      comparison,
      { uss: parseRegressionLimit('0%'), pss: null },
      'none'
    )
    expect(check).toEqual({
      rule: "fails if none's per-child USS grows by > 0%",
      observed: "none's per-child USS shrank by 20.0 MiB (−10.0%): 200.0 MiB → 180.0 MiB",
      passed: true
    })
  })

  it('says when nothing changed', () => {
    const same = compareStrategies(base.strategies, base.strategies)
    const [check] = judgeRegression(same, { uss: parseRegressionLimit('0%'), pss: null }, 'freeze')
    expect(check.observed).toBe("freeze's per-child USS did not change: 100.0 MiB → 100.0 MiB")
    expect(check.passed).toBe(true)
  })

  it('checks USS then PSS, and nothing without limits', () => {
    const both = judgeRegression(
      comparison,
      { uss: parseRegressionLimit('50%'), pss: parseRegressionLimit('5%') },
      'freeze'
    )
    expect(both.map(c => [c.rule.includes('USS'), c.passed])).toEqual([
      [true, true],
      [false, false]
    ])
    expect(judgeRegression(comparison, { uss: null, pss: null }, 'freeze')).toEqual([])
  })

  it('fails a gate strategy that was not measured on both sides', () => {
    const checks = judgeRegression(
      comparison,
      { uss: parseRegressionLimit('10%'), pss: null },
      'disable-freeze'
    )
    expect(checks).toEqual([
      {
        rule: "fails if disable-freeze's per-child USS grows by > 10%",
        observed: 'disable-freeze was not measured on both the base and the head',
        passed: false
      }
    ])
  })
})
