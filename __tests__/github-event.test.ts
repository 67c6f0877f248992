import { pullRequestOf, workflowRunUrl } from '../src/github/event.js'

const repository = { name: 'shop', owner: { login: 'acme' } }

describe('pullRequestOf', () => {
  it('reads a pull_request event from the same repository', () => {
    const payload = {
      pull_request: {
        number: 7,
        head: { repo: { full_name: 'acme/shop' } },
        base: { repo: { full_name: 'acme/shop' } }
      },
      repository
    }
    expect(pullRequestOf(payload, 'acme/shop')).toEqual({
      owner: 'acme',
      repo: 'shop',
      number: 7,
      fromFork: false
    })
  })

  it('knows a pull request from a fork', () => {
    const payload = {
      pull_request: {
        number: 8,
        head: { repo: { full_name: 'stranger/shop' } },
        base: { repo: { full_name: 'acme/shop' } }
      },
      repository
    }
    expect(pullRequestOf(payload, 'acme/shop')?.fromFork).toBe(true)
  })

  it('takes the repository from the payload without GITHUB_REPOSITORY', () => {
    expect(pullRequestOf({ pull_request: { number: 3 }, repository }, undefined)).toMatchObject({
      owner: 'acme',
      repo: 'shop',
      number: 3
    })
  })

  it('reads a comment event on a pull request', () => {
    const payload = { issue: { number: 9, pull_request: {} }, repository }
    expect(pullRequestOf(payload, 'acme/shop')?.number).toBe(9)
  })

  it.each([
    ['a push', { ref: 'refs/heads/main', repository }],
    ['a comment on an issue', { issue: { number: 4 }, repository }],
    ['an empty payload', {}]
  ])('is null for %s', (_name, payload) => {
    expect(pullRequestOf(payload, 'acme/shop')).toBeNull()
  })
})

describe('workflowRunUrl', () => {
  it('links the run on the server', () => {
    const env = {
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_RUN_ID: '42'
    }
    expect(workflowRunUrl(env)).toBe('https://github.com/acme/shop/actions/runs/42')
  })

  it('is null outside a runner', () => {
    expect(workflowRunUrl({})).toBeNull()
  })
})
