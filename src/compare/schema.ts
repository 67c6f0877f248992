/**
 * Results schema 2: schema 1 plus, optionally, the base it was compared with, the comparison, and
 * a label that tells matrix legs apart. Schema 1 files stay readable; nothing of schema 1 moved.
 */
import type { Results, Strategy } from '../engine/types.js'

export const COMPARED_SCHEMA = 2
/** Every schema this version reads. */
export const READABLE_SCHEMAS = [1, COMPARED_SCHEMA] as const

/** The per-child figures (and the tree's total) that base and head are compared on. */
export const FIGURES = ['uss', 'pss', 'rss', 'cowLoss', 'treePss'] as const
export type Figure = (typeof FIGURES)[number]

/** Where the base's figures came from. */
export type BaseOrigin =
  | {
      /** The merge base of the pull request's commits, measured in a worktree in the same job. */
      kind: 'merge-base'
      commit: string
      /** The pull request's base and head commits when the event fired. */
      pullRequest: { base: string; head: string }
    }
  | {
      /** A results file from an earlier run (the `baseline` input). */
      kind: 'baseline'
      file: string
      /** The commit that file was measured at, when it says. */
      commit: string | null
    }

/** The base ran the same target as the head; its figures, as a results file holds them. */
export interface MeasuredBase extends Pick<
  Results,
  'target' | 'workers' | 'repeat' | 'environment' | 'strategies'
> {
  status: 'measured'
  origin: BaseOrigin
}

/** The base does not have the target (the pull request adds it): the head was measured alone. */
export interface MissingBase {
  status: 'missing-target'
  origin: BaseOrigin
  /** What the head has and the base lacks, relative to the working directory: `app/preload.py`. */
  missing: string
}

export type BaseSide = MeasuredBase | MissingBase

/** One figure on both sides. Bytes throughout. */
export interface FigureDelta {
  base: number
  head: number
  /** head − base: positive means the head is heavier. */
  delta: number
  /** `delta` as a fraction of base; null when base is 0. */
  change: number | null
  /** The larger run-to-run spread (max − min of the per-run figure) of the two sides. */
  noise: number
  /** Which way the figure moved when the move is beyond the noise and not negligible; else null. */
  shift: 'up' | 'down' | null
}

export interface StrategyComparison {
  name: Strategy
  figures: Record<Figure, FigureDelta>
}

export interface Comparison {
  /** Strategies measured on both sides, in the head's order. */
  strategies: StrategyComparison[]
  /** Measured on one side only: nothing to compare them with. */
  headOnly: Strategy[]
  baseOnly: Strategy[]
}

/** A schema 2 results file. `base` and `comparison` are absent when nothing was compared. */
export interface ComparedResults extends Omit<Results, 'schema'> {
  schema: typeof COMPARED_SCHEMA
  /** The `label` input: tells matrix legs apart beyond their Python version. */
  label?: string | null
  base?: BaseSide
  /** Present when `base` was measured. */
  comparison?: Comparison
}

/** Any results file this version reads. */
export type StoredResults = Results | ComparedResults
