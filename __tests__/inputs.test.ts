import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CommandSettings, EntrypointSettings } from '../src/engine/settings.js'
import {
  InputError,
  getMode,
  getReportSettings,
  getSettings,
  type BaseRequest,
  type ReportSettings,
  type Settings
} from '../src/inputs.js'
import { buildResults } from './fixtures/compare/build.js'

// Created at load time: the case tables below name paths inside it.
const workspace = mkdtempSync(join(tmpdir(), 'inputs-test-'))
mkdirSync(join(workspace, 'app'))
writeFileSync(join(workspace, 'notes.txt'), '')

afterAll(() => {
  rmSync(workspace, { recursive: true, force: true })
})

/** The measure settings of an entrypoint, or of a command: what the case tables pick from. */
const entry = (s: Settings): EntrypointSettings => s.measure as EntrypointSettings
const served = (s: Settings): CommandSettings => s.measure as CommandSettings

/** Settings from inputs given by name, with `entrypoint` filled in unless the case sets it. */
function settingsFrom(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): Settings {
  const given: Record<string, string> = { entrypoint: 'app.main', ...inputs }
  return getSettings(name => given[name] ?? '', { GITHUB_WORKSPACE: workspace, ...env })
}

/** The problems an InputError lists; fails the test when the inputs are accepted. */
function problemsOf(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): string[] {
  try {
    settingsFrom(inputs, env)
  } catch (error) {
    if (error instanceof InputError) return error.problems
    throw error
  }
  throw new Error(`accepted ${JSON.stringify(inputs)}`)
}

describe('getSettings defaults', () => {
  it('fills in every default when only the entrypoint is given', () => {
    expect(settingsFrom({})).toEqual({
      measure: {
        kind: 'entrypoint',
        entrypoint: 'app.main',
        worker: null,
        iterations: 1,
        workers: 4,
        strategies: ['none', 'freeze'],
        repeat: 3,
        python: 'python3',
        workingDirectory: workspace,
        timeoutMs: 300_000
      },
      gate: {
        strategy: 'freeze',
        maxUss: null,
        maxPss: null,
        minFreezeSaving: null,
        failOnThreshold: true
      },
      regression: { uss: null, pss: null },
      base: { kind: 'none', reason: "this run has no pull request and input 'baseline' is empty" },
      label: null,
      comment: 'always',
      commentKey: 'default',
      githubToken: ''
    })
  })

  it('keys the comment by workflow and job inside Actions', () => {
    const env = { GITHUB_WORKFLOW: 'CI', GITHUB_JOB: 'memory' }
    expect(settingsFrom({}, env).commentKey).toBe('CI/memory')
  })

  it('resolves the working directory against the current directory outside Actions', () => {
    const settings = getSettings(name => (name === 'entrypoint' ? 'app' : ''), {})
    expect(settings.measure.workingDirectory).toBe(process.cwd())
  })

  it.each([
    ['none, freeze', 'freeze'],
    ['disable-freeze, freeze', 'freeze'],
    ['none, collect-freeze', 'none'],
    ['disable-freeze', 'disable-freeze']
  ])('with strategies %p the gate judges %p', (strategies, gate) => {
    expect(settingsFrom({ strategies }).gate.strategy).toBe(gate)
  })
})

