/**
 * Command mode through the committed bundles: a real gunicorn serving a real Flask app under
 * real load, measured by the action with a fake GitHub; a command that fails at once; the CLI
 * measuring a multiprocessing pool. Each leaves no process behind.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Results } from '../../src/engine/types.js'
import { commentMarker } from '../../src/publish/comment-body.js'
import { freePort, requireModules, SERVERS } from '../fixtures/servers/run-helpers.js'
import { ACTIONS_BOT, type FakeGitHub } from '../helpers/fake-github.js'
import { ACTIONS_TOKEN, startFakeGitHub } from '../helpers/github-client.js'
import { expectNoProcessLeft, newMarker, type ProcessMarker } from '../helpers/processes.js'
import {
  BUNDLE,
  PR_NUMBER,
  REPOSITORY,
  ROOT,
  runAction,
  type ActionRun
} from '../helpers/run-action.js'

const CLI_BUNDLE = join(ROOT, 'dist', 'cli', 'index.js')
const KEY = 'CI/memory'
const PR = { owner: REPOSITORY.owner, repo: REPOSITORY.name, number: PR_NUMBER }

let github: FakeGitHub
let marker: ProcessMarker

beforeAll(() => {
  for (const bundle of [BUNDLE, CLI_BUNDLE]) {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`npm run bundle\` first`)
  }
})

beforeEach(async () => {
  github = await startFakeGitHub()
  marker = newMarker()
})

afterEach(async () => {
  await github.close()
  await expectNoProcessLeft(marker, 2000)
})

function errors(result: ActionRun): string[] {
  return result.stdout
    .split('\n')
    .filter(line => line.startsWith('::error::'))
    .map(line => line.slice('::error::'.length))
}

function comments() {
  return github.commentsOn(PR.owner, PR.repo, PR.number)
}

describe('the action measuring gunicorn --preload -w 3 under load', () => {
  beforeAll(() => requireModules(['gunicorn', 'flask'], ['gunicorn', 'python3-flask']))

  it('reports both strategies with the chart and the master apart, and gates the saving', async () => {
    const port = await freePort()
    const result = await runAction({
      inputs: {
        'compare-base': 'false',
        command: `gunicorn --preload -w 3 -b 127.0.0.1:${port} flask_app:app`,
        'ready-url': `http://127.0.0.1:${port}/`,
        'load-command': 'python3 collect_all.py 3',
        'working-directory': '__tests__/fixtures/servers',
        workers: '3',
        repeat: '1',
        strategies: 'none, freeze',
        'min-freeze-saving': '80',
        'comment-key': KEY,
        'github-token': ACTIONS_TOKEN
      },
      apiUrl: github.url,
      env: marker.env
    })

    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.outputs.verdict).toBe('pass')
    const none = Number(result.outputs['uss-none'])
    const freeze = Number(result.outputs['uss-freeze'])
    expect(none).toBeGreaterThan(10 * 2 ** 20)
    expect(freeze).toBeLessThanOrEqual(0.2 * none)
    expect(Number(result.outputs['freeze-saving'])).toBeGreaterThanOrEqual(80)

    expect(comments()).toHaveLength(1)
    const [comment] = comments()
    expect(comment.user).toEqual(ACTIONS_BOT)
    expect(comment.body.startsWith(commentMarker(KEY))).toBe(true)
    for (const text of [comment.body, result.summary ?? '']) {
      expect(text).toContain(`### ✅ Prefork memory: gunicorn --preload -w 3 -b 127.0.0.1:${port}`)
      expect(text).toMatch(/\| `none` \(baseline\) \| [\d.]+ MiB \|/)
      expect(text).toMatch(/\| `freeze` \| [\d.]+ MiB \(−[\d.]+%\) \|/)
      expect(text).toContain('```mermaid\n')
      expect(text).toContain('🟥 none · 🟦 freeze')
      expect(text).toMatch(/\| master \(gunicorn, pid \d+\) \|/)
      expect(text).toContain('| worker 3 |')
      expect(text).not.toContain('[!WARNING]')
    }

    const results = JSON.parse(result.files.results ?? '{}') as Results
    expect(results.target).toMatchObject({
      kind: 'command',
      loadCommand: 'python3 collect_all.py 3'
    })
    expect(results.warnings).toEqual([])
    expect(results.environment.python.executable).toBe('/usr/bin/python3')
    for (const strategy of results.strategies) {
      const [run] = strategy.runs
      expect(run.command?.master.name).toBe('gunicorn')
      expect(run.command?.hookFired).toEqual([true, true, true])
      expect(run.command?.ticks.length).toBeGreaterThanOrEqual(2)
    }
    for (const group of ['Plan', 'Run 1/2: none (repeat 1/1)', 'Run 2/2: freeze (repeat 1/1)']) {
      expect(result.stdout).toContain(`::group::${group}`)
    }
  })
})

describe('the action with a command that exits at once', () => {
  it('fails with the command output in the log and summary, and the reason in the comment', async () => {
    const result = await runAction({
      inputs: {
        'compare-base': 'false',
        command: "echo 'no such app: flask_app:ap' >&2; exit 3",
        'working-directory': '__tests__/fixtures/servers',
        repeat: '1',
        'comment-key': KEY,
        'github-token': ACTIONS_TOKEN
      },
      apiUrl: github.url,
      env: marker.env
    })

    expect(result.status).toBe(1)
    expect(errors(result)).toEqual([
      'Run 1/2: none (repeat 1/1) failed. The command exited with code 3 before its workers ' +
        'were ready.%0ALast output of the command:%0Ano such app: flask_app:ap'
    ])
    expect(result.stdout).not.toContain('::group::Run 2/2')
    expect(result.summary).toContain('### ❌ Prefork memory: no results')
    expect(result.summary).toContain(
      'The command exited with code 3 before its workers were ready.'
    )
    expect(result.summary).toContain('no such app: flask_app:ap')
    expect(comments()).toHaveLength(1)
    // The comment is public: it gives the reason and leaves the server's output to the summary.
    expect(comments()[0].body).toContain('The command exited with code 3 before its workers')
    expect(comments()[0].body).not.toContain('no such app: flask_app:ap')
  })

  it('stops before running anything when both entrypoint and command are set', async () => {
    const result = await runAction({
      inputs: { entrypoint: 'app', command: 'gunicorn app:app', 'github-token': ACTIONS_TOKEN },
      apiUrl: github.url,
      env: marker.env
    })
    expect(result.status).toBe(1)
    expect(errors(result)[0]).toMatch(
      /^Input 'entrypoint' and input 'command' exclude each other; got both \('app' and 'gunicorn app:app'\)/
    )
    expect(result.stdout).not.toContain('::group::Run ')
    expect(comments()).toEqual([])
  })
})

/** Runs the CLI bundle with `args`, in the test's marker. */
async function cli(
  args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI_BUNDLE, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...marker.env }
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  return { code, stdout, stderr }
}

