/** A full commit id: 40 hex digits (SHA-1) or 64 (SHA-256). */
const COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/

export function isCommitId(text: string): boolean {
  return COMMIT_ID.test(text)
}

/** The two commits a pull request compares. */
export interface PullRequestCommits {
  /** The tip of the base branch when the event fired. */
  base: string
  head: string
}

/** The parts of a `pull_request` (or `pull_request_target`) payload that name its commits. */
export interface CommitsPayload {
  /** Among the pull request's other fields, which are of no concern here. */
  pull_request?: {
    base?: { sha?: unknown }
    head?: { sha?: unknown }
    [field: string]: unknown
  }
}

/**
 * The base and head commits of the event's pull request, or null when the event has none (a push,
 * a schedule) or its payload does not carry full commit ids.
 */
export function pullRequestCommits(payload: CommitsPayload): PullRequestCommits | null {
  const base = payload.pull_request?.base?.sha
  const head = payload.pull_request?.head?.sha
  if (typeof base !== 'string' || typeof head !== 'string') return null
  const [b, h] = [base.toLowerCase(), head.toLowerCase()]
  return isCommitId(b) && isCommitId(h) ? { base: b, head: h } : null
}

/** The first 7 digits, as GitHub shows a commit. */
export function shortCommit(commit: string): string {
  return commit.slice(0, 7)
}