describe('getSettings accepts', () => {
  it.each<[Record<string, string>, (s: Settings) => unknown, unknown]>([
    [{ entrypoint: ' src/app.py:preload ' }, s => entry(s).entrypoint, 'src/app.py:preload'],
    [{ worker: 'app.work:handle' }, s => entry(s).worker, 'app.work:handle'],
    [{ worker: 'app.work:Pool.handle' }, s => entry(s).worker, 'app.work:Pool.handle'],
    [{ entrypoint: 'my-app.main' }, s => entry(s).entrypoint, 'my-app.main'],
    [{ iterations: '0' }, s => entry(s).iterations, 0],
    [{ iterations: '250' }, s => entry(s).iterations, 250],
    [{ workers: '1' }, s => entry(s).workers, 1],
    [{ workers: '1024' }, s => entry(s).workers, 1024],
    [{ workers: ' 16 ' }, s => entry(s).workers, 16],
    [{ repeat: '1' }, s => s.measure.repeat, 1],
    [{ repeat: '100' }, s => s.measure.repeat, 100],
    [{ strategies: 'freeze,none' }, s => s.measure.strategies, ['freeze', 'none']],
    [
      { strategies: 'none\nfreeze\ndisable-freeze\ncollect-freeze\n' },
      s => s.measure.strategies,
      ['none', 'freeze', 'disable-freeze', 'collect-freeze']
    ],
    [{ strategies: ' none , none, freeze,' }, s => s.measure.strategies, ['none', 'freeze']],
    [{ python: '/usr/bin/python3.11' }, s => entry(s).python, '/usr/bin/python3.11'],
    [{ 'working-directory': 'app' }, s => s.measure.workingDirectory, join(workspace, 'app')],
    [{ 'working-directory': workspace }, s => s.measure.workingDirectory, workspace],
    [{ timeout: '90s' }, s => s.measure.timeoutMs, 90_000],
    [{ timeout: '45' }, s => s.measure.timeoutMs, 45_000],
    [{ timeout: '1h' }, s => s.measure.timeoutMs, 3_600_000],
    [{ 'gate-strategy': 'none' }, s => s.gate.strategy, 'none'],
    [{ 'max-uss': '150MiB' }, s => s.gate.maxUss, 150 * 2 ** 20],
    [{ 'max-uss': '1.5GB' }, s => s.gate.maxUss, 1.5e9],
    [{ 'max-uss': '1048576' }, s => s.gate.maxUss, 1048576],
    [{ 'max-pss': '200 MB' }, s => s.gate.maxPss, 200e6],
    [{ 'min-freeze-saving': '50' }, s => s.gate.minFreezeSaving, 50],
    [{ 'min-freeze-saving': '80%' }, s => s.gate.minFreezeSaving, 80],
    [{ 'min-freeze-saving': '0' }, s => s.gate.minFreezeSaving, 0],
    [{ 'fail-on-threshold': 'false' }, s => s.gate.failOnThreshold, false],
    [{ 'fail-on-threshold': 'FALSE' }, s => s.gate.failOnThreshold, false],
    [{ 'fail-on-threshold': 'True' }, s => s.gate.failOnThreshold, true],
    [{ comment: 'on-failure' }, s => s.comment, 'on-failure'],
    [{ comment: 'Never' }, s => s.comment, 'never'],
    [{ 'comment-key': 'py3.12' }, s => s.commentKey, 'py3.12'],
    [{ 'github-token': 'ghs_abc123' }, s => s.githubToken, 'ghs_abc123']
  ])('%p', (inputs, pick, expected) => {
    expect(pick(settingsFrom(inputs))).toEqual(expected)
  })
})

