import type { Logger } from './logger.js'

/** How many lines of the target's output a failure message quotes. */
const ERROR_TAIL_LINES = 20

/** Why a run stopped; the target's output is added to the message once everything is gone. */
export class RunFailure extends Error {
  /** The load command's output explains this one. */
  readonly loadFailed: boolean
  /** A Python traceback from the target, quoted before its output. */
  readonly traceback: string | undefined

  constructor(reason: string, details: { loadFailed?: boolean; traceback?: string } = {}) {
    super(reason)
    this.name = 'RunFailure'
    this.loadFailed = details.loadFailed ?? false
    this.traceback = details.traceback
  }
}

/** The last bytes a process wrote to stdout and stderr, interleaved as they arrived. */
export class OutputTail {
  private chunks: Buffer[] = []
  private kept = 0
  /** Bytes received in all. */
  total = 0

  constructor(readonly limit: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk)
    this.kept += chunk.length
    this.total += chunk.length
    while (this.kept - this.chunks[0].length >= this.limit) {
      this.kept -= (this.chunks.shift() as Buffer).length
    }
  }

  text(): string {
    const all = Buffer.concat(this.chunks)
    return all.subarray(Math.max(0, all.length - this.limit)).toString('utf8')
  }

  /** The last `count` lines, without the trailing newline. */
  lastLines(count: number): string {
    return this.text().trimEnd().split('\n').slice(-count).join('\n')
  }

  /** Bytes no longer kept. */
  get dropped(): number {
    return Math.max(0, this.total - this.limit)
  }
}

/** "Last output of the command: …", or that `title` printed nothing. */
export function describeOutput(title: string, output: OutputTail): string {
  if (output.total === 0) return `${title[0].toUpperCase()}${title.slice(1)} printed nothing.`
  return `Last output of ${title}:\n${output.lastLines(ERROR_TAIL_LINES)}`
}

/**
 * The failure as one message: the reason as a sentence, the traceback, then `details` (the
 * outputs, in the order that explains the failure). The caller names the run before this.
 */
export function failureMessage(failure: RunFailure, details: readonly string[]): string {
  const reason = failure.message
  const parts = [`${reason[0].toUpperCase()}${reason.slice(1)}.`]
  if (failure.traceback) parts.push(failure.traceback.trimEnd())
  return [...parts, ...details].join('\n')
}

/** Puts everything kept of `title`'s output into the log, saying when its start was dropped. */
export function logOutput(log: Logger, title: string, output: OutputTail): void {
  if (output.total === 0) return
  const header =
    output.dropped > 0
      ? `Output of ${title} (the last ${output.limit} of ${output.total} bytes):`
      : `Output of ${title}:`
  log.info(`${header}\n${output.text().trimEnd()}`)
}

/** "2s", "0.6s", "1.5s": durations in the log and in messages. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))}s`
}

/** "12.3 MiB": sizes in the log and in messages. */
export function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`
}
