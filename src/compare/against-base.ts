/**
 * Measures the head and, where the inputs ask for one, its base: the pull request's merge base in a
 * temporary worktree, run by run beside the head, or the figures of a baseline file.
 */
import { existsSync, realpathSync } from 'node:fs'
import { relative } from 'node:path'
import { Inputs } from '../constants.js'
import {
  MeasureError,
  measure,
  measureWithBase,
  type MeasureDeps,
  type MeasuredPair
} from '../engine/measure.js'
import type { MeasureSettings } from '../engine/settings.js'
import type { BaseOrigin, BaseSide, MeasuredBase, Results } from '../engine/types.js'
import { shortCommit, type PullRequestCommits } from '../git/commits.js'
import { GitError, type Git } from '../git/git.js'
import { MergeBaseError, resolveMergeBase } from '../git/merge-base.js'
import { pathInWorktree, repositoryRoot, withWorktree } from '../git/worktree.js'
import type { BaseRequest } from '../inputs.js'
import { measuredBase } from './results.js'
import type { StoredResults } from './schema.js'
import { missingOnBase, treesAt } from './target-presence.js'

export interface BaseDeps extends MeasureDeps {
  /** Git in a directory: createGit on a runner. */
  git(directory: string): Git
  /** Where the base's worktree is made: the runner's temp directory. */
  tempDirectory: string
}

/** The head's results and what it was compared with; `base` null when nothing was, and why. */
export type Measured =
  { head: Results; base: BaseSide } | { head: Results; base: null; reason: string }

function named(deps: MeasureDeps, name: string): string {
  return (deps.refer ?? (n => `input '${n}'`))(name)
}

/** How to measure without the base, for the end of every message about a base that failed. */
function wayOut(deps: MeasureDeps): string {
  return `To measure the head alone, set ${named(deps, Inputs.CompareBase)} to false.`
}

/**
 * What the head has and the base lacks: the working directory itself, or a file the entrypoint or
 * worker names. A command line names nothing this can check; a base without it fails its run.
 */
function missingTarget(
  settings: MeasureSettings,
  root: string,
  headDirectory: string,
  baseDirectory: string
): string | null {
  if (!existsSync(baseDirectory)) return relative(root, headDirectory)
  if (settings.kind === 'command') return null
  return missingOnBase(
    [settings.entrypoint, settings.worker],
    treesAt(settings.workingDirectory, baseDirectory)
  )
}

/** Adds the base's commit and the way out to a failed base run's message. */
function baseRunFailed(error: MeasureError, commit: string, deps: MeasureDeps): MeasureError {
  return new MeasureError(
    `${error.message}\nThe base is the pull request's merge base ${shortCommit(commit)}: the ` +
      `same target failed there. ${wayOut(deps)}`,
    error.partial,
    { cause: error, side: 'base' }
  )
}

/** The repository's top directory and the merge base, or why there is no repository to look in. */
async function locateMergeBase(
  git: Git,
  commits: PullRequestCommits,
  required: boolean,
  deps: BaseDeps
): Promise<{ root: string; commit: string } | { reason: string }> {
  let root: string
  try {
    root = await repositoryRoot(git)
  } catch (error) {
    const reason = `${git.directory} is not in a git repository`
    const why = `${reason} (${(error as Error).message})`
    if (required) throw new Error(`Cannot compare with the base: ${why}. ${wayOut(deps)}`)
    deps.log.warning(
      `Not comparing with the base: ${why}. Check the repository out with actions/checkout, or ` +
        `set ${named(deps, Inputs.CompareBase)} to false to measure the head alone without this warning.`
    )
    return { reason }
  }
  try {
    return { root, commit: await resolveMergeBase(git, commits, { info: deps.log.info }) }
  } catch (error) {
    if (error instanceof MergeBaseError) {
      throw new Error(`${error.message} ${wayOut(deps)}`, { cause: error })
    }
    throw error
  }
}