describe('getSettings rejects', () => {
  const NUMBER = (name: string, range: string, got: string): string =>
    `Input '${name}' must be a whole number ${range}; got '${got}'.`
  const SIZE = 'a size such as 150MiB, 1.5GB or 1048576 (B, KB, MB, GB, KiB, MiB, GiB)'
  const DURATION = 'a duration from 1ms to 24h such as 90s, 5m or 1h (a bare number is seconds)'
  const NEITHER =
    "Input 'entrypoint' or input 'command' is required: input 'entrypoint' is a Python import " +
    "spec such as 'app.main', 'app.main:preload' or 'src/app.py:preload' to preload and fork " +
    "from, input 'command' a server command line such as 'gunicorn --preload -w 4 app:app'."

  it.each<[Record<string, string>, string]>([
    [{ workers: '0' }, NUMBER('workers', 'from 1 to 1024', '0')],
    [{ workers: '-1' }, NUMBER('workers', 'from 1 to 1024', '-1')],
    [{ workers: 'four' }, NUMBER('workers', 'from 1 to 1024', 'four')],
    [{ workers: '100000' }, NUMBER('workers', 'from 1 to 1024', '100000')],
    [{ workers: '2.5' }, NUMBER('workers', 'from 1 to 1024', '2.5')],
    [{ repeat: '0' }, NUMBER('repeat', 'from 1 to 100', '0')],
    [{ repeat: '101' }, NUMBER('repeat', 'from 1 to 100', '101')],
    [{ iterations: '-1' }, NUMBER('iterations', '0 or more', '-1')],
    [
      { strategies: 'none, frezee' },
      "Input 'strategies' must list one or more of none, freeze, disable-freeze, collect-freeze, " +
        "comma- or newline-separated; got 'none, frezee' (unknown: frezee)."
    ],
    [
      { strategies: ' , ' },
      "Input 'strategies' must list one or more of none, freeze, disable-freeze, collect-freeze, " +
        "comma- or newline-separated; got ','."
    ],
    [{ 'max-uss': '12XB' }, `Input 'max-uss' must be ${SIZE}; got '12XB'.`],
    [{ 'max-uss': '-5MiB' }, `Input 'max-uss' must be ${SIZE}; got '-5MiB'.`],
    [{ 'max-pss': 'MiB' }, `Input 'max-pss' must be ${SIZE}; got 'MiB'.`],
    [{ 'max-pss': '0' }, `Input 'max-pss' must be ${SIZE}; got '0'.`],
    [
      { 'min-freeze-saving': '150%' },
      "Input 'min-freeze-saving' must be a percentage from 0 to 100 such as 50 or 50%; got '150%'."
    ],
    [
      { 'min-freeze-saving': '50', strategies: 'freeze, collect-freeze' },
      "Input 'min-freeze-saving' compares freeze with none, so input 'strategies' must include " +
        "both; got 'freeze, collect-freeze'."
    ],
    [
      { 'min-freeze-saving': '50', strategies: 'none' },
      "Input 'min-freeze-saving' compares freeze with none, so input 'strategies' must include " +
        "both; got 'none'."
    ],
    [
      { 'gate-strategy': 'collect-freeze' },
      "Input 'gate-strategy' must be one of the measured strategies (none, freeze); " +
        "got 'collect-freeze'."
    ],
    [
      { 'gate-strategy': 'frozen' },
      "Input 'gate-strategy' must be one of the measured strategies (none, freeze); got 'frozen'."
    ],
    [{ entrypoint: '' }, NEITHER],
    [{ entrypoint: '   ' }, NEITHER],
    [
      { command: 'gunicorn app:app' },
      "Input 'entrypoint' and input 'command' exclude each other; got both ('app.main' and " +
        "'gunicorn app:app'). Keep input 'entrypoint' to preload a Python import spec and fork " +
        "from it, or input 'command' to measure a server command line."
    ],
    [
      { 'ready-url': 'http://127.0.0.1:8000/' },
      "Input 'ready-url' applies only to input 'command'; got 'http://127.0.0.1:8000/' with " +
        "input 'entrypoint'. Remove it, or measure a server command line with input 'command'."
    ],
    [
      { 'sample-interval': '1s' },
      "Input 'sample-interval' applies only to input 'command'; got '1s' with input " +
        "'entrypoint'. Remove it, or measure a server command line with input 'command'."
    ],
    [
      { entrypoint: 'app.main:create_app()' },
      "Input 'entrypoint' must be a Python import spec such as 'app.main', 'app.main:preload' " +
        "or 'src/app.py:preload'; got 'app.main:create_app()'."
    ],
    [
      { entrypoint: 'src/app.py:' },
      "Input 'entrypoint' must be a Python import spec such as 'app.main', 'app.main:preload' " +
        "or 'src/app.py:preload'; got 'src/app.py:'."
    ],
    [
      { worker: ':handle' },
      "Input 'worker' must be a Python import spec such as 'app.main', 'app.main:preload' " +
        "or 'src/app.py:preload'; got ':handle'."
    ],
    [
      { comment: 'sometimes' },
      "Input 'comment' must be one of always, on-failure, never; got 'sometimes'."
    ],
    [
      { 'working-directory': 'missing' },
      `Input 'working-directory' must be an existing directory; got 'missing', which resolves ` +
        `to ${join(workspace, 'missing')} and does not exist.`
    ],
    [
      { 'working-directory': 'notes.txt' },
      `Input 'working-directory' must be an existing directory; got 'notes.txt', which resolves ` +
        `to ${join(workspace, 'notes.txt')} and is not a directory.`
    ],
    [{ timeout: '0s' }, `Input 'timeout' must be ${DURATION}; got '0s'.`],
    [{ timeout: 'forever' }, `Input 'timeout' must be ${DURATION}; got 'forever'.`],
    [{ timeout: '-30s' }, `Input 'timeout' must be ${DURATION}; got '-30s'.`],
    [{ timeout: '2d' }, `Input 'timeout' must be ${DURATION}; got '2d'.`],
    [{ 'fail-on-threshold': 'no' }, "Input 'fail-on-threshold' must be true or false; got 'no'."],
    [
      { 'comment-key': 'a --> b' },
      "Input 'comment-key' must be one line without '-->'; got 'a --> b'."
    ]
  ])('%p', (inputs, message) => {
    expect(problemsOf(inputs)).toEqual([message])
  })

  it('judges gate-strategy against all strategies when the list itself is invalid', () => {
    expect(problemsOf({ strategies: 'nope', 'gate-strategy': 'frozen' })).toEqual([
      expect.stringContaining("Input 'strategies'"),
      "Input 'gate-strategy' must be one of the measured strategies " +
        "(none, freeze, disable-freeze, collect-freeze); got 'frozen'."
    ])
  })

  it('lists every problem in one error', () => {
    const run = (): Settings =>
      settingsFrom({ entrypoint: '', workers: 'four', repeat: '0', 'max-uss': '12XB' })
    expect(run).toThrow(InputError)
    expect(run).toThrow(
      /^4 inputs are invalid:\n- Input 'entrypoint' .*\n- Input 'workers' .*\n- Input 'repeat' .*\n- Input 'max-uss' .*$/
    )
  })

  it('shows a long or multi-line value on one short line', () => {
    const [problem] = problemsOf({ python: 'python3', comment: `${'x'.repeat(100)}\nmore` })
    expect(problem).toBe(
      `Input 'comment' must be one of always, on-failure, never; got '${'x'.repeat(79)}…'.`
    )
  })

  it('never repeats the token, even when it is pasted into another input', () => {
    const token = 'ghp_S3cretT0kenValue1234567890'
    const problems = problemsOf({
      'github-token': token,
      workers: token,
      'comment-key': `${token}-->`
    })
    expect(problems).toHaveLength(2)
    expect(problems.join('\n')).not.toContain(token)
    expect(problems[0]).toBe("Input 'workers' must be a whole number from 1 to 1024; got '***'.")
  })

  it('names inputs the way the caller refers to them', () => {
    const read = (name: string): string => ({ entrypoint: 'app', workers: '0' })[name] ?? ''
    expect(() => getSettings(read, { GITHUB_WORKSPACE: workspace }, n => `option --${n}`)).toThrow(
      "Option --workers must be a whole number from 1 to 1024; got '0'."
    )
  })
})

