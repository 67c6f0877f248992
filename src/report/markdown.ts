/**
 * The Markdown report, built from sections the PR comment can compose on its own and drop to fit
 * GitHub's size limits. Every function is pure: results in, Markdown out.
 */
import { cowLosses, maximum, minimum } from '../engine/stats.js'
import type { Results, Strategy, StrategyResult } from '../engine/types.js'
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

export type ReportDetail = 'full' | 'compact' | 'minimal'

export interface ReportOptions {
  /** full: everything; compact: no per-child details; minimal: headline and strategy table. */
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
  workers: number
): string {
  const subject = RECIPE[candidate.name]
  const from = formatMiB(baseline.summary.uss.median)
  const to = formatMiB(candidate.summary.uss.median)
  const percent = change === null ? '' : ` (${formatSignedPercent(change)})`
  // The fleet figure is per-child delta × workers: whole MiB is as precise as it deserves.
  const fleet = `${formatMiB(Math.abs(delta) * workers, 0)} ${delta < 0 ? 'less' : 'more'}`
  const across = countOf(workers, 'worker')
  const negligible = change === null ? delta === 0 : Math.abs(change) < NEGLIGIBLE_CHANGE
  if (negligible) {
    return `${subject} makes no real difference here: per-child USS is ${from} without it and ${to} with it${percent}.`
  }
  if (delta < 0) {
    return `${subject} cuts per-child USS from ${from} to ${to}${percent}: ${fleet} across ${across}.`
  }
  return `${subject} does not help here: per-child USS rises from ${from} to ${to}${percent}, ${fleet} across ${across}.`
}

/** One sentence with the story: what freezing saves per child and across the workers. */
export function headline(results: Results): string {
  const comparison = freezeComparison(results)
  if (comparison !== null) return comparisonSentence(comparison, results.workers)
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
  return `Without a none baseline there is no saving to report; per-child USS is ${listed}.`
}

export function title(results: Results): string {
  return `### Prefork memory: ${escapeMarkdown(results.target.entrypoint)}`
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
  const note =
    `Per child after work, median of ${results.repeat} runs; max is the largest child of any run. ` +
    `Shared of RSS = 1 − USS/RSS; CoW loss = USS growth from fork to end of work; ` +
    `tree PSS = parent + ${countOf(results.workers, 'worker')}.`
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
  const note =
    `Linear projection from the ${countOf(measured, 'worker')} measured: the shared part ` +
    `(tree PSS − ${measured} × median child USS) plus M × median child USS.`
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

function childrenBlock(strategy: StrategyResult, repeats: number): string {
  const run = medianRun(strategy)
  const { parent, children } = run.phases['after-work']
  const parentRow = [
    'parent',
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
    `child ${i + 1}`,
    formatMiB(child.uss),
    formatMiB(child.pss),
    formatMiB(child.rss),
    formatMiB(losses[i]),
    formatCount(child.minorFaults),
    formatCount(child.gc.freezeCount),
    child.gc.enabled ? 'yes' : 'no',
    child.gc.collections.map(formatCount).join(' / ')
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
  return details(
    `Per process: <code>${strategy.name}</code>, median run (repeat ${run.repeat + 1} of ${repeats})`,
    table(header, align, [parentRow, ...childRows])
  )
}

/** Every process of each strategy's median run, after work, folded. */
export function perChildDetails(results: Results): string {
  return results.strategies.map(s => childrenBlock(s, results.repeat)).join('\n\n')
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
  const header = ['Strategy', 'Runs', 'Median child USS', 'Median child PSS', 'Tree PSS']
  const align: Align[] = ['left', 'right', 'right', 'right', 'right']
  return `Spread over runs (lowest–highest per-run figure, after work):\n\n${table(header, align, rows)}`
}

/** The environment stamp and the run-to-run spread, folded; a visible warning for the 3.14 collector. */
export function environmentDetails(results: Results): string {
  const { environment: env, target } = results
  const { python } = env
  const worker =
    target.worker === null
      ? 'none'
      : `${escapeMarkdown(target.worker)} × ${formatCount(target.iterations)}`
  const build = python.freeThreaded ? 'free-threaded build' : 'GIL build'
  const lines = [
    `- **Target:** ${escapeMarkdown(target.entrypoint)}; worker: ${worker}`,
    `- **Workers:** ${results.workers}; **runs per strategy:** ${results.repeat}`,
    `- **Python:** ${escapeMarkdown(python.version)} (${escapeMarkdown(python.implementation)}, ${build}) at ${escapeMarkdown(python.executable)}`,
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
  const sections = [title(results), headline(results), strategyTable(results)]
  if (detail !== 'minimal') sections.push(projectionTable(results))
  if (detail === 'full') sections.push(perChildDetails(results))
  if (detail !== 'minimal') sections.push(environmentDetails(results))
  return `${sections.join('\n\n')}\n`
}