/** Where the base is checked out, and where the head runs. */
interface Checkouts {
  /** The repository's top directory. */
  root: string
  worktree: string
  /** The head's working directory, symbolic links resolved. */
  headDirectory: string
  commit: string
}

/** Inside the base's worktree: the head and the base in turn, or what the base lacks. */
async function measureOnBase(
  settings: MeasureSettings,
  { root, worktree, headDirectory, commit }: Checkouts,
  deps: BaseDeps
): Promise<{ missing: string } | { pair: MeasuredPair }> {
  let baseDirectory: string
  try {
    baseDirectory = pathInWorktree(root, worktree, headDirectory)
  } catch (error) {
    throw new Error(`${(error as Error).message} ${wayOut(deps)}`, { cause: error })
  }
  const missing = missingTarget(settings, root, headDirectory, baseDirectory)
  if (missing !== null) return { missing }
  deps.log.info(`The base is checked out at ${worktree}`)
  try {
    const base = { workingDirectory: baseDirectory, commit }
    return { pair: await measureWithBase(settings, base, deps) }
  } catch (error) {
    if (error instanceof MeasureError && error.side === 'base') {
      throw baseRunFailed(error, commit, deps)
    }
    throw error
  }
}

async function againstMergeBase(
  settings: MeasureSettings,
  commits: PullRequestCommits,
  required: boolean,
  deps: BaseDeps
): Promise<Measured> {
  const { log } = deps
  const git = deps.git(settings.workingDirectory)
  log.startGroup('Base')
  let located
  try {
    located = await locateMergeBase(git, commits, required, deps)
    if ('commit' in located) {
      log.info(
        `Base: ${shortCommit(located.commit)}, the merge base of the pull request's base ` +
          `${shortCommit(commits.base)} and head ${shortCommit(commits.head)}`
      )
    }
  } finally {
    log.endGroup()
  }
  if (!('commit' in located)) {
    return { head: await measure(settings, deps), base: null, reason: located.reason }
  }

  const { root, commit } = located
  const origin: BaseOrigin = { kind: 'merge-base', commit, pullRequest: commits }
  const headDirectory = realpathSync(settings.workingDirectory)
  let outcome: { missing: string } | { pair: MeasuredPair }
  try {
    const onBase = (worktree: string) =>
      measureOnBase(settings, { root, worktree, headDirectory, commit }, deps)
    outcome = await withWorktree(git, commit, onBase, {
      parent: deps.tempDirectory,
      warning: log.warning
    })
  } catch (error) {
    // Only checking the base out runs git here.
    if (!(error instanceof GitError)) throw error
    throw new Error(
      `Could not check the base ${shortCommit(commit)} out: ${error.message}. ${wayOut(deps)}`,
      { cause: error }
    )
  }

  if ('pair' in outcome) {
    return { head: outcome.pair.head, base: measuredBase(outcome.pair.base, origin) }
  }
  // Measured after the worktree is gone: nothing of the base is needed, and nothing is left over.
  log.info(
    `The base ${shortCommit(commit)} has no ${outcome.missing}, which the head measures: the ` +
      'pull request adds the target, so the head is measured alone.'
  )
  return {
    head: await measure(settings, deps),
    base: { status: 'missing-target', origin, missing: outcome.missing }
  }
}

/** The base side of a baseline file: its own figures, and its commit when it names one. */
export function baselineSide(file: string, results: StoredResults): MeasuredBase {
  return measuredBase(results, {
    kind: 'baseline',
    file,
    commit: results.environment.gitSha ?? null
  })
}

/** Measures the head and the base `request` names. */
export async function measureAgainstBase(
  settings: MeasureSettings,
  request: BaseRequest,
  deps: BaseDeps
): Promise<Measured> {
  switch (request.kind) {
    case 'none':
      return { head: await measure(settings, deps), base: null, reason: request.reason }
    case 'baseline':
      return {
        head: await measure(settings, deps),
        base: baselineSide(request.file, request.results)
      }
    case 'merge-base':
      return againstMergeBase(settings, request.commits, request.required, deps)
  }
}
