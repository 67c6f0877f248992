import type { IssueComment } from '../src/github/client.js'
import {
  findOwnComment,
  upsertStickyComment,
  type StickyRequest
} from '../src/github/sticky-comment.js'
import { ACTIONS_BOT, type FakeGitHub } from './helpers/fake-github.js'
import {
  ACTIONS_TOKEN,
  APP_TOKEN,
  PERSONAL_TOKEN,
  apiFor,
  instantRetry,
  startFakeGitHub
} from './helpers/github-client.js'

const PR = { owner: 'acme', repo: 'shop', number: 7 }
const MARKER = '<!-- prefork-memory-check:CI/test -->'

function request(overrides: Partial<StickyRequest> = {}): StickyRequest {
  return {
    issue: PR,
    marker: MARKER,
    body: `${MARKER}\nreport`,
    mode: 'always',
    failed: false,
    ...overrides
  }
}

describe('findOwnComment', () => {
  const comment = (id: number, author: string, body: string): IssueComment => ({
    id,
    author,
    body,
    url: `u${id}`
  })

  it('needs both the marker and the identity', () => {
    const comments = [
      comment(1, 'someone', `${MARKER} copied`),
      comment(2, 'github-actions[bot]', 'no marker'),
      comment(3, 'github-actions[bot]', `${MARKER}\nours`)
    ]
    expect(findOwnComment(comments, MARKER, 'github-actions[bot]')?.id).toBe(3)
    expect(findOwnComment(comments.slice(0, 2), MARKER, 'github-actions[bot]')).toBeUndefined()
  })

  it('does not take a comment that only quotes our marker further down', () => {
    const quoting = comment(1, 'github-actions[bot]', `Seen in the log:\n${MARKER}`)
    expect(findOwnComment([quoting], MARKER, 'github-actions[bot]')).toBeUndefined()
  })

  it('compares logins without case, as GitHub does', () => {
    expect(findOwnComment([comment(1, 'OctoCat', MARKER)], MARKER, 'octocat')?.id).toBe(1)
  })

  it('does not take a longer key for ours', () => {
    const other = '<!-- prefork-memory-check:CI/test-2 -->'
    expect(findOwnComment([comment(1, 'me', other)], MARKER, 'me')).toBeUndefined()
  })
})

