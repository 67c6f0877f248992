/**
 * File globs for the results files of matrix legs: `*` and `?` within one path segment, `**`
 * across any number of directories. Names starting with a dot match only a pattern segment that
 * starts with one, as in a shell, and `**` does not follow symbolic links into loops.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'

function hasWildcard(segment: string): boolean {
  return /[*?]/.test(segment)
}

/** A segment's pattern as a regular expression over one name. */
function segmentPattern(segment: string): RegExp {
  const body = segment
    .split('')
    .map(c => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('')
  return new RegExp(`^${body}$`, 's')
}

function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
  } catch {
    return [] // not a directory, gone, or not ours to read: nothing matches in it
  }
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false
}

function visible(name: string, segment: string): boolean {
  return segment.startsWith('.') || !name.startsWith('.')
}

function walk(path: string, rest: readonly string[], found: Set<string>): void {
  if (rest.length === 0) {
    if (isFile(path)) found.add(path)
    return
  }
  const [segment, ...tail] = rest
  if (segment === '**') {
    // Zero directories here, then one more level for each directory below.
    walk(path, tail.length === 0 ? ['*'] : tail, found)
    for (const entry of entries(path)) {
      if (entry.isDirectory() && !entry.name.startsWith('.')) {
        walk(join(path, entry.name), rest, found)
      }
    }
    return
  }
  if (!hasWildcard(segment)) {
    walk(join(path, segment), tail, found)
    return
  }
  const pattern = segmentPattern(segment)
  for (const entry of entries(path)) {
    if (pattern.test(entry.name) && visible(entry.name, segment)) {
      walk(join(path, entry.name), tail, found)
    }
  }
}

/** The files `pattern` matches, as absolute paths in order; a relative pattern starts at `cwd`. */
export function expandGlob(pattern: string, cwd: string): string[] {
  const trimmed = pattern.trim()
  if (trimmed === '') return []
  const root = isAbsolute(trimmed) ? '/' : resolve(cwd)
  const segments = trimmed.split('/').filter(segment => segment !== '')
  const found = new Set<string>()
  walk(root, segments, found)
  return [...found].sort()
}

/** The union of several patterns' files, each once, in order. */
export function expandGlobs(patterns: readonly string[], cwd: string): string[] {
  return [...new Set(patterns.flatMap(pattern => expandGlob(pattern, cwd)))].sort()
}
