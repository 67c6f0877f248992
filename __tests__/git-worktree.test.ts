import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { GitError, createGit } from '../src/git/git.js'
import { resolveMergeBase } from '../src/git/merge-base.js'
import { repositoryRoot, withWorktree } from '../src/git/worktree.js'
import { TestRepos, git, worktreePaths } from './fixtures/compare/git-repos.js'

let repos: TestRepos
/** Where the worktrees' temporary directories go, so the tests can see that none is left. */
let parent: string
let base: string
let head: string

beforeEach(() => {
  repos = new TestRepos()
  parent = join(repos.root, 'runner-temp')
  mkdirSync(parent)
  base = repos.commit({ 'app/preload.py': 'DATA = list(range(1000))\n' }, 'base')
  head = repos.commit(
    { 'app/preload.py': 'DATA = list(range(2000))\n', 'app/new.py': 'X = 1\n' },
    'head'
  )
})

afterEach(() => repos.remove())

function expectNoWorktreeLeft(repository: string): void {
  expect(worktreePaths(repository)).toEqual([repository])
  expect(readdirSync(parent)).toEqual([])
}

describe('withWorktree', () => {
  it('checks the commit out, detached, and returns what the body returns', async () => {
    const seen = await withWorktree(
      createGit(repos.work),
      base,
      async path => ({
        path,
        preload: readFileSync(join(path, 'app/preload.py'), 'utf8'),
        hasNew: existsSync(join(path, 'app/new.py')),
        commit: git(path, 'rev-parse', 'HEAD'),
        branch: git(path, 'rev-parse', '--abbrev-ref', 'HEAD'),
        listed: worktreePaths(repos.work)
      }),
      { parent }
    )
    expect(seen.preload).toBe('DATA = list(range(1000))\n')
    expect(seen.hasNew).toBe(false)
    expect(seen.commit).toBe(base)
    expect(seen.branch).toBe('HEAD')
    expect(seen.listed).toEqual([repos.work, seen.path])
    expect(existsSync(seen.path)).toBe(false)
    expectNoWorktreeLeft(repos.work)
    // The main checkout is untouched.
    expect(git(repos.work, 'rev-parse', 'HEAD')).toBe(head)
    expect(readFileSync(join(repos.work, 'app/preload.py'), 'utf8')).toBe(
      'DATA = list(range(2000))\n'
    )
  })

  it('removes the worktree when the body throws, and passes the error on', async () => {
    let inside = ''
    const failure = new Error('the base run failed')
    await expect(
      withWorktree(
        createGit(repos.work),
        base,
        async path => {
          inside = path
          throw failure
        },
        { parent }
      )
    ).rejects.toBe(failure)
    expect(inside).not.toBe('')
    expect(existsSync(inside)).toBe(false)
    expectNoWorktreeLeft(repos.work)
  })

  it('removes what a run leaves behind: untracked files, caches, changed files', async () => {
    await withWorktree(
      createGit(repos.work),
      base,
      async path => {
        mkdirSync(join(path, 'app/__pycache__'))
        writeFileSync(join(path, 'app/__pycache__/preload.cpython-311.pyc'), 'x')
        writeFileSync(join(path, 'app/preload.py'), 'changed\n')
        writeFileSync(join(path, 'run.log'), 'log\n')
      },
      { parent }
    )
    expectNoWorktreeLeft(repos.work)
  })

  it('cleans up also when the body deleted the worktree itself', async () => {
    const warnings: string[] = []
    await withWorktree(
      createGit(repos.work),
      base,
      async path => rmSync(path, { recursive: true, force: true }),
      { parent, warning: message => warnings.push(message) }
    )
    expectNoWorktreeLeft(repos.work)
    expect(warnings).toEqual([])
  })

  it("fails with git's words for a commit the repository does not have, leaving nothing", async () => {
    const unknown = 'e'.repeat(40)
    let called = false
    const error = await withWorktree(
      createGit(repos.work),
      unknown,
      async () => {
        called = true
      },
      { parent }
    ).then(
      () => null,
      (e: unknown) => e
    )
    expect(called).toBe(false)
    expect(error).toBeInstanceOf(GitError)
    expect((error as GitError).message).toMatch(
      /^git worktree add --detach .* exited with 128: fatal: /
    )
    expectNoWorktreeLeft(repos.work)
  })

  it('refuses something other than a commit id before touching the disk', async () => {
    await expect(
      withWorktree(createGit(repos.work), '--force', async () => undefined, { parent })
    ).rejects.toThrow("'--force' is not a full commit id.")
    expectNoWorktreeLeft(repos.work)
  })

  it('warns when the worktree cannot be removed, and keeps the result', async () => {
    const warnings: string[] = []
    const real = createGit(repos.work)
    // A repository whose `worktree prune` fails, as a broken or read-only one might.
    const failingPrune = {
      directory: real.directory,
      exec: async (args: readonly string[]) =>
        args[0] === 'worktree' && args[1] !== 'add'
          ? { exitCode: 128, stdout: '', stderr: `fatal: cannot ${args[1]}` }
          : real.exec(args)
    }
    const result = await withWorktree(failingPrune, base, async () => 'measured', {
      parent,
      warning: message => warnings.push(message)
    })
    expect(result).toBe('measured')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^Could not remove the base's worktree at .*: fatal: cannot remove; git worktree prune exited with 128: fatal: cannot prune$/
    )
    // Cleaned up here by real git, as a later job's checkout would.
    git(repos.work, 'worktree', 'prune')
    expectNoWorktreeLeft(repos.work)
  })

  it('checks the merge base out of a depth-1 clone', async () => {
    repos.push('main')
    const featureHead = head
    repos.switchTo('feature', true)
    const pullHead = repos.commit({ 'app/feature.py': 'Y = 2\n' }, 'feature')
    repos.switchTo('main')
    const mainTip = repos.commits(2, 'main')
    repos.push('main', 'feature')
    const clone = repos.clone('shallow', 'feature', 1)
    const runner = createGit(clone)
    const mergeBase = await resolveMergeBase(runner, { base: mainTip, head: pullHead })
    expect(mergeBase).toBe(featureHead)
    const files = await withWorktree(
      runner,
      mergeBase,
      async path => readdirSync(join(path, 'app')),
      {
        parent
      }
    )
    expect(files.sort()).toEqual(['new.py', 'preload.py'])
    expectNoWorktreeLeft(clone)
  })
})

describe('where worktrees go', () => {
  it('finds the repository root as git reports it', async () => {
    mkdirSync(join(repos.work, 'services/api'), { recursive: true })
    await expect(repositoryRoot(createGit(join(repos.work, 'services/api')))).resolves.toBe(
      repos.work
    )
  })

  it("makes its temporary directory in the system's temp directory by default", async () => {
    const path = await withWorktree(createGit(repos.work), base, async path => {
      expect(existsSync(join(path, 'app/preload.py'))).toBe(true)
      return path
    })
    expect(path.startsWith(join(tmpdir(), 'prefork-base-'))).toBe(true)
    expect(existsSync(dirname(path))).toBe(false)
    expect(worktreePaths(repos.work)).toEqual([repos.work])
  })
})
