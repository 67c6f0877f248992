import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { legTitle, loadLegs, toLegs } from '../src/compare/legs.js'
import { withBase } from '../src/compare/results.js'
import type { StoredResults } from '../src/compare/schema.js'
import { asSchema1, buildResults } from './fixtures/compare/build.js'

let root: string

beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'pmc-legs-')))
})

afterEach(() => rmSync(root, { recursive: true, force: true }))

function write(path: string, results: StoredResults | string): string {
  const full = join(root, path)
  mkdirSync(dirname(full), { recursive: true })
  writeFileSync(full, typeof results === 'string' ? results : JSON.stringify(results))
  return full
}

const leg = (python: string, label: string | null = null): StoredResults =>
  withBase(buildResults({ strategies: { none: [20], freeze: [5] }, python }), null, label)

describe('legTitle', () => {
  it.each<[StoredResults, string]>([
    [buildResults({ strategies: { freeze: [5] }, python: '3.12.4' }), 'Python 3.12.4'],
    [leg('3.12.4', 'postgres'), 'Python 3.12.4 · postgres'],
    [leg('3.12.4', ''), 'Python 3.12.4'],
    [
      buildResults({ strategies: { freeze: [5] }, python: '3.13.1', freeThreaded: true }),
      'Python 3.13.1 free-threaded'
    ]
  ])('%#: %p', (results, title) => {
    expect(legTitle(results)).toBe(title)
  })
})

describe('loadLegs', () => {
  it('reads three legs of a matrix, schema 1 and 2 alike, ordered by Python version', () => {
    write('artifacts/memory-3.12/results.json', leg('3.12.4', 'postgres'))
    write(
      'artifacts/memory-3.9/results.json',
      asSchema1(buildResults({ strategies: { freeze: [5] }, python: '3.9.19' }))
    )
    write('artifacts/memory-3.10/results.json', leg('3.10.14'))
    write('artifacts/memory-3.10/report.md', '# not results')
    const legs = loadLegs('artifacts/*/results.json', root, "input 'results-glob'")
    expect(legs.map(l => l.title)).toEqual([
      'Python 3.9.19',
      'Python 3.10.14',
      'Python 3.12.4 · postgres'
    ])
    expect(legs.map(l => l.file)).toEqual([
      join(root, 'artifacts/memory-3.9/results.json'),
      join(root, 'artifacts/memory-3.10/results.json'),
      join(root, 'artifacts/memory-3.12/results.json')
    ])
    expect(legs[0].results.schema).toBe(1)
    expect(legs[2].results.schema).toBe(2)
  })

  it('takes a pattern a line', () => {
    write('a/results.json', leg('3.11.9', 'a'))
    write('b/results.json', leg('3.11.9', 'b'))
    const legs = loadLegs('a/results.json\n\n  b/*.json  \n', root, "input 'results-glob'")
    expect(legs.map(l => l.title)).toEqual(['Python 3.11.9 · a', 'Python 3.11.9 · b'])
  })

  it('tells apart legs that would share a title by their file', () => {
    write('linux-x64/results.json', leg('3.11.9'))
    write('linux-arm64/results.json', leg('3.11.9'))
    write('other/results.json', leg('3.12.1'))
    expect(loadLegs('*/results.json', root, "input 'results-glob'").map(l => l.title)).toEqual([
      'Python 3.11.9 (linux-arm64/results.json)',
      'Python 3.11.9 (linux-x64/results.json)',
      'Python 3.12.1'
    ])
  })

  it('says which input matched nothing and where it looked', () => {
    expect(() => loadLegs('artifacts/**/results.json', root, "input 'results-glob'")).toThrow(
      `Input 'results-glob' matched no files: 'artifacts/**/results.json' (relative patterns start ` +
        `at ${root}). Download the legs' results first`
    )
  })

  it('names the file that is not a results file', () => {
    write('a/results.json', leg('3.11.9'))
    const bad = write('b/results.json', JSON.stringify({ schema: 9 }))
    expect(() => loadLegs('*/results.json', root, "input 'results-glob'")).toThrow(
      `${bad} has schema 9; this version reads 1 and 2.`
    )
  })
})

describe('toLegs', () => {
  it('orders versions as numbers and labels as text', () => {
    const legs = toLegs(
      [
        { file: '/r/4', results: leg('3.10.1', 'b') },
        { file: '/r/1', results: leg('3.10.1', 'a') },
        { file: '/r/2', results: leg('3.9.0') },
        { file: '/r/3', results: leg('3.14.0rc1') }
      ],
      '/r'
    )
    expect(legs.map(l => l.title)).toEqual([
      'Python 3.9.0',
      'Python 3.10.1 · a',
      'Python 3.10.1 · b',
      'Python 3.14.0rc1'
    ])
  })
})
