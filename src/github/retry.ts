/** Retries a GitHub call that failed for a reason on GitHub's side (5xx, a dropped connection). */

export type Sleeper = (ms: number) => Promise<void>

export const sleep: Sleeper = ms => new Promise(resolve => setTimeout(resolve, ms))

export interface RetryOptions {
  /** Waits before the second, third, … attempt; its length + 1 is the number of attempts. */
  delaysMs: readonly number[]
  sleep: Sleeper
  /** Told about each failure that will be retried. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void
}

/** Short enough that a failing API costs a job seconds, not minutes. */
export const DEFAULT_DELAYS_MS = [1000, 3000] as const

/** The HTTP status of an Octokit RequestError, or undefined for anything else. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

/** GitHub's 5xx; Octokit also reports a dropped connection or a timeout as status 500. */
export function isTransient(error: unknown): boolean {
  const status = statusOf(error)
  return status !== undefined && status >= 500
}

export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call()
    } catch (error) {
      const delayMs = options.delaysMs[attempt - 1]
      if (delayMs === undefined || !isTransient(error)) throw error
      options.onRetry?.(error, attempt, delayMs)
      await options.sleep(delayMs)
    }
  }
}
