/**
 * The CLI against real faults, flag for flag with the action: the engine runs for real, the
 * message names the flag, the exit status is 2, and what completed is still printed.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ExitCode, cli } from '../src/cli/main.js'
import { measure } from '../src/engine/measure.js'
import { probePython } from '../src/engine/python.js'
import { expectNoProcessLeft, markEachTest } from './helpers/processes.js'

const FIXTURES = fileURLToPath(new URL('./fixtures/python', import.meta.url))
const FAKE_PYTHON = fileURLToPath(new URL('./fixtures/fake-python', import.meta.url))
const marker = markEachTest()

let python: string
let scratch: string

beforeAll(async () => {
  python = (await probePython('python3', FIXTURES)).executable
})

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'cli-faults-'))
  copyFileSync(join(FIXTURES, 'target_faults.py'), join(scratch, 'target_faults.py'))
})

afterEach(async () => {
  await expectNoProcessLeft(marker.current())
  rmSync(scratch, { recursive: true, force: true })
})

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await cli({
    argv: ['--python', python, '--working-directory', scratch, '--workers', '2', ...argv],
    stdout: text => void (stdout += text),
    stderr: text => void (stderr += text),
    env: {},
    platform: 'linux',
    measure
  })
  return { code, stdout, stderr }
}

describe('the CLI when the target fails', () => {
  it('prints the runs that completed, then the error, and writes no file', async () => {
    const json = join(scratch, 'results.json')
    const { code, stdout, stderr } = await run([
      '--entrypoint',
      'target_faults.py:fails_after_first_run',
      '--repeat',
      '1',
      '--json',
      json
    ])

    expect(code).toBe(ExitCode.Error)
    expect(stdout).toMatch(
      /^Completed before the failure:\nPrefork memory: target_faults\.py:fails_after_first_run\n/
    )
    expect(stdout).toMatch(/\nnone {2,}[\d.]+ MiB/)
    expect(stdout).not.toMatch(/\nfreeze /)
    expect(stderr).toMatch(
      /\nerror: Run 2\/2: freeze \(repeat 1\/1\) failed\. The entrypoint 'target_faults\.py:fails_after_first_run' raised in the parent \(pid \d+\) while waiting for after-fork\.\nTraceback/
    )
    expect(existsSync(json)).toBe(false)
  })

  it('shows the traceback of a module that is not there, with nothing completed', async () => {
    const { code, stdout, stderr } = await run(['--entrypoint', 'no_such_module'])
    expect(code).toBe(ExitCode.Error)
    expect(stdout).toBe('')
    expect(stderr).toContain("ModuleNotFoundError: No module named 'no_such_module'")
  })
})

describe('the CLI with an interpreter it cannot use', () => {
  it.each([
    ['python2', 'runs Python 2.7.18'],
    ['python3.6', 'runs Python 3.6.15']
  ])('refuses %s naming --python, before any run', async (fake, says) => {
    const path = join(FAKE_PYTHON, fake)
    const { code, stderr } = await run(['--entrypoint', 'app', '--python', path])
    expect(code).toBe(ExitCode.Error)
    expect(stderr).toBe(
      `error: Option --python is '${path}', which ${says}; prefork-memory-check needs 3.7 or ` +
        'newer for gc.freeze(). Install Python 3.7 or newer (on a runner: actions/setup-python) ' +
        'or set it to such an interpreter.\n'
    )
  })

  it('refuses a name that is not on PATH', async () => {
    const { code, stderr } = await run(['--entrypoint', 'app', '--python', 'python3.99'])
    expect(code).toBe(ExitCode.Error)
    expect(stderr).toMatch(
      /^error: Option --python is 'python3\.99', which was not found on PATH\./
    )
  })

  it('refuses a working directory that does not exist, before anything runs', async () => {
    const missing = join(scratch, 'missing')
    const { code, stderr } = await run(['--entrypoint', 'app', '--working-directory', missing])
    expect(code).toBe(ExitCode.Error)
    expect(stderr).toContain(
      `error: Option --working-directory must be an existing directory; got '${missing}', ` +
        `which resolves to ${missing} and does not exist.`
    )
  })
})
