import { getOctokit } from '@actions/github'
import { createCommentApi, type CommentApi } from '../../src/github/client.js'
import type { RetryOptions } from '../../src/github/retry.js'
import { FakeGitHub, type TokenOwner } from './fake-github.js'

export const ACTIONS_TOKEN = 'ghs_actionsTOKEN0123456789abcdef'
export const PERSONAL_TOKEN = 'ghp_personalTOKEN0123456789abcdef'
export const APP_TOKEN = 'ghs_appTOKEN0123456789abcdef'

export const TOKENS: Record<string, TokenOwner> = {
  [ACTIONS_TOKEN]: { kind: 'actions' },
  [PERSONAL_TOKEN]: { kind: 'personal', login: 'octocat' },
  [APP_TOKEN]: { kind: 'app', slug: 'memory-bot' }
}

export const startFakeGitHub = (): Promise<FakeGitHub> => FakeGitHub.start(TOKENS)

/** The real Octokit-backed CommentApi, pointed at the fake server. */
export function apiFor(github: FakeGitHub, token: string): CommentApi {
  return createCommentApi(getOctokit(token, { baseUrl: github.url }))
}

/** Retries without waiting; `waits` records each delay asked for. */
export function instantRetry(
  delaysMs: number[] = [1000, 3000]
): RetryOptions & { waits: number[] } {
  const waits: number[] = []
  return {
    delaysMs,
    waits,
    sleep: async ms => {
      waits.push(ms)
    }
  }
}
