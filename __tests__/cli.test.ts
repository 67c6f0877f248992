import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { INPUT_FLAGS, USAGE, parseCliArgs } from '../src/cli/args.js'
import { ExitCode, cli, type CliIO } from '../src/cli/main.js'
import { Inputs } from '../src/constants.js'
import type { MeasureSettings } from '../src/engine/settings.js'
import { TOOL } from '../src/engine/tool.js'
import { judge } from '../src/gate.js'
import { reportBody } from '../src/publish/report-body.js'
import { renderTerminal } from '../src/report/terminal.js'
import { buildResults } from './fixtures/compare/build.js'
import { loadResults } from './fixtures/results/load.js'

// Per-child USS medians: none 5.9 MiB, freeze 2.2 MiB (a 62.7% saving).
const RESULTS = loadResults('stdlib-none-freeze')
const NO_LIMITS = {
  strategy: 'freeze' as const,
  maxUss: null,
  maxPss: null,
  minFreezeSaving: null,
  failOnThreshold: true
}

interface Outcome {
  code: number
  stdout: string
  stderr: string
  /** Settings measure was called with, or null when it was not called. */
  measured: MeasureSettings | null
}

async function run(argv: string[], overrides: Partial<CliIO> = {}): Promise<Outcome> {
  const outcome: Outcome = { code: -1, stdout: '', stderr: '', measured: null }
  const io: CliIO = {
    argv,
    stdout: text => void (outcome.stdout += text),
    stderr: text => void (outcome.stderr += text),
    env: {},
    platform: 'linux',
    measure: async settings => {
      outcome.measured = settings
      return RESULTS
    },
    ...overrides
  }
  outcome.code = await cli(io)
  return outcome
}

let scratch: string
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'cli-test-'))
})
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
})

