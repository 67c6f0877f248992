import { pathInWorktree } from '../src/git/worktree.js'

describe('paths in the worktree', () => {
  it.each([
    ['/repo', '/repo', '/tmp/wt'],
    ['/repo', '/repo/services/api', '/tmp/wt/services/api'],
    ['/repo', '/repo/..dotdot', '/tmp/wt/..dotdot']
  ])('maps %s and %s into the worktree as %s', (root, path, expected) => {
    expect(pathInWorktree(root, '/tmp/wt', path)).toBe(expected)
  })

  it.each([['/elsewhere'], ['/repo-other/app'], ['/']])(
    'refuses %s outside the repository',
    path => {
      expect(() => pathInWorktree('/repo', '/tmp/wt', path)).toThrow(
        `${path} is outside the repository at /repo, so the base has no copy of it.`
      )
    }
  )
})
