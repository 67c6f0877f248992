/** Parsers for the human-friendly quantities users write in inputs. Each returns null when invalid. */

const SIZE_UNITS = new Map([
  ['', 1],
  ['b', 1],
  ['kb', 1e3],
  ['mb', 1e6],
  ['gb', 1e9],
  ['kib', 2 ** 10],
  ['mib', 2 ** 20],
  ['gib', 2 ** 30]
])

const DURATION_UNITS = new Map([
  ['ms', 1],
  ['s', 1000],
  ['m', 60_000],
  ['h', 3_600_000]
])

/** Longest accepted duration; also keeps timers far below Node's 2^31 − 1 ms ceiling. */
export const MAX_DURATION_MS = 24 * 3_600_000

export const SIZE_FORMS = 'a size such as 150MiB, 1.5GB or 1048576 (B, KB, MB, GB, KiB, MiB, GiB)'
export const DURATION_FORMS =
  'a duration from 1ms to 24h such as 90s, 5m or 1h (a bare number is seconds)'

/** A non-negative decimal, then an optional unit made of letters or `%`. */
const QUANTITY = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-z%]*)$/i

function quantity(text: string): { value: number; unit: string } | null {
  const match = QUANTITY.exec(text.trim())
  return match ? { value: Number(match[1]), unit: match[2].toLowerCase() } : null
}

/** Bytes from `1048576`, `512 B`, `1.5GB` (10^n) or `150MiB` (2^n); null unless at least one byte. */
export function parseSize(text: string): number | null {
  const q = quantity(text)
  const scale = q && SIZE_UNITS.get(q.unit)
  if (!q || !scale) return null
  const bytes = Math.round(q.value * scale)
  return bytes >= 1 && Number.isSafeInteger(bytes) ? bytes : null
}

/** Milliseconds from `500ms`, `90s`, `5m`, `1h` or a bare number of seconds; null unless 1ms–24h. */
export function parseDuration(text: string): number | null {
  const q = quantity(text)
  const scale = q && DURATION_UNITS.get(q.unit === '' ? 's' : q.unit)
  if (!q || !scale) return null
  const ms = Math.round(q.value * scale)
  return ms >= 1 && ms <= MAX_DURATION_MS ? ms : null
}

/** A percentage from 0 to 100, written `10` or `10%`. */
export function parsePercent(text: string): number | null {
  const q = quantity(text)
  if (!q || (q.unit !== '' && q.unit !== '%')) return null
  return q.value <= 100 ? q.value : null
}
