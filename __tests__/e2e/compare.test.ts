/**
 * Comparing with the base through the committed bundle: real git repositories whose commits
 * preload different amounts of memory, each measured from /proc, and the comment a fake GitHub
 * receives.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { measuredBase, withBase } from '../../src/compare/results.js'
import { commentMarker } from '../../src/publish/comment-body.js'
import { asSchema1, buildResults } from '../fixtures/compare/build.js'
import { TestRepos, isShallow, worktreePaths } from '../fixtures/compare/git-repos.js'
import type { FakeGitHub } from '../helpers/fake-github.js'
import { ACTIONS_TOKEN, startFakeGitHub } from '../helpers/github-client.js'
import {
  BUNDLE,
  PR_NUMBER,
  REPOSITORY,
  runAction,
  type ActionRun,
  type RunOptions
} from '../helpers/run-action.js'

const KEY = 'CI/memory'
const PR = { owner: REPOSITORY.owner, repo: REPOSITORY.name, number: PR_NUMBER }

/**
 * Lists of one-element lists: every one is tracked by the collector, so a child's full collection
 * copies the pages holding them. Under `none`, 20,000 cost a worker about 6 MiB and 40,000 about
 * 8 MiB; under freeze both sides would look alike, which is why these tests gate on `none`.
 */
const N = 20_000
function preload(count: number): string {
  return `CACHE = [[i] for i in range(${count})]\n`
}

/** Small and quick: one strategy, two workers, one run per side. */
const INPUTS: Record<string, string> = {
  entrypoint: 'app/preload.py',
  strategies: 'none',
  'gate-strategy': 'none',
  workers: '2',
  repeat: '1',
  timeout: '60s',
  'comment-key': KEY,
  'github-token': ACTIONS_TOKEN
}

let github: FakeGitHub
const cleanup: TestRepos[] = []

beforeAll(() => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run bundle\` first`)
})

beforeEach(async () => {
  github = await startFakeGitHub()
})

afterEach(async () => {
  await github.close()
  for (const repos of cleanup.splice(0)) repos.remove()
})

interface PullRequest {
  repos: TestRepos
  /** The commit the branch left main at: what the head is compared with. */
  mergeBase: string
  commits: { base: string; head: string }
  /** The runner's temp directory, kept after the run to look for leftovers. */
  runnerTemp: string
}

/**
 * A repository whose main branch preloads `base`'s content and a feature branch that changes it
 * to `head`'s; main moves on after the branch, so its tip is not the merge base.
 */
function pullRequest(
  base: Record<string, string | null>,
  head: Record<string, string | null>
): PullRequest {
  const repos = new TestRepos()
  cleanup.push(repos)
  const mergeBase = repos.commit({ 'README.md': '# shop\n', ...base }, 'base')
  repos.switchTo('feature', true)
  const headCommit = repos.commit(head, 'the change under review')
  repos.switchTo('main')
  const baseTip = repos.commit({ 'CHANGELOG.md': 'later on main\n' }, 'main moves on')
  repos.push('main', 'feature')
  const runnerTemp = join(repos.root, 'runner-temp')
  mkdirSync(runnerTemp)
  return { repos, mergeBase, commits: { base: baseTip, head: headCommit }, runnerTemp }
}

function run(
  pr: PullRequest,
  workspace: string,
  inputs: Record<string, string> = {},
  options: Partial<RunOptions> = {}
): Promise<ActionRun> {
  return runAction({
    inputs: { ...INPUTS, ...inputs },
    apiUrl: github.url,
    commits: pr.commits,
    workspace,
    env: { RUNNER_TEMP: pr.runnerTemp },
    ...options
  })
}

function comments() {
  return github.commentsOn(PR.owner, PR.repo, PR.number)
}

