/** The CLI's plain-text report: the headline over an aligned table of per-child medians. */
import type { Results } from '../engine/types.js'
import { countOf, formatMiB } from './format.js'
import { headline } from './markdown.js'
import { targetLabel, wordsFor } from './target.js'

/** User text reaches a terminal: control characters (escape sequences, newlines) become "?". */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')
}

function alignColumns(rows: string[][]): string[] {
  const widths = rows[0].map((_, col) => Math.max(...rows.map(row => row[col].length)))
  return rows.map(row =>
    row
      .map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col])))
      .join('  ')
      .trimEnd()
  )
}

export function renderTerminal(results: Results): string {
  const { child, parent, after } = wordsFor(results)
  const header = [
    'strategy',
    `${child} USS`,
    `${child} PSS (N=${results.workers})`,
    `${child} RSS`,
    'CoW loss',
    'tree PSS'
  ]
  const rows = results.strategies.map(({ name, summary }) => [
    name,
    formatMiB(summary.uss.median),
    formatMiB(summary.pss.median),
    formatMiB(summary.rss.median),
    formatMiB(summary.cowLoss.median),
    formatMiB(summary.treePss)
  ])
  return [
    `Prefork memory: ${printable(targetLabel(results.target))}`,
    ...(results.warnings ?? []).map(warning => `Warning: ${printable(warning)}`),
    headline(results),
    '',
    ...alignColumns([header, ...rows]),
    '',
    `Medians of ${results.repeat} runs, ${after}; tree PSS = ${parent} + ${countOf(results.workers, 'worker')}.`,
    ''
  ].join('\n')
}