describe('the CLI with --command', () => {
  it('measures a multiprocessing pool and writes the results', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'cli-command-'))
    try {
      const json = join(scratch, 'results.json')
      const { code, stdout, stderr } = await cli([
        '--command',
        '/usr/bin/python3 fork_pool.py',
        '--working-directory',
        SERVERS,
        '--workers',
        '3',
        '--repeat',
        '1',
        '--load-duration',
        '500ms',
        '--sample-interval',
        '250ms',
        '--min-freeze-saving',
        '80',
        '--json',
        json
      ])

      expect({ code, stderr: stderr.match(/^error: .*/m)?.[0] ?? null }).toEqual({
        code: 0,
        stderr: null
      })
      expect(stdout).toMatch(
        /^Prefork memory: \/usr\/bin\/python3 fork_pool\.py\ngc\.freeze\(\) cuts per-worker USS/
      )
      expect(stdout).toContain('tree PSS = master + 3 workers.')
      expect(stdout).toMatch(
        /✓ fails if freeze saves less than 80% of none's per-child USS: freeze saves/
      )
      expect(stderr).toContain('▸ Run 2/2: freeze (repeat 1/1)')

      const results = JSON.parse(readFileSync(json, 'utf8')) as Results
      expect(results.target).toEqual({
        kind: 'command',
        command: '/usr/bin/python3 fork_pool.py',
        ready: { kind: 'settle' },
        loadCommand: null,
        loadDurationMs: 500,
        sampleIntervalMs: 250
      })
      const [none, freeze] = results.strategies
      expect(freeze.summary.uss.median).toBeLessThanOrEqual(0.2 * none.summary.uss.median)
      expect(freeze.runs[0].command?.hookFired).toEqual([true, true, true])
    } finally {
      rmSync(scratch, { recursive: true, force: true })
    }
  })

  it('warns once and fails the saving gate when the server forks from C', async () => {
    const { code, stdout, stderr } = await cli([
      '--command',
      '/usr/bin/python3 c_fork_server.py',
      '--working-directory',
      SERVERS,
      '--workers',
      '2',
      '--repeat',
      '1',
      '--min-freeze-saving',
      '0'
    ])
    const warning =
      'The strategy hook did not reach 4 of 4 workers (strategies none, freeze): python3 ' +
      "loaded it but forked them from C without running the interpreter's fork handlers"
    expect(code).toBe(1)
    expect(stdout).toContain(`Warning: ${warning}`)
    expect(stderr.split(`warning: ${warning}`)).toHaveLength(2)
    expect(stdout).toContain(
      "✗ fails if freeze saves less than 0% of none's per-child USS: freeze was not applied: " +
        'the strategy hook did not reach 2 of 2 workers (see the warning)'
    )
  })
})
