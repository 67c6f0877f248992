import type { EntrypointTarget, Results } from '../../src/engine/types.js'

/** The same results with every run's children repeated up to `workers`, as a very wide pool would give. */
export function withWorkers(results: Results, workers: number): Results {
  const copy = structuredClone(results)
  copy.workers = workers
  for (const strategy of copy.strategies) {
    for (const run of strategy.runs) {
      for (const phase of Object.values(run.phases)) {
        const model = phase.children
        phase.children = Array.from({ length: workers }, (_, i) => ({
          ...model[i % model.length],
          pid: 100_000 + i
        }))
      }
    }
  }
  return copy
}

export function withTarget(results: Results, target: Partial<EntrypointTarget>): Results {
  return { ...results, target: { ...(results.target as EntrypointTarget), ...target } }
}
