import { existsSync } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { RUN_MARKER } from '../live-runs.js'
import { targetEnv } from '../target-env.js'
import type { Strategy } from '../types.js'

/** Read by sitecustomize.py; the names are its contract with this module. */
export const HookEnv = {
  Strategy: 'PREFORK_MEMORY_CHECK_STRATEGY',
  Evidence: 'PREFORK_MEMORY_CHECK_EVIDENCE',
  /** The run's marker, as entrypoint mode sets it: found again in /proc/PID/environ. */
  Run: RUN_MARKER,
  /** Given to the load command when a ready URL is set. */
  ReadyUrl: 'PREFORK_MEMORY_CHECK_READY_URL'
} as const

const HOOK_FILE = 'sitecustomize.py'
/** Where the hook's folder sits relative to this module: bundle root, CLI bundle, source tree. */
const CANDIDATES = ['hook', '../hook', '../../harness/hook']

/** The folder holding only sitecustomize.py, shipped beside the running code; `moduleUrl` is for tests. */
export function resolveHookDirectory(moduleUrl: string = import.meta.url): string {
  const here = dirname(fileURLToPath(moduleUrl))
  const tried = CANDIDATES.map(candidate => join(here, candidate))
  const found = tried.find(path => existsSync(join(path, HOOK_FILE)))
  if (found === undefined) {
    throw new Error(
      `The strategy hook is missing: none of ${tried.map(t => join(t, HOOK_FILE)).join(', ')} ` +
        'exists. Rebuild with `npm run bundle`, which copies src/harness/hook/ into dist/hook/.'
    )
  }
  return found
}

export interface ServerEnvOptions {
  hookDirectory: string
  strategy: Strategy
  evidenceFile: string
  runId: string
}

/** The server's environment: the target's (no action inputs, the run's marker), the hook first on PYTHONPATH. */
export function serverEnv(base: NodeJS.ProcessEnv, options: ServerEnvOptions): NodeJS.ProcessEnv {
  const existing = base.PYTHONPATH
  return {
    ...targetEnv(base, options.runId),
    PYTHONPATH: existing
      ? `${options.hookDirectory}${delimiter}${existing}`
      : options.hookDirectory,
    [HookEnv.Strategy]: options.strategy,
    [HookEnv.Evidence]: options.evidenceFile
  }
}

/** The load command's environment: no hook (its own forks are not measured), the run's marker. */
export function loadEnv(
  base: NodeJS.ProcessEnv,
  runId: string,
  readyUrl: string | null
): NodeJS.ProcessEnv {
  const env = targetEnv(base, runId)
  delete env[HookEnv.Strategy]
  delete env[HookEnv.Evidence]
  if (readyUrl !== null) env[HookEnv.ReadyUrl] = readyUrl
  return env
}
