import { ACTIONS_BOT, resolveIdentity } from '../src/github/identity.js'

const httpError = (status: number): Error =>
  Object.assign(new Error(`status ${status}`), { status })

function api(user: () => Promise<string>, viewer: () => Promise<string>) {
  return { authenticatedUser: user, viewerLogin: viewer }
}

describe('resolveIdentity', () => {
  it("is the user's login for a personal token", async () => {
    await expect(
      resolveIdentity(
        api(
          async () => 'octocat',
          async () => 'unused'
        )
      )
    ).resolves.toBe('octocat')
  })

  it('is the GraphQL viewer as a bot when GET /user answers 403', async () => {
    const identity = resolveIdentity(
      api(
        () => Promise.reject(httpError(403)),
        async () => 'github-actions'
      )
    )
    await expect(identity).resolves.toBe('github-actions[bot]')
  })

  it('does not add [bot] twice', async () => {
    const identity = resolveIdentity(
      api(
        () => Promise.reject(httpError(403)),
        async () => 'memory-bot[bot]'
      )
    )
    await expect(identity).resolves.toBe('memory-bot[bot]')
  })

  it('falls back to the Actions bot when GraphQL refuses', async () => {
    const identity = resolveIdentity(
      api(
        () => Promise.reject(httpError(403)),
        () => Promise.reject(httpError(404))
      )
    )
    await expect(identity).resolves.toBe(ACTIONS_BOT)
  })

  it.each([
    ['a rejected token', 401, 'user'],
    ['a 5xx from GET /user', 502, 'user'],
    ['a 5xx from GraphQL', 503, 'viewer']
  ])('passes on %s', async (_name, status, failing) => {
    const identity = resolveIdentity(
      api(
        () => Promise.reject(httpError(failing === 'user' ? status : 403)),
        () => Promise.reject(httpError(status))
      )
    )
    await expect(identity).rejects.toMatchObject({ status })
  })
})
