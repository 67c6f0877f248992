/**
 * Faults seen from outside, through the committed bundles: a target that fails mid-plan, a wrong
 * interpreter, and the runner cancelling the job. Each ends with one clear message, keeps what
 * completed, and leaves no process behind.
 */
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { commentMarker } from '../../src/publish/comment-body.js'
import { ACTIONS_BOT, type FakeGitHub } from '../helpers/fake-github.js'
import { ACTIONS_TOKEN, startFakeGitHub } from '../helpers/github-client.js'
import {
  expectNoProcessLeft,
  newMarker,
  waitForMarked,
  type ProcessMarker
} from '../helpers/processes.js'
import {
  BUNDLE,
  PR_NUMBER,
  REPOSITORY,
  ROOT,
  inputVariable,
  runAction,
  type ActionRun
} from '../helpers/run-action.js'

const FIXTURES = join(ROOT, '__tests__', 'fixtures', 'python')
const CLI_BUNDLE = join(ROOT, 'dist', 'cli', 'index.js')
const KEY = 'CI/memory'
const MARKER = commentMarker(KEY)
const PR = { owner: REPOSITORY.owner, repo: REPOSITORY.name, number: PR_NUMBER }

let github: FakeGitHub
let marker: ProcessMarker
let scratch: string

beforeAll(() => {
  for (const bundle of [BUNDLE, CLI_BUNDLE]) {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`npm run bundle\` first`)
  }
})

beforeEach(async () => {
  github = await startFakeGitHub()
  marker = newMarker()
  scratch = mkdtempSync(join(tmpdir(), 'e2e-faults-'))
})

afterEach(async () => {
  await github.close()
  await expectNoProcessLeft(marker, 2000)
  rmSync(scratch, { recursive: true, force: true })
})

function errors(result: ActionRun): string[] {
  return result.stdout
    .split('\n')
    .filter(line => line.startsWith('::error::'))
    .map(line => line.slice('::error::'.length))
}

/**
 * The Markdown outside its fenced code blocks, as CommonMark reads them: a block opened by N or
 * more backticks ends only at a line of at least N backticks and nothing else.
 */
function outsideFences(markdown: string): string {
  const kept: string[] = []
  let open: number | null = null
  for (const line of markdown.split('\n')) {
    const fence = /^ {0,3}(`{3,})[^`]*$/.exec(line)
    if (open === null) {
      if (fence) open = fence[1].length
      else kept.push(line)
    } else if (new RegExp(`^ {0,3}\`{${open},}\\s*$`).test(line)) {
      open = null
    }
  }
  return kept.join('\n')
}

describe('the action when the target fails mid-plan', () => {
  it('fails with the traceback in the summary only, keeps the completed run in summary and comment, and escapes it', async () => {
    copyFileSync(join(FIXTURES, 'target_faults.py'), join(scratch, 'target_faults.py'))
    const stale = github.addComment(
      PR,
      `${MARKER}\n### ✅ Prefork memory: old figures`,
      ACTIONS_BOT
    )

    const result = await runAction({
      inputs: {
        'compare-base': 'false',
        entrypoint: 'target_faults.py:fails_after_first_run',
        'working-directory': scratch,
        workers: '2',
        repeat: '1',
        'comment-key': KEY,
        'github-token': ACTIONS_TOKEN
      },
      apiUrl: github.url,
      env: marker.env
    })

    expect(result.status).toBe(1)
    expect(errors(result)).toHaveLength(1)
    expect(errors(result)[0]).toMatch(
      /^Run 2\/2: freeze \(repeat 1\/1\) failed\. The entrypoint 'target_faults\.py:fails_after_first_run' raised in the parent/
    )
    expect(result.stdout).toContain('RuntimeError: run 2 broke: </details><img')

    const comment = github.commentsOn(PR.owner, PR.repo, PR.number)
    expect(comment).toHaveLength(1)
    expect(comment[0].id).toBe(stale.id)
    for (const text of [result.summary ?? '', stale.body]) {
      expect(text).toContain('### ❌ Prefork memory: the run failed')
      expect(text).toContain('#### Completed before the failure: none × 1')
      expect(text).toMatch(/\| `none` \(baseline\) \| [\d.]+ MiB \|/)
      expect(text).not.toContain('old figures')
      const markup = outsideFences(text)
      expect(markup).not.toMatch(/<img|<\/details>|RuntimeError/)
      expect(markup).toContain('Completed before the failure')
    }
    // The summary shows the user's text whole, inside a fence it cannot close; the public
    // comment leaves the traceback and output to the summary.
    expect(result.summary).toContain('run 2 broke: </details><img src=x onerror=alert(1)> ````')
    expect(stale.body).not.toContain('RuntimeError')
    expect(stale.body).toContain("The target's traceback and output are in this run's job summary")
    expect(stale.body.startsWith(MARKER)).toBe(true)
    expect(result.files).toEqual({ results: null, report: null })
  })

  it("never shows the token, even to a target that prints the action's variables", async () => {
    const result = await runAction({
      inputs: {
        'compare-base': 'false',
        entrypoint: 'target_faults.py:leaks_environment',
        'working-directory': FIXTURES,
        repeat: '1',
        'github-token': ACTIONS_TOKEN
      },
      apiUrl: github.url,
      env: marker.env
    })

    expect(result.status).toBe(1)
    expect(errors(result)[0]).toContain('Last output of the target:%0AGITHUB_ACTIONS=true')
    const stdout = result.stdout
      .split('\n')
      .filter(line => line !== `::add-mask::${ACTIONS_TOKEN}`)
      .join('\n')
    for (const text of [stdout, result.stderr, result.summary ?? '']) {
      expect(text).not.toContain(ACTIONS_TOKEN)
      expect(text).not.toContain('INPUT_')
    }
    for (const comment of github.comments) expect(comment.body).not.toContain(ACTIONS_TOKEN)
  })
})

