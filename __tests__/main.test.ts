import { getReportSettings, getSettings } from '../src/inputs.js'
import { planLines, reportPlanLines, unsupportedPlatform } from '../src/main.js'

describe('unsupportedPlatform', () => {
  it('accepts Linux', () => {
    expect(unsupportedPlatform('linux')).toBeNull()
  })

  it.each(['darwin', 'win32'] as const)('turns %s away with the fix', platform => {
    expect(unsupportedPlatform(platform)).toBe(
      `Prefork Memory Check reads process memory from /proc, which only Linux has; this runner is ${platform}. ` +
        'Run the job on a Linux runner such as `runs-on: ubuntu-latest`.'
    )
  })
})

describe('planLines', () => {
  const inputs: Record<string, string> = {
    entrypoint: 'app.py:preload',
    worker: 'app.py:handle',
    iterations: '5',
    workers: '2',
    repeat: '3',
    'max-uss': '150MiB',
    'fail-on-threshold': 'false',
    'comment-key': 'CI/memory',
    'github-token': 'ghs_secret'
  }

  it('says what will run and what will judge it, without the token', () => {
    const lines = planLines(getSettings(name => inputs[name] ?? '', { GITHUB_WORKSPACE: '/' }))
    expect(lines).toEqual([
      'Target: app.py:preload, worker app.py:handle × 5',
      'Runs: 6 (none, freeze × 3), 2 workers each, at most 300 s per run',
      'Python: python3 in /',
      "Base: none, this run has no pull request and input 'baseline' is empty",
      'Limits on freeze: max-uss 150.0 MiB (not enforced: fail-on-threshold is false)',
      'Comment: always, key CI/memory'
    ])
  })

  it('says when there is no limit', () => {
    const settings = getSettings(name => (name === 'entrypoint' ? 'app' : ''), {
      GITHUB_WORKSPACE: '/'
    })
    expect(planLines(settings)).toContain('Limits: none (report only)')
  })
})

describe('planLines with a base', () => {
  const PR = { base: 'b'.repeat(40), head: 'f'.repeat(40) }
  const lines = (inputs: Record<string, string>, pullRequest: typeof PR | null): string[] => {
    const given: Record<string, string> = { entrypoint: 'app', ...inputs }
    const env = { GITHUB_WORKSPACE: '/', GITHUB_EVENT_NAME: pullRequest ? 'pull_request' : 'push' }
    return planLines(getSettings(name => given[name] ?? '', env, undefined, pullRequest))
  }

  it('names the commits whose merge base is measured, and the increase limits', () => {
    expect(lines({ 'max-uss-increase': '10%, 8MiB', 'max-pss-increase': '5%' }, PR)).toEqual(
      expect.arrayContaining([
        'Base: the merge base of bbbbbbb and fffffff, measured in turn with the head (6 more runs)',
        'Limits on freeze: max-uss-increase > 10% and > 8 MiB, max-pss-increase > 5%'
      ])
    )
  })

  it('says when an increase limit has nothing to compare with', () => {
    expect(lines({ 'max-uss-increase': '10%' }, null)).toContain(
      "Base: none, this push event has no pull request and input 'baseline' is empty: " +
        'nothing to compare, so no increase is judged'
    )
  })
})

describe('reportPlanLines', () => {
  it('says which files are merged and what judges each leg', () => {
    const inputs: Record<string, string> = {
      mode: 'report',
      'results-glob': 'legs/*/results.json\nextra/results.json',
      'max-uss': '100MiB'
    }
    const settings = getReportSettings(name => inputs[name] ?? '', { GITHUB_WORKSPACE: '/ws' })
    expect(reportPlanLines(settings)).toEqual([
      'Results: legs/*/results.json, extra/results.json in /ws',
      "Limits on each leg's freeze, else its first strategy: max-uss 100.0 MiB",
      'Comment: always, key default'
    ])
  })
})

describe('planLines with a command', () => {
  it('says what will run, when it counts as ready and what load it gets', () => {
    const inputs: Record<string, string> = {
      command: 'gunicorn --preload -w 3 app:app',
      'ready-url': 'http://127.0.0.1:8000/',
      'load-command': 'python3 load.py',
      'load-duration': '30s',
      'sample-interval': '250ms',
      workers: '3',
      repeat: '1'
    }
    const lines = planLines(getSettings(name => inputs[name] ?? '', { GITHUB_WORKSPACE: '/' }))
    expect(lines.slice(0, 4)).toEqual([
      'Command: gunicorn --preload -w 3 app:app',
      'Ready: when http://127.0.0.1:8000/ answers 2xx; load: python3 load.py (for 30s), ' +
        'sampled every 250ms',
      'Runs: 2 (none, freeze × 1), 3 workers expected each, at most 300 s per wait',
      'Directory: /'
    ])
  })

  it('says when there is no load', () => {
    const read = (name: string): string => (name === 'command' ? 'python3 pool.py' : '')
    const lines = planLines(getSettings(read, { GITHUB_WORKSPACE: '/' }))
    expect(lines[1]).toBe("Ready: when the workers' memory settles; load: none (one sample)")
  })
})
