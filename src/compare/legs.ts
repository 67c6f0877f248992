/** `mode: report`: the results files of several matrix legs, each a section of one comment. */
import { relative } from 'node:path'
import { expandGlobs } from './glob.js'
import { readResultsFile } from './read-results.js'
import { labelOf } from './results.js'
import type { StoredResults } from './schema.js'

export interface Leg {
  /** "Python 3.12.4 · postgres": unique among the legs. */
  title: string
  /** The results file, absolute. */
  file: string
  results: StoredResults
}

/** Parts of a version as numbers, so 3.9 sorts before 3.10; a suffix (rc1) sorts after none. */
function versionParts(version: string): number[] {
  return version.split('.').map(part => Number.parseInt(part, 10) || 0)
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [versionParts(a), versionParts(b)]
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const difference = (x[i] ?? 0) - (y[i] ?? 0)
    if (difference !== 0) return difference
  }
  return a.localeCompare(b)
}

/** "Python 3.12.4", then the leg's label when it has one. */
export function legTitle(results: StoredResults): string {
  const { implementation, version, freeThreaded } = results.environment.python
  const python =
    `${implementation === 'CPython' ? 'Python' : implementation} ${version}` +
    (freeThreaded ? ' free-threaded' : '')
  const label = labelOf(results)
  return label === null ? python : `${python} · ${label}`
}

/**
 * The legs in reading order: by Python version, then label. Legs that would share a title (two
 * runners on one Python without a label) are told apart by their file, relative to `cwd`.
 */
export function toLegs(
  files: readonly { file: string; results: StoredResults }[],
  cwd: string
): Leg[] {
  const sorted = [...files].sort(
    (a, b) =>
      compareVersions(a.results.environment.python.version, b.results.environment.python.version) ||
      (labelOf(a.results) ?? '').localeCompare(labelOf(b.results) ?? '') ||
      a.file.localeCompare(b.file)
  )
  const titles = sorted.map(f => legTitle(f.results))
  return sorted.map((f, i) => ({
    title:
      titles.indexOf(titles[i]) === titles.lastIndexOf(titles[i])
        ? titles[i]
        : `${titles[i]} (${relative(cwd, f.file)})`,
    file: f.file,
    results: f.results
  }))
}

/**
 * Reads every results file the patterns match (one pattern a line). `input` names where the
 * patterns came from, for the message when none matches: "input 'results-glob'".
 */
export function loadLegs(patternText: string, cwd: string, input: string): Leg[] {
  const patterns = patternText
    .split('\n')
    .map(line => line.trim())
    .filter(line => line !== '')
  const files = expandGlobs(patterns, cwd)
  if (files.length === 0) {
    const subject = input.replace(/^./, c => c.toUpperCase())
    throw new Error(
      `${subject} matched no files: ${patterns.map(p => `'${p}'`).join(', ') || 'no pattern given'} ` +
        `(relative patterns start at ${cwd}). Download the legs' results first, for example with ` +
        'actions/download-artifact, and point the pattern at their results.json files.'
    )
  }
  return toLegs(
    files.map(file => ({ file, results: readResultsFile(file) })),
    cwd
  )
}