describe('the action with an interpreter it cannot use', () => {
  it.each([
    ['python2', 'runs Python 2.7.18'],
    ['python3.6', 'runs Python 3.6.15']
  ])('stops at %s before any run, naming the input and the fix', async (fake, says) => {
    const python = join(ROOT, '__tests__', 'fixtures', 'fake-python', fake)
    const result = await runAction({
      inputs: { entrypoint: 'app', python, 'github-token': ACTIONS_TOKEN, 'comment-key': KEY },
      apiUrl: github.url,
      event: 'push',
      env: marker.env
    })

    expect(result.status).toBe(1)
    expect(errors(result)).toEqual([
      `Input 'python' is '${python}', which ${says}; prefork-memory-check needs 3.7 or newer ` +
        'for gc.freeze(). Install Python 3.7 or newer (on a runner: actions/setup-python) or set ' +
        'it to such an interpreter.'
    ])
    expect(result.stdout).not.toContain('::group::Run ')
    expect(result.summary).toContain('### ❌ Prefork memory: no results')
  })
})

/** The bundle running a target whose children hang in their worker, until a signal comes. */
function startHanging(kind: 'action' | 'cli') {
  const target = {
    entrypoint: 'target_faults.py:preload',
    worker: 'faults.py:hangs',
    workers: '2',
    repeat: '1',
    timeout: '10m'
  }
  const base = { PATH: process.env.PATH, HOME: process.env.HOME, ...marker.env }
  const child =
    kind === 'action'
      ? spawn(process.execPath, [BUNDLE], {
          cwd: ROOT,
          env: {
            ...base,
            GITHUB_WORKSPACE: ROOT,
            ...Object.fromEntries(
              Object.entries({ ...target, 'working-directory': FIXTURES }).map(([k, v]) => [
                inputVariable(k),
                v
              ])
            )
          }
        })
      : spawn(
          process.execPath,
          [
            CLI_BUNDLE,
            '--working-directory',
            FIXTURES,
            ...Object.entries(target).flatMap(([k, v]) => [`--${k}`, v])
          ],
          { cwd: ROOT, env: base }
        )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>(resolve =>
    child.on('close', code => resolve({ code, stdout, stderr }))
  )
  return { child, exited }
}

describe('a cancelled job or an interrupted CLI', () => {
  it.each([
    ['action', 'SIGINT', 130],
    ['action', 'SIGTERM', 143],
    ['cli', 'SIGINT', 130],
    ['cli', 'SIGTERM', 143]
  ] as const)('the %s on %s kills the run in progress and exits %d', async (kind, signal, code) => {
    const { child, exited } = startHanging(kind)
    // The harness parent and its two children: the run is in progress.
    await waitForMarked(marker, 3, 'harness.py')
    child.kill(signal)
    const result = await exited

    expect(result.code).toBe(code)
    const message = `Stopped by ${signal}, after killing the run in progress.`
    if (kind === 'action') expect(result.stdout).toContain(`::error::${message}`)
    else expect(result.stderr).toContain(`error: ${message}\n`)
  })
})
