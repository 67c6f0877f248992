import { isCommitId, shortCommit, type PullRequestCommits } from './commits.js'
import { GitError, runGit, type Git } from './git.js'

/** Commits to deepen a shallow checkout by, in turn, before fetching its whole history. */
export const DEEPEN_STEPS: readonly number[] = [50, 200, 1000]

export interface MergeBaseOptions {
  /** The remote actions/checkout configured, with the credentials it left. */
  remote?: string
  deepenSteps?: readonly number[]
  /** Progress for the log: what is fetched and why. */
  info?: (message: string) => void
}

/** The merge base could not be found; the message says what was tried and how to fix it. */
export class MergeBaseError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'MergeBaseError'
  }
}

const FULL_HISTORY_FIX =
  'Check out the whole history so the base is there: give actions/checkout `fetch-depth: 0` ' +
  '(and leave `persist-credentials` on, so later fetches can authenticate).'

async function hasCommit(git: Git, commit: string): Promise<boolean> {
  return (await git.exec(['cat-file', '-e', `${commit}^{commit}`])).exitCode === 0
}

async function isShallow(git: Git): Promise<boolean> {
  return (await runGit(git, ['rev-parse', '--is-shallow-repository'])) === 'true'
}

/** The merge base, or null while the history between the two commits is incomplete. */
async function mergeBaseOf(git: Git, { base, head }: PullRequestCommits): Promise<string | null> {
  const output = await git.exec(['merge-base', base, head])
  const found = output.stdout.trim()
  return output.exitCode === 0 && isCommitId(found) ? found : null
}

/**
 * The merge base of the pull request's base and head commits: the commit the PR branched from,
 * which is what the head should be compared with (the base branch may have moved on since).
 *
 * A checkout made with the default `fetch-depth: 1` holds neither commit's history: missing commits
 * are fetched by id, then the shallow history is deepened step by step, and only as a last resort
 * fetched whole, until `git merge-base` answers.
 */
export async function resolveMergeBase(
  git: Git,
  commits: PullRequestCommits,
  options: MergeBaseOptions = {}
): Promise<string> {
  for (const commit of [commits.base, commits.head]) {
    // Also keeps anything that git could read as an option off the command line.
    if (!isCommitId(commit)) throw new MergeBaseError(`'${commit}' is not a full commit id.`)
  }
  const remote = options.remote ?? 'origin'
  const steps = options.deepenSteps ?? DEEPEN_STEPS
  const info = options.info ?? (() => undefined)
  const wanted = [...new Set([commits.base, commits.head])]
  const names = `base ${shortCommit(commits.base)} and head ${shortCommit(commits.head)}`
  const fetch = (how: string[], which: string[], what: string): Promise<string> => {
    info(`Fetching ${what} from ${remote}`)
    return runGit(git, ['fetch', '--no-tags', ...how, remote, ...which])
  }

  try {
    const missing: string[] = []
    for (const commit of wanted) if (!(await hasCommit(git, commit))) missing.push(commit)
    if (missing.length > 0) {
      // Fetching by id into a full clone must not make it shallow; into a shallow one, a little
      // history comes along so the next step has somewhere to start.
      const depth = (await isShallow(git)) ? [`--depth=${steps[0] ?? 1}`] : []
      await fetch(depth, missing, missing.map(shortCommit).join(' and '))
    }
    let found = await mergeBaseOf(git, commits)
    for (const step of steps) {
      if (found !== null || !(await isShallow(git))) break
      await fetch([`--deepen=${step}`], wanted, `${step} more commits of history`)
      found = await mergeBaseOf(git, commits)
    }
    if (found === null && (await isShallow(git))) {
      await fetch(['--unshallow'], wanted, 'the whole history')
      found = await mergeBaseOf(git, commits)
    }
    if (found !== null) return found
    throw new MergeBaseError(
      `The pull request's ${names} have no common ancestor, so there is no base to compare with.`
    )
  } catch (error) {
    if (!(error instanceof GitError)) throw error
    throw new MergeBaseError(
      `Could not find the merge base of ${names}: ${error.message}. ${FULL_HISTORY_FIX}`,
      { cause: error }
    )
  }
}
