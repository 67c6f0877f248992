import type { ReportDetail } from '../report/markdown.js'

/** A GitHub size limit and where to find what did not fit under it. */
export interface SizeLimit {
  max: number
  /** Size in the limit's unit: characters for comments, bytes for the job summary. */
  measure(text: string): number
  /** "a PR comment (65,536 characters)". */
  describe: string
  /** Where the full report is when this one was shortened. */
  fullReportAt: string
}

export interface Fitted {
  text: string
  detail: ReportDetail
  /** True when even the minimal report was too long and had to be cut. */
  cut: boolean
}

const LEFT_OUT: Record<Exclude<ReportDetail, 'full'>, string> = {
  compact: 'the per-process tables',
  minimal: 'the per-process tables, the projection and the environment'
}

/** What the report holds besides the sections every report has. */
export interface FitOptions {
  /** A chart, which only the minimal report leaves out. */
  chart?: boolean
}

function droppedNote(
  detail: Exclude<ReportDetail, 'full'>,
  limit: SizeLimit,
  options: FitOptions
): string {
  const leftOut =
    options.chart && detail === 'minimal' ? `the chart, ${LEFT_OUT[detail]}` : LEFT_OUT[detail]
  return (
    `> [!NOTE]\n> This report leaves out ${leftOut} to stay within GitHub's limit for ` +
    `${limit.describe}. The full report is in ${limit.fullReportAt}.`
  )
}

function cutNote(limit: SizeLimit): string {
  return (
    `> [!NOTE]\n> Cut here: even the shortest report is over GitHub's limit for ${limit.describe}. ` +
    `The full report is in ${limit.fullReportAt}.`
  )
}

/** The longest prefix of `text` that fits with `suffix`, ending at a line break where one is near. */
export function cutToFit(text: string, suffix: string, limit: SizeLimit): string {
  let low = 0
  let high = text.length
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (limit.measure(text.slice(0, mid) + suffix) <= limit.max) low = mid
    else high = mid - 1
  }
  let end = low
  const code = text.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end -= 1 // never split a surrogate pair
  const lineEnd = text.lastIndexOf('\n', end - 1)
  if (lineEnd > end / 2) end = lineEnd
  return text.slice(0, end) + suffix
}

/**
 * Renders at full detail, then compact, then minimal until the text fits; as a last resort cuts the
 * minimal text. `render` places the note (what was left out) where it belongs, null for none.
 */
export function fitWithin(
  render: (detail: ReportDetail, note: string | null) => string,
  limit: SizeLimit,
  options: FitOptions = {}
): Fitted {
  const full = render('full', null)
  if (limit.measure(full) <= limit.max) return { text: full, detail: 'full', cut: false }
  for (const detail of ['compact', 'minimal'] as const) {
    const text = render(detail, droppedNote(detail, limit, options))
    if (limit.measure(text) <= limit.max) return { text, detail, cut: false }
  }
  const text = cutToFit(render('minimal', null), `\n\n${cutNote(limit)}\n`, limit)
  return { text, detail: 'minimal', cut: true }
}
