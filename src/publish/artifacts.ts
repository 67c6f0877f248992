import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Results } from '../engine/types.js'

export interface ArtifactPaths {
  results: string
  report: string
}

/**
 * Writes the results JSON and the Markdown report where later steps can read them: under the
 * runner's temp directory, in a directory of their own so two uses in one job do not collide.
 */
export function writeArtifacts(
  results: Results,
  report: string,
  env: NodeJS.ProcessEnv
): ArtifactPaths {
  const root = join(env.RUNNER_TEMP || tmpdir(), 'prefork-memory-check')
  mkdirSync(root, { recursive: true })
  const dir = mkdtempSync(join(root, 'run-'))
  const paths = { results: join(dir, 'results.json'), report: join(dir, 'report.md') }
  writeFileSync(paths.results, `${JSON.stringify(results, null, 2)}\n`)
  writeFileSync(paths.report, report)
  return paths
}