describe('flags', () => {
  it('takes every action input as a flag of the same name, but those only a runner can use', () => {
    const argv = INPUT_FLAGS.flatMap(name => [`--${name}`, `value of ${name}`])
    const { inputs } = parseCliArgs(argv)
    const actionOnly: string[] = [
      Inputs.GithubToken,
      Inputs.CompareBase,
      Inputs.Mode,
      Inputs.ResultsGlob
    ]
    expect(Object.keys(inputs).sort()).toEqual(
      Object.values(Inputs)
        .filter(name => !actionOnly.includes(name))
        .sort()
    )
    expect(inputs[Inputs.MaxUss]).toBe('value of max-uss')
  })

  it('passes the flags to the engine as validated settings', async () => {
    const { code, measured } = await run([
      '--entrypoint',
      'examples/app.py:preload',
      '--worker=examples/app.py:work',
      '--iterations',
      '3',
      '--workers',
      '8',
      '--strategies',
      'none,freeze,collect-freeze',
      '--repeat',
      '5',
      '--python',
      '/usr/bin/python3',
      '--working-directory',
      '__tests__',
      '--timeout',
      '90s'
    ])
    expect(code).toBe(ExitCode.Passed)
    expect(measured).toEqual({
      kind: 'entrypoint',
      entrypoint: 'examples/app.py:preload',
      worker: 'examples/app.py:work',
      iterations: 3,
      workers: 8,
      strategies: ['none', 'freeze', 'collect-freeze'],
      repeat: 5,
      python: '/usr/bin/python3',
      workingDirectory: resolve('__tests__'),
      timeoutMs: 90_000
    })
  })

  it('passes the command-mode flags to the engine', async () => {
    const { code, measured } = await run([
      '--command',
      'gunicorn --preload -w 3 app:app',
      '--ready-log',
      'Booting worker',
      '--load-command',
      'python3 load.py',
      '--load-duration',
      '20s',
      '--sample-interval',
      '250ms',
      '--workers',
      '3'
    ])
    expect(code).toBe(ExitCode.Passed)
    expect(measured).toMatchObject({
      kind: 'command',
      command: 'gunicorn --preload -w 3 app:app',
      ready: { kind: 'log', pattern: /Booting worker/ },
      loadCommand: 'python3 load.py',
      loadDurationMs: 20_000,
      sampleIntervalMs: 250,
      workers: 3
    })
  })

  it('resolves a relative working directory from where it runs, not GITHUB_WORKSPACE', async () => {
    const { measured } = await run(['--entrypoint', 'app'], { env: { GITHUB_WORKSPACE: scratch } })
    expect(measured?.workingDirectory).toBe(process.cwd())
  })

  it('prints the usage on --help and -h', async () => {
    for (const flag of ['--help', '-h']) {
      const { code, stdout, measured } = await run([flag])
      expect(code).toBe(ExitCode.Passed)
      expect(stdout).toBe(USAGE)
      expect(measured).toBeNull()
    }
  })

  it('mentions every flag in the usage', () => {
    for (const flag of [...INPUT_FLAGS, 'json', 'markdown', 'help', 'version']) {
      expect(USAGE).toContain(`--${flag}`)
    }
  })

  it('prints the version', async () => {
    const { code, stdout } = await run(['--version'])
    expect(code).toBe(ExitCode.Passed)
    expect(stdout).toBe(`${TOOL.version}\n`)
  })

  it.each([
    [['--entrypoint', 'app', '--max_uss', '1MiB'], "Unknown option '--max_uss'"],
    [['--entrypoint', 'app', '--github-token', 'ghp_x'], "Unknown option '--github-token'"],
    [['--entrypoint', 'app', '--compare-base', 'true'], "Unknown option '--compare-base'"],
    [['--mode', 'report'], "Unknown option '--mode'"],
    [['--entrypoint', 'app', 'extra'], "Unexpected argument 'extra'"],
    [['--entrypoint'], "Option '--entrypoint <value>' argument missing"],
    [['--entrypoint', 'app', '--help=yes'], "Option '-h, --help' does not take an argument"]
  ])('rejects %p with a message and the usage, exit 2', async (argv, message) => {
    const { code, stdout, stderr, measured } = await run(argv)
    expect(code).toBe(ExitCode.Error)
    expect(stderr).toMatch(new RegExp(`^error: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
    expect(stderr).toContain(USAGE)
    expect(stdout).toBe('')
    expect(measured).toBeNull()
  })
})

describe('invalid settings', () => {
  it.each([
    [
      ['--entrypoint', 'app', '--workers', 'four'],
      "Option --workers must be a whole number from 1 to 1024; got 'four'."
    ],
    [[], 'Option --entrypoint or option --command is required'],
    [
      ['--entrypoint', 'app', '--command', 'gunicorn app:app'],
      'Option --entrypoint and option --command exclude each other'
    ],
    [
      ['--command', 'gunicorn app:app', '--worker', 'app:work'],
      "Option --worker does not apply to option --command; got 'app:work'."
    ],
    [['--entrypoint', 'app', '--max-uss', '12XB'], 'Option --max-uss must be a size'],
    [['--entrypoint', 'app', '--timeout', 'forever'], 'Option --timeout must be a duration'],
    [
      ['--entrypoint', 'app', '--strategies', 'freeze', '--min-freeze-saving', '50'],
      'Option --min-freeze-saving compares freeze with none, so option --strategies must include both'
    ]
  ])('%p stops before measuring, exit 2', async (argv, message) => {
    const { code, stdout, stderr, measured } = await run(argv)
    expect(code).toBe(ExitCode.Error)
    expect(stderr).toContain(`error: ${message}`)
    expect(stderr).toContain('Run with --help for the accepted values.')
    expect(stderr).not.toMatch(/\n\s+at /)
    expect(stdout).toBe('')
    expect(measured).toBeNull()
  })

  it('lists every problem at once', async () => {
    const { stderr } = await run(['--workers', '0', '--repeat', '0'])
    expect(stderr).toMatch(
      /^error: 3 inputs are invalid:\n- Option --entrypoint .*\n- Option --workers .*\n- Option --repeat .*\n/
    )
  })

  it('refuses to run off Linux', async () => {
    const { code, stderr, measured } = await run(['--entrypoint', 'app'], { platform: 'darwin' })
    expect(code).toBe(ExitCode.Error)
    expect(stderr).toBe(
      'error: memory is read from /proc, which only Linux has; this system is darwin.\n'
    )
    expect(measured).toBeNull()
  })
})

describe('verdict and exit status', () => {
  it('prints the report and a passing verdict, exit 0', async () => {
    const { code, stdout } = await run([
      '--entrypoint',
      'app',
      '--max-uss',
      '150MiB',
      '--min-freeze-saving',
      '50%'
    ])
    expect(code).toBe(ExitCode.Passed)
    expect(stdout).toBe(
      `${renderTerminal(RESULTS)}\n` +
        'Gate: pass\n' +
        "  ✓ fails if freeze's per-child USS > 150 MiB: freeze's per-child USS is 2.2 MiB\n" +
        "  ✓ fails if freeze saves less than 50% of none's per-child USS: freeze saves 62.7% (5.9 MiB → 2.2 MiB)\n"
    )
  })

  it('exits 1 when a limit is crossed, and says which', async () => {
    const { code, stdout } = await run([
      '--entrypoint',
      'app',
      '--max-uss',
      '2MiB',
      '--max-pss',
      '1GiB'
    ])
    expect(code).toBe(ExitCode.LimitCrossed)
    expect(stdout).toContain(
      'Gate: fail\n' +
        "  ✗ fails if freeze's per-child USS > 2 MiB: freeze's per-child USS is 2.2 MiB\n" +
        "  ✓ fails if freeze's per-child PSS > 1,024 MiB: freeze's per-child PSS is 9.0 MiB\n"
    )
  })

  it('judges the gate strategy it is given', async () => {
    const { code, stdout } = await run([
      '--entrypoint',
      'app',
      '--gate-strategy',
      'none',
      '--max-uss',
      '5MiB'
    ])
    expect(code).toBe(ExitCode.LimitCrossed)
    expect(stdout).toContain(
      "  ✗ fails if none's per-child USS > 5 MiB: none's per-child USS is 5.9 MiB\n"
    )
  })

  it('exits 0 on a crossed limit with --fail-on-threshold false, and still reports it', async () => {
    const { code, stdout } = await run([
      '--entrypoint',
      'app',
      '--max-uss',
      '2MiB',
      '--fail-on-threshold',
      'false'
    ])
    expect(code).toBe(ExitCode.Passed)
    expect(stdout).toContain('Gate: fail, not enforced (--fail-on-threshold false)\n  ✗ ')
  })

  it('says so when no limit is set', async () => {
    const { code, stdout } = await run(['--entrypoint', 'app'])
    expect(code).toBe(ExitCode.Passed)
    expect(stdout).toBe(
      `${renderTerminal(RESULTS)}\nGate: no limits set (see --max-uss, --max-pss, ` +
        '--min-freeze-saving, --max-uss-increase).\n'
    )
  })
})

describe('engine progress and failures', () => {
  it('logs to stderr with groups as indented headings', async () => {
    const { stderr } = await run(['--entrypoint', 'app'], {
      measure: async (_, { log }) => {
        log.info('Python 3.11')
        log.startGroup('Run 1/2: none')
        log.info('forked 4 workers\nsampled after-fork')
        log.warning('child 42 exited early')
        log.endGroup()
        log.info('done')
        return RESULTS
      }
    })
    expect(stderr).toBe(
      'Python 3.11\n' +
        '▸ Run 1/2: none\n' +
        '  forked 4 workers\n' +
        '  sampled after-fork\n' +
        '  warning: child 42 exited early\n' +
        'done\n'
    )
  })

  it('exits 2 with the message alone when the run fails', async () => {
    const { code, stdout, stderr } = await run(['--entrypoint', 'app'], {
      measure: async () => {
        throw new Error(
          "The entrypoint 'app' failed at import: ModuleNotFoundError: No module named 'app'"
        )
      }
    })
    expect(code).toBe(ExitCode.Error)
    expect(stderr).toBe(
      "error: The entrypoint 'app' failed at import: ModuleNotFoundError: No module named 'app'\n"
    )
    expect(stdout).toBe('')
  })

  it('shows the stack of an error that points at a bug', async () => {
    const { code, stderr } = await run(['--entrypoint', 'app'], {
      measure: async () => {
        throw new TypeError('cannot read properties of undefined')
      }
    })
    expect(code).toBe(ExitCode.Error)
    expect(stderr).toMatch(/^error: TypeError: cannot read properties of undefined\n\s+at /)
  })
})

describe('files', () => {
  it('writes the results JSON and the Markdown report', async () => {
    const json = join(scratch, 'results.json')
    const markdown = join(scratch, 'report.md')
    const { code } = await run(['--entrypoint', 'app', '--json', json, '--markdown', markdown])
    expect(code).toBe(ExitCode.Passed)
    // Written as this version writes results, whatever the schema of the fixture measured.
    const written = { ...RESULTS, schema: 2 }
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual(written)
    const verdict = judge(RESULTS, { ...NO_LIMITS })
    expect(readFileSync(markdown, 'utf8')).toBe(`${reportBody(RESULTS, verdict, 'full')}\n`)
  })

  it('exits 2 naming the flag when a file cannot be written', async () => {
    const json = join(scratch, 'missing', 'results.json')
    const { code, stderr } = await run(['--entrypoint', 'app', '--json', json])
    expect(code).toBe(ExitCode.Error)
    expect(stderr).toMatch(new RegExp(`^error: cannot write the --json file ${json}: ENOENT`))
  })
})

describe('comparing with a baseline', () => {
  // A head 12.5% heavier under freeze than its baseline: 1.25 MiB per child, shown as 1.3 MiB.
  const baseline = buildResults({ strategies: { none: [20, 20.1], freeze: [10, 10.05] } })
  const head = buildResults({ strategies: { none: [26, 26.1], freeze: [11.25, 11.3] } })
  const measureHead: CliIO['measure'] = async () => head

  function writeBaseline(): string {
    const file = join(scratch, 'baseline.json')
    writeFileSync(file, JSON.stringify(baseline))
    return file
  }

  it('reports the change against the file, writes both sides and judges the increase', async () => {
    const file = writeBaseline()
    const json = join(scratch, 'compared.json')
    const { code, stdout } = await run(
      ['--entrypoint', 'app', '--baseline', file, '--max-uss-increase', '10%', '--json', json],
      { measure: measureHead }
    )
    expect(code).toBe(ExitCode.LimitCrossed)
    expect(stdout).toContain(
      `Against the baseline ${file}: This checkout makes each freeze worker 1.3 MiB heavier (+12.5%)`
    )
    expect(stdout).toContain(
      "  ✗ fails if freeze's per-child USS grows by > 10%: freeze's per-child USS grew by 1.3 MiB"
    )
    const written = JSON.parse(readFileSync(json, 'utf8'))
    expect(written.base).toMatchObject({ status: 'measured', origin: { kind: 'baseline', file } })
    expect(written.comparison.strategies.map((s: { name: string }) => s.name)).toEqual([
      'none',
      'freeze'
    ])
  })

  it('passes when both parts of the limit are not exceeded', async () => {
    const { code, stdout } = await run(
      ['--entrypoint', 'app', '--baseline', writeBaseline(), '--max-uss-increase', '10%, 8MiB'],
      { measure: measureHead }
    )
    expect(code).toBe(ExitCode.Passed)
    expect(stdout).toContain("  ✓ fails if freeze's per-child USS grows by > 10% and > 8 MiB")
  })

  it('refuses a baseline that is not a results file before measuring, naming the flag', async () => {
    const file = join(scratch, 'not-results.json')
    writeFileSync(file, '{"hello": 1}')
    const { code, stderr, measured } = await run(['--entrypoint', 'app', '--baseline', file])
    expect(code).toBe(ExitCode.Error)
    expect(stderr).toContain(
      `error: Option --baseline must be a results file of Prefork Memory Check; got '${file}': ` +
        `${file} has no schema field`
    )
    expect(measured).toBeNull()
  })

  it('says that an increase limit has nothing to judge without a baseline', async () => {
    const { code, stdout } = await run(['--entrypoint', 'app', '--max-uss-increase', '10%'])
    expect(code).toBe(ExitCode.Passed)
    expect(stdout).toContain(
      "Gate: pass\n  – fails if freeze's per-child USS grows by > 10%: not judged: there is no " +
        'baseline to compare with (--baseline FILE)\n'
    )
  })

  it('stores the label', async () => {
    const json = join(scratch, 'labelled.json')
    await run(['--entrypoint', 'app', '--label', 'postgres', '--json', json])
    expect(JSON.parse(readFileSync(json, 'utf8')).label).toBe('postgres')
  })
})
