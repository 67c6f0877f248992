import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where harness.py sits relative to this module: bundle root, CLI bundle, source tree. */
const CANDIDATES = ['harness.py', '../harness.py', '../harness/harness.py']

/** The harness file shipped beside the running code; `moduleUrl` is for tests. */
export function resolveHarnessPath(moduleUrl: string = import.meta.url): string {
  const here = dirname(fileURLToPath(moduleUrl))
  const tried = CANDIDATES.map(candidate => join(here, candidate))
  const found = tried.find(path => existsSync(path))
  if (found === undefined) {
    throw new Error(
      `The Python harness is missing: none of ${tried.join(', ')} exists. ` +
        'Rebuild with `npm run bundle`, which copies src/harness/harness.py into dist/.'
    )
  }
  return found
}
