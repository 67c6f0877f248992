import { execFile } from 'node:child_process'
import { Inputs } from '../constants.js'
import type { PythonInfo } from './types.js'

/** What the interpreter says about itself before anything runs. */
export interface PythonProbe extends PythonInfo {
  pageSize: number
}

/**
 * Printed as one JSON line. Kept parseable by Python 2 so that an old interpreter reaches the
 * version check below instead of failing with a SyntaxError.
 */
export const PROBE_SOURCE = [
  'import gc, json, os, platform, sys, sysconfig',
  'print(json.dumps({',
  '  "version": platform.python_version(),',
  '  "versionInfo": list(sys.version_info[:3]),',
  '  "implementation": platform.python_implementation(),',
  '  "executable": sys.executable,',
  '  "freeThreaded": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),',
  '  "gcFreeze": hasattr(gc, "freeze"),',
  '  "pageSize": os.sysconf("SC_PAGE_SIZE"),',
  '}))'
].join('\n')

const PROBE_TIMEOUT_MS = 60_000

interface ProbeOutput {
  version: string
  versionInfo: [number, number, number]
  implementation: string
  executable: string
  freeThreaded: boolean
  gcFreeze: boolean
  pageSize: number
}

const FIX =
  'Install Python 3.7 or newer (on a runner: actions/setup-python) or set it to such an interpreter.'

/** CPython 3.14.0 to 3.14.4 shipped the incremental collector, which scans the old generation in steps. */
export function hasIncrementalGc(implementation: string, [major, minor, micro]: number[]): boolean {
  return implementation === 'CPython' && major === 3 && minor === 14 && micro <= 4
}

/** How messages name a setting; the CLI passes one that names its flag. */
export type Refer = (name: string) => string

const asInput: Refer = name => `input '${name}'`

/** "Input 'python' is 'python2'", or the CLI's "Option --python is 'python2'". */
function subject(python: string, refer: Refer): string {
  return `${refer(Inputs.Python).replace(/^./, c => c.toUpperCase())} is '${python}'`
}

/** Checks the probe's answer; throws an error naming the input and the fix. */
export function parseProbe(python: string, stdout: string, refer: Refer = asInput): PythonProbe {
  const named = subject(python, refer)
  let output: ProbeOutput
  try {
    output = JSON.parse(stdout.trim()) as ProbeOutput
  } catch {
    throw new Error(
      `${named}, which printed something other than its version ` +
        `(${JSON.stringify(stdout.slice(0, 200))}). Point it at a Python interpreter.`
    )
  }
  const [major, minor] = output.versionInfo
  if (major < 3 || (major === 3 && minor < 7)) {
    throw new Error(
      `${named}, which runs Python ${output.version}; ` +
        `prefork-memory-check needs 3.7 or newer for gc.freeze(). ${FIX}`
    )
  }
  if (!output.gcFreeze) {
    throw new Error(
      `${named}, which runs ${output.implementation} ${output.version}, ` +
        `whose gc module has no freeze(). Use CPython 3.7 or newer.`
    )
  }
  return {
    executable: output.executable || python,
    version: output.version,
    implementation: output.implementation,
    freeThreaded: output.freeThreaded,
    incrementalGc: hasIncrementalGc(output.implementation, output.versionInfo),
    pageSize: output.pageSize
  }
}

/** Runs the interpreter once, without a shell, in the directory the target will run in. */
export function probePython(
  python: string,
  workingDirectory: string,
  refer: Refer = asInput
): Promise<PythonProbe> {
  const named = subject(python, refer)
  return new Promise((resolve, reject) => {
    execFile(
      python,
      ['-c', PROBE_SOURCE],
      { cwd: workingDirectory, timeout: PROBE_TIMEOUT_MS, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error === null) {
          try {
            resolve(parseProbe(python, stdout, refer))
          } catch (parseError) {
            reject(parseError)
          }
          return
        }
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'ENOENT' || code === 'EACCES') {
          const missing = python.includes('/') ? 'does not exist' : 'was not found on PATH'
          const why = code === 'ENOENT' ? missing : 'is not executable'
          reject(new Error(`${named}, which ${why}. ${FIX}`))
          return
        }
        reject(
          new Error(
            `${named}, which failed to report its version: ` +
              `${stderr.trim() || error.message}. ${FIX}`
          )
        )
      }
    )
  })
}
