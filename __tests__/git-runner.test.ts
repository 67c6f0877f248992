import { chownSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { GitError, checkoutTop, createGit, runGit } from '../src/git/git.js'
import { TestRepos, git } from './fixtures/compare/git-repos.js'

let repos: TestRepos

beforeEach(() => {
  repos = new TestRepos()
})

afterEach(() => repos.remove())

describe('the git runner', () => {
  it('runs git in its directory and returns stdout without the final newline', async () => {
    const id = repos.commit({ 'a.txt': 'a\n' }, 'first')
    const runner = createGit(repos.work)
    expect(runner.directory).toBe(repos.work)
    await expect(runGit(runner, ['rev-parse', 'HEAD'])).resolves.toBe(id)
  })

  it('passes every argument as is, never through a shell', async () => {
    repos.commit({ 'a.txt': 'a\n' }, 'first')
    const message = '$(touch pwned); `touch pwned2` | cat > pwned3'
    await runGit(createGit(repos.work), [
      '-c',
      'user.name=T',
      '-c',
      'user.email=t@example.com',
      'commit',
      '--quiet',
      '--allow-empty',
      '-m',
      message
    ])
    expect(git(repos.work, 'log', '-1', '--format=%s')).toBe(message)
    for (const file of ['pwned', 'pwned2', 'pwned3']) {
      expect(existsSync(join(repos.work, file))).toBe(false)
    }
  })

  it('reports the exit code and output of a failing command without throwing from exec', async () => {
    const output = await createGit(repos.work).exec(['rev-parse', '--verify', 'no-such-ref'])
    expect(output.exitCode).toBe(128)
    expect(output.stderr).toContain('fatal')
  })

  it("throws a GitError that carries git's stderr", async () => {
    const error = await runGit(createGit(repos.work), [
      'rev-parse',
      '--verify',
      'no-such-ref'
    ]).then(
      () => null,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(GitError)
    const gitError = error as GitError
    expect(gitError.exitCode).toBe(128)
    expect(gitError.args).toEqual(['rev-parse', '--verify', 'no-such-ref'])
    expect(gitError.stderr).toMatch(/fatal: Needed a single revision/)
    expect(gitError.message).toBe(
      'git rev-parse --verify no-such-ref exited with 128: fatal: Needed a single revision'
    )
  })

  it('names the directory when git cannot start there', async () => {
    const missing = join(repos.root, 'nowhere')
    await expect(createGit(missing).exec(['status'])).rejects.toThrow(
      `Could not run git in ${missing}`
    )
  })

  it('turns off password prompts for the commands it runs', async () => {
    // A shell alias shows the environment git hands to the commands it starts.
    const output = await createGit(repos.work, { PATH: process.env.PATH }).exec([
      '-c',
      'alias.env=!env',
      'env'
    ])
    expect(output.stdout.split('\n')).toContain('GIT_TERMINAL_PROMPT=0')
  })

  // A container job runs git as root in a checkout the runner's user owns, or the other way round.
  const asRoot = process.getuid?.() === 0
  ;(asRoot ? it : it.skip)(
    'works in a checkout another user owns, from a subdirectory',
    async () => {
      const id = repos.commit({ 'app/main.py': 'pass\n' }, 'first')
      chownSync(repos.work, 4321, 4321)
      const sub = join(repos.work, 'app')
      expect(() => git(sub, 'rev-parse', 'HEAD')).toThrow(/dubious ownership/)
      expect(checkoutTop(sub)).toBe(repos.work)
      await expect(runGit(createGit(sub), ['rev-parse', 'HEAD'])).resolves.toBe(id)
    }
  )
})
