import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Inputs, Outputs } from '../src/constants.js'
import { STRATEGIES } from '../src/engine/types.js'
import { DEFAULTS, getSettings } from '../src/inputs.js'

interface Entry {
  description?: string
  default?: string
  required?: string
}
interface ActionYaml {
  name: string
  runs: { using: string; main: string }
  branding: { icon: string; color: string }
  inputs: Record<string, Entry>
  outputs: Record<string, Entry>
}
interface DocsScript {
  parseActionYaml(text: string): ActionYaml
  updateReadme(readme: string, actionText: string): string
}

const SCRIPT = 'scripts/docs.mjs'
let docs: DocsScript
let action: ActionYaml

beforeAll(async () => {
  // A plain .mjs without type declarations: imported through a variable and typed here.
  const specifier = `../${SCRIPT}`
  docs = (await import(specifier)) as DocsScript
  action = docs.parseActionYaml(readFileSync('action.yml', 'utf8'))
})

function runScript(cwd: string, ...args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [join(cwd, SCRIPT), ...args], { encoding: 'utf8' })
  return { status: result.status, stderr: result.stderr }
}

describe('README tables', () => {
  it('match action.yml (run `node scripts/docs.mjs` when this fails)', () => {
    expect(runScript('.', '--check')).toEqual({ status: 0, stderr: '' })
  })

  describe('in a copy of the repository', () => {
    let repo: string
    beforeEach(() => {
      repo = mkdtempSync(join(tmpdir(), 'docs-test-'))
      mkdirSync(join(repo, 'scripts'))
      copyFileSync(SCRIPT, join(repo, SCRIPT))
      writeFileSync(
        join(repo, 'action.yml'),
        [
          'name: Demo',
          'inputs:',
          '  size:',
          '    description: >-',
          '      Largest size,',
          '      such as `1|2`.',
          '    default: "150MiB"',
          '  target:',
          '    description: What to run.',
          '    required: true',
          'outputs:',
          '  verdict:',
          "    description: '`pass` or `fail`.'",
          ''
        ].join('\n')
      )
    })
    afterEach(() => rmSync(repo, { recursive: true, force: true }))

    it('fails the check on drift, then rewrites only the marked tables', () => {
      const stale =
        '# Demo\n\n<!-- inputs:start -->\nold\n<!-- inputs:end -->\n\nText kept.\n\n' +
        '<!-- outputs:start --><!-- outputs:end -->\n'
      writeFileSync(join(repo, 'README.md'), stale)

      const check = runScript(repo, '--check')
      expect(check.status).toBe(1)
      expect(check.stderr).toContain('run `node scripts/docs.mjs`')
      expect(readFileSync(join(repo, 'README.md'), 'utf8')).toBe(stale)

      expect(runScript(repo).status).toBe(0)
      expect(readFileSync(join(repo, 'README.md'), 'utf8')).toBe(
        '# Demo\n\n<!-- inputs:start -->\n' +
          '| Input | Description | Default |\n' +
          '|---|---|---|\n' +
          '| `size` | Largest size, such as `1\\|2`. | `150MiB` |\n' +
          '| `target` | What to run. | *required* |\n' +
          '<!-- inputs:end -->\n\nText kept.\n\n' +
          '<!-- outputs:start -->\n' +
          '| Output | Description |\n' +
          '|---|---|\n' +
          '| `verdict` | `pass` or `fail`. |\n' +
          '<!-- outputs:end -->\n'
      )
      expect(runScript(repo, '--check')).toEqual({ status: 0, stderr: '' })
    })

    it('fails when a marker is missing', () => {
      writeFileSync(
        join(repo, 'README.md'),
        '# Demo\n\n<!-- inputs:start -->\n<!-- inputs:end -->\n'
      )
      const check = runScript(repo, '--check')
      expect(check.status).toBe(1)
      expect(check.stderr).toContain(
        'README.md needs the markers <!-- outputs:start --> and <!-- outputs:end -->, in that order.'
      )
    })
  })
})

