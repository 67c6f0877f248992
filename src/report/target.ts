/** How the reports name what was measured, in the words of its kind: a harness's or a server's. */
import type { CommandTarget, ReadyTarget, Results, Target } from '../engine/types.js'
import { formatDuration } from './format.js'

/** Nouns and phase names that differ between an entrypoint and a command. */
export interface Words {
  /** A forked process: "child" of the harness, "worker" of a server. */
  child: string
  /** The process that forked them. */
  parent: string
  /** When the after-work figures were taken. */
  after: string
  /** What CoW loss spans. */
  growth: string
}

const ENTRYPOINT_WORDS: Words = {
  child: 'child',
  parent: 'parent',
  after: 'after work',
  growth: 'from fork to end of work'
}

const COMMAND_WORDS: Words = {
  child: 'worker',
  parent: 'master',
  after: 'after the load',
  growth: 'from ready (before the load) to after the load'
}

/** Files from before command mode name no kind: they are entrypoints. */
export function isCommand(target: Target): target is CommandTarget {
  return target.kind === 'command'
}

export function wordsFor(results: Results): Words {
  return isCommand(results.target) ? COMMAND_WORDS : ENTRYPOINT_WORDS
}

/** A title should stay one readable line; the environment details show the whole command. */
const TITLE_CHARS = 80

/** The entrypoint spec, or the command line shortened to a title's length. */
export function targetLabel(target: Target): string {
  if (!isCommand(target)) return target.entrypoint
  const line = target.command.replace(/\s+/g, ' ')
  return line.length > TITLE_CHARS ? `${line.slice(0, TITLE_CHARS - 1)}…` : line
}

/** "when http://127.0.0.1:8000/ answered 2xx"; plain text, for the caller to escape. */
export function readyText(ready: ReadyTarget): string {
  switch (ready.kind) {
    case 'settle':
      return "once the workers' memory settled"
    case 'url':
      return `when ${ready.url} answered 2xx`
    case 'log':
      return `when a line of output matched /${ready.pattern}/`
  }
}

/** The load phase, with `quote` applied to the load command. */
export function loadText(target: CommandTarget, quote: (command: string) => string): string {
  const every = `samples every ${formatDuration(target.sampleIntervalMs)}`
  if (target.loadCommand === null) {
    return target.loadDurationMs === null
      ? 'none: one sample right after the ready one'
      : `none: the workers idled for ${formatDuration(target.loadDurationMs)}; ${every}`
  }
  const until =
    target.loadDurationMs === null
      ? 'until it exited'
      : `for ${formatDuration(target.loadDurationMs)}`
  return `${quote(target.loadCommand)} ${until}; ${every}`
}
