import type { Results } from '../engine/types.js'
import type { Verdict } from '../gate.js'
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

/** The projection under a fold, its heading turned into the fold's label. */
function foldedProjection(results: Results): string {
  const table = projectionTable(results)
  const heading = /^#+ (.*)\n\n/.exec(table)
  const label = heading?.[1] ?? 'Projected total memory by worker count'
  return `<details><summary>${label}</summary>\n\n${table.slice(heading?.[0].length ?? 0)}\n\n</details>`
}

/**
 * The report as the job summary, the comment and the report file show it: the verdict first, then
 * any warnings, the engine's headline and table, then the sections `detail` keeps (as renderReport
 * does), folded.
 */
export function reportBody(results: Results, verdict: Verdict, detail: ReportDetail): string {
  const icon = VERDICT_ICON[verdictState(verdict)]
  const sections = [
    `### ${icon} Prefork memory: ${escapeMarkdown(targetLabel(results.target))}`,
    verdictMarkdown(verdict),
    warningsBlock(results),
    headline(results),
    strategyTable(results)
  ]
  // The chart goes before the table would: only the minimal report, the last resort, leaves it out.
  if (detail !== 'minimal') sections.push(loadChart(results), foldedProjection(results))
  if (detail === 'full') sections.push(perChildDetails(results))
  if (detail !== 'minimal') sections.push(environmentDetails(results))
  return sections.filter(section => section !== null).join('\n\n')
}
