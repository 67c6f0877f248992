/**
 * Whether the base has the target at all: the pull request that adds the action usually adds the
 * entrypoint too, and then there is nothing to compare with.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * Where what `spec` imports may live, relative to the working directory: the file itself for a
 * file spec; for a module spec its `.py`, its package's `__init__.py`, or a namespace directory.
 */
export function specPaths(spec: string): string[] {
  const colon = spec.lastIndexOf(':')
  const target = colon === -1 ? spec : spec.slice(0, colon)
  // As the harness decides: a file when it ends in .py or holds a slash, else a module.
  if (target.endsWith('.py') || target.includes('/')) return [target]
  const path = target.split('.').join('/')
  return [`${path}.py`, `${path}/__init__.py`, path]
}

export interface TreeAccess {
  /** Whether a path relative to the head's working directory exists there. */
  head(path: string): boolean
  /** The same in the base's copy of the working directory. */
  base(path: string): boolean
}

/** Existence checks under the two working directories. */
export function treesAt(headDirectory: string, baseDirectory: string): TreeAccess {
  return {
    head: path => existsSync(resolve(headDirectory, path)),
    base: path => existsSync(resolve(baseDirectory, path))
  }
}

/**
 * The first path that the head's specs use and the base lacks, or null when the base has them all.
 * A spec found in neither tree (an installed package) is the same on both sides, so never missing.
 */
export function missingOnBase(specs: readonly (string | null)[], trees: TreeAccess): string | null {
  for (const spec of specs) {
    if (spec === null || spec === '') continue
    const paths = specPaths(spec)
    const inHead = paths.find(path => trees.head(path))
    if (inHead !== undefined && !paths.some(path => trees.base(path))) return inHead
  }
  return null
}
