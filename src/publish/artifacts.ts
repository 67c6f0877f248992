import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Results } from '../engine/types.js'

export interface ArtifactPaths {
  results: string
  report: string
}

/** A directory of its own under the runner's temp directory, so two uses in one job do not collide. */
function artifactDirectory(env: NodeJS.ProcessEnv): string {
  const root = join(env.RUNNER_TEMP || tmpdir(), 'prefork-memory-check')
  mkdirSync(root, { recursive: true })
  return mkdtempSync(join(root, 'run-'))
}

/** Writes the results JSON and the Markdown report where later steps can read them. */
export function writeArtifacts(
  results: Results,
  report: string,
  env: NodeJS.ProcessEnv
): ArtifactPaths {
  const dir = artifactDirectory(env)
  const paths = { results: join(dir, 'results.json'), report: join(dir, 'report.md') }
  writeFileSync(paths.results, `${JSON.stringify(results, null, 2)}\n`)
  writeFileSync(paths.report, report)
  return paths
}

/** Writes a report that has no results of its own (the merged legs of `mode: report`); its path. */
export function writeReport(report: string, env: NodeJS.ProcessEnv): string {
  const path = join(artifactDirectory(env), 'report.md')
  writeFileSync(path, report)
  return path
}
