import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError, getSettings, type Settings } from '../src/inputs.js'

// Created at load time: the case tables below name paths inside it.
const workspace = mkdtempSync(join(tmpdir(), 'inputs-test-'))
mkdirSync(join(workspace, 'app'))
writeFileSync(join(workspace, 'notes.txt'), '')

afterAll(() => {
  rmSync(workspace, { recursive: true, force: true })
})

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
    [{ entrypoint: ' src/app.py:preload ' }, s => s.measure.entrypoint, 'src/app.py:preload'],
    [{ worker: 'app.work:handle' }, s => s.measure.worker, 'app.work:handle'],
    [{ worker: 'app.work:Pool.handle' }, s => s.measure.worker, 'app.work:Pool.handle'],
    [{ entrypoint: 'my-app.main' }, s => s.measure.entrypoint, 'my-app.main'],
    [{ iterations: '0' }, s => s.measure.iterations, 0],
    [{ iterations: '250' }, s => s.measure.iterations, 250],
    [{ workers: '1' }, s => s.measure.workers, 1],
    [{ workers: '1024' }, s => s.measure.workers, 1024],
    [{ workers: ' 16 ' }, s => s.measure.workers, 16],
    [{ repeat: '1' }, s => s.measure.repeat, 1],
    [{ repeat: '100' }, s => s.measure.repeat, 100],
    [{ strategies: 'freeze,none' }, s => s.measure.strategies, ['freeze', 'none']],
    [
      { strategies: 'none\nfreeze\ndisable-freeze\ncollect-freeze\n' },
      s => s.measure.strategies,
      ['none', 'freeze', 'disable-freeze', 'collect-freeze']
    ],
    [{ strategies: ' none , none, freeze,' }, s => s.measure.strategies, ['none', 'freeze']],
    [{ python: '/usr/bin/python3.11' }, s => s.measure.python, '/usr/bin/python3.11'],
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
    [
      { entrypoint: '' },
      "Input 'entrypoint' is required: a Python import spec such as 'app.main', " +
        "'app.main:preload' or 'src/app.py:preload'."
    ],
    [
      { entrypoint: '   ' },
      "Input 'entrypoint' is required: a Python import spec such as 'app.main', " +
        "'app.main:preload' or 'src/app.py:preload'."
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
