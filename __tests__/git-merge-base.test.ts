import { join } from 'node:path'
import { createGit, type Git } from '../src/git/git.js'
import { MergeBaseError, resolveMergeBase } from '../src/git/merge-base.js'
import { TestRepos, git, isShallow } from './fixtures/compare/git-repos.js'

/** Real git that also records each command's arguments. */
function recording(directory: string): { git: Git; commands: string[][] } {
  const inner = createGit(directory)
  const commands: string[][] = []
  return {
    commands,
    git: {
      directory,
      exec: args => {
        commands.push([...args])
        return inner.exec(args)
      }
    }
  }
}

function fetches(commands: string[][]): string[][] {
  return commands.filter(args => args[0] === 'fetch')
}

interface PullRequest {
  repos: TestRepos
  /** Where the feature branch left main. */
  forkPoint: string
  /** Main's tip when the event fired: the payload's `pull_request.base.sha`. */
  base: string
  head: string
}

/**
 * main: c0, `older` commits, the fork point, then `mainAhead` commits; feature: `featureAhead`
 * commits on the fork point. Both pushed to origin. The fork point is the merge base, not main's tip.
 */
function pullRequest(mainAhead: number, featureAhead: number, older = 0): PullRequest {
  const repos = new TestRepos()
  repos.commit({ 'app/preload.py': 'DATA = list(range(1000))\n' }, 'c0')
  repos.commits(older, 'older')
  const forkPoint = repos.commit({ 'README.md': 'base\n' }, 'fork point')
  repos.switchTo('feature', true)
  for (let i = 0; i < featureAhead; i++) {
    repos.commit({ 'app/preload.py': `DATA = list(range(${2000 + i}))\n` }, `feature ${i + 1}`)
  }
  const head = git(repos.work, 'rev-parse', 'HEAD')
  repos.switchTo('main')
  const base = repos.commits(mainAhead, 'main')
  repos.push('main', 'feature')
  return { repos, forkPoint, base, head }
}

let pr: PullRequest | null = null

afterEach(() => {
  pr?.repos.remove()
  pr = null
})

