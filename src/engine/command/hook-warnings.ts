import type { Run, Strategy } from '../types.js'

/**
 * Per worker of a run, whether the strategy reached it: its fork handler ran and, for a strategy
 * that freezes, it inherited frozen objects, the mark of the master's before-fork handler. A
 * free-threaded build keeps no freeze count, so there the fork handler has to do.
 */
export function reachedWorkers(run: Run, strategy: Strategy): boolean[] {
  const fired = run.command?.hookFired ?? []
  if (strategy === 'none' || run.command?.python?.freeThreaded) return fired
  const children = run.phases['after-fork'].children
  return fired.map((hit, i) => hit && (children[i]?.gc?.freezeCount ?? 0) > 0)
}

/** Workers of `runs` that the strategy did not reach, out of all their command workers. */
export function hookMisses(
  runs: readonly Run[],
  strategy: Strategy
): { missed: number; total: number } {
  const reached = runs.flatMap(run => reachedWorkers(run, strategy))
  return { missed: reached.filter(r => !r).length, total: reached.length }
}

type Cause = 'not-loaded' | 'forks-from-c' | 'after-fork-only' | 'some-workers'

function causeOf(runs: readonly Run[], strategy: Strategy): Cause {
  const fired = runs.flatMap(run => run.command?.hookFired ?? [])
  if (fired.every(f => !f)) {
    return runs.some(run => run.command?.python === null) ? 'not-loaded' : 'forks-from-c'
  }
  const { missed, total } = hookMisses(runs, strategy)
  return fired.every(f => f) && missed === total ? 'after-fork-only' : 'some-workers'
}

function explain(cause: Cause, master: string): string {
  switch (cause) {
    case 'not-loaded':
      return (
        `it never loaded in ${master}, which is not a Python process that reads PYTHONPATH (not ` +
        'Python, started with python -I or -E, or by a wrapper that resets the environment)'
      )
    case 'forks-from-c':
      return (
        `${master} loaded it but forked them from C without running the interpreter's fork ` +
        'handlers (uWSGI does)'
      )
    case 'after-fork-only':
      return (
        `${master} ran the interpreter's after-fork handlers in them but never the before-fork ` +
        'ones, where gc.freeze() runs (uWSGI does, even with --py-call-osafterfork)'
      )
    case 'some-workers':
      return `${master} forked them without running the interpreter's fork handlers`
  }
}

/** Only a change to the preloaded code itself reaches a server that forks from C. */
const FREEZE_IN_CODE =
  ' To measure gc.freeze() under such a server, call it at the end of the module its master ' +
  'preloads.'

/**
 * One warning per cause for the strategies that did not reach all their workers, counted over all
 * their runs: what the report shows once, where the log told it run by run.
 */
export function hookWarnings(
  strategies: readonly { name: Strategy; runs: readonly Run[] }[]
): string[] {
  const byCause = new Map<Cause, { name: Strategy; runs: readonly Run[] }[]>()
  for (const strategy of strategies) {
    if (hookMisses(strategy.runs, strategy.name).missed === 0) continue
    const cause = causeOf(strategy.runs, strategy.name)
    byCause.set(cause, [...(byCause.get(cause) ?? []), strategy])
  }
  return [...byCause].map(([cause, group]) => {
    const counts = group.map(strategy => hookMisses(strategy.runs, strategy.name))
    const missed = counts.reduce((sum, count) => sum + count.missed, 0)
    const total = counts.reduce((sum, count) => sum + count.total, 0)
    const runs = group.flatMap(strategy => strategy.runs)
    const master = runs.find(run => run.command)?.command?.master.name ?? 'the server'
    const names = group.map(strategy => strategy.name)
    const applied = names.filter(name => name !== 'none')
    const consequence =
      applied.length === 0
        ? 'those workers carry no GC evidence.'
        : `${applied.join(', ')} ${applied.length === 1 ? 'was' : 'were'} not applied to them: ` +
          "their figures are the baseline's."
    const fix = applied.length > 0 && cause !== 'not-loaded' ? FREEZE_IN_CODE : ''
    const among = `${names.length === 1 ? 'strategy' : 'strategies'} ${names.join(', ')}`
    return (
      `The strategy hook did not reach ${missed} of ${total} workers (${among}): ` +
      `${explain(cause, master)}, so ${consequence}${fix}`
    )
  })
}