describe('upsertStickyComment against GitHub', () => {
  let github: FakeGitHub

  beforeEach(async () => {
    github = await startFakeGitHub()
  })
  afterEach(() => github.close())

  it('creates one comment, then updates it in place', async () => {
    const api = apiFor(github, ACTIONS_TOKEN)
    const first = await upsertStickyComment(api, request(), instantRetry())
    expect(first.action).toBe('created')
    const second = await upsertStickyComment(
      api,
      request({ body: `${MARKER}\nnew` }),
      instantRetry()
    )
    expect(second).toEqual({ action: 'updated', url: (first as { url: string }).url })

    const comments = github.commentsOn('acme', 'shop', 7)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toBe(`${MARKER}\nnew`)
    expect(comments[0].user).toEqual(ACTIONS_BOT)
  })

  it('finds its comment on a later page', async () => {
    for (let i = 0; i < 130; i++)
      github.addComment(PR, `chatter ${i}`, { login: 'dev', type: 'User' })
    const ours = github.addComment(PR, `${MARKER}\nold`, ACTIONS_BOT)

    const outcome = await upsertStickyComment(
      apiFor(github, ACTIONS_TOKEN),
      request(),
      instantRetry()
    )

    expect(outcome.action).toBe('updated')
    expect(ours.body).toBe(`${MARKER}\nreport`)
    expect(github.requests.filter(r => r.route === 'list').map(r => r.path)).toEqual([
      '/repos/acme/shop/issues/7/comments?per_page=100',
      '/repos/acme/shop/issues/7/comments?per_page=100&page=2'
    ])
  })

  it("leaves another author's comment with our marker alone", async () => {
    const foreign = github.addComment(PR, `${MARKER}\nquoted by a human`, {
      login: 'dev',
      type: 'User'
    })

    const outcome = await upsertStickyComment(
      apiFor(github, ACTIONS_TOKEN),
      request(),
      instantRetry()
    )

    expect(outcome.action).toBe('created')
    expect(foreign.body).toBe(`${MARKER}\nquoted by a human`)
    expect(github.count('update')).toBe(0)
  })

  it("finds a personal token's comments through GET /user", async () => {
    github.addComment(PR, `${MARKER}\nby the bot`, ACTIONS_BOT)
    const mine = github.addComment(PR, `${MARKER}\nmine`, { login: 'octocat', type: 'User' })

    await upsertStickyComment(apiFor(github, PERSONAL_TOKEN), request(), instantRetry())

    expect(mine.body).toBe(`${MARKER}\nreport`)
    expect(github.count('graphql')).toBe(0)
  })

  it("finds an app token's comments through GraphQL's viewer", async () => {
    const mine = github.addComment(PR, `${MARKER}\nmine`, { login: 'memory-bot[bot]', type: 'Bot' })

    await upsertStickyComment(apiFor(github, APP_TOKEN), request(), instantRetry())

    expect(mine.body).toBe(`${MARKER}\nreport`)
    expect(github.commentsOn('acme', 'shop', 7)).toHaveLength(1)
  })

  it('falls back to github-actions[bot] when GraphQL is refused', async () => {
    github.fail('graphql', 403)
    const mine = github.addComment(PR, `${MARKER}\nmine`, ACTIONS_BOT)

    await upsertStickyComment(apiFor(github, ACTIONS_TOKEN), request(), instantRetry())

    expect(mine.body).toBe(`${MARKER}\nreport`)
  })

  it('with on-failure, stays silent on a pass without an earlier comment', async () => {
    const outcome = await upsertStickyComment(
      apiFor(github, ACTIONS_TOKEN),
      request({ mode: 'on-failure', failed: false }),
      instantRetry()
    )
    expect(outcome.action).toBe('skipped')
    expect(github.count('create')).toBe(0)
  })

  it('with on-failure, comments on a failure and turns it to the pass later', async () => {
    const api = apiFor(github, ACTIONS_TOKEN)
    await upsertStickyComment(
      api,
      request({ mode: 'on-failure', failed: true, body: `${MARKER}\n❌` }),
      instantRetry()
    )
    const outcome = await upsertStickyComment(
      api,
      request({ mode: 'on-failure', failed: false, body: `${MARKER}\n✅` }),
      instantRetry()
    )
    expect(outcome.action).toBe('updated')
    expect(github.commentsOn('acme', 'shop', 7).map(c => c.body)).toEqual([`${MARKER}\n✅`])
  })

  it('with never, makes no call at all', async () => {
    const outcome = await upsertStickyComment(
      apiFor(github, ACTIONS_TOKEN),
      request({ mode: 'never' }),
      instantRetry()
    )
    expect(outcome.action).toBe('skipped')
    expect(github.requests).toHaveLength(0)
  })

  it('retries 5xx with the given delays, then succeeds', async () => {
    github.fail('list', 502, 2)
    const retry = instantRetry()

    const outcome = await upsertStickyComment(apiFor(github, ACTIONS_TOKEN), request(), retry)

    expect(outcome.action).toBe('created')
    expect(retry.waits).toEqual([1000, 3000])
    expect(github.count('list')).toBe(3)
  })

  it('gives up after the last attempt with the last error', async () => {
    github.fail('create', 503)
    const retry = instantRetry()

    await expect(
      upsertStickyComment(apiFor(github, ACTIONS_TOKEN), request(), retry)
    ).rejects.toMatchObject({
      status: 503
    })
    expect(github.count('create')).toBe(3)
    expect(github.commentsOn('acme', 'shop', 7)).toHaveLength(0)
  })

  it('does not duplicate a comment GitHub created before answering 5xx', async () => {
    // The first create lands but its answer is lost; the retry must find and update it.
    const api = apiFor(github, ACTIONS_TOKEN)
    let lost = false
    const flaky = {
      ...api,
      createComment: async (issue: typeof PR, body: string) => {
        const created = await api.createComment(issue, body)
        if (lost) return created
        lost = true
        throw Object.assign(new Error('Bad Gateway'), { status: 502 })
      }
    }

    await upsertStickyComment(flaky, request(), instantRetry())

    expect(github.commentsOn('acme', 'shop', 7)).toHaveLength(1)
    expect(github.count('update')).toBe(1)
  })

  it.each([403, 404, 422])('does not retry %i', async status => {
    github.fail('create', status)
    await expect(
      upsertStickyComment(apiFor(github, ACTIONS_TOKEN), request(), instantRetry())
    ).rejects.toMatchObject({ status })
    expect(github.count('create')).toBe(1)
  })

  it('passes a 401 from a bad token on', async () => {
    await expect(
      upsertStickyComment(apiFor(github, 'ghp_wrong'), request(), instantRetry())
    ).rejects.toMatchObject({ status: 401 })
  })
})