describe('resolveMergeBase', () => {
  it('answers from a full clone without fetching', async () => {
    pr = pullRequest(2, 3)
    const clone = pr.repos.clone('full', 'feature')
    const { git: runner, commands } = recording(clone)
    await expect(resolveMergeBase(runner, { base: pr.base, head: pr.head })).resolves.toBe(
      pr.forkPoint
    )
    expect(fetches(commands)).toEqual([])
  })

  it('finds the merge base from a depth-1 checkout, fetching only what it needs', async () => {
    // Older history than the first step reaches, so that stopping early shows.
    pr = pullRequest(2, 3, 200)
    const clone = pr.repos.clone('shallow', 'feature', 1)
    expect(isShallow(clone)).toBe(true)
    const { git: runner, commands } = recording(clone)
    const progress: string[] = []
    const found = await resolveMergeBase(
      runner,
      { base: pr.base, head: pr.head },
      { info: message => progress.push(message) }
    )
    expect(found).toBe(pr.forkPoint)
    // The default first step reaches the fork point: no need for the whole history.
    expect(isShallow(clone)).toBe(true)
    expect(fetches(commands)).toEqual([
      ['fetch', '--no-tags', '--depth=50', 'origin', pr.base],
      ['fetch', '--no-tags', '--deepen=50', 'origin', pr.base, pr.head]
    ])
    expect(progress[0]).toBe(`Fetching ${pr.base.slice(0, 7)} from origin`)
  })

  it("finds it from actions/checkout's depth-1 checkout of the PR's merge commit", async () => {
    pr = pullRequest(2, 3, 200)
    const { repos } = pr
    // GitHub's refs/pull/N/merge: the head merged into the base's tip.
    git(repos.work, 'switch', '--quiet', '--detach', pr.base)
    git(repos.work, 'merge', '--quiet', '--no-ff', '-m', 'Merge feature into main', pr.head)
    git(repos.work, 'push', '--quiet', 'origin', 'HEAD:refs/pull/7/merge')
    // As actions/checkout does it: init, fetch the one ref at depth 1, check it out.
    const clone = join(repos.root, 'checkout')
    git(repos.root, 'init', '--quiet', clone)
    git(clone, 'remote', 'add', 'origin', repos.originUrl)
    git(
      clone,
      'fetch',
      '--quiet',
      '--no-tags',
      '--depth=1',
      'origin',
      '+refs/pull/7/merge:refs/remotes/pull/7/merge'
    )
    git(clone, 'checkout', '--quiet', '--detach', 'refs/remotes/pull/7/merge')
    const { git: runner, commands } = recording(clone)
    await expect(resolveMergeBase(runner, { base: pr.base, head: pr.head })).resolves.toBe(
      pr.forkPoint
    )
    expect(fetches(commands)[0]).toEqual([
      'fetch',
      '--no-tags',
      '--depth=50',
      'origin',
      pr.base,
      pr.head
    ])
    expect(isShallow(clone)).toBe(true)
  })

  it('deepens step by step, then fetches the whole history as a last resort', async () => {
    pr = pullRequest(3, 4)
    const clone = pr.repos.clone('shallow', 'feature', 1)
    const { git: runner, commands } = recording(clone)
    const found = await resolveMergeBase(
      runner,
      { base: pr.base, head: pr.head },
      { deepenSteps: [1, 1] }
    )
    expect(found).toBe(pr.forkPoint)
    expect(fetches(commands).map(args => args[2])).toEqual([
      '--depth=1',
      '--deepen=1',
      '--deepen=1',
      '--unshallow'
    ])
    expect(isShallow(clone)).toBe(false)
  })

  it('stops deepening as soon as the merge base answers', async () => {
    pr = pullRequest(1, 1)
    const clone = pr.repos.clone('shallow', 'feature', 1)
    const { git: runner, commands } = recording(clone)
    await expect(
      resolveMergeBase(runner, { base: pr.base, head: pr.head }, { deepenSteps: [1, 1, 1] })
    ).resolves.toBe(pr.forkPoint)
    expect(fetches(commands).map(args => args[2])).toEqual(['--depth=1', '--deepen=1'])
  })

  it('fetches a base that is no longer the tip of its branch', async () => {
    pr = pullRequest(1, 2)
    const { repos } = pr
    repos.commits(3, 'main moved on')
    repos.push('main')
    const clone = repos.clone('shallow', 'feature', 1)
    await expect(
      resolveMergeBase(createGit(clone), { base: pr.base, head: pr.head })
    ).resolves.toBe(pr.forkPoint)
  })

  it('fetches a missing commit into a full clone without making it shallow', async () => {
    pr = pullRequest(2, 1)
    const clone = pr.repos.clone('full', 'main')
    // The PR gains a commit after the clone was made.
    pr.repos.switchTo('feature')
    const head = pr.repos.commit({ 'app/extra.py': 'X = 1\n' }, 'feature 2')
    pr.repos.push('feature')
    const { git: runner, commands } = recording(clone)
    await expect(resolveMergeBase(runner, { base: pr.base, head })).resolves.toBe(pr.forkPoint)
    expect(fetches(commands)).toEqual([['fetch', '--no-tags', 'origin', head]])
    expect(isShallow(clone)).toBe(false)
  })

  it('answers when the head is already merged into the base', async () => {
    pr = pullRequest(0, 2)
    const clone = pr.repos.clone('full', 'main')
    // With main not moved on, the fork point is main's tip and the merge base itself.
    await expect(
      resolveMergeBase(createGit(clone), { base: pr.base, head: pr.head })
    ).resolves.toBe(pr.base)
  })

  it('names fetch-depth: 0 and quotes git when the remote cannot be reached', async () => {
    pr = pullRequest(2, 2)
    const clone = pr.repos.clone('shallow', 'feature', 1)
    git(clone, 'remote', 'set-url', 'origin', `${pr.repos.root}/gone.git`)
    const error = await resolveMergeBase(createGit(clone), { base: pr.base, head: pr.head }).then(
      () => null,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(MergeBaseError)
    const message = (error as Error).message
    expect(message).toContain(
      `Could not find the merge base of base ${pr.base.slice(0, 7)} and head ${pr.head.slice(0, 7)}`
    )
    expect(message).toContain('does not appear to be a git repository')
    expect(message).toContain('`fetch-depth: 0`')
  })

  it('says so when the two commits share no history', async () => {
    pr = pullRequest(1, 1)
    const { repos } = pr
    git(repos.work, 'switch', '--quiet', '--orphan', 'unrelated')
    const orphan = repos.commit({ 'other.txt': 'x\n' }, 'unrelated root')
    repos.push('unrelated')
    const clone = repos.clone('shallow', 'feature', 1)
    await expect(
      resolveMergeBase(createGit(clone), { base: orphan, head: pr.head }, { deepenSteps: [5] })
    ).rejects.toThrow(
      `The pull request's base ${orphan.slice(0, 7)} and head ${pr.head.slice(0, 7)} have no ` +
        'common ancestor, so there is no base to compare with.'
    )
  })

  it.each(['--upload-pack=touch /tmp/pwned', 'main', 'abc123', `${'a'.repeat(39)}g`])(
    'refuses %p before running git',
    async commit => {
      const commands: string[][] = []
      const runner: Git = {
        directory: '/nonexistent',
        exec: async args => {
          commands.push([...args])
          return { exitCode: 0, stdout: '', stderr: '' }
        }
      }
      await expect(
        resolveMergeBase(runner, { base: commit, head: 'f'.repeat(40) })
      ).rejects.toThrow(`'${commit}' is not a full commit id.`)
      expect(commands).toEqual([])
    }
  )
})
