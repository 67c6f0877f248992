import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ResultsFileError, parseResults, readResultsFile } from '../src/compare/read-results.js'
import {
  baseOf,
  comparisonOf,
  headResults,
  labelOf,
  measuredBase,
  withBase
} from '../src/compare/results.js'
import type { Results } from '../src/engine/types.js'
import { RESULT_FIXTURES } from './fixtures/results/load.js'
import { buildResults } from './fixtures/compare/build.js'

const RESULTS_DIR = fileURLToPath(new URL('./fixtures/results/', import.meta.url))
const COMPARED_FILE = fileURLToPath(new URL('./fixtures/compare/compared.json', import.meta.url))

/** The schema 2 file in the fixtures: a head measured against its merge base. */
function comparedFixture(): Results {
  const base = buildResults({ strategies: { none: [200, 201, 199], freeze: [100, 100.25, 99.75] } })
  const head = buildResults({ strategies: { none: [230, 231, 229], freeze: [112, 112.4, 112.2] } })
  const origin = {
    kind: 'merge-base' as const,
    commit: '1a2b3c4d5e6f708192a3b4c5d6e7f80912345678',
    pullRequest: {
      base: 'b'.repeat(40),
      head: 'f'.repeat(40)
    }
  }
  return withBase(head, measuredBase(base, origin), 'ubuntu-24.04')
}

describe('schema 1 files', () => {
  it.each(RESULT_FIXTURES)('reads %s.json as it is', name => {
    const path = join(RESULTS_DIR, `${name}.json`)
    const read = readResultsFile(path)
    expect(read).toEqual(JSON.parse(readFileSync(path, 'utf8')))
    expect(read.schema).toBe(1)
    expect(labelOf(read)).toBeNull()
    expect(baseOf(read)).toBeNull()
    expect(comparisonOf(read)).toBeNull()
  })
})

describe('schema 2 files', () => {
  it('the fixture is what withBase writes (UPDATE_GOLDEN=1 rewrites it)', () => {
    const text = `${JSON.stringify(comparedFixture(), null, 2)}\n`
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(COMPARED_FILE, text)
    expect(existsSync(COMPARED_FILE)).toBe(true)
    expect(readFileSync(COMPARED_FILE, 'utf8')).toBe(text)
  })

  it('reads the base, the comparison and the label', () => {
    const read = readResultsFile(COMPARED_FILE)
    expect(read.schema).toBe(2)
    expect(labelOf(read)).toBe('ubuntu-24.04')
    const base = baseOf(read)
    expect(base?.status).toBe('measured')
    expect(base?.origin).toEqual(comparedFixture().base?.origin)
    // Recomputed from both sides, it matches what was stored.
    expect(comparisonOf(read)).toEqual((read as Results).comparison)
  })

  it('gives the head alone, without what comparing added', () => {
    const head = headResults(readResultsFile(COMPARED_FILE))
    expect(head.schema).toBe(2)
    expect(Object.keys(head).sort()).toEqual(
      ['environment', 'repeat', 'schema', 'strategies', 'target', 'tool', 'workers'].sort()
    )
  })

  it('reads a base that lacks the target, and a baseline origin', () => {
    const head = buildResults({ strategies: { freeze: [10] } })
    const missing = withBase(head, {
      status: 'missing-target',
      origin: {
        kind: 'merge-base',
        commit: 'a'.repeat(40),
        pullRequest: { base: 'b'.repeat(40), head: 'c'.repeat(40) }
      },
      missing: 'app/preload.py'
    })
    expect(parseResults(JSON.stringify(missing), 'missing.json')).toEqual(missing)
    expect(comparisonOf(missing)).toBeNull()
    expect(missing).not.toHaveProperty('comparison')
    const baseline = withBase(
      head,
      measuredBase(head, { kind: 'baseline', file: 'baseline/results.json', commit: null })
    )
    expect(parseResults(JSON.stringify(baseline), 'baseline.json')).toEqual(baseline)
    expect(baseline).not.toHaveProperty('label')
  })
})

