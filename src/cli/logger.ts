import type { Logger } from '../engine/logger.js'

/** Progress for a terminal: a group becomes a heading with its lines indented below it. */
export function createTerminalLogger(write: (text: string) => void): Logger {
  let depth = 0
  const emit = (text: string): void => {
    const pad = '  '.repeat(depth)
    write(
      `${text
        .replace(/\n$/, '')
        .split('\n')
        .map(line => pad + line)
        .join('\n')}\n`
    )
  }
  return {
    info: message => emit(message),
    warning: message => emit(`warning: ${message}`),
    startGroup: name => {
      emit(`▸ ${name}`)
      depth += 1
    },
    endGroup: () => {
      depth = Math.max(0, depth - 1)
    }
  }
}
