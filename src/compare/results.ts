/** Builds results with their base from a head, and reads the parts of any stored results. */
import {
  RESULTS_SCHEMA,
  type BaseOrigin,
  type BaseSide,
  type Comparison,
  type MeasuredBase,
  type Results
} from '../engine/types.js'
import { compareStrategies } from './comparison.js'
import { COMPARED_FIELDS, type StoredResults } from './schema.js'

/** The base side from results measured at the base (in a worktree, or an earlier run's file). */
export function measuredBase(results: StoredResults, origin: BaseOrigin): MeasuredBase {
  return {
    status: 'measured',
    origin,
    target: results.target,
    workers: results.workers,
    repeat: results.repeat,
    environment: results.environment,
    strategies: results.strategies
  }
}

/** The head's results with the base and the comparison when there is a base, and the label. */
export function withBase(
  head: Results,
  base: BaseSide | null,
  label: string | null = null
): Results {
  const compared: Results = { ...headResults(head) }
  if (label !== null && label !== '') compared.label = label
  if (base !== null) {
    compared.base = base
    if (base.status === 'measured') {
      compared.comparison = compareStrategies(base.strategies, head.strategies)
    }
  }
  return compared
}

/** The head side alone, without what comparing added, for the reports that render one side. */
export function headResults(stored: StoredResults): Results {
  const fields = COMPARED_FIELDS as readonly string[]
  const head = Object.fromEntries(
    Object.entries(stored).filter(([key]) => !fields.includes(key))
  ) as Omit<Results, 'schema'>
  return { ...head, schema: RESULTS_SCHEMA }
}

export function labelOf(stored: StoredResults): string | null {
  return stored.schema === RESULTS_SCHEMA ? (stored.label ?? null) : null
}

export function baseOf(stored: StoredResults): BaseSide | null {
  return stored.schema === RESULTS_SCHEMA ? (stored.base ?? null) : null
}

/**
 * The comparison, recomputed from both sides rather than trusted from the file: a file edited by
 * hand or written by an older version still gets figures that match its own runs.
 */
export function comparisonOf(stored: StoredResults): Comparison | null {
  const base = baseOf(stored)
  return base?.status === 'measured' ? compareStrategies(base.strategies, stored.strategies) : null
}