describe('getSettings with a command', () => {
  const COMMAND = 'gunicorn --preload -w 3 app:app'
  const withCommand = (inputs: Record<string, string>): Record<string, string> => ({
    entrypoint: '',
    command: COMMAND,
    ...inputs
  })

  it('fills in the defaults of command mode', () => {
    expect(served(settingsFrom(withCommand({ workers: '3' })))).toEqual({
      kind: 'command',
      command: COMMAND,
      ready: { kind: 'settle' },
      loadCommand: null,
      loadDurationMs: null,
      sampleIntervalMs: 500,
      workers: 3,
      strategies: ['none', 'freeze'],
      repeat: 3,
      workingDirectory: workspace,
      timeoutMs: 300_000
    })
  })

  it.each<[Record<string, string>, (s: CommandSettings) => unknown, unknown]>([
    [{ command: ' python3 serve.py\n' }, s => s.command, 'python3 serve.py'],
    [
      { command: 'cd app &&\n  exec gunicorn app:app' },
      s => s.command,
      'cd app &&\n  exec gunicorn app:app'
    ],
    [
      { 'ready-url': 'http://127.0.0.1:8000/health' },
      s => s.ready,
      { kind: 'url', url: 'http://127.0.0.1:8000/health' }
    ],
    [
      { 'ready-url': 'https://localhost/' },
      s => s.ready,
      { kind: 'url', url: 'https://localhost/' }
    ],
    [
      { 'ready-log': 'Booting worker with pid' },
      s => s.ready,
      { kind: 'log', pattern: /Booting worker with pid/ }
    ],
    [{ 'load-command': 'python3 load.py' }, s => s.loadCommand, 'python3 load.py'],
    [{ 'load-duration': '30s' }, s => s.loadDurationMs, 30_000],
    [{ 'sample-interval': '100ms' }, s => s.sampleIntervalMs, 100],
    [{ 'sample-interval': '1h' }, s => s.sampleIntervalMs, 3_600_000],
    // The action passes every default: those of entrypoint-only inputs are not an error.
    [{ iterations: '1', python: 'python3', worker: '' }, s => s.kind, 'command']
  ])('accepts %p', (inputs, pick, expected) => {
    expect(pick(served(settingsFrom(withCommand(inputs))))).toEqual(expected)
  })

  const DURATION = 'a duration from 1ms to 24h such as 90s, 5m or 1h (a bare number is seconds)'
  const INTERVAL = 'a duration from 100ms to 1h such as 250ms or 2s'
  it.each<[Record<string, string>, string]>([
    [
      { worker: 'app:handle' },
      "Input 'worker' does not apply to input 'command'; got 'app:handle'. A server's work is " +
        "the requests it serves: send them with input 'load-command'."
    ],
    [
      { iterations: '5' },
      "Input 'iterations' does not apply to input 'command'; got '5'. Remove it: input " +
        "'load-command' decides how much work the workers do."
    ],
    [
      { python: 'python3.12' },
      "Input 'python' does not apply to input 'command'; got 'python3.12'. The command starts " +
        'its own interpreter: remove the input and name the interpreter in the command, such as ' +
        "'python3.12 -m gunicorn …'."
    ],
    [
      { 'ready-url': 'http://127.0.0.1:8000/', 'ready-log': 'Listening' },
      "Input 'ready-url' and input 'ready-log' exclude each other; got both " +
        "('http://127.0.0.1:8000/' and 'Listening'). Keep the URL to wait for a 2xx answer, or " +
        "the pattern to wait for a line of the server's output."
    ],
    [
      { 'ready-url': 'localhost:8000' },
      "Input 'ready-url' must be an http:// or https:// URL such as 'http://127.0.0.1:8000/'; " +
        "got 'localhost:8000'."
    ],
    [
      { 'ready-url': 'ftp://example.com/' },
      "Input 'ready-url' must be an http:// or https:// URL such as 'http://127.0.0.1:8000/'; " +
        "got 'ftp://example.com/'."
    ],
    [
      { 'ready-log': 'Listening at (' },
      "Input 'ready-log' must be a regular expression (JavaScript syntax) such as 'Booting " +
        "worker'; got 'Listening at (', which does not compile: Unterminated group."
    ],
    [{ 'load-duration': '0s' }, `Input 'load-duration' must be ${DURATION}; got '0s'.`],
    [{ 'load-duration': 'a while' }, `Input 'load-duration' must be ${DURATION}; got 'a while'.`],
    [{ 'sample-interval': '10ms' }, `Input 'sample-interval' must be ${INTERVAL}; got '10ms'.`],
    [{ 'sample-interval': '2h' }, `Input 'sample-interval' must be ${INTERVAL}; got '2h'.`],
    [{ 'sample-interval': 'often' }, `Input 'sample-interval' must be ${INTERVAL}; got 'often'.`]
  ])('rejects %p', (inputs, message) => {
    expect(problemsOf(withCommand(inputs))).toEqual([message])
  })

  it('lists every problem of a command at once, before the other inputs', () => {
    expect(
      problemsOf(
        withCommand({
          worker: 'app:handle',
          'ready-log': '(',
          'load-duration': '-1s',
          workers: '0'
        })
      )
    ).toEqual([
      expect.stringMatching(/^Input 'worker' does not apply/),
      expect.stringMatching(/^Input 'ready-log' must be a regular expression/),
      expect.stringMatching(/^Input 'load-duration' must be a duration/),
      expect.stringMatching(/^Input 'workers' must be a whole number/)
    ])
  })

  it('names the flags in the CLI', () => {
    const read = (name: string): string =>
      ({ command: COMMAND, 'ready-url': 'nope', iterations: '2' })[name] ?? ''
    expect(() => getSettings(read, { GITHUB_WORKSPACE: workspace }, n => `option --${n}`)).toThrow(
      "2 inputs are invalid:\n- Option --iterations does not apply to option --command; got '2'. " +
        'Remove it: option --load-command decides how much work the workers do.\n' +
        '- Option --ready-url must be an http:// or https:// URL such as ' +
        "'http://127.0.0.1:8000/'; got 'nope'."
    )
  })
})

