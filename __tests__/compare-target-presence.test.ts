import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import {
  missingOnBase,
  specPaths,
  treesAt,
  type TreeAccess
} from '../src/compare/target-presence.js'

describe('specPaths', () => {
  it.each<[string, string[]]>([
    ['app/preload.py', ['app/preload.py']],
    ['app/preload.py:preload', ['app/preload.py']],
    ['scripts/boot:main', ['scripts/boot']],
    ['/opt/app/preload.py:load', ['/opt/app/preload.py']],
    ['app.main', ['app/main.py', 'app/main/__init__.py', 'app/main']],
    ['app.main:create_app', ['app/main.py', 'app/main/__init__.py', 'app/main']],
    ['app:App.factory', ['app.py', 'app/__init__.py', 'app']]
  ])('%p may live at %j', (spec, paths) => {
    expect(specPaths(spec)).toEqual(paths)
  })
})

/** Trees as sets of paths. */
function trees(head: string[], base: string[]): TreeAccess {
  return { head: path => head.includes(path), base: path => base.includes(path) }
}

describe('missingOnBase', () => {
  it.each<[string, (string | null)[], string[], string[], string | null]>([
    [
      'the base has the file',
      ['app/preload.py:preload'],
      ['app/preload.py'],
      ['app/preload.py'],
      null
    ],
    ['the PR adds the file', ['app/preload.py:preload'], ['app/preload.py'], [], 'app/preload.py'],
    [
      'the PR adds the worker only',
      ['app/preload.py', 'app/work.py:handle'],
      ['app/preload.py', 'app/work.py'],
      ['app/preload.py'],
      'app/work.py'
    ],
    ['no worker', ['app/preload.py', null], ['app/preload.py'], ['app/preload.py'], null],
    ['a module the PR adds', ['app.main:create'], ['app/main.py'], [], 'app/main.py'],
    [
      'a module that became a package',
      ['app.main'],
      ['app/main/__init__.py', 'app/main'],
      ['app/main.py'],
      null
    ],
    ['an installed module is on both sides', ['gunicorn.app.wsgiapp'], [], [], null],
    ['a file outside both trees', ['/opt/app/preload.py'], [], [], null]
  ])('%s', (_what, specs, head, base, expected) => {
    expect(missingOnBase(specs, trees(head, base))).toBe(expected)
  })

  it('checks the real directories', () => {
    const root = mkdtempSync(join(tmpdir(), 'pmc-presence-'))
    try {
      const write = (path: string): void => {
        mkdirSync(dirname(join(root, path)), { recursive: true })
        writeFileSync(join(root, path), 'X = 1\n')
      }
      write('head/app/preload.py')
      write('head/app/work.py')
      write('base/app/work.py')
      const access = treesAt(join(root, 'head'), join(root, 'base'))
      expect(missingOnBase(['app/preload.py:preload'], access)).toBe('app/preload.py')
      expect(missingOnBase(['app/work.py:handle'], access)).toBeNull()
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
