import type { IssueRef } from './client.js'

export interface PullRequestTarget extends IssueRef {
  /** A fork's pull_request run gets a read-only token: comments need another route. */
  fromFork: boolean
}

interface RepoPayload {
  full_name?: string
}

/** The parts of a webhook payload that locate a pull request. */
export interface EventPayload {
  pull_request?: {
    number?: number
    head?: { repo?: RepoPayload | null }
    base?: { repo?: RepoPayload | null }
  }
  /** `issue_comment` events on a pull request carry it as an issue with a `pull_request` key. */
  issue?: { number?: number; pull_request?: unknown }
  repository?: { name?: string; owner?: { login?: string } }
}

/** The pull request the event is about, or null for events without one (push, schedule, …). */
export function pullRequestOf(
  payload: EventPayload,
  repository: string | undefined
): PullRequestTarget | null {
  const pr = payload.pull_request
  const number = pr?.number ?? (payload.issue?.pull_request ? payload.issue.number : undefined)
  if (typeof number !== 'number') return null

  const [owner, repo] = repository?.includes('/')
    ? repository.split('/')
    : [payload.repository?.owner?.login, payload.repository?.name]
  if (!owner || !repo) return null

  const head = pr?.head?.repo?.full_name
  const base = pr?.base?.repo?.full_name
  return {
    owner,
    repo,
    number,
    fromFork: head !== undefined && base !== undefined && head !== base
  }
}

/** The link to this workflow run, for readers of the comment; null outside a runner. */
export function workflowRunUrl(env: NodeJS.ProcessEnv): string | null {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = env
  return server && repository && runId ? `${server}/${repository}/actions/runs/${runId}` : null
}
