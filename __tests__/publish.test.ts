import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Logger } from '../src/engine/logger.js'
import { judge } from '../src/gate.js'
import type { PullRequestTarget } from '../src/github/event.js'
import { commentMarker } from '../src/publish/comment-body.js'
import { publish, type PublishDeps, type PublishInput } from '../src/publish/publish.js'
import { resultsReport } from '../src/publish/report-body.js'
import { loadResults } from './fixtures/results/load.js'
import { withWorkers } from './helpers/big-results.js'
import type { FakeGitHub } from './helpers/fake-github.js'
import { ACTIONS_TOKEN, apiFor, instantRetry, startFakeGitHub } from './helpers/github-client.js'

const PR: PullRequestTarget = { owner: 'acme', repo: 'shop', number: 7, fromFork: false }
const results = loadResults('stdlib-none-freeze')

interface Recorded {
  deps: PublishDeps
  infos: string[]
  warnings: string[]
  outputs: Record<string, string>
  summaryPath: string
}

const NO_LIMITS = {
  strategy: 'freeze' as const,
  maxUss: null,
  maxPss: null,
  minFreezeSaving: null,
  failOnThreshold: true
}

function input(overrides: Partial<PublishInput> = {}): PublishInput {
  const gate = { ...NO_LIMITS, maxUss: 1024 }
  const verdict = judge(results, gate)
  return {
    report: resultsReport(results, verdict),
    verdict,
    outputs: { results: '/tmp/x/results.json', report: '/tmp/x/report.md' },
    comment: 'always',
    commentKey: 'CI/test',
    runUrl: null,
    ...overrides
  }
}

function record(github: FakeGitHub, overrides: Partial<PublishDeps> = {}): Recorded {
  const infos: string[] = []
  const warnings: string[] = []
  const outputs: Record<string, string> = {}
  const summaryPath = join(mkdtempSync(join(tmpdir(), 'publish-')), 'summary.md')
  writeFileSync(summaryPath, '')
  const log: Logger = {
    info: m => infos.push(m),
    warning: m => warnings.push(m),
    startGroup: () => undefined,
    endGroup: () => undefined
  }
  const deps: PublishDeps = {
    log,
    setOutput: (name, value) => void (outputs[name] = value),
    env: { GITHUB_STEP_SUMMARY: summaryPath },
    pullRequest: PR,
    commentApi: apiFor(github, ACTIONS_TOKEN),
    retry: instantRetry(),
    ...overrides
  }
  return { deps, infos, warnings, outputs, summaryPath }
}

describe('publish', () => {
  let github: FakeGitHub

  beforeEach(async () => {
    github = await startFakeGitHub()
  })
  afterEach(() => github.close())

  it('writes the summary, the outputs and the comment, and reports its URL', async () => {
    const run = record(github)
    await publish(input(), run.deps)

    const [comment] = github.commentsOn('acme', 'shop', 7)
    expect(comment.body.startsWith(commentMarker('CI/test'))).toBe(true)
    expect(run.outputs['comment-body']).toBe(comment.body)
    expect(run.outputs.results).toBe('/tmp/x/results.json')
    expect(run.outputs['comment-url']).toBe(
      `https://github.com/acme/shop/pull/7#issuecomment-${comment.id}`
    )
    expect(run.outputs.verdict).toBe('fail')
    expect(readFileSync(run.summaryPath, 'utf8')).toContain(
      '**Failed:** a memory limit was crossed.'
    )
    expect(run.infos).toContain(`Created the comment on #7: ${run.outputs['comment-url']}`)
    expect(run.warnings).toEqual([])
  })

  it('makes no call for an event without a pull request, and says so', async () => {
    const run = record(github, { pullRequest: null })
    await publish(input(), run.deps)

    expect(github.requests).toHaveLength(0)
    expect(run.infos).toContain(
      'No pull-request comment: this event has no pull request; the report is in the job summary.'
    )
    expect(run.outputs).not.toHaveProperty('comment-url')
    expect(run.outputs.verdict).toBe('fail')
    expect(readFileSync(run.summaryPath, 'utf8')).toContain('Prefork memory')
  })

  it('makes no call with comment: never', async () => {
    const run = record(github)
    await publish(input({ comment: 'never' }), run.deps)
    expect(github.requests).toHaveLength(0)
    expect(run.infos).toContain('No pull-request comment: `comment` is `never`.')
  })

  it('warns with the fix on 403 and still writes summary and outputs', async () => {
    github.fail('create', 403)
    const run = record(github)
    await publish(input(), run.deps)

    expect(run.warnings).toHaveLength(1)
    expect(run.warnings[0]).toContain('add `permissions: pull-requests: write` to the job')
    expect(run.outputs).toHaveProperty('comment-body')
    expect(run.outputs).not.toHaveProperty('comment-url')
    expect(readFileSync(run.summaryPath, 'utf8')).not.toBe('')
  })

  it('logs each retry and warns once GitHub keeps failing', async () => {
    github.fail('list', 502)
    const run = record(github)
    await publish(input(), run.deps)

    expect(run.infos).toEqual(
      expect.arrayContaining([
        'GitHub answered 502; trying again in 1 s (attempt 2 of 3).',
        'GitHub answered 502; trying again in 3 s (attempt 3 of 3).'
      ])
    )
    expect(run.warnings).toHaveLength(1)
    expect(run.warnings[0]).toContain('GitHub failed 3 times in a row')
  })

  it('warns when there is no token to comment with', async () => {
    const run = record(github, { commentApi: null })
    await publish(input(), run.deps)
    expect(run.warnings).toEqual([
      'No pull-request comment: `github-token` is empty. Leave it unset to use `${{ github.token }}`.'
    ])
  })

  it('says when the comment is shortened to fit', async () => {
    const run = record(github)
    const wide = withWorkers(results, 600)
    await publish(input({ report: resultsReport(wide, judge(wide, NO_LIMITS)) }), run.deps)
    expect(run.infos).toContain("The comment shows the compact report to fit GitHub's size limit.")
    expect(github.commentsOn('acme', 'shop', 7)).toHaveLength(1)
  })
})
