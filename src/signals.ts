import { constants } from 'node:os'
import { killLiveRuns } from './engine/live-runs.js'

/**
 * On SIGINT or SIGTERM (Ctrl-C, a cancelled workflow), kills every run in progress, then exits as
 * the signal would have: each run has a process group of its own, which the signal does not reach.
 * Installed by the entry points only; the engine never takes over a process's signals.
 */
export function stopRunsOnSignals(report: (message: string) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      const stopped = killLiveRuns()
      report(`Stopped by ${signal}` + (stopped > 0 ? ', after killing the run in progress.' : '.'))
      process.exit(128 + constants.signals[signal])
    })
  }
}
