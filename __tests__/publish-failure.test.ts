import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Logger } from '../src/engine/logger.js'
import type { PullRequestTarget } from '../src/github/event.js'
import { commentMarker } from '../src/publish/comment-body.js'
import { MAX_ERROR_CHARS, errorSummary } from '../src/publish/job-summary.js'
import {
  publicFailureMessage,
  publishFailure,
  type FailureInput,
  type PublishDeps
} from '../src/publish/publish.js'
import { loadResults } from './fixtures/results/load.js'
import { ACTIONS_BOT, type FakeGitHub } from './helpers/fake-github.js'
import { ACTIONS_TOKEN, apiFor, instantRetry, startFakeGitHub } from './helpers/github-client.js'

const PR: PullRequestTarget = { owner: 'acme', repo: 'shop', number: 7, fromFork: false }
const KEY = 'CI/test'
const MESSAGE =
  "Run 2/2: freeze (repeat 1/1) failed. The entrypoint 'app.py:preload' raised in the parent " +
  '(pid 42) while waiting for after-fork.\nTraceback (most recent call last):\n' +
  'RuntimeError: </details><img src=x onerror=alert(1)> | ```` ~~~'

/** The stdlib results with freeze left out, as a failure in the first freeze run leaves them. */
function partialResults() {
  const results = loadResults('stdlib-none-freeze')
  return { ...results, strategies: results.strategies.filter(s => s.name === 'none') }
}

describe('errorSummary', () => {
  it('puts the message in a fence its backticks cannot close, then what completed', () => {
    const summary = errorSummary(MESSAGE, partialResults())
    const [title, open] = summary.split('\n\n')
    expect(title).toBe('### ❌ Prefork memory: the run failed')
    expect(open).toBe(`\`\`\`\`\`\n${MESSAGE}\n\`\`\`\`\``)
    expect(summary).toContain('#### Completed before the failure: none × 3')
    expect(summary).toContain('| `none` (baseline) | 5.9 MiB |')
    expect(summary).not.toContain('`freeze`')
  })

  it('keeps the start and the end of a message too long to show', () => {
    const message = `What failed.\n${'x'.repeat(100_000)}\nthe last frame`
    const summary = errorSummary(message)
    expect(summary.length).toBeLessThan(MAX_ERROR_CHARS + 200)
    expect(summary).toContain('What failed.\n')
    expect(summary).toContain('characters cut; the log has them')
    expect(summary).toMatch(/the last frame\n```\n$/)
  })
})

describe('publishFailure', () => {
  let github: FakeGitHub
  let warnings: string[]
  let summaryPath: string

  beforeEach(async () => {
    github = await startFakeGitHub()
    warnings = []
    summaryPath = join(mkdtempSync(join(tmpdir(), 'publish-failure-')), 'summary.md')
    writeFileSync(summaryPath, '')
  })
  afterEach(() => github.close())

  function deps(overrides: Partial<PublishDeps> = {}): PublishDeps {
    const log: Logger = {
      info: () => undefined,
      warning: m => warnings.push(m),
      startGroup: () => undefined,
      endGroup: () => undefined
    }
    return {
      log,
      setOutput: () => undefined,
      env: { GITHUB_STEP_SUMMARY: summaryPath },
      pullRequest: PR,
      commentApi: apiFor(github, ACTIONS_TOKEN),
      retry: instantRetry(),
      ...overrides
    }
  }

  function failure(overrides: Partial<FailureInput> = {}): FailureInput {
    return {
      message: MESSAGE,
      partial: partialResults(),
      comment: 'always',
      commentKey: KEY,
      runUrl: null,
      ...overrides
    }
  }

  it('writes the error to the summary and replaces the figures of the last comment', async () => {
    const old = github.addComment(PR, `${commentMarker(KEY)}\n✅ all good`, ACTIONS_BOT)
    await publishFailure(failure(), deps())

    const summary = readFileSync(summaryPath, 'utf8')
    expect(summary).toBe(errorSummary(MESSAGE, partialResults()))
    expect(github.commentsOn('acme', 'shop', 7)).toHaveLength(1)
    const publicSummary = errorSummary(publicFailureMessage(MESSAGE), partialResults())
    expect(old.body).toBe(
      `${commentMarker(KEY)}\n\n${publicSummary.trimEnd()}\n\n<sub>Prefork Memory Check · comment key: CI/test</sub>\n`
    )
    expect(warnings).toEqual([])
  })

  it("keeps the target's traceback and output out of the public comment", async () => {
    const old = github.addComment(PR, `${commentMarker(KEY)}\n✅ all good`, ACTIONS_BOT)
    await publishFailure(failure(), deps())
    expect(readFileSync(summaryPath, 'utf8')).toContain('RuntimeError')
    expect(old.body).toContain('raised in the parent (pid 42) while waiting for after-fork.')
    expect(old.body).not.toContain('Traceback')
    expect(old.body).not.toContain('RuntimeError')
    expect(old.body).toContain(
      "The target's traceback and output are in this run's job summary and log."
    )
  })

  it.each([
    ["Input 'workers' must be a whole number from 1 to 1024; got 'four'.\nInput 'repeat' …", null],
    [
      'Run 1/1: none (repeat 1/1) failed. X.\nThe target printed nothing.',
      'Run 1/1: none (repeat 1/1) failed. X.'
    ],
    [
      'Run 1/1: none failed. X.\nLast output of the command:\nDSN=postgres://u:secret@db',
      'Run 1/1: none failed. X.'
    ]
  ])('cuts %p before the target speaks', (message, kept) => {
    const shown = publicFailureMessage(message)
    if (kept === null) expect(shown).toBe(message)
    else expect(shown.startsWith(`${kept}\n\nThe target's traceback`)).toBe(true)
  })

  it('starts a comment under on-failure, since the check failed', async () => {
    await publishFailure(failure({ comment: 'on-failure', partial: null }), deps())
    const [comment] = github.commentsOn('acme', 'shop', 7)
    expect(comment.body).toContain('### ❌ Prefork memory: no results')
  })

  it('makes no call with comment: never, or on an event without a pull request', async () => {
    await publishFailure(failure({ comment: 'never' }), deps())
    await publishFailure(failure(), deps({ pullRequest: null }))
    expect(github.requests).toHaveLength(0)
  })

  it('warns and still writes the summary when GitHub keeps answering 5xx', async () => {
    github.fail('list', 503)
    await publishFailure(failure(), deps())
    expect(github.count('list')).toBe(3)
    expect(warnings).toEqual([expect.stringContaining('GitHub failed 3 times in a row')])
    expect(readFileSync(summaryPath, 'utf8')).toContain('the run failed')
  })

  it('warns instead of failing when GITHUB_STEP_SUMMARY is missing', async () => {
    await publishFailure(failure(), deps({ env: {} }))
    expect(warnings).toEqual([
      'GITHUB_STEP_SUMMARY is not set, so no job summary was written; the report is in the `report` output.'
    ])
    expect(github.commentsOn('acme', 'shop', 7)).toHaveLength(1)
  })
})
