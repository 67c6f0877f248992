/**
 * Markdown for a head compared with its base, and for the combined comment of several matrix legs.
 * Pure: results in, Markdown out.
 */
import { baseOf, comparisonOf, headResults } from '../compare/results.js'
import type { StoredResults } from '../compare/schema.js'
import { compareStrategies } from '../compare/comparison.js'
import type { Leg } from '../compare/legs.js'
import type {
  BaseOrigin,
  BaseSide,
  Comparison,
  Figure,
  FigureDelta,
  MeasuredBase,
  Results,
  Strategy,
  StrategyComparison
} from '../engine/types.js'
import { shortCommit } from '../git/commits.js'
import { NEGLIGIBLE_CHANGE } from './figures.js'
import {
  countOf,
  escapeMarkdown,
  formatMiB,
  formatSignedMiB,
  formatSignedPercent
} from './format.js'
import { environmentDetails, headline, strategyTable, type ReportDetail } from './markdown.js'
import { targetLabel } from './target.js'

/** What the comparison reads of the head's results (either schema) and of a measured base. */
type Side = Pick<Results, 'target' | 'workers' | 'repeat' | 'environment' | 'strategies'>

const DASH = '—'
const MARK = { up: '🔺', down: '🔽' } as const

/** Run-to-run spreads are usually below 0.1 MiB: one more decimal keeps them visible. */
const NOISE_DECIMALS = 2

