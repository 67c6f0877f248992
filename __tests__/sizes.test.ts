import { MAX_DURATION_MS, parseDuration, parsePercent, parseSize } from '../src/sizes.js'

describe('parseSize', () => {
  it.each([
    ['1048576', 1048576],
    ['512B', 512],
    ['512 b', 512],
    ['1KB', 1000],
    ['1kb', 1000],
    ['2 MB', 2_000_000],
    ['1.5GB', 1_500_000_000],
    ['1KiB', 1024],
    ['150MiB', 150 * 1024 * 1024],
    ['150 mib', 150 * 1024 * 1024],
    ['1.5KiB', 1536],
    ['.5MiB', 512 * 1024],
    ['2GiB', 2 * 1024 ** 3],
    ['  64MiB  ', 64 * 1024 * 1024]
  ])('reads %p as %p bytes', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes)
  })

  it.each([
    '12XB',
    '-5MiB',
    'MiB',
    '',
    '   ',
    '0',
    '0MiB',
    '1.2.3MB',
    '1e6',
    '5 M iB',
    '1TB',
    'ten'
  ])('rejects %p', text => {
    expect(parseSize(text)).toBeNull()
  })
})

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['500ms', 500],
    ['30', 30_000],
    ['1.5m', 90_000],
    ['2 M', 120_000],
    ['24h', MAX_DURATION_MS]
  ])('reads %p as %p ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it.each(['0s', '0', 'forever', '-5s', '', 's', '5d', '25h', '0.1ms', '5 minutes'])(
    'rejects %p',
    text => {
      expect(parseDuration(text)).toBeNull()
    }
  )
})

describe('parsePercent', () => {
  it.each([
    ['10', 10],
    ['10%', 10],
    ['0', 0],
    ['100%', 100],
    ['12.5 %', 12.5]
  ])('reads %p as %p', (text, percent) => {
    expect(parsePercent(text)).toBe(percent)
  })

  it.each(['150%', '100.1', '-10%', 'half', '', '%', '10 percent'])('rejects %p', text => {
    expect(parsePercent(text)).toBeNull()
  })
})
