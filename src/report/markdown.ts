/**
 * The Markdown report, built from sections the PR comment can compose on its own and drop to fit
 * GitHub's size limits. Every function is pure: results in, Markdown out.
 */
import { medianWorkerUss } from '../engine/command/series.js'
import { cowLosses, maximum, minimum } from '../engine/stats.js'
import type { GcEvidence, Results, Strategy, StrategyResult } from '../engine/types.js'
import { ussChart } from './chart.js'
import {
  compareUss,
  findStrategy,
  freezeComparison,
  medianRun,
  NEGLIGIBLE_CHANGE,
  projectTreePss,
  PROJECTED_WORKERS,
  runMedian,
  runTreePss,
  sharedShare,
  type UssComparison
} from './figures.js'
import {
  countOf,
  escapeMarkdown,
  formatCount,
  formatMiB,
  formatPercent,
  formatRange,
  formatSignedPercent
} from './format.js'
import { isCommand, loadText, readyText, targetLabel, wordsFor, type Words } from './target.js'

export type ReportDetail = 'full' | 'compact' | 'minimal'

export interface ReportOptions {
  /**
   * full: everything; compact: no per-child details; minimal: warnings, headline and strategy
   * table (no chart).
   */
  detail?: ReportDetail
}

/** What each strategy does, as the headline names it. */
const RECIPE: Record<Strategy, string> = {
  none: 'no GC handling',
  freeze: 'gc.freeze()',
  'disable-freeze': 'gc.disable() + gc.freeze()',
  'collect-freeze': 'gc.collect() + gc.freeze()'
}

const DASH = '—'

function comparisonSentence(
  { candidate, baseline, delta, change }: UssComparison,
  workers: number,
  words: Words
): string {
  const perChild = `per-${words.child} USS`
  const subject = RECIPE[candidate.name]
  const from = formatMiB(baseline.summary.uss.median)
  const to = formatMiB(candidate.summary.uss.median)
  const percent = change === null ? '' : ` (${formatSignedPercent(change)})`
  // The fleet figure is per-child delta × workers: whole MiB is as precise as it deserves.
  const fleet = `${formatMiB(Math.abs(delta) * workers, 0)} ${delta < 0 ? 'less' : 'more'}`
  const across = countOf(workers, 'worker')
  const negligible = change === null ? delta === 0 : Math.abs(change) < NEGLIGIBLE_CHANGE
  if (negligible) {
    return `${subject} makes no real difference here: ${perChild} is ${from} without it and ${to} with it${percent}.`
  }
  if (delta < 0) {
    return `${subject} cuts ${perChild} from ${from} to ${to}${percent}: ${fleet} across ${across}.`
  }
  return `${subject} does not help here: ${perChild} rises from ${from} to ${to}${percent}, ${fleet} across ${across}.`
}

/** One sentence with the story: what freezing saves per child and across the workers. */
export function headline(results: Results): string {
  const comparison = freezeComparison(results)
  const words = wordsFor(results)
  if (comparison !== null) return comparisonSentence(comparison, results.workers, words)
  if (results.strategies.length === 1) {
    const [only] = results.strategies
    return (
      `With ${RECIPE[only.name]} (${only.name}), each worker keeps ` +
      `${formatMiB(only.summary.uss.median)} private (USS), and the whole tree's PSS is ` +
      `${formatMiB(only.summary.treePss)} with N = ${countOf(results.workers, 'worker')}.`
    )
  }
  const figures = results.strategies.map(
    s => `${formatMiB(s.summary.uss.median)} with ${RECIPE[s.name]}`
  )
  const listed = `${figures.slice(0, -1).join(', ')} and ${figures[figures.length - 1]}`
  return `Without a none baseline there is no saving to report; per-${words.child} USS is ${listed}.`
}

export function title(results: Results): string {
  return `### Prefork memory: ${escapeMarkdown(targetLabel(results.target))}`
}

/** What makes the figures doubtful, as a GitHub alert; null when nothing does. */
export function warningsBlock(results: Results): string | null {
  const warnings = results.warnings ?? []
  if (warnings.length === 0) return null
  const paragraphs = warnings.map(warning => `> ${escapeMarkdown(warning)}`)
  return `> [!WARNING]\n${paragraphs.join('\n>\n')}`
}

/** The median worker's USS over the load, one line per strategy; null outside command mode. */
export function loadChart(results: Results): string | null {
  if (!isCommand(results.target)) return null
  const chart = ussChart(
    results.strategies.map(s => ({
      name: s.name,
      runs: s.runs.map(run => medianWorkerUss(run.command?.ticks ?? []))
    }))
  )
  return chart === '' ? null : chart.trimEnd()
}

type Align = 'left' | 'right'

