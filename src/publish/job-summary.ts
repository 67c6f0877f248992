import { appendFileSync } from 'node:fs'
import type { Logger } from '../engine/logger.js'
import type { Results } from '../engine/types.js'
import { headline, strategyTable } from '../report/markdown.js'
import { fitWithin, type Fitted, type SizeLimit } from './fit.js'
import type { Report } from './report-body.js'

/** GitHub drops a step summary over 1 MiB. */
export const SUMMARY_SIZE: SizeLimit = {
  max: 1024 * 1024,
  measure: text => Buffer.byteLength(text, 'utf8'),
  describe: 'a job summary (1 MiB)',
  fullReportAt: "the action's `report` output file"
}

/** The job summary: the full report, shortened only past GitHub's limit. */
export function composeSummary(report: Report, limit: SizeLimit = SUMMARY_SIZE): Fitted {
  return fitWithin(
    (detail, note) =>
      [report.render(detail), note].filter(part => part !== null).join('\n\n') + '\n',
    limit,
    { chart: report.chart }
  )
}

/**
 * Appends Markdown to the step's summary file. Outside a runner (or on one too old to have it)
 * there is no file: that costs the summary, not the run.
 */
export function writeJobSummary(markdown: string, env: NodeJS.ProcessEnv, log: Logger): boolean {
  const path = env.GITHUB_STEP_SUMMARY
  if (!path) {
    log.warning(
      'GITHUB_STEP_SUMMARY is not set, so no job summary was written; the report is in the `report` output.'
    )
    return false
  }
  try {
    appendFileSync(path, markdown)
    return true
  } catch (error) {
    log.warning(`Could not write the job summary to ${path}: ${(error as Error).message}`)
    return false
  }
}

/** Most of an error shown in a summary or comment; the log keeps all of it. */
export const MAX_ERROR_CHARS = 20_000
/** Of those, from the start: what failed. The rest comes from the end: the traceback's last frames. */
const ERROR_HEAD_CHARS = 2_000

function shortened(message: string): string {
  if (message.length <= MAX_ERROR_CHARS) return message
  const cut = message.length - MAX_ERROR_CHARS
  return (
    `${message.slice(0, ERROR_HEAD_CHARS)}\n[… ${cut} characters cut; the log has them …]\n` +
    message.slice(message.length - (MAX_ERROR_CHARS - ERROR_HEAD_CHARS))
  )
}

/**
 * A summary for a run that stopped: the message in a code block whose fence is longer than any
 * run of backticks in it, so the user's traceback cannot close it; then the runs that completed.
 */
export function errorSummary(message: string, partial: Results | null = null): string {
  const text = shortened(message)
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length))
  const fence = '`'.repeat(Math.max(3, longestRun + 1))
  const error = `${fence}\n${text}\n${fence}\n`
  if (partial === null) return `### ❌ Prefork memory: no results\n\n${error}`
  const completed = partial.strategies.map(s => `${s.name} × ${s.runs.length}`).join(', ')
  return [
    '### ❌ Prefork memory: the run failed',
    error,
    `#### Completed before the failure: ${completed}`,
    headline(partial),
    strategyTable(partial)
  ].join('\n\n')
}
