import { StringDecoder } from 'node:string_decoder'

/** A line longer than this is tested by its end only: a server does not print megabytes unbroken. */
const MAX_PENDING_CHARS = 64 * 1024

/** Watches output for the first line that matches a pattern, across chunk boundaries. */
export class LineWatcher {
  private readonly pattern: RegExp
  private readonly decoder = new StringDecoder('utf8')
  private pending = ''
  /** The first matching line, once seen. */
  matched: string | null = null

  constructor(pattern: RegExp) {
    // Without g or y, test() keeps no position between lines.
    this.pattern = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''))
  }

  push(chunk: Buffer): void {
    if (this.matched !== null) return
    const lines = (this.pending + this.decoder.write(chunk)).split('\n')
    this.pending = (lines.pop() as string).slice(-MAX_PENDING_CHARS)
    // The unfinished line too: a server may print its banner without a newline and wait.
    for (const line of [...lines, this.pending]) {
      const text = line.replace(/\r$/, '')
      if (this.pattern.test(text)) {
        this.matched = text
        return
      }
    }
  }
}
