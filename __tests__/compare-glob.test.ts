import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { expandGlob, expandGlobs } from '../src/compare/glob.js'

let root: string

const FILES = [
  'artifacts/results-py3.10/results.json',
  'artifacts/results-py3.11/results.json',
  'artifacts/results-py3.11/report.md',
  'artifacts/nested/deeper/results-py3.12/results.json',
  'artifacts/.hidden/results.json',
  'artifacts/(x)+[y]/r.json',
  'top.json'
]

beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'pmc-glob-')))
  for (const file of FILES) {
    mkdirSync(dirname(join(root, file)), { recursive: true })
    writeFileSync(join(root, file), '{}')
  }
  // A directory named like a file the patterns look for, and a link back up: neither may match
  // as a file nor send ** round in circles.
  mkdirSync(join(root, 'artifacts/results-py3.13/results.json'), { recursive: true })
  symlinkSync(join(root, 'artifacts'), join(root, 'artifacts/nested/loop'))
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

const inRoot = (...files: string[]): string[] => files.map(file => join(root, file)).sort()

describe('expandGlob', () => {
  it.each<[string, string[]]>([
    [
      'artifacts/*/results.json',
      ['artifacts/results-py3.10/results.json', 'artifacts/results-py3.11/results.json']
    ],
    [
      'artifacts/**/results.json',
      [
        'artifacts/results-py3.10/results.json',
        'artifacts/results-py3.11/results.json',
        'artifacts/nested/deeper/results-py3.12/results.json'
      ]
    ],
    [
      'artifacts/results-py3.1?/*',
      [
        'artifacts/results-py3.10/results.json',
        'artifacts/results-py3.11/results.json',
        'artifacts/results-py3.11/report.md'
      ]
    ],
    [
      'artifacts/**',
      [
        'artifacts/(x)+[y]/r.json',
        'artifacts/results-py3.10/results.json',
        'artifacts/results-py3.11/results.json',
        'artifacts/results-py3.11/report.md',
        'artifacts/nested/deeper/results-py3.12/results.json'
      ]
    ],
    ['**/*.json', FILES.filter(f => f.endsWith('.json') && !f.includes('.hidden'))],
    ['*.json', ['top.json']],
    ['artifacts/.hidden/*.json', ['artifacts/.hidden/results.json']],
    ['artifacts/.*/results.json', ['artifacts/.hidden/results.json']],
    ['artifacts/(x)+*/r.json', ['artifacts/(x)+[y]/r.json']],
    ['artifacts/(x)+[y]/r.json', ['artifacts/(x)+[y]/r.json']],
    ['./artifacts//results-py3.10/results.json', ['artifacts/results-py3.10/results.json']],
    ['artifacts/results-py3.1?/results.jso', []],
    ['artifacts/results-py3.13/*', []],
    ['nothing/**/results.json', []],
    ['', []]
  ])('%p matches %j', (pattern, expected) => {
    expect(expandGlob(pattern, root)).toEqual(inRoot(...expected))
  })

  it('takes absolute patterns as they are', () => {
    expect(expandGlob(`${root}/artifacts/*/report.md`, '/')).toEqual(
      inRoot('artifacts/results-py3.11/report.md')
    )
  })
})

describe('expandGlobs', () => {
  it('lists each file once across patterns, in order', () => {
    expect(expandGlobs(['artifacts/**/results.json', 'artifacts/results-py3.10/*'], root)).toEqual(
      inRoot(
        'artifacts/results-py3.10/results.json',
        'artifacts/results-py3.11/results.json',
        'artifacts/nested/deeper/results-py3.12/results.json'
      )
    )
  })
})
