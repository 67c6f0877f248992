import type { SeriesPoint } from '../src/engine/command/series.js'
import { columnStep, ussChart } from '../src/report/chart.js'
import { expectGolden } from './helpers/golden.js'

const MIB = 2 ** 20

/** A series sampled every `intervalMs`, from MiB figures. */
function series(intervalMs: number, mibs: number[], lastAtMs?: number): SeriesPoint[] {
  return mibs.map((value, i) => ({
    atMs: i === mibs.length - 1 && lastAtMs !== undefined ? lastAtMs : i * intervalMs,
    bytes: value * MIB
  }))
}

describe('the USS chart', () => {
  it('draws one line per strategy, medians over repeats, on round columns', () => {
    // As gunicorn measured: without freeze every worker's first full collection copies the heap.
    const none = [
      series(250, [2.6, 2.7, 14.1, 30.2, 30.3, 45.8, 45.8, 45.9], 1_830),
      series(250, [2.7, 2.7, 2.8, 18.0, 31.1, 45.7, 45.8], 1_620),
      series(250, [2.6, 9.8, 25.2, 45.6, 45.8, 45.8, 45.8, 45.9, 45.9], 2_050)
    ]
    const freeze = [
      series(250, [2.2, 2.4, 4.6, 5.0, 5.1], 1_010),
      series(250, [2.2, 2.3, 4.8, 5.1], 790),
      series(250, [2.3, 3.9, 5.0, 5.1, 5.1], 1_060)
    ]
    const chart = ussChart([
      { name: 'none', runs: none },
      { name: 'freeze', runs: freeze }
    ])
    expectGolden('command-uss-chart.md', chart)
    expect(chart).toMatch(/^```mermaid\n%%\{init: .*\}%%\nxychart-beta\n/)
    expect(chart.match(/^ {2}line \[/gm)).toHaveLength(2)
  })

  it('gives every line a value in every column', () => {
    const chart = ussChart([
      {
        name: 'none',
        runs: [series(500, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16])]
      },
      { name: 'freeze', runs: [series(500, [1, 1.5])] }
    ])
    const columns = /x-axis "[^"]+" \[(.*)\]/.exec(chart)?.[1].split(', ') ?? []
    // 7.5 s at 500 ms is 16 columns, within the 20 allowed.
    expect(columns).toHaveLength(16)
    for (const line of chart.match(/line \[(.*)\]/g) ?? []) {
      expect(line.split(', ')).toHaveLength(16)
    }
    expect(chart).toContain('  line [1.0, 1.5, 1.5, 1.5')
    expect(chart).toContain('(a line whose load ended sooner holds its last sample)')
  })

  it('widens the step to keep a long load readable', () => {
    expect(columnStep(0, 20)).toBe(100)
    expect(columnStep(1_900, 20)).toBe(100)
    expect(columnStep(2_000, 20)).toBe(200)
    expect(columnStep(60_000, 20)).toBe(5_000)
    expect(columnStep(3_600_000, 20)).toBe(4 * 60_000)
  })

  it('draws nothing without points, and at least two columns for an instant load', () => {
    expect(ussChart([])).toBe('')
    expect(ussChart([{ name: 'none', runs: [[]] }])).toBe('')
    const instant = ussChart([{ name: 'none', runs: [series(0, [3, 3])] }])
    expect(instant).toContain('x-axis "seconds since the load started" ["0", "0.1"]')
  })
})
