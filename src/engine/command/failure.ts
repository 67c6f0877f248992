/** Why a run stopped; the commands' output is added to the message once everything is gone. */
export class RunFailure extends Error {
  constructor(
    reason: string,
    /** The load command's output explains this one. */
    readonly loadFailed = false
  ) {
    super(reason)
    this.name = 'RunFailure'
  }
}

/** "2s", "0.6s", "1.5s": durations in the log and in messages. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))}s`
}

export function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`
}