/** The errors as the runner shows them: `::error::` lines, with the runner's escapes undone. */
function errors(result: ActionRun): string[] {
  return result.stdout
    .split('\n')
    .filter(line => line.startsWith('::error::'))
    .map(line =>
      line
        .slice('::error::'.length)
        .replace(/%0D/g, '\r')
        .replace(/%0A/g, '\n')
        .replace(/%25/g, '%')
    )
}

/** The base's worktree is gone from git and from the runner's temp directory. */
function expectNoWorktreeLeft(pr: PullRequest, workspace: string): void {
  expect(worktreePaths(workspace)).toEqual([workspace])
  expect(readdirSync(pr.runnerTemp).filter(name => name.startsWith('prefork-base-'))).toEqual([])
}

describe('the action on a pull request that changes the preload', () => {
  it('reports a heavier head and fails max-uss-increase: 10%, with the rule everywhere', async () => {
    const pr = pullRequest({ 'app/preload.py': preload(N) }, { 'app/preload.py': preload(2 * N) })
    const workspace = pr.repos.clone('workspace', 'feature')

    const result = await run(pr, workspace, { 'max-uss-increase': '10%' })

    expect(result.stderr).toBe('')
    expect(result.status).toBe(1)
    expect(result.outputs.verdict).toBe('fail')
    const rule =
      /fails if none's per-child USS grows by > 10%, and none's per-child USS grew by [\d.]+ MiB \(\+\d+\.\d%\)/
    expect(errors(result)).toHaveLength(1)
    expect(errors(result)[0]).toMatch(rule)
    const [comment] = comments()
    for (const text of [result.summary ?? '', comment.body]) {
      expect(text).toContain('**Failed:** a memory limit was crossed.')
      expect(text).toMatch(/\| ❌ \| fails if none's per-child USS grows by &gt; 10% \|/)
      expect(text).toContain(
        `#### Compared with the base: merge base \`${pr.mergeBase.slice(0, 7)}\``
      )
      expect(text).toMatch(/This PR makes each worker without GC handling [\d.]+ MiB heavier/)
      expect(text).toMatch(/\| USS per child \| [\d.]+ MiB \| [\d.]+ MiB \| 🔺 \+[\d.]+ MiB \|/)
    }
    expect(comment.body.startsWith(commentMarker(KEY))).toBe(true)

    const results = JSON.parse(result.files.results ?? '{}')
    expect(results.schema).toBe(2)
    expect(results.base.origin).toEqual({
      kind: 'merge-base',
      commit: pr.mergeBase,
      pullRequest: pr.commits
    })
    expect(results.base.environment.gitSha).toBe(pr.mergeBase)
    const uss = results.comparison.strategies[0].figures.uss
    expect(uss.head).toBeGreaterThan(uss.base * 1.1)
    expect(result.outputs['uss-increase']).toBe(String(Math.round(uss.delta)))
    expect(result.outputs['base-sha']).toBe(pr.mergeBase)
    // Base and head take turns: the base's run comes first, then the head's.
    expect(results.base.strategies[0].runs[0].index).toBe(0)
    expect(results.strategies[0].runs[0].index).toBe(1)
    for (const group of ['Base', 'Run 1/2: none on the base', 'Run 2/2: none on the head']) {
      expect(result.stdout).toContain(`::group::${group}`)
    }
    expectNoWorktreeLeft(pr, workspace)
  })

  it('finds the base from a depth-1 checkout and passes a limit of 50%, 500MiB', async () => {
    const pr = pullRequest({ 'app/preload.py': preload(N) }, { 'app/preload.py': preload(2 * N) })
    const workspace = pr.repos.clone('shallow', 'feature', 1)
    expect(isShallow(workspace)).toBe(true)

    const result = await run(pr, workspace, { 'max-uss-increase': '50%, 500MiB' })

    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/Fetching .* from origin/)
    expect(result.outputs['base-sha']).toBe(pr.mergeBase)
    expect(comments()[0].body).toContain('**Passed:** every memory limit holds.')
    expect(comments()[0].body).toMatch(
      /\| ✅ \| fails if none's per-child USS grows by &gt; 50% and &gt; 500 MiB \|/
    )
    expectNoWorktreeLeft(pr, workspace)
  })

  it('reports a head that drops objects as lighter', async () => {
    const pr = pullRequest({ 'app/preload.py': preload(2 * N) }, { 'app/preload.py': preload(N) })
    const workspace = pr.repos.clone('workspace', 'feature')

    const result = await run(pr, workspace, { 'max-uss-increase': '1%' })

    expect(result.status).toBe(0)
    const body = comments()[0].body
    expect(body).toMatch(/This PR makes each worker without GC handling [\d.]+ MiB lighter \(−\d/)
    expect(body).toMatch(/\| USS per child \| [\d.]+ MiB \| [\d.]+ MiB \| 🔽 −[\d.]+ MiB \|/)
    expect(Number(result.outputs['uss-increase'])).toBeLessThan(0)
  })

  it('passes with a note when the base has no entrypoint yet', async () => {
    const pr = pullRequest({}, { 'app/preload.py': preload(N) })
    const workspace = pr.repos.clone('workspace', 'feature')

    const result = await run(pr, workspace, { 'max-uss-increase': '1%' })

    expect(result.status).toBe(0)
    const body = comments()[0].body
    expect(body).toContain('> The base commit has no `app/preload.py`; measured the head alone.')
    expect(body).toContain('**Nothing to judge:**')
    expect(body).toContain(
      "| ➖ | fails if none's per-child USS grows by &gt; 1% | not judged: the base has no app/preload.py |"
    )
    expect(JSON.parse(result.files.results ?? '{}').base).toMatchObject({
      status: 'missing-target',
      missing: 'app/preload.py'
    })
    expect(result.stdout).not.toContain('on the base')
    expectNoWorktreeLeft(pr, workspace)
  })

  it('fails naming the base and the way out when the base fails, and removes the worktree', async () => {
    const pr = pullRequest(
      { 'app/preload.py': 'raise RuntimeError("the base cannot start")\n' },
      { 'app/preload.py': preload(N) }
    )
    const workspace = pr.repos.clone('workspace', 'feature')

    const result = await run(pr, workspace)

    expect(result.status).toBe(1)
    const [error] = errors(result)
    expect(error).toContain(
      `Run 1/2: none on the base ${pr.mergeBase.slice(0, 7)} (repeat 1/1) failed.`
    )
    expect(error).toContain('RuntimeError: the base cannot start')
    expect(error).toContain(
      `The base is the pull request's merge base ${pr.mergeBase.slice(0, 7)}: the same target ` +
        "failed there. To measure the head alone, set input 'compare-base' to false."
    )
    expect(comments()[0].body).toContain('Prefork memory: no results')
    expectNoWorktreeLeft(pr, workspace)
  })
})

describe('the action comparing a command on a pull request', () => {
  /** A multiprocessing pool over `count` preloaded lists whose workers each run a collection. */
  function server(count: number): string {
    return [
      'import gc, multiprocessing, signal',
      `CACHE = [[i] for i in range(${count})]`,
      'def task(_):',
      '    gc.collect()',
      'if __name__ == "__main__":',
      '    with multiprocessing.get_context("fork").Pool(2) as pool:',
      '        pool.map(task, range(8), chunksize=1)',
      '        print("pool ready", flush=True)',
      '        signal.pause()',
      ''
    ].join('\n')
  }
  const COMMAND_INPUTS = {
    entrypoint: '',
    command: 'python3 server.py',
    'ready-log': 'pool ready',
    'working-directory': 'service'
  }

  it("runs the command in the base's copy of its working directory", async () => {
    const pr = pullRequest(
      { 'service/server.py': server(N) },
      { 'service/server.py': server(2 * N) }
    )
    const workspace = pr.repos.clone('workspace', 'feature')

    const result = await run(pr, workspace, { ...COMMAND_INPUTS, 'max-uss-increase': '10%' })

    expect(result.status).toBe(1)
    expect(comments()[0].body).toMatch(
      /This PR makes each worker without GC handling [\d.]+ MiB heavier/
    )
    expectNoWorktreeLeft(pr, workspace)
  })

  it('passes with a note when the base has no such working directory', async () => {
    const pr = pullRequest({}, { 'service/server.py': server(N) })
    const workspace = pr.repos.clone('workspace', 'feature')

    const result = await run(pr, workspace, COMMAND_INPUTS)

    expect(result.status).toBe(0)
    expect(comments()[0].body).toContain(
      '> The base commit has no `service`; measured the head alone.'
    )
    expectNoWorktreeLeft(pr, workspace)
  })
})

describe('the action on a pull request whose workspace is no repository', () => {
  it('warns and measures the head alone under auto, and fails under true', async () => {
    const repos = new TestRepos()
    cleanup.push(repos)
    const workspace = join(repos.root, 'archive')
    mkdirSync(join(workspace, 'app'), { recursive: true })
    writeFileSync(join(workspace, 'app/preload.py'), preload(N))
    const commits = { base: 'b'.repeat(40), head: 'f'.repeat(40) }

    const auto = await runAction({
      inputs: { ...INPUTS, 'max-uss-increase': '10%' },
      apiUrl: github.url,
      commits,
      workspace
    })
    expect(auto.status).toBe(0)
    expect(auto.stdout).toContain(
      `::warning::Not comparing with the base: ${workspace} is not in a git repository`
    )
    expect(comments()[0].body).toContain(`not judged: ${workspace} is not in a git repository`)

    const required = await runAction({
      inputs: { ...INPUTS, 'compare-base': 'true' },
      apiUrl: github.url,
      commits,
      workspace
    })
    expect(required.status).toBe(1)
    expect(errors(required)[0]).toMatch(
      new RegExp(
        `^Cannot compare with the base: ${workspace} is not in a git repository .*To measure the head alone, set input 'compare-base' to false\\.$`,
        's'
      )
    )
    expect(required.stdout).not.toContain('::group::Run')
  })
})

describe('the action with a baseline file', () => {
  it('compares with the results of an earlier run, without git', async () => {
    const repos = new TestRepos()
    cleanup.push(repos)
    // A plain directory: no repository, so nothing but the file can be the base.
    const workspace = join(repos.root, 'plain')
    mkdirSync(join(workspace, 'app'), { recursive: true })
    const runnerTemp = join(repos.root, 'runner-temp')
    mkdirSync(runnerTemp)
    const options = { workspace, env: { RUNNER_TEMP: runnerTemp } }

    writeFileSync(join(workspace, 'app/preload.py'), preload(N))
    const earlier = await runAction({
      inputs: { ...INPUTS, 'compare-base': 'false', comment: 'never' },
      apiUrl: github.url,
      ...options
    })
    expect(earlier.status).toBe(0)
    writeFileSync(join(workspace, 'baseline.json'), earlier.files.results ?? '')
    writeFileSync(join(workspace, 'app/preload.py'), preload(2 * N))

    const result = await runAction({
      inputs: { ...INPUTS, baseline: 'baseline.json', 'max-uss-increase': '10%' },
      apiUrl: github.url,
      ...options
    })

    expect(result.status).toBe(1)
    const body = comments()[0].body
    expect(body).toContain('#### Compared with the baseline `baseline.json`')
    expect(body).toMatch(/This PR makes each worker without GC handling [\d.]+ MiB heavier/)
    expect(JSON.parse(result.files.results ?? '{}').base.origin).toMatchObject({
      kind: 'baseline',
      file: 'baseline.json'
    })
    expect(result.stdout).not.toContain('::group::Base')
  })
})

describe('the action in mode: report', () => {
  it('merges the legs of a matrix into one comment with a section per leg', async () => {
    const repos = new TestRepos()
    cleanup.push(repos)
    const workspace = join(repos.root, 'downloaded')
    const write = (path: string, content: object): void => {
      mkdirSync(join(workspace, path, '..'), { recursive: true })
      writeFileSync(join(workspace, path), JSON.stringify(content))
    }
    const origin = {
      kind: 'merge-base' as const,
      commit: '1a2b3c4d5e6f708192a3b4c5d6e7f80912345678',
      pullRequest: { base: 'b'.repeat(40), head: 'f'.repeat(40) }
    }
    // An older version's file, a plain one, and a labelled one compared with its base.
    write(
      'legs/py39/results.json',
      asSchema1(buildResults({ strategies: { none: [40], freeze: [4] }, python: '3.9.19' }))
    )
    write(
      'legs/py311/results.json',
      buildResults({ strategies: { none: [42], freeze: [5] }, python: '3.11.9' })
    )
    const base = buildResults({ strategies: { none: [40], freeze: [10] }, python: '3.12.4' })
    const head = buildResults({ strategies: { none: [45], freeze: [12] }, python: '3.12.4' })
    write('legs/py312/results.json', withBase(head, measuredBase(base, origin), 'postgres'))

    const result = await runAction({
      inputs: {
        mode: 'report',
        'results-glob': 'legs/*/results.json',
        'max-uss-increase': '10%',
        'comment-key': KEY,
        'github-token': ACTIONS_TOKEN
      },
      apiUrl: github.url,
      workspace
    })

    expect(result.status).toBe(1)
    expect(comments()).toHaveLength(1)
    const body = comments()[0].body
    expect(body).toContain('### ❌ Prefork memory: app/preload.py:preload across 3 legs')
    const sections = ['#### Python 3.9.19', '#### Python 3.11.9', '#### Python 3.12.4 · postgres']
    const at = sections.map(section => body.indexOf(section))
    expect(at.every((position, i) => position > (at[i - 1] ?? 0))).toBe(true)
    expect(body).toContain('This PR makes each freeze worker 2.0 MiB heavier (+20.0%)')
    expect(errors(result)).toEqual([
      expect.stringContaining(
        "Python 3.12.4 · postgres: fails if freeze's per-child USS grows by > 10%, and freeze's " +
          'per-child USS grew by 2.0 MiB (+20.0%)'
      )
    ])
    expect(result.outputs['comment-body']).toBe(body)
    expect(result.files.report).toContain('#### Python 3.9.19')
    expect(result.outputs).not.toHaveProperty('results')
  })
})

describe('the comparison inputs, checked before anything runs', () => {
  it.each<[string, Record<string, string>, RunOptions['event'], string]>([
    [
      'compare-base: true on a push',
      { 'compare-base': 'true' },
      'push',
      "Input 'compare-base' is true, but this push event has no pull request to take a base from."
    ],
    [
      'a baseline that is not there',
      { baseline: 'nowhere.json' },
      'pull_request',
      "Input 'baseline' must be a results file of Prefork Memory Check; got 'nowhere.json'"
    ],
    [
      'an increase without a unit',
      { 'max-uss-increase': 'ten percent' },
      'pull_request',
      "Input 'max-uss-increase' must be a percentage such as 10%, a size such as 8MiB"
    ],
    [
      'an unknown mode',
      { mode: 'merge' },
      'pull_request',
      "Input 'mode' must be measure or report; got 'merge'."
    ],
    [
      'mode: report with an entrypoint and no results-glob',
      { mode: 'report' },
      'pull_request',
      "Input 'entrypoint' does not apply to input 'mode' report"
    ]
  ])('%s', async (_, inputs, event, message) => {
    const result = await runAction({ inputs: { ...INPUTS, ...inputs }, apiUrl: github.url, event })
    expect(result.status).toBe(1)
    expect(errors(result)[0]).toContain(message)
    expect(result.stdout).not.toContain('::group::Run')
    expect(github.requests).toHaveLength(0)
  })
})
