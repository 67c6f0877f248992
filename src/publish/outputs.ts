import { Outputs } from '../constants.js'
import type { Results } from '../engine/types.js'
import { freezeSaving, type Verdict } from '../gate.js'

export interface OutputSources {
  results: Results
  verdict: Verdict
  resultsPath: string
  reportPath: string
  commentBody: string
}

/**
 * Every output known once the report is composed, by name. `comment-url` comes later, from the
 * comment itself. `verdict` says whether the limits held, enforced or not.
 */
export function actionOutputs(sources: OutputSources): Record<string, string> {
  const outputs: Record<string, string> = {
    [Outputs.Results]: sources.resultsPath,
    [Outputs.Report]: sources.reportPath,
    [Outputs.CommentBody]: sources.commentBody,
    [Outputs.Verdict]: sources.verdict.passed ? 'pass' : 'fail'
  }
  for (const strategy of sources.results.strategies) {
    outputs[`${Outputs.UssPrefix}${strategy.name}`] = String(
      Math.round(strategy.summary.uss.median)
    )
  }
  const saving = freezeSaving(sources.results)
  if (saving !== null) outputs[Outputs.FreezeSaving] = saving.toFixed(1)
  return outputs
}
