import { Outputs } from '../constants.js'
import type { Results, Strategy } from '../engine/types.js'
import { freezeSaving } from '../gate.js'
import type { ArtifactPaths } from './artifacts.js'

/**
 * The outputs of a measured run, by name: the files, each strategy's USS, the freeze saving, and
 * against a base the gate strategy's USS increase and the base's commit. `verdict`,
 * `comment-body` and `comment-url` come later, from the publishing.
 */
export function resultsOutputs(
  results: Results,
  strategy: Strategy,
  paths: ArtifactPaths
): Record<string, string> {
  const outputs: Record<string, string> = {
    [Outputs.Results]: paths.results,
    [Outputs.Report]: paths.report
  }
  for (const s of results.strategies) {
    outputs[`${Outputs.UssPrefix}${s.name}`] = String(Math.round(s.summary.uss.median))
  }
  const saving = freezeSaving(results)
  if (saving !== null) outputs[Outputs.FreezeSaving] = saving.toFixed(1)
  const compared = results.comparison?.strategies.find(s => s.name === strategy)
  if (compared !== undefined) {
    outputs[Outputs.UssIncrease] = String(Math.round(compared.figures.uss.delta))
  }
  const commit = results.base?.origin.commit
  if (commit) outputs[Outputs.BaseSha] = commit
  return outputs
}
