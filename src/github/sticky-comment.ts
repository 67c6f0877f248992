import type { CommentMode } from '../inputs.js'
import type { CommentApi, IssueComment, IssueRef } from './client.js'
import { resolveIdentity } from './identity.js'
import { withRetry, type RetryOptions } from './retry.js'

export interface StickyRequest {
  issue: IssueRef
  /** Hidden text that tells our comment apart from every other one. */
  marker: string
  body: string
  mode: CommentMode
  /** Whether the verdict failed; `on-failure` only starts a comment then. */
  failed: boolean
}

export type StickyOutcome =
  { action: 'created' | 'updated'; url: string } | { action: 'skipped'; reason: string }

/**
 * Our comment: opens with the marker (one quoted further down does not count) and was written by
 * the token's identity, never anyone else's.
 */
export function findOwnComment(
  comments: readonly IssueComment[],
  marker: string,
  identity: string
): IssueComment | undefined {
  const login = identity.toLowerCase()
  return comments.find(c => c.author.toLowerCase() === login && c.body.startsWith(marker))
}

async function upsertOnce(api: CommentApi, request: StickyRequest): Promise<StickyOutcome> {
  const identity = await resolveIdentity(api)
  const existing = findOwnComment(await api.listComments(request.issue), request.marker, identity)
  if (existing) {
    // Under `on-failure` too: a comment that still shows an old failure would mislead.
    const updated = await api.updateComment(request.issue, existing.id, request.body)
    return { action: 'updated', url: updated.url }
  }
  if (request.mode === 'on-failure' && !request.failed) {
    return { action: 'skipped', reason: 'the check passed and `comment` is `on-failure`' }
  }
  const created = await api.createComment(request.issue, request.body)
  return { action: 'created', url: created.url }
}

/**
 * Creates the PR's comment for this marker or updates it in place. A 5xx retries the whole
 * look-up, so a create that GitHub applied before failing is found and updated, not repeated.
 */
export async function upsertStickyComment(
  api: CommentApi,
  request: StickyRequest,
  retry: RetryOptions
): Promise<StickyOutcome> {
  if (request.mode === 'never') return { action: 'skipped', reason: '`comment` is `never`' }
  return withRetry(() => upsertOnce(api, request), retry)
}
