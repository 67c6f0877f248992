import { escapeMarkdown } from '../report/format.js'
import { fitWithin, type Fitted, type SizeLimit } from './fit.js'
import type { Report } from './report-body.js'

/** GitHub rejects a comment body over this many characters. */
export const COMMENT_LIMIT = 65_536

export const COMMENT_SIZE: SizeLimit = {
  max: COMMENT_LIMIT,
  // UTF-16 units: never fewer than the characters GitHub counts, so a fit here fits there.
  measure: text => text.length,
  describe: 'a comment (65,536 characters)',
  fullReportAt: "the job summary and the action's `report` output"
}

/**
 * The hidden line that identifies our comment for this key. Characters that could end the HTML
 * comment early (`>`, `!`, a second `-`) and `%` itself are percent-encoded.
 */
export function commentMarker(key: string): string {
  const safe = key.replace(
    /[%<>!\r\n]|-(?=-)/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
  )
  return `<!-- prefork-memory-check:${safe} -->`
}

export interface CommentContext {
  /** The `comment-key` input. */
  key: string
  /** Link to the workflow run, when known. */
  runUrl: string | null
}

function footer(context: CommentContext): string {
  const run = context.runUrl === null ? '' : ` · [workflow run](${context.runUrl})`
  return `<sub>Prefork Memory Check · comment key: ${escapeMarkdown(context.key)}${run}</sub>`
}

/** The sticky comment for a run that stopped: marker, the error summary, footer. */
export function composeFailureComment(summary: string, context: CommentContext): string {
  return `${[commentMarker(context.key), summary.trimEnd(), footer(context)].join('\n\n')}\n`
}

/** The sticky comment: marker, report, footer; shortened step by step to fit `limit`. */
export function composeComment(
  report: Report,
  context: CommentContext,
  limit: SizeLimit = COMMENT_SIZE
): Fitted {
  const marker = commentMarker(context.key)
  return fitWithin(
    (detail, note) =>
      [marker, report.render(detail), note, footer(context)]
        .filter(part => part !== null)
        .join('\n\n') + '\n',
    limit,
    { chart: report.chart }
  )
}
