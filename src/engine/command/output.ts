import { StringDecoder } from 'node:string_decoder'

/** The last bytes a command wrote to stdout and stderr, interleaved as they arrived. */
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
