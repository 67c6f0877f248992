/**
 * A Mermaid `xychart-beta` of the median worker's USS over the load phase, one line per strategy:
 * GitHub renders it in comments and job summaries. Pure: plain arrays in, Markdown out.
 */
import type { SeriesPoint } from '../engine/command/series.js'
import { median } from '../engine/stats.js'
import { escapeMarkdown, MIB } from './format.js'

export interface ChartLine {
  /** Shown in the legend under the chart. */
  name: string
  /** One series per run (repeat); the line is their median at each column. */
  runs: readonly (readonly SeriesPoint[])[]
}

export interface ChartOptions {
  /** Most x-axis columns; the step between columns grows to stay within it. */
  maxColumns?: number
}

const DEFAULT_MAX_COLUMNS = 20
/** Column steps, in milliseconds, that read as round numbers of seconds. */
const STEPS_MS = [100, 200, 250, 500, 1_000, 2_000, 2_500, 5_000, 10_000, 15_000, 30_000, 60_000]

/**
 * xychart-beta has no legend: the lines take the palette's colours in order, and the legend
 * under the chart names them with the emoji square of the same colour.
 */
const PALETTE = [
  { color: '#dd2e44', square: '🟥' },
  { color: '#55acee', square: '🟦' },
  { color: '#78b159', square: '🟩' },
  { color: '#f4900c', square: '🟧' },
  { color: '#aa8ed6', square: '🟪' },
  { color: '#c1694f', square: '🟫' }
]

/** The smallest round step that fits the load into `maxColumns` columns. */
export function columnStep(lastMs: number, maxColumns: number): number {
  const fits = (step: number): boolean => Math.ceil(lastMs / step) + 1 <= maxColumns
  const round = STEPS_MS.find(fits)
  if (round !== undefined) return round
  const minutes = Math.ceil(lastMs / (maxColumns - 1) / 60_000)
  return minutes * 60_000
}

/** The run's value at column `at`: its last point up to half a step later, else its first point. */
function valueAt(points: readonly SeriesPoint[], at: number, step: number): number {
  let value = points[0].bytes
  for (const point of points) {
    if (point.atMs <= at + step / 2) value = point.bytes
  }
  return value
}

/** The smallest round number at least `value`: 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten. */
function niceCeiling(value: number): number {
  if (value <= 0) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  const found = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find(m => m * power >= value) as number
  return Number((found * power).toPrecision(2))
}

function seconds(ms: number): string {
  return String(Number((ms / 1000).toFixed(2)))
}

function mib(bytes: number): string {
  return (bytes / MIB).toFixed(1)
}

/** The chart as a fenced `mermaid` block and its legend; empty when no line has points. */
export function ussChart(lines: readonly ChartLine[], options: ChartOptions = {}): string {
  const drawn = lines
    .map(line => ({ ...line, runs: line.runs.filter(points => points.length > 0) }))
    .filter(line => line.runs.length > 0)
    .slice(0, PALETTE.length)
  if (drawn.length === 0) return ''

  const ends = drawn.flatMap(line => line.runs.map(points => points[points.length - 1].atMs))
  const lastMs = Math.max(...ends)
  const step = columnStep(lastMs, Math.max(2, options.maxColumns ?? DEFAULT_MAX_COLUMNS))
  const columnCount = Math.max(2, Math.ceil(lastMs / step) + 1)
  const columns = Array.from({ length: columnCount }, (_, k) => k * step)
  const values = drawn.map(line =>
    columns.map(at => median(line.runs.map(points => valueAt(points, at, step))))
  )
  const top = niceCeiling((Math.max(...values.flat()) / MIB) * 1.1)

  const palette = PALETTE.slice(0, drawn.length)
  const config = {
    themeVariables: { xyChart: { plotColorPalette: palette.map(p => p.color).join(', ') } }
  }
  const chart = [
    '```mermaid',
    `%%{init: ${JSON.stringify(config)}}%%`,
    'xychart-beta',
    '  title "Median worker USS during the load"',
    `  x-axis "seconds since the load started" [${columns.map(at => `"${seconds(at)}"`).join(', ')}]`,
    `  y-axis "USS (MiB)" 0 --> ${top}`,
    ...values.map(line => `  line [${line.map(mib).join(', ')}]`),
    '```'
  ]
  const legend = drawn
    .map((line, i) => `${palette[i].square} ${escapeMarkdown(line.name)}`)
    .join(' · ')
  const shortest = Math.min(...ends)
  // Loads within half a step of the longest end in the same column.
  const note =
    shortest < lastMs - step / 2 ? ' (a line whose load ended sooner holds its last sample)' : ''
  return `${chart.join('\n')}\n\n${legend}${note}\n`
}
