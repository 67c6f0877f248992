import {
  countOf,
  escapeMarkdown,
  formatCount,
  formatMiB,
  formatPercent,
  formatRange,
  formatSignedMiB,
  formatSignedPercent,
  KIB,
  MIB
} from '../src/report/format.js'

describe('formatMiB', () => {
  it.each([
    [106_221_568, '101.3 MiB'],
    [1_155_072, '1.1 MiB'],
    [MIB, '1.0 MiB'],
    [812 * KIB, '812 KiB'],
    [0, '0 KiB'],
    // 1023.6 KiB would print as "1024 KiB": it switches to MiB instead
    [1_048_166, '1.0 MiB'],
    [7_194_417_152, '6,861.1 MiB'],
    [-1.5 * MIB, '\u22121.5 MiB'],
    [-100, '0 KiB']
  ])('formats %d bytes as %s', (bytes, text) => {
    expect(formatMiB(bytes)).toBe(text)
  })

  it('takes the number of MiB decimals', () => {
    expect(formatMiB(420_265_984, 0)).toBe('401 MiB')
    expect(formatMiB(6_184_960, 2)).toBe('5.90 MiB')
  })
})

describe('formatSignedMiB', () => {
  it.each([
    [1.5 * MIB, '+1.5 MiB'],
    [-512 * KIB, '\u2212512 KiB'],
    [100, '0 KiB'],
    [-100, '0 KiB']
  ])('formats %d bytes as %s', (bytes, text) => {
    expect(formatSignedMiB(bytes)).toBe(text)
  })
})

describe('percentages', () => {
  it('formats a fraction with one decimal', () => {
    expect(formatPercent(0.98913)).toBe('98.9%')
    expect(formatPercent(0.8574)).toBe('85.7%')
    expect(formatPercent(-0.0004)).toBe('0.0%')
  })

  it('signs a change with a real minus sign, and zero without a sign', () => {
    expect(formatSignedPercent(-0.98913)).toBe('\u221298.9%')
    expect(formatSignedPercent(0.005)).toBe('+0.5%')
    expect(formatSignedPercent(-0.0004)).toBe('0.0%')
  })
})

describe('counts', () => {
  it('groups thousands', () => {
    expect(formatCount(0)).toBe('0')
    expect(formatCount(187_316)).toBe('187,316')
    expect(formatCount(1_912_448)).toBe('1,912,448')
  })

  it('names the noun in singular or plural', () => {
    expect(countOf(1, 'worker')).toBe('1 worker')
    expect(countOf(4, 'worker')).toBe('4 workers')
  })
})

describe('formatRange', () => {
  it('writes a shared unit once', () => {
    expect(formatRange(5.8 * MIB, 6 * MIB)).toBe('5.8\u20136.0 MiB')
    expect(formatRange(800 * KIB, 820 * KIB)).toBe('800\u2013820 KiB')
  })

  it('keeps both units when they differ and one figure when the ends agree', () => {
    expect(formatRange(900 * KIB, 1.1 * MIB)).toBe('900 KiB\u20131.1 MiB')
    expect(formatRange(2.2 * MIB, 2.24 * MIB)).toBe('2.2 MiB')
    expect(formatRange(2.2 * MIB, 2.24 * MIB, 2)).toBe('2.20\u20132.24 MiB')
  })
})

describe('escapeMarkdown', () => {
  it('leaves ordinary module specs alone', () => {
    expect(escapeMarkdown('pkg.mod:app')).toBe('pkg.mod:app')
  })

  it('escapes table pipes, code, emphasis, links, strikethrough and math', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b')
    expect(escapeMarkdown('`*_[]~$')).toBe('\\`\\*\\_\\[\\]\\~\\$')
  })

  it('escapes a backslash so it cannot undo the escapes after it', () => {
    expect(escapeMarkdown('\\|')).toBe('\\\\\\|')
  })

  it('turns HTML into text', () => {
    expect(escapeMarkdown('<script>a&b</script>')).toBe('&lt;script&gt;a&amp;b&lt;/script&gt;')
  })

  it('keeps text on one line', () => {
    expect(escapeMarkdown('a\nb\r\nc\rd')).toBe('a b c d')
  })
})
