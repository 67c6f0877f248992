import type { Logger } from '../src/engine/logger.js'

export const silentLogger: Logger = {
  info: () => undefined,
  warning: () => undefined,
  startGroup: () => undefined,
  endGroup: () => undefined
}