describe('files this version cannot use', () => {
  /** The fixture as JSON with the value at `path` replaced, or removed when `value` is undefined. */
  const edited = (path: (string | number)[], value?: unknown): string => {
    const data: unknown = JSON.parse(JSON.stringify(comparedFixture()))
    const parent = path
      .slice(0, -1)
      .reduce((node, key) => (node as Record<string | number, unknown>)[key], data) as Record<
      string | number,
      unknown
    >
    const last = path[path.length - 1]
    if (value === undefined) delete parent[last]
    else parent[last] = value
    return JSON.stringify(data)
  }

  it.each<[string, string, string]>([
    [
      'a newer schema',
      edited(['schema'], 7),
      'results.json has schema 7; this version reads 1 and 2. Read it with the version of Prefork Memory Check that wrote it (its tool.version) or a newer one.'
    ],
    [
      'a schema as text',
      edited(['schema'], '2'),
      'results.json has schema "2"; this version reads 1 and 2.'
    ],
    [
      'no schema',
      edited(['schema']),
      'results.json has no schema field, so it is not a results file of Prefork Memory Check (this version reads schemas 1 and 2).'
    ],
    ['not JSON', '{"schema": 1,', 'results.json is not JSON: '],
    ['an array', '[]', 'results.json: the top level must be an object, not an array.'],
    [
      'a figure as text',
      edited(['strategies', 0, 'summary', 'uss', 'median'], '12'),
      'results.json: strategies[0].summary.uss.median must be a number, not the string "12". Is it a results file written by Prefork Memory Check?'
    ],
    [
      'a missing figure',
      edited(['strategies', 1, 'summary', 'treePss']),
      'results.json: strategies[1].summary.treePss is missing.'
    ],
    [
      'no runs',
      edited(['strategies', 0, 'runs'], []),
      'results.json: strategies[0].runs is empty. Is it a results file written by Prefork Memory Check?'
    ],
    [
      'a child without USS',
      edited(['strategies', 0, 'runs', 2, 'phases', 'after-work', 'children', 1, 'uss']),
      'results.json: strategies[0].runs[2].phases.after-work.children[1].uss is missing.'
    ],
    [
      'an unknown strategy',
      edited(['strategies', 0, 'name'], 'gc-off'),
      'results.json: strategies[0].name must be one of none, freeze, disable-freeze, collect-freeze, not the string "gc-off".'
    ],
    [
      'a strategy twice',
      edited(['strategies', 1, 'name'], 'none'),
      'results.json: strategies[1].name must be a strategy not listed before, not the string "none".'
    ],
    [
      'no workers',
      edited(['workers'], 0),
      'results.json: workers must be a whole number of at least 1, not the number 0.'
    ],
    [
      'no Python version',
      edited(['environment', 'python', 'version']),
      'results.json: environment.python.version is missing.'
    ],
    ['no target', edited(['target'], {}), 'results.json: target.entrypoint is missing.'],
    [
      'a label that is not text',
      edited(['label'], 3),
      'results.json: label must be a string, not the number 3.'
    ],
    [
      'a base of unknown status',
      edited(['base', 'status'], 'skipped'),
      `results.json: base.status must be 'measured' or 'missing-target', not the string "skipped".`
    ],
    [
      'a base of unknown origin',
      edited(['base', 'origin', 'kind'], 'tag'),
      `results.json: base.origin.kind must be 'merge-base' or 'baseline', not the string "tag".`
    ],
    [
      'a measured base without runs',
      edited(['base', 'strategies', 0, 'runs']),
      'results.json: base.strategies[0].runs is missing.'
    ],
    [
      'a comparison that is not an object',
      edited(['comparison'], []),
      'results.json: comparison must be an object, not an array.'
    ]
  ])('refuses %s, naming the file and the place', (_what, text, message) => {
    const error = (() => {
      try {
        parseResults(text, 'results.json')
        return null
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(ResultsFileError)
    expect((error as Error).message.startsWith(message)).toBe(true)
  })

  it('accepts a schema 1 file with only a command as its target', () => {
    const data = JSON.parse(readFileSync(join(RESULTS_DIR, 'single-strategy.json'), 'utf8'))
    data.target = { command: 'gunicorn --preload -w 4 app:app' }
    expect(parseResults(JSON.stringify(data), 'command.json').target).toEqual(data.target)
  })

  it('names a file it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pmc-read-'))
    try {
      const path = join(dir, 'nope.json')
      expect(() => readResultsFile(path)).toThrow(`Could not read ${path}: ENOENT`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
