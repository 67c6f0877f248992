import { isTransient, withRetry } from '../src/github/retry.js'

const httpError = (status: number): Error =>
  Object.assign(new Error(`status ${status}`), { status })

function sleeper(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = []
  return { waits, sleep: async ms => void waits.push(ms) }
}

describe('withRetry', () => {
  it('returns the first success', async () => {
    const { sleep, waits } = sleeper()
    let calls = 0
    const value = await withRetry(
      async () => {
        calls += 1
        if (calls < 3) throw httpError(503)
        return 'ok'
      },
      { delaysMs: [10, 20, 40], sleep }
    )
    expect({ value, calls, waits }).toEqual({ value: 'ok', calls: 3, waits: [10, 20] })
  })

  it('throws the last error once the delays run out', async () => {
    const { sleep, waits } = sleeper()
    const retried: number[] = []
    await expect(
      withRetry(() => Promise.reject(httpError(500)), {
        delaysMs: [10, 20],
        sleep,
        onRetry: (_error, attempt) => retried.push(attempt)
      })
    ).rejects.toMatchObject({ status: 500 })
    expect(waits).toEqual([10, 20])
    expect(retried).toEqual([1, 2])
  })

  it('does not retry what a retry cannot fix', async () => {
    const { sleep, waits } = sleeper()
    await expect(
      withRetry(() => Promise.reject(httpError(403)), { delaysMs: [10], sleep })
    ).rejects.toMatchObject({
      status: 403
    })
    expect(waits).toEqual([])
  })
})

describe('isTransient', () => {
  it.each([
    [httpError(500), true],
    [httpError(502), true],
    [httpError(422), false],
    [httpError(404), false],
    [new Error('no status'), false]
  ])('%s → %s', (error, transient) => {
    expect(isTransient(error)).toBe(transient)
  })
})