function table(header: string[], align: Align[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  const rule = align.map(a => (a === 'right' ? '---:' : ':---'))
  return [line(header), line(rule), ...rows.map(line)].join('\n')
}

function strategyCell(strategy: StrategyResult): string {
  return strategy.name === 'none' ? '`none` (baseline)' : `\`${strategy.name}\``
}

/** The comparison table: a row per strategy, per-child medians after work plus the tree total. */
export function strategyTable(results: Results): string {
  const baseline = findStrategy(results, 'none')
  const ussCell = (s: StrategyResult): string => {
    const uss = formatMiB(s.summary.uss.median)
    if (baseline === undefined || s === baseline) return uss
    const { change } = compareUss(baseline, s)
    return change === null ? uss : `${uss} (${formatSignedPercent(change)})`
  }
  const rows = results.strategies.map(s => [
    strategyCell(s),
    ussCell(s),
    formatMiB(s.summary.uss.max),
    formatMiB(s.summary.pss.median),
    formatMiB(s.summary.rss.median),
    formatPercent(sharedShare(s.summary)),
    formatMiB(s.summary.cowLoss.median),
    formatMiB(s.summary.treePss)
  ])
  const header = [
    'Strategy',
    'USS median',
    'USS max',
    `PSS median (N = ${results.workers})`,
    'RSS median',
    'Shared of RSS',
    'CoW loss',
    'Tree PSS'
  ]
  const { child, parent, after, growth } = wordsFor(results)
  const note =
    `Per ${child} ${after}, median of ${results.repeat} runs; max is the largest ${child} of any run. ` +
    `Shared of RSS = 1 − USS/RSS; CoW loss = USS growth ${growth}; ` +
    `tree PSS = ${parent} + ${countOf(results.workers, 'worker')}.`
  const align: Align[] = ['left', ...header.slice(1).map((): Align => 'right')]
  return `${table(header, align, rows)}\n\n${note}`
}

/** Total memory (tree PSS) at larger worker counts, extrapolated linearly per strategy. */
export function projectionTable(results: Results): string {
  const measured = results.workers
  const counts = [measured, ...PROJECTED_WORKERS.filter(count => count !== measured)]
  const header = [
    'Strategy',
    ...counts.map(count => `${countOf(count, 'worker')}${count === measured ? ' (measured)' : ''}`)
  ]
  const rows = results.strategies.map(s => [
    strategyCell(s),
    ...counts.map(count => formatMiB(projectTreePss(s, measured, count)))
  ])
  const { child } = wordsFor(results)
  const note =
    `Linear projection from the ${countOf(measured, 'worker')} measured: the shared part ` +
    `(tree PSS − ${measured} × median ${child} USS) plus M × median ${child} USS.`
  const align: Align[] = ['left', ...counts.map((): Align => 'right')]
  return [
    '#### Projected total memory by worker count (tree PSS)',
    table(header, align, rows),
    note
  ].join('\n\n')
}

function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`
}

/** Frozen objects, GC enabled, collections; dashes for a worker the strategy hook missed. */
function gcCells(gc: GcEvidence | null): string[] {
  if (gc === null) return [DASH, DASH, DASH]
  return [
    formatCount(gc.freezeCount),
    gc.enabled ? 'yes' : 'no',
    gc.collections.map(formatCount).join(' / ')
  ]
}

function childrenBlock(strategy: StrategyResult, repeats: number, words: Words): string {
  const run = medianRun(strategy)
  const { parent, children } = run.phases['after-work']
  const master = run.command?.master
  const parentRow = [
    master ? `master (${escapeMarkdown(master.name)}, pid ${master.pid})` : words.parent,
    formatMiB(parent.uss),
    formatMiB(parent.pss),
    formatMiB(parent.rss),
    DASH,
    formatCount(parent.minorFaults),
    DASH,
    DASH,
    DASH
  ]
  const losses = cowLosses(run)
  const childRows = children.map((child, i) => [
    `${words.child} ${i + 1}`,
    formatMiB(child.uss),
    formatMiB(child.pss),
    formatMiB(child.rss),
    formatMiB(losses[i]),
    formatCount(child.minorFaults),
    ...gcCells(child.gc)
  ])
  const header = [
    'Process',
    'USS',
    'PSS',
    'RSS',
    'CoW loss',
    'Minor faults',
    'Frozen objects',
    'GC enabled',
    'Collections (gen 0 / 1 / 2)'
  ]
  const align: Align[] = [
    'left',
    'right',
    'right',
    'right',
    'right',
    'right',
    'right',
    'left',
    'right'
  ]
  const missed = children.some(child => child.gc === null)
    ? `\n\n${DASH} in the GC columns: the strategy hook did not fire in that ${words.child}.`
    : ''
  return details(
    `Per process: <code>${strategy.name}</code>, median run (repeat ${run.repeat + 1} of ${repeats})`,
    table(header, align, [parentRow, ...childRows]) + missed
  )
}

/** Every process of each strategy's median run, after work, folded. */
export function perChildDetails(results: Results): string {
  const words = wordsFor(results)
  return results.strategies.map(s => childrenBlock(s, results.repeat, words)).join('\n\n')
}

/** Runs usually differ by less than 0.1 MiB: one more decimal keeps the spread visible. */
const SPREAD_DECIMALS = 2

function spreadTable(results: Results): string {
  const range = (values: number[]): string =>
    formatRange(minimum(values), maximum(values), SPREAD_DECIMALS)
  const rows = results.strategies.map(s => [
    strategyCell(s),
    String(s.runs.length),
    range(s.runs.map(run => runMedian(run, c => c.uss))),
    range(s.runs.map(run => runMedian(run, c => c.pss))),
    range(s.runs.map(runTreePss))
  ])
  const { child, after } = wordsFor(results)
  const header = ['Strategy', 'Runs', `Median ${child} USS`, `Median ${child} PSS`, 'Tree PSS']
  const align: Align[] = ['left', 'right', 'right', 'right', 'right']
  return `Spread over runs (lowest–highest per-run figure, ${after}):\n\n${table(header, align, rows)}`
}

function targetLines(results: Results): string[] {
  const { target } = results
  const runs = `**runs per strategy:** ${results.repeat}`
  if (isCommand(target)) {
    const master = results.strategies[0]?.runs[0]?.command?.master.name
    const under = master === undefined ? '' : ` under ${escapeMarkdown(master)}`
    return [
      `- **Command:** ${escapeMarkdown(target.command)}`,
      `- **Ready:** ${escapeMarkdown(readyText(target.ready))}`,
      `- **Load:** ${loadText(target, escapeMarkdown)}`,
      `- **Workers:** ${results.workers}${under}; ${runs}`
    ]
  }
  const worker =
    target.worker === null
      ? 'none'
      : `${escapeMarkdown(target.worker)} × ${formatCount(target.iterations)}`
  return [
    `- **Target:** ${escapeMarkdown(target.entrypoint)}; worker: ${worker}`,
    `- **Workers:** ${results.workers}; ${runs}`
  ]
}

function pythonText(results: Results): string {
  const { python } = results.environment
  const seen = results.strategies.some(s => s.runs.some(run => run.command?.python))
  if (isCommand(results.target) && !seen) {
    return 'not seen: the strategy hook loaded in no master'
  }
  const build = python.freeThreaded ? 'free-threaded build' : 'GIL build'
  const where = isCommand(results.target) ? ', as the strategy hook saw it in the master' : ''
  return `${escapeMarkdown(python.version)} (${escapeMarkdown(python.implementation)}, ${build}) at ${escapeMarkdown(python.executable)}${where}`
}

/** The environment stamp and the run-to-run spread, folded; a visible warning for the 3.14 collector. */
export function environmentDetails(results: Results): string {
  const { environment: env } = results
  const { python } = env
  const lines = [
    ...targetLines(results),
    `- **Python:** ${pythonText(results)}`,
    `- **Kernel:** ${escapeMarkdown(env.kernel)}; page size ${formatMiB(env.pageSize)}; transparent hugepages: ${escapeMarkdown(env.transparentHugepages)}`,
    `- **CPUs:** ${env.cpus}; **runner:** ${escapeMarkdown(env.runner)}`,
    `- **Commit:** ${env.gitSha === null ? 'unknown' : escapeMarkdown(env.gitSha)}`,
    `- **Measured:** ${escapeMarkdown(env.timestamp)} by ${escapeMarkdown(results.tool.name)} ${escapeMarkdown(results.tool.version)}`
  ]
  const block = details('Environment and spread', `${lines.join('\n')}\n\n${spreadTable(results)}`)
  if (!python.incrementalGc) return block
  const warning =
    `> **Warning:** Python ${escapeMarkdown(python.version)} runs the incremental garbage collector of ` +
    `CPython 3.14.0–3.14.4; its figures are not comparable with other Python versions.`
  return `${warning}\n\n${block}`
}

/** The whole report, from a `###` heading down; `detail` drops the folded sections. */
export function renderReport(results: Results, options: ReportOptions = {}): string {
  const detail = options.detail ?? 'full'
  const sections = [
    title(results),
    warningsBlock(results),
    headline(results),
    strategyTable(results)
  ]
  if (detail !== 'minimal') sections.push(loadChart(results), projectionTable(results))
  if (detail === 'full') sections.push(perChildDetails(results))
  if (detail !== 'minimal') sections.push(environmentDetails(results))
  return `${sections.filter(section => section !== null).join('\n\n')}\n`
}
