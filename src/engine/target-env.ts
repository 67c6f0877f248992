import { RUN_MARKER } from './live-runs.js'

/**
 * The environment the user's target runs with: the caller's, less the action's own inputs (the
 * runner passes them as INPUT_* variables, `github-token` among them), plus the run's marker.
 */
export function targetEnv(base: NodeJS.ProcessEnv, marker: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(base)) {
    if (!name.startsWith('INPUT_')) env[name] = value
  }
  env[RUN_MARKER] = marker
  return env
}