describe('the action.yml parser', () => {
  it('reads plain, quoted and block scalars and nested mappings', () => {
    const text = [
      '# a comment',
      'plain: some value # trailing comment',
      'hash: http://x#y',
      "single: 'it''s'",
      'double: "tab\\tquote\\""',
      'literal: |',
      '  one',
      '    two',
      '',
      '  three',
      '',
      'folded: >',
      '  joined',
      '  line',
      '',
      '  paragraph',
      'stripped: >-',
      '  no newline',
      'nested:',
      '  deeper:',
      '    key: value',
      'empty:',
      ''
    ].join('\n')
    expect(docs.parseActionYaml(text)).toEqual({
      plain: 'some value',
      hash: 'http://x#y',
      single: "it's",
      double: 'tab\tquote"',
      literal: 'one\n  two\n\nthree\n',
      folded: 'joined line\nparagraph\n',
      stripped: 'no newline',
      nested: { deeper: { key: 'value' } },
      empty: ''
    })
  })

  it.each([
    ['a sequence', 'list:\n  - one\n', 'line 2: expected "key: value", got: - one'],
    ['flow style', 'map: {a: 1}\n', 'line 1: unsupported YAML: {a: 1}'],
    ['stray indentation', 'a: 1\n  b: 2\n', 'line 2: unexpected indentation'],
    ['a duplicate key', 'a: 1\na: 2\n', 'line 2: duplicate key a'],
    ['an open quote', "a: 'open\n", "line 1: unterminated single-quoted scalar: 'open"]
  ])('rejects %s', (_, text, message) => {
    expect(() => docs.parseActionYaml(text)).toThrow(`action.yml ${message}`)
  })
})

describe('action.yml', () => {
  it('runs the bundle on node24 and is branded', () => {
    expect(action.name).toBe('Prefork Memory Check')
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(action.branding).toEqual({ icon: 'cpu', color: 'blue' })
  })

  it('declares exactly the inputs the code reads, each described', () => {
    expect(Object.keys(action.inputs)).toEqual(Object.values(Inputs))
    for (const input of Object.values(action.inputs)) expect(input.description).toBeTruthy()
  })

  it('declares every output, one uss-<strategy> per strategy, each described', () => {
    const expected = [
      Outputs.Results,
      Outputs.Report,
      Outputs.CommentBody,
      Outputs.Verdict,
      ...STRATEGIES.map(s => `${Outputs.UssPrefix}${s}`),
      Outputs.FreezeSaving,
      Outputs.UssIncrease,
      Outputs.BaseSha,
      Outputs.CommentUrl
    ]
    expect(Object.keys(action.outputs).sort()).toEqual(expected.sort())
    for (const output of Object.values(action.outputs)) expect(output.description).toBeTruthy()
  })

  it('gives the defaults the code falls back to', () => {
    for (const [name, value] of Object.entries(DEFAULTS)) {
      expect([name, action.inputs[name].default]).toEqual([name, value])
    }
    expect(action.inputs[Inputs.GithubToken].default).toBe('${{ github.token }}')
    expect(action.inputs[Inputs.Entrypoint].required).toBe('false')
    expect(action.inputs[Inputs.Command].required).toBe('false')
  })

  it('yields the same settings from its defaults as from unset inputs', () => {
    const env = { GITHUB_WORKSPACE: process.cwd() }
    const withDefaults = (name: string): string =>
      name === Inputs.Entrypoint ? 'app' : (action.inputs[name]?.default ?? '')
    const unset = (name: string): string => (name === Inputs.Entrypoint ? 'app' : '')
    const { githubToken, ...fromDefaults } = getSettings(withDefaults, env)
    expect(githubToken).toBe('${{ github.token }}')
    expect(fromDefaults).toEqual({ ...getSettings(unset, env), githubToken: undefined })
  })
})
