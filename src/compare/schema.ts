/** The results files this version reads: schema 1, written before comparisons, and the current one. */
import { RESULTS_SCHEMA, type Results } from '../engine/types.js'

/** Every schema this version reads. */
export const READABLE_SCHEMAS = [1, RESULTS_SCHEMA] as const

/** What comparing added to the results; a schema 1 file has none of it. */
export const COMPARED_FIELDS = ['label', 'base', 'comparison'] as const

/** A schema 1 file: today's fields less what comparing added. */
export interface ResultsV1 extends Omit<Results, 'schema' | (typeof COMPARED_FIELDS)[number]> {
  schema: 1
}

/** Any results file this version reads. */
export type StoredResults = Results | ResultsV1
