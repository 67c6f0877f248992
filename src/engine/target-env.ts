import { RUN_MARKER } from './live-runs.js'

/**
 * Variables the runner gives a node action but not a `run:` step: the job's runtime, cache and
 * results service credentials and, with `id-token: write`, the OIDC token request. The target is
 * user code, so it gets no more than a `run:` step would.
 */
const RUNNER_SECRETS = new Set([
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL'
])

/**
 * The environment the user's target runs with: the caller's, less the action's own inputs (the
 * runner passes them as INPUT_* variables, `github-token` among them) and the runner's service
 * credentials, plus the run's marker.
 */
export function targetEnv(base: NodeJS.ProcessEnv, marker: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(base)) {
    if (!name.startsWith('INPUT_') && !RUNNER_SECRETS.has(name)) env[name] = value
  }
  env[RUN_MARKER] = marker
  return env
}
