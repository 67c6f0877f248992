import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { isAbsolute, join, relative, sep } from 'node:path'
import { isCommitId } from './commits.js'
import { runGit, type Git } from './git.js'

export interface WorktreeOptions {
  /** Where the temporary directory is made: the runner's temp directory on a runner. */
  parent?: string
  /** Told about a worktree that could not be removed; the measurement itself stands. */
  warning?: (message: string) => void
}

/** The repository's top directory, as git spells it (symbolic links resolved). */
export function repositoryRoot(git: Git): Promise<string> {
  return runGit(git, ['rev-parse', '--show-toplevel'])
}

/**
 * Where `path` of the main checkout sits in a worktree rooted at `worktree`: the base's copy of the
 * working directory. Both `root` and `path` must be real paths (symbolic links resolved).
 */
export function pathInWorktree(root: string, worktree: string, path: string): string {
  const inside = relative(root, path)
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    throw new Error(`${path} is outside the repository at ${root}, so the base has no copy of it.`)
  }
  return join(worktree, inside)
}

/** Removes the worktree and everything in it; returns what went wrong instead of throwing. */
async function removeWorktree(git: Git, path: string, dir: string): Promise<string[]> {
  const problems: string[] = []
  const attempt = async (what: () => Promise<unknown> | void): Promise<void> => {
    try {
      await what()
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error))
    }
  }
  // Twice --force: also when untracked files (bytecode caches, logs) or a lock are left in it.
  const removed = await git.exec(['worktree', 'remove', '--force', '--force', path])
  await attempt(() => rmSync(dir, { recursive: true, force: true }))
  // Forgets the worktree's administrative files also when `remove` failed half way.
  await attempt(() => runGit(git, ['worktree', 'prune']))
  if (removed.exitCode !== 0 && problems.length > 0) problems.unshift(removed.stderr.trim())
  return problems
}

/**
 * Checks `commit` out, detached, into a temporary worktree and runs `body` with its path. The
 * worktree is removed afterwards, whether `body` succeeded or threw.
 */
export async function withWorktree<T>(
  git: Git,
  commit: string,
  body: (path: string) => Promise<T>,
  options: WorktreeOptions = {}
): Promise<T> {
  if (!isCommitId(commit)) throw new Error(`'${commit}' is not a full commit id.`)
  const dir = mkdtempSync(join(options.parent ?? tmpdir(), 'prefork-base-'))
  const path = join(dir, 'worktree')
  try {
    await runGit(git, ['worktree', 'add', '--detach', path, commit])
    return await body(path)
  } finally {
    const problems = await removeWorktree(git, path, dir)
    if (problems.length > 0) {
      options.warning?.(`Could not remove the base's worktree at ${path}: ${problems.join('; ')}`)
    }
  }
}
