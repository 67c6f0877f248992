/** Number and text formatting shared by the Markdown and terminal reports. */

export const KIB = 1024
export const MIB = 1024 * KIB

/** The real minus sign: it lines up with "+" and reads as a sign, not a hyphen. */
const MINUS = '−'

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

function unsigned(bytes: number, decimals: number): string {
  const kib = Math.round(bytes / KIB)
  if (kib < 1024) return `${kib} KiB`
  const [whole, fraction] = (bytes / MIB).toFixed(decimals).split('.')
  return `${groupThousands(whole)}${fraction === undefined ? '' : `.${fraction}`} MiB`
}

function isZero(text: string): boolean {
  return !/[1-9]/.test(text)
}

/** "101.3 MiB"; below 1 MiB whole KiB ("812 KiB"); negatives take a real minus sign. */
export function formatMiB(bytes: number, decimals = 1): string {
  const text = unsigned(Math.abs(bytes), decimals)
  return bytes < 0 && !isZero(text) ? `${MINUS}${text}` : text
}

/** Like formatMiB with an explicit sign: "+1.2 MiB", "−812 KiB"; no sign when it rounds to zero. */
export function formatSignedMiB(bytes: number, decimals = 1): string {
  const text = unsigned(Math.abs(bytes), decimals)
  if (isZero(text)) return text
  return `${bytes < 0 ? MINUS : '+'}${text}`
}

/** A fraction as a percentage with one decimal: 0.989 → "98.9%". */
export function formatPercent(fraction: number): string {
  const text = `${Math.abs(fraction * 100).toFixed(1)}%`
  return fraction < 0 && !isZero(text) ? `${MINUS}${text}` : text
}

/** A signed change: −0.989 → "−98.9%", 0.005 → "+0.5%"; no sign when it rounds to zero. */
export function formatSignedPercent(fraction: number): string {
  const text = `${Math.abs(fraction * 100).toFixed(1)}%`
  if (isZero(text)) return text
  return `${fraction < 0 ? MINUS : '+'}${text}`
}

/** A whole count with thousands separators: 187316 → "187,316". */
export function formatCount(count: number): string {
  const text = groupThousands(String(Math.round(Math.abs(count))))
  return count < 0 && text !== '0' ? `${MINUS}${text}` : text
}

/** "4 workers", "1 worker". */
export function countOf(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`
}

/** "5.8–6.0 MiB" when both ends share a unit, else "1,020 KiB–1.1 MiB"; one figure when they agree. */
export function formatRange(min: number, max: number, decimals = 1): string {
  const low = formatMiB(min, decimals)
  const high = formatMiB(max, decimals)
  if (low === high) return low
  const unit = / [KM]iB$/.exec(low)?.[0]
  return unit !== undefined && high.endsWith(unit)
    ? `${low.slice(0, -unit.length)}–${high}`
    : `${low}–${high}`
}

/** "250ms", "2s", "1.25s": a duration in the form the inputs take it. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)}ms` : `${Number((ms / 1000).toFixed(2))}s`
}

const MARKDOWN_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;'
}

/**
 * Makes user-controlled text (module names, paths, labels) inert in Markdown: it cannot end a table
 * cell, open a code span, emphasis, link or math, or inject HTML, and it stays on one line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|[\r\n]/g, ' ')
    .replace(/[&<>]/g, c => MARKDOWN_ESCAPES[c])
    .replace(/[\\|`*_[\]~$]/g, c => `\\${c}`)
}

/** A limit as the user likely wrote it: "150 MiB" rather than "150.0 MiB". */
export function formatLimit(bytes: number): string {
  return formatMiB(bytes, bytes % MIB === 0 ? 0 : 1)
}
