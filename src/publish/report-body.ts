import type { Results, Strategy } from '../engine/types.js'
import type { Verdict } from '../gate.js'
import { comparisonSection, defaultStrategy } from '../report/compare.js'
import { escapeMarkdown } from '../report/format.js'
import {
  environmentDetails,
  headline,
  loadChart,
  perChildDetails,
  projectionTable,
  strategyTable,
  warningsBlock,
  type ReportDetail
} from '../report/markdown.js'
import { targetLabel } from '../report/target.js'
import { VERDICT_ICON, verdictMarkdown, verdictState } from './verdict.js'

/** A report that renders at several levels of detail, so it can be shortened to fit a limit. */
export interface Report {
  /** The Markdown from the `###` title down; `minimal` is the shortest. */
  render(detail: ReportDetail): string
  /** The full report holds a chart, which only the minimal one leaves out. */
  chart: boolean
}

/** The projection under a fold, its heading turned into the fold's label. */
function foldedProjection(results: Results): string {
  const table = projectionTable(results)
  const heading = /^#+ (.*)\n\n/.exec(table)
  const label = heading?.[1] ?? 'Projected total memory by worker count'
  return `<details><summary>${label}</summary>\n\n${table.slice(heading?.[0].length ?? 0)}\n\n</details>`
}

/** "app.py:preload", then the label that tells matrix legs apart. */
function subject(results: Results): string {
  const target = targetLabel(results.target)
  return escapeMarkdown(results.label ? `${target} · ${results.label}` : target)
}

/**
 * The report as the job summary, the comment and the report file show it: the verdict first, then
 * any warnings, the comparison with the base (its verdict line only at `minimal`), then the head's
 * headline and table, then the sections `detail` keeps (as renderReport does), folded. `strategy`
 * is the gate strategy, which the comparison's verdict line speaks of.
 */
export function reportBody(
  results: Results,
  verdict: Verdict,
  detail: ReportDetail,
  strategy: Strategy = defaultStrategy(results)
): string {
  const icon = VERDICT_ICON[verdictState(verdict)]
  const sections = [
    `### ${icon} Prefork memory: ${subject(results)}`,
    verdictMarkdown(verdict),
    warningsBlock(results)
  ]
  const { base } = results
  if (base !== undefined) {
    sections.push(comparisonSection(results, base, { strategy, level: 4, detail }))
    // The head's own figures follow the comparison; a heading keeps them apart from its tables.
    if (base.status === 'measured') sections.push("#### The head's figures")
  }
  sections.push(headline(results), strategyTable(results))
  // The chart goes before the table would: only the minimal report, the last resort, leaves it out.
  if (detail !== 'minimal') sections.push(loadChart(results), foldedProjection(results))
  if (detail === 'full') sections.push(perChildDetails(results))
  if (detail !== 'minimal') sections.push(environmentDetails(results))
  return sections.filter(section => section !== null).join('\n\n')
}

/** The report of one measured target. */
export function resultsReport(
  results: Results,
  verdict: Verdict,
  strategy: Strategy = defaultStrategy(results)
): Report {
  return {
    render: detail => reportBody(results, verdict, detail, strategy),
    chart: loadChart(results) !== null
  }
}