/** A code span that user text cannot close: the fence is longer than any backtick run inside. */
export function codeSpan(text: string): string {
  const line = text.replace(/\r\n|[\r\n]/g, ' ')
  const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map(run => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${line}${pad}${fence}`
}

function heading(level: number, text: string): string {
  return `${'#'.repeat(level)} ${text}`
}

/** `freeze` when the gate strategy was compared; otherwise the first strategy compared. */
function chosen(comparison: Comparison, strategy: Strategy): StrategyComparison | undefined {
  return comparison.strategies.find(s => s.name === strategy) ?? comparison.strategies[0]
}

/** "each freeze worker"; `none` reads as what it is. */
function eachWorker(strategy: Strategy): string {
  return strategy === 'none' ? 'each worker without GC handling' : `each ${strategy} worker`
}

/**
 * The verdict line: what the pull request does to a worker of the gate strategy, in per-child USS,
 * and across the measured workers; or that it made no difference beyond the noise.
 */
export function changeSentence(
  comparison: Comparison,
  strategy: Strategy,
  workers: number,
  subject = 'This PR'
): string {
  const compared = chosen(comparison, strategy)
  if (compared === undefined) {
    return 'The base and the head measured no strategy in common, so there is nothing to compare.'
  }
  const uss = compared.figures.uss
  const span = `per-child USS ${formatMiB(uss.base)} → ${formatMiB(uss.head)}`
  const percent = uss.change === null ? '' : ` (${formatSignedPercent(uss.change)})`
  const who = eachWorker(compared.name)
  if (uss.shift === null) {
    const why =
      Math.abs(uss.delta) <= uss.noise
        ? `within the run-to-run noise of ${formatMiB(uss.noise, NOISE_DECIMALS)}`
        : `less than ${NEGLIGIBLE_CHANGE * 100}% of the base`
    return `${subject} leaves ${who} as heavy as before: ${span}${percent}, ${why}.`
  }
  // The fleet figure is per-child delta × workers: whole MiB is as precise as it deserves.
  const fleet = formatMiB(Math.abs(uss.delta) * workers, 0)
  const [heavier, more] = uss.shift === 'up' ? ['heavier', 'more'] : ['lighter', 'less']
  return (
    `${subject} makes ${who} ${formatMiB(Math.abs(uss.delta))} ${heavier}${percent}: ${span}, ` +
    `${fleet} ${more} across ${countOf(workers, 'worker')}.`
  )
}

const ROW_NAMES: Record<Figure, (workers: number) => string> = {
  uss: () => 'USS per child',
  pss: workers => `PSS per child (N = ${workers})`,
  rss: () => 'RSS per child',
  cowLoss: () => 'CoW loss per child',
  treePss: () => 'Tree PSS'
}

function deltaCells(figure: FigureDelta): string[] {
  const mark = figure.shift === null ? '' : `${MARK[figure.shift]} `
  return [
    formatMiB(figure.base),
    formatMiB(figure.head),
    `${mark}${formatSignedMiB(figure.delta)}`,
    figure.change === null ? DASH : formatSignedPercent(figure.change),
    formatMiB(figure.noise, NOISE_DECIMALS)
  ]
}

/** One strategy, base against head: a row per figure. */
export function strategyComparisonTable(compared: StrategyComparison, workers: number): string {
  const name = compared.name === 'none' ? '`none` (baseline)' : `\`${compared.name}\``
  const rows = (Object.keys(ROW_NAMES) as Figure[]).map(figure => [
    ROW_NAMES[figure](workers),
    ...deltaCells(compared.figures[figure])
  ])
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [
    line([name, 'Base', 'Head', 'Δ', 'Δ%', 'Noise']),
    line([':---', '---:', '---:', '---:', '---:', '---:']),
    ...rows.map(line)
  ].join('\n')
}

function strategyList(names: readonly Strategy[]): string {
  return names.map(name => `\`${name}\``).join(', ')
}

/** What the tables' figures are and when a change is marked. */
function comparisonNote(comparison: Comparison, base: MeasuredBase, head: Side): string {
  const runs =
    base.repeat === head.repeat
      ? `Medians of ${countOf(head.repeat, 'run')} on each side`
      : `Medians of ${countOf(base.repeat, 'run')} of the base and ${countOf(head.repeat, 'run')} of the head`
  const interleaved = base.origin.kind === 'merge-base' ? ', base and head interleaved' : ''
  const lines = [
    `${runs}${interleaved}. ${MARK.up}/${MARK.down} mark a change larger than the noise (the wider ` +
      `spread of the per-run figures on either side) and at least ${NEGLIGIBLE_CHANGE * 100}% of the base.`
  ]
  if (comparison.headOnly.length > 0) {
    lines.push(`Measured on the head only: ${strategyList(comparison.headOnly)}.`)
  }
  if (comparison.baseOnly.length > 0) {
    lines.push(`Measured on the base only: ${strategyList(comparison.baseOnly)}.`)
  }
  return lines.join(' ')
}

/** Differences between the two sides' setups that make some figures incomparable. */
export function caveats(base: MeasuredBase, head: Side): string[] {
  const found: string[] = []
  const [b, h] = [base.environment, head.environment]
  if (base.workers !== head.workers) {
    found.push(
      `The base ran ${countOf(base.workers, 'worker')} and the head ${countOf(head.workers, 'worker')}: ` +
        'PSS and tree PSS share pages among different numbers of processes.'
    )
  }
  const python = (p: Results['environment']['python']) =>
    `${p.implementation} ${p.version}${p.freeThreaded ? ' (free-threaded)' : ''}`
  if (python(b.python) !== python(h.python)) {
    found.push(
      `The base ran ${escapeMarkdown(python(b.python))} and the head ${escapeMarkdown(python(h.python))}.`
    )
  }
  const machine = (e: Results['environment']) =>
    `kernel ${e.kernel}, page size ${formatMiB(e.pageSize)}, transparent hugepages ${e.transparentHugepages}`
  if (machine(b) !== machine(h)) {
    found.push(
      `The base was measured with ${escapeMarkdown(machine(b))}; the head with ${escapeMarkdown(machine(h))}.`
    )
  }
  const target = (t: Results['target']) => JSON.stringify(t)
  if (target(base.target) !== target(head.target)) {
    found.push('The base ran a different target (entrypoint, worker or iterations) than the head.')
  }
  return found
}

function originTitle(origin: BaseOrigin): string {
  if (origin.kind === 'merge-base') {
    return `Compared with the base: merge base ${codeSpan(shortCommit(origin.commit))}`
  }
  const commit = origin.commit === null ? '' : ` (commit ${codeSpan(shortCommit(origin.commit))})`
  return `Compared with the baseline ${codeSpan(origin.file)}${commit}`
}

/** The note for a base that lacks the target: the head alone was measured, and the check passes. */
export function missingBaseNote(missing: string): string {
  return `> [!NOTE]\n> The base commit has no ${codeSpan(missing)}; measured the head alone.`
}

export interface ComparisonOptions {
  /** The strategy the verdict line speaks of: the gate strategy. */
  strategy: Strategy
  /** Heading level of the section: 4 under the report's `###` title. */
  level?: number
  /** `minimal` keeps the verdict line only. */
  detail?: ReportDetail
}

/**
 * The comparison section: heading, verdict line, setup differences, a table per strategy, and what
 * the marks mean. For a base without the target, the note alone.
 */
export function comparisonSection(head: Side, base: BaseSide, options: ComparisonOptions): string {
  if (base.status === 'missing-target') return missingBaseNote(base.missing)
  const comparison = compareStrategies(base.strategies, head.strategies)
  const sections = [
    heading(options.level ?? 4, originTitle(base.origin)),
    changeSentence(comparison, options.strategy, head.workers)
  ]
  const differences = caveats(base, head)
  if (differences.length > 0) {
    sections.push(
      [
        '> [!WARNING]',
        '> Base and head were not measured alike:',
        ...differences.map(d => `> - ${d}`)
      ].join('\n')
    )
  }
  if ((options.detail ?? 'full') !== 'minimal') {
    sections.push(
      ...comparison.strategies.map(s => strategyComparisonTable(s, head.workers)),
      comparisonNote(comparison, base, head)
    )
  }
  return sections.join('\n\n')
}

/** The gate strategy's default, as the inputs choose it: `freeze` if measured, else the first. */
export function defaultStrategy(results: StoredResults): Strategy {
  return results.strategies.some(s => s.name === 'freeze') ? 'freeze' : results.strategies[0].name
}

function legStrategy(results: StoredResults, preferred: Strategy | undefined): Strategy {
  return preferred !== undefined && results.strategies.some(s => s.name === preferred)
    ? preferred
    : defaultStrategy(results)
}

/** The overview cell: the leg's gate-strategy USS change against its base. */
function versusBaseCell(results: StoredResults, strategy: Strategy): string {
  const base = baseOf(results)
  if (base === null) return DASH
  if (base.status === 'missing-target') return 'new target (no base)'
  const compared = comparisonOf(results)?.strategies.find(s => s.name === strategy)
  if (compared === undefined) return DASH
  const uss = compared.figures.uss
  const mark = uss.shift === null ? '' : `${MARK[uss.shift]} `
  const percent = uss.change === null ? '' : ` (${formatSignedPercent(uss.change)})`
  return `${mark}${formatSignedMiB(uss.delta)}${percent}`
}

function overviewTable(legs: readonly Leg[], preferred: Strategy | undefined): string {
  const rows = legs.map(leg => {
    const strategy = legStrategy(leg.results, preferred)
    const uss = leg.results.strategies.find(s => s.name === strategy)?.summary.uss.median ?? 0
    return [
      escapeMarkdown(leg.title),
      `\`${strategy}\``,
      formatMiB(uss),
      versusBaseCell(leg.results, strategy)
    ]
  })
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [
    line(['Leg', 'Strategy', 'USS per child', 'Against the base']),
    line([':---', ':---', '---:', '---:']),
    ...rows.map(line)
  ].join('\n')
}

export interface LegsOptions {
  /** The strategy each leg is summarized by, where measured; else `freeze`, else the first. */
  strategy?: Strategy
  detail?: ReportDetail
  /** The leg's verdict in Markdown, when the legs are judged; null or absent for none. */
  verdictOf?: (leg: Leg) => string | null
  /** The overall verdict: an icon before the title and a line of Markdown under it. */
  overall?: { icon: string; line: string }
}

function legSection(leg: Leg, options: LegsOptions): string {
  const detail = options.detail ?? 'full'
  const head = headResults(leg.results)
  const strategy = legStrategy(leg.results, options.strategy)
  const sections = [heading(4, escapeMarkdown(leg.title))]
  const verdict = options.verdictOf?.(leg) ?? null
  if (verdict !== null) sections.push(verdict)
  sections.push(headline(head))
  if (detail !== 'minimal') sections.push(strategyTable(head))
  const base = baseOf(leg.results)
  if (base !== null) {
    sections.push(comparisonSection(head, base, { strategy, level: 5, detail }))
  }
  if (detail === 'full') sections.push(environmentDetails(head))
  return sections.join('\n\n')
}

/**
 * The combined comment of `mode: report`: a title, an overview row per leg, then a section per leg.
 * `detail` shortens each section as the single-run report does, to fit GitHub's limits.
 */
export function renderLegs(legs: readonly Leg[], options: LegsOptions = {}): string {
  const targets = new Set(legs.map(leg => targetLabel(leg.results.target)))
  const [target] = targets
  const subject =
    targets.size === 1 && target !== undefined
      ? `${escapeMarkdown(target)} across ${countOf(legs.length, 'leg')}`
      : countOf(legs.length, 'leg')
  const icon = options.overall === undefined ? '' : `${options.overall.icon} `
  const sections = [
    heading(3, `${icon}Prefork memory: ${subject}`),
    ...(options.overall === undefined ? [] : [options.overall.line]),
    overviewTable(legs, options.strategy),
    ...legs.map(leg => legSection(leg, options))
  ]
  return `${sections.join('\n\n')}\n`
}
