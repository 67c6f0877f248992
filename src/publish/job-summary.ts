import { appendFileSync } from 'node:fs'
import type { Results } from '../engine/types.js'
import type { Verdict } from '../gate.js'
import type { Logger } from '../engine/logger.js'
import { fitWithin, type Fitted, type SizeLimit } from './fit.js'
import { reportBody } from './report-body.js'

/** GitHub drops a step summary over 1 MiB. */
export const SUMMARY_SIZE: SizeLimit = {
  max: 1024 * 1024,
  measure: text => Buffer.byteLength(text, 'utf8'),
  describe: 'a job summary (1 MiB)',
  fullReportAt: "the action's `report` output file"
}

/** The job summary: the verdict and the full report, shortened only past GitHub's limit. */
export function composeSummary(
  results: Results,
  verdict: Verdict,
  limit: SizeLimit = SUMMARY_SIZE
): Fitted {
  return fitWithin(
    (detail, note) =>
      [reportBody(results, verdict, detail), note].filter(part => part !== null).join('\n\n') +
      '\n',
    limit
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

/** A summary for a run that stopped before it had results: the message in a code block. */
export function errorSummary(message: string): string {
  const longestRun = Math.max(0, ...(message.match(/`+/g) ?? []).map(run => run.length))
  const fence = '`'.repeat(Math.max(3, longestRun + 1))
  return `### ❌ Prefork memory: no results\n\n${fence}\n${message}\n${fence}\n`
}
