/**
 * The committed bundle end to end: a real Python target measured from /proc, a fake GitHub
 * answering the comment calls, and the files and exit status the runner would see.
 */
import { existsSync } from 'node:fs'
import { commentMarker, COMMENT_LIMIT } from '../../src/publish/comment-body.js'
import { ACTIONS_BOT, type FakeGitHub } from '../helpers/fake-github.js'
import { ACTIONS_TOKEN, PERSONAL_TOKEN, startFakeGitHub } from '../helpers/github-client.js'
import {
  BUNDLE,
  PR_NUMBER,
  REPOSITORY,
  runAction,
  type ActionRun,
  type RunOptions
} from '../helpers/run-action.js'

const TARGET = '__tests__/fixtures/e2e/tiny_preload.py'
const KEY = 'CI/memory'
const MARKER = commentMarker(KEY)
const PR = { owner: REPOSITORY.owner, repo: REPOSITORY.name, number: PR_NUMBER }

/** Small and quick: two workers, one run per strategy. */
const BASE_INPUTS: Record<string, string> = {
  entrypoint: `${TARGET}:preload`,
  // The head alone: comparing with a base has tests of its own.
  'compare-base': 'false',
  worker: `${TARGET}:handle`,
  workers: '2',
  repeat: '1',
  timeout: '60s',
  'comment-key': KEY,
  'github-token': ACTIONS_TOKEN
}

let github: FakeGitHub

function run(
  inputs: Record<string, string> = {},
  options: Partial<RunOptions> = {}
): Promise<ActionRun> {
  return runAction({ inputs: { ...BASE_INPUTS, ...inputs }, apiUrl: github.url, ...options })
}

function comments() {
  return github.commentsOn(PR.owner, PR.repo, PR.number)
}

/** Warnings as the runner shows them: `::warning::message` on stdout. */
function warnings(result: ActionRun): string[] {
  return result.stdout
    .split('\n')
    .filter(line => line.startsWith('::warning::'))
    .map(line => line.slice('::warning::'.length))
}

function errors(result: ActionRun): string[] {
  return result.stdout
    .split('\n')
    .filter(line => line.startsWith('::error::'))
    .map(line => line.slice('::error::'.length))
}

/** The token may reach stdout only in the runner's `add-mask` command, which the runner consumes. */
function expectTokenNeverShown(result: ActionRun, token: string): void {
  const stdout = result.stdout
    .split('\n')
    .filter(line => line !== `::add-mask::${token}`)
    .join('\n')
  for (const text of [
    stdout,
    result.stderr,
    result.summary ?? '',
    JSON.stringify(result.outputs)
  ]) {
    expect(text).not.toContain(token)
  }
  expect(result.files.results ?? '').not.toContain(token)
  expect(result.files.report ?? '').not.toContain(token)
}

beforeAll(() => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run bundle\` first`)
})

beforeEach(async () => {
  github = await startFakeGitHub()
})

afterEach(() => github.close())

