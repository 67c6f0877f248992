import {
  isCommitId,
  pullRequestCommits,
  shortCommit,
  type CommitsPayload
} from '../src/git/commits.js'

const BASE = 'b'.repeat(40)
const HEAD = 'f'.repeat(40)

describe('pullRequestCommits', () => {
  it('reads the base and head commits of a pull_request payload', () => {
    const payload = {
      pull_request: {
        number: 7,
        base: { ref: 'main', sha: BASE },
        head: { ref: 'feature', sha: HEAD }
      }
    }
    expect(pullRequestCommits(payload)).toEqual({ base: BASE, head: HEAD })
  })

  it('lower-cases the ids', () => {
    const payload = {
      pull_request: { base: { sha: 'B'.repeat(40) }, head: { sha: 'F'.repeat(64) } }
    }
    expect(pullRequestCommits(payload)).toEqual({ base: BASE, head: 'f'.repeat(64) })
  })

  it.each([
    ['a push', { ref: 'refs/heads/main', after: HEAD }],
    ['no base', { pull_request: { head: { sha: HEAD } } }],
    ['a short id', { pull_request: { base: { sha: 'bbbbbbb' }, head: { sha: HEAD } } }],
    ['a branch name', { pull_request: { base: { sha: 'main' }, head: { sha: HEAD } } }],
    ['a number', { pull_request: { base: { sha: 42 }, head: { sha: HEAD } } }]
  ])('is null for %s', (_what, payload) => {
    expect(pullRequestCommits(payload as CommitsPayload)).toBeNull()
  })
})

describe('commit ids', () => {
  it.each([
    ['a'.repeat(40), true],
    ['0123456789abcdef'.repeat(4), true],
    ['a'.repeat(41), false],
    ['A'.repeat(40), false],
    ['-'.repeat(40), false],
    ['', false]
  ])('%p is a full commit id: %p', (text, expected) => {
    expect(isCommitId(text)).toBe(expected)
  })

  it('shortens to 7 digits', () => {
    expect(shortCommit('1a2b3c4d5e6f708192a3b4c5d6e7f80912345678')).toBe('1a2b3c4')
  })
})