describe('comparing with a base', () => {
  const PR = { base: 'b'.repeat(40), head: 'f'.repeat(40) }
  const baselineFile = join(workspace, 'baseline.json')
  writeFileSync(baselineFile, JSON.stringify(buildResults({ strategies: { freeze: [10] } })))
  writeFileSync(join(workspace, 'not-results.json'), '[1, 2]')

  function withEvent(inputs: Record<string, string>, pullRequest: typeof PR | null): Settings {
    const given: Record<string, string> = { entrypoint: 'app.main', ...inputs }
    const env = {
      GITHUB_WORKSPACE: workspace,
      GITHUB_EVENT_NAME: pullRequest ? 'pull_request' : 'push'
    }
    return getSettings(name => given[name] ?? '', env, undefined, pullRequest)
  }

  function problemsWith(inputs: Record<string, string>, pullRequest: typeof PR | null): string[] {
    try {
      withEvent(inputs, pullRequest)
    } catch (error) {
      if (error instanceof InputError) return error.problems
      throw error
    }
    throw new Error(`accepted ${JSON.stringify(inputs)}`)
  }

  it.each<[string, Record<string, string>, typeof PR | null, BaseRequest]>([
    ['auto on a pull request', {}, PR, { kind: 'merge-base', commits: PR, required: false }],
    [
      'true on a pull request',
      { 'compare-base': 'true' },
      PR,
      { kind: 'merge-base', commits: PR, required: true }
    ],
    [
      'auto on a push',
      {},
      null,
      { kind: 'none', reason: "this push event has no pull request and input 'baseline' is empty" }
    ],
    [
      'false on a pull request',
      { 'compare-base': 'FALSE' },
      PR,
      { kind: 'none', reason: "input 'compare-base' is false" }
    ]
  ])('compare-base %s', (_, inputs, pullRequest, base) => {
    expect(withEvent(inputs, pullRequest).base).toEqual(base)
  })

  it.each<Record<string, string>>([{}, { 'compare-base': 'false' }])(
    'reads a baseline up front, relative to the workspace, instead of the base (%p)',
    inputs => {
      const { base } = withEvent({ ...inputs, baseline: 'baseline.json' }, PR)
      expect(base).toMatchObject({ kind: 'baseline', file: 'baseline.json' })
      expect(base.kind === 'baseline' && base.results.strategies[0].name).toBe('freeze')
    }
  )

  it.each<[Record<string, string>, (s: Settings) => unknown, unknown]>([
    [{ 'max-uss-increase': '10%' }, s => s.regression.uss, { percent: 10, bytes: null }],
    [{ 'max-uss-increase': '8MiB' }, s => s.regression.uss, { percent: null, bytes: 8 * 2 ** 20 }],
    [
      { 'max-uss-increase': ' 10%, 8MiB ' },
      s => s.regression,
      { uss: { percent: 10, bytes: 8 * 2 ** 20 }, pss: null }
    ],
    [{ 'max-pss-increase': '2.5%' }, s => s.regression.pss, { percent: 2.5, bytes: null }],
    [{ label: ' postgres | *bold* ' }, s => s.label, 'postgres | *bold*']
  ])('accepts %p', (inputs, pick, expected) => {
    expect(pick(withEvent(inputs, PR))).toEqual(expected)
  })

  const INCREASE =
    'a percentage such as 10%, a size such as 8MiB (B, KB, MB, GB, KiB, MiB, GiB), or both ' +
    'separated by a comma (10%, 8MiB: both must be exceeded)'

  it.each<[Record<string, string>, typeof PR | null, string]>([
    [
      { 'compare-base': 'maybe' },
      PR,
      "Input 'compare-base' must be auto, true or false; got 'maybe'."
    ],
    [
      { 'compare-base': 'true' },
      null,
      "Input 'compare-base' is true, but this push event has no pull request to take a base " +
        "from. Use auto to compare on pull requests only, or set input 'baseline' to a results " +
        'file to compare with.'
    ],
    [
      { 'compare-base': 'true', baseline: 'baseline.json' },
      PR,
      "Input 'compare-base' is true and input 'baseline' is set; they exclude each other. Keep " +
        "input 'baseline' to compare with a results file, or input 'compare-base' to measure " +
        "the pull request's base in this job."
    ],
    [
      { baseline: 'missing.json' },
      PR,
      "Input 'baseline' must be a results file of Prefork Memory Check; got 'missing.json': " +
        `Could not read ${join(workspace, 'missing.json')}: ENOENT: no such file or directory, ` +
        `open '${join(workspace, 'missing.json')}' Download it first ` +
        "(actions/download-artifact), or leave input 'baseline' empty."
    ],
    [
      { baseline: 'not-results.json' },
      PR,
      "Input 'baseline' must be a results file of Prefork Memory Check; got 'not-results.json': " +
        `${join(workspace, 'not-results.json')}: the top level must be an object, not an array. ` +
        'Is it a results file written by Prefork Memory Check? Download it first ' +
        "(actions/download-artifact), or leave input 'baseline' empty."
    ],
    [
      { 'max-uss-increase': '10 percent' },
      PR,
      `Input 'max-uss-increase' must be ${INCREASE}; got '10 percent'.`
    ],
    [
      { 'max-pss-increase': '10%, 20%' },
      PR,
      `Input 'max-pss-increase' must be ${INCREASE}; got '10%, 20%'.`
    ],
    [{ label: 'a\nb' }, PR, "Input 'label' must be one line; got 'a\\nb'."],
    [
      { 'results-glob': 'legs/*.json' },
      PR,
      "Input 'results-glob' applies only to input 'mode' report; got 'legs/*.json'. Set input " +
        "'mode' to report to merge the results files of earlier runs, or remove it."
    ]
  ])('rejects %p', (inputs, pullRequest, message) => {
    expect(problemsWith(inputs, pullRequest)).toEqual([message])
  })
})