describe('the action on a pull request', () => {
  it('measures, writes summary and outputs, creates one comment, then updates it', async () => {
    const first = await run()
    expect(first.stderr).toBe('')
    expect(first.status).toBe(0)
    expect(comments()).toHaveLength(1)
    const [comment] = comments()
    expect(comment.user).toEqual(ACTIONS_BOT)
    expect(comment.body.startsWith(MARKER)).toBe(true)
    expect(comment.body).toContain('**No limit set:**')

    expect(first.outputs.verdict).toBe('pass')
    expect(first.outputs['comment-body']).toBe(comment.body)
    expect(first.outputs['comment-url']).toBe(
      `https://github.com/acme/shop/pull/7#issuecomment-${comment.id}`
    )
    expect(Number(first.outputs['uss-none'])).toBeGreaterThan(0)
    expect(Number(first.outputs['uss-freeze'])).toBeGreaterThan(0)
    expect(first.outputs['freeze-saving']).toMatch(/^-?\d+\.\d$/)
    const results = JSON.parse(first.files.results ?? '{}')
    expect(results.strategies.map((s: { name: string }) => s.name)).toEqual(['none', 'freeze'])
    expect(Number(first.outputs['uss-freeze'])).toBe(
      Math.round(results.strategies[1].summary.uss.median)
    )
    expect(first.files.report).toContain('Prefork memory: ')
    expect(first.summary).toContain('| Strategy | USS median')
    for (const group of [
      'Plan',
      'Run 1/2: none (repeat 1/1)',
      'Run 2/2: freeze (repeat 1/1)',
      'Report',
      'Publish'
    ]) {
      expect(first.stdout).toContain(`::group::${group}`)
    }
    expectTokenNeverShown(first, ACTIONS_TOKEN)

    const second = await run({ 'max-uss': '1GiB' })
    expect(second.status).toBe(0)
    expect(comments()).toHaveLength(1)
    expect(comments()[0].id).toBe(comment.id)
    expect(comments()[0].body).toContain('**Passed:** every memory limit holds.')
    expect(github.count('create')).toBe(1)
    expect(github.count('update')).toBe(1)
    expect(second.stdout).toContain(`Updated the comment on #7: ${first.outputs['comment-url']}`)
  })

  it('finds its comment on the second page', async () => {
    for (let i = 0; i < 120; i++)
      github.addComment(PR, `review note ${i}`, { login: 'dev', type: 'User' })
    const ours = github.addComment(PR, `${MARKER}\nold report`, ACTIONS_BOT)

    const result = await run()

    expect(result.status).toBe(0)
    expect(comments()).toHaveLength(121)
    expect(ours.body).toContain('Prefork memory:')
    expect(github.requests.filter(r => r.route === 'list').map(r => r.path)).toEqual([
      '/repos/acme/shop/issues/7/comments?per_page=100',
      '/repos/acme/shop/issues/7/comments?per_page=100&page=2'
    ])
  })

  it("leaves another author's comment with our marker alone", async () => {
    const foreign = github.addComment(PR, `${MARKER}\nquoted in a review`, {
      login: 'dev',
      type: 'User'
    })

    const result = await run()

    expect(result.status).toBe(0)
    expect(foreign.body).toBe(`${MARKER}\nquoted in a review`)
    expect(comments()).toHaveLength(2)
    expect(comments()[1].user).toEqual(ACTIONS_BOT)
  })

  it('finds a personal token’s comment through GET /user', async () => {
    const mine = github.addComment(PR, `${MARKER}\nold`, { login: 'octocat', type: 'User' })

    const result = await run({ 'github-token': PERSONAL_TOKEN })

    expect(result.status).toBe(0)
    expect(comments()).toHaveLength(1)
    expect(mine.body).toContain('Prefork memory:')
    expectTokenNeverShown(result, PERSONAL_TOKEN)
  })

  it('fails on a crossed limit, with the reason in the log, summary and comment', async () => {
    const result = await run({ 'max-uss': '1KiB' })

    expect(result.status).toBe(1)
    expect(result.outputs.verdict).toBe('fail')
    const reason =
      /fails if freeze's per-child USS > 1 KiB, and freeze's per-child USS is [\d.]+ [KM]iB/
    expect(errors(result)).toHaveLength(1)
    expect(errors(result)[0]).toMatch(reason)
    expect(errors(result)[0]).toContain('set `fail-on-threshold: false` to report without failing')
    for (const text of [result.summary ?? '', comments()[0].body]) {
      expect(text).toContain('**Failed:** a memory limit was crossed.')
      expect(text).toMatch(
        /\| ❌ \| fails if freeze's per-child USS &gt; 1 KiB \| freeze's per-child USS is/
      )
    }
  })

  it('reports a crossed limit without failing when fail-on-threshold is false', async () => {
    const result = await run({ 'max-uss': '1KiB', 'fail-on-threshold': 'false' })

    expect(result.status).toBe(0)
    expect(result.outputs.verdict).toBe('fail')
    expect(errors(result)).toEqual([])
    expect(warnings(result)).toEqual([
      expect.stringMatching(
        /^Memory limit crossed, not enforced \(fail-on-threshold is false\): fails if freeze's/
      )
    ])
    expect(comments()[0].body).toContain('### ⚠️ Prefork memory:')
    expect(result.summary).toContain('**Not enforced:** a memory limit was crossed')
  })

  it('on 403 warns with the fix, still writes the summary, and lets the gate decide', async () => {
    github.fail('create', 403)

    const passing = await run()
    expect(passing.status).toBe(0)
    expect(warnings(passing)).toEqual([
      expect.stringContaining('add `permissions: pull-requests: write` to the job')
    ])
    expect(passing.summary).toContain('Prefork memory:')
    expect(passing.outputs['comment-body']).toContain(MARKER)
    expect(passing.outputs).not.toHaveProperty('comment-url')

    const failing = await run({ 'max-uss': '1KiB' })
    expect(failing.status).toBe(1)
    expect(warnings(failing)).toHaveLength(1)
    expect(comments()).toHaveLength(0)
  })

  it('on 404 when updating its comment warns with the fix and passes', async () => {
    github.addComment(PR, `${MARKER}\nold`, ACTIONS_BOT)
    github.fail('update', 404)

    const result = await run()

    expect(result.status).toBe(0)
    expect(warnings(result)).toEqual([
      expect.stringMatching(/^Could not write the comment on pull request #7 \(404 Not Found/)
    ])
    expect(warnings(result)[0]).toContain('add `permissions: pull-requests: write` to the job')
  })

  it('retries a 5xx that does not go away, then warns and keeps the gate', async () => {
    github.fail('list', 503)

    const result = await run({ 'max-uss': '1KiB' })

    expect(result.status).toBe(1)
    expect(github.count('list')).toBe(3)
    expect(warnings(result)).toEqual([expect.stringContaining('GitHub failed 3 times in a row')])
    expect(result.summary).toContain('**Failed:** a memory limit was crossed.')
    expect(result.outputs.verdict).toBe('fail')
  })

  it('on a fork pull request points to the workflow_run pattern', async () => {
    github.fail('create', 403)

    const result = await run({}, { fromFork: true })

    expect(result.status).toBe(0)
    expect(warnings(result)).toEqual([
      expect.stringContaining('Pull requests from forks get a read-only token')
    ])
    expect(warnings(result)[0]).toContain(
      '`comment-body` output from a second workflow triggered by `workflow_run`'
    )
  })

  it('retries a 5xx and then succeeds', async () => {
    github.fail('list', 502, 1)

    const result = await run()

    expect(result.status).toBe(0)
    expect(result.stdout).toContain('GitHub answered 502; trying again in 1 s (attempt 2 of 3).')
    expect(warnings(result)).toEqual([])
    expect(comments()).toHaveLength(1)
  })

  it('cuts a report too long for a comment below 65,536 characters, and GitHub accepts it', async () => {
    // The spec is in the report's title, so a 70,000-character one makes even the minimal report too long.
    const entrypoint = `${TARGET}:chain.${'link.'.repeat(14_000)}load`

    const result = await run({ entrypoint })

    expect(result.status).toBe(0)
    expect(result.files.report?.length).toBeGreaterThan(COMMENT_LIMIT)
    expect(comments()).toHaveLength(1)
    const [comment] = comments()
    expect(comment.body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(comment.body.startsWith(MARKER)).toBe(true)
    expect(comment.body).toContain(
      "Cut here: even the shortest report is over GitHub's limit for a comment"
    )
    expect(result.stdout).toContain("The comment was cut to fit GitHub's size limit.")
    expect(result.summary).toContain('Environment and spread')
  })
})

describe('the action without a pull request', () => {
  it('on push writes the summary and no comment, and says so', async () => {
    const result = await run({}, { event: 'push' })

    expect(result.status).toBe(0)
    expect(github.requests).toHaveLength(0)
    expect(result.stdout).toContain(
      'No pull-request comment: this event has no pull request; the report is in the job summary.'
    )
    expect(result.summary).toContain('Prefork memory:')
    expect(result.outputs.verdict).toBe('pass')
  })

  it('warns, and still passes, when GITHUB_STEP_SUMMARY is missing', async () => {
    const result = await run({}, { event: 'push', env: { GITHUB_STEP_SUMMARY: undefined } })

    expect(result.status).toBe(0)
    expect(warnings(result)).toEqual([
      'GITHUB_STEP_SUMMARY is not set, so no job summary was written; the report is in the `report` output.'
    ])
    expect(result.files.report).toContain('Prefork memory:')
  })
})

describe('the action refusing to start', () => {
  it('names every bad input, writes the reason to the summary, and exits 1', async () => {
    const result = await run({ workers: 'four', comment: 'sometimes' })

    expect(result.status).toBe(1)
    expect(errors(result)).toHaveLength(1)
    expect(errors(result)[0]).toContain("Input 'workers'")
    expect(errors(result)[0]).toContain("Input 'comment'")
    expect(result.summary).toContain('### ❌ Prefork memory: no results')
    expect(github.requests).toHaveLength(0)
    expectTokenNeverShown(result, ACTIONS_TOKEN)
  })
})
