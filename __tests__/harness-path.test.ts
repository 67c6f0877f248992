import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { resolveHarnessPath } from '../src/engine/harness-path.js'

describe('resolveHarnessPath', () => {
  let root: string
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'harness-path-'))
    mkdirSync(join(root, 'dist', 'cli'), { recursive: true })
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  const moduleIn = (...parts: string[]): string => pathToFileURL(join(root, ...parts)).href

  it('finds the source tree harness from src/engine', () => {
    expect(resolveHarnessPath()).toMatch(/src\/harness\/harness\.py$/)
  })

  it('finds dist/harness.py from the action and the CLI bundles', () => {
    writeFileSync(join(root, 'dist', 'harness.py'), '')
    expect(resolveHarnessPath(moduleIn('dist', 'index.js'))).toBe(join(root, 'dist', 'harness.py'))
    expect(resolveHarnessPath(moduleIn('dist', 'cli', 'index.js'))).toBe(
      join(root, 'dist', 'harness.py')
    )
  })

  it('says what it tried and how to rebuild when the harness is missing', () => {
    expect(() => resolveHarnessPath(moduleIn('dist', 'cli', 'index.js'))).toThrow(
      /The Python harness is missing: none of .*dist\/cli\/harness\.py.* exists\. Rebuild with `npm run bundle`/
    )
  })
})