describe('getMode', () => {
  it.each([
    ['', 'measure'],
    ['measure', 'measure'],
    ['Report', 'report']
  ])('reads %p as %p', (text, mode) => {
    expect(getMode(name => (name === 'mode' ? text : ''))).toBe(mode)
  })

  it('rejects anything else', () => {
    expect(() => getMode(name => (name === 'mode' ? 'both' : ''))).toThrow(
      "Input 'mode' must be measure or report; got 'both'."
    )
  })
})

describe('getReportSettings', () => {
  function reportFrom(inputs: Record<string, string>): ReportSettings {
    const given: Record<string, string> = { mode: 'report', ...inputs }
    return getReportSettings(name => given[name] ?? '', { GITHUB_WORKSPACE: workspace })
  }

  it('needs no target, and leaves the gate strategy to each leg unless one is set', () => {
    expect(reportFrom({ 'results-glob': 'legs/*/results.json', 'max-uss-increase': '5%' })).toEqual(
      {
        resultsGlob: 'legs/*/results.json',
        workspace,
        gate: {
          strategy: null,
          maxUss: null,
          maxPss: null,
          minFreezeSaving: null,
          failOnThreshold: true
        },
        regression: { uss: { percent: 5, bytes: null }, pss: null },
        comment: 'always',
        commentKey: 'default',
        githubToken: ''
      }
    )
    expect(reportFrom({ 'results-glob': 'a.json', 'gate-strategy': 'none' }).gate.strategy).toBe(
      'none'
    )
  })

  it('lists every input that only measuring uses, and a missing results-glob', () => {
    const problems = (() => {
      try {
        reportFrom({ entrypoint: 'app', workers: '2', python: 'python3', 'gate-strategy': 'x' })
      } catch (error) {
        if (error instanceof InputError) return error.problems
      }
      return []
    })()
    expect(problems).toEqual([
      "Input 'entrypoint' does not apply to input 'mode' report, which measures nothing: it " +
        "merges the results files that input 'results-glob' matches; got 'app'. Remove it here " +
        'and set it in the jobs that measure.',
      expect.stringMatching(/^Input 'workers' does not apply to input 'mode' report/),
      "Input 'results-glob' is required with input 'mode' report: the results files of the " +
        "legs to merge, one pattern a line, such as 'legs/*/results.json'.",
      "Input 'gate-strategy' must be one of none, freeze, disable-freeze, collect-freeze; got 'x'."
    ])
  })
})
