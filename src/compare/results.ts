/** Builds schema 2 results from a head and its base, and reads the parts of any stored results. */
import { RESULTS_SCHEMA, type Results } from '../engine/types.js'
import { compareStrategies } from './comparison.js'
import {
  COMPARED_SCHEMA,
  type BaseOrigin,
  type BaseSide,
  type Comparison,
  type ComparedResults,
  type MeasuredBase,
  type StoredResults
} from './schema.js'

/** What schema 2 adds on top of schema 1. */
const COMPARED_FIELDS = new Set(['label', 'base', 'comparison'])

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

/** The head's results as schema 2, with the base and the comparison when there is a base. */
export function withBase(
  head: Results,
  base: BaseSide | null,
  label: string | null = null
): ComparedResults {
  const compared: ComparedResults = { ...head, schema: COMPARED_SCHEMA }
  if (label !== null && label !== '') compared.label = label
  if (base !== null) {
    compared.base = base
    if (base.status === 'measured') {
      compared.comparison = compareStrategies(base.strategies, head.strategies)
    }
  }
  return compared
}

/** The head side alone in schema 1's shape, for the reports that render one side. */
export function headResults(stored: StoredResults): Results {
  const head = Object.fromEntries(
    Object.entries(stored).filter(([key]) => !COMPARED_FIELDS.has(key))
  ) as Omit<Results, 'schema'>
  return { ...head, schema: RESULTS_SCHEMA }
}

export function labelOf(stored: StoredResults): string | null {
  return stored.schema === COMPARED_SCHEMA ? (stored.label ?? null) : null
}

export function baseOf(stored: StoredResults): BaseSide | null {
  return stored.schema === COMPARED_SCHEMA ? (stored.base ?? null) : null
}

/**
 * The comparison, recomputed from both sides rather than trusted from the file: a file edited by
 * hand or written by an older version still gets figures that match its own runs.
 */
export function comparisonOf(stored: StoredResults): Comparison | null {
  const base = baseOf(stored)
  return base?.status === 'measured' ? compareStrategies(base.strategies, stored.strategies) : null
}
