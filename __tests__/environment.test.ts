import {
  buildEnvironment,
  parseTransparentHugepages,
  readEnvironmentSources,
  runnerName
} from '../src/engine/environment.js'
import type { PythonProbe } from '../src/engine/python.js'

const python: PythonProbe = {
  executable: '/usr/bin/python3',
  version: '3.11.2',
  implementation: 'CPython',
  freeThreaded: false,
  incrementalGc: false,
  pageSize: 16384
}

describe('parseTransparentHugepages', () => {
  it('takes the bracketed choice', () => {
    expect(parseTransparentHugepages('always [madvise] never\n')).toBe('madvise')
    expect(parseTransparentHugepages('[always] madvise never\n')).toBe('always')
  })

  it('says unknown when the setting cannot be read', () => {
    expect(parseTransparentHugepages(null)).toBe('unknown')
    expect(parseTransparentHugepages('')).toBe('unknown')
  })
})

describe('runnerName', () => {
  it('names the image and architecture on GitHub Actions', () => {
    const env = { GITHUB_ACTIONS: 'true', ImageOS: 'ubuntu24', RUNNER_ARCH: 'X64' }
    expect(runnerName(env)).toBe('github-actions (ubuntu24, X64)')
  })

  it('says local anywhere else', () => {
    expect(runnerName({ ImageOS: 'ubuntu24' })).toBe('local')
  })
})

describe('buildEnvironment', () => {
  const sources = {
    env: {},
    kernel: '6.8.0-1017-azure',
    thp: 'always [madvise] never',
    cpus: 4,
    gitHead: 'a'.repeat(40),
    now: new Date('2025-01-02T03:04:05Z')
  }

  it('stamps the interpreter, kernel, page size and machine', () => {
    expect(buildEnvironment(python, sources)).toEqual({
      python: {
        executable: '/usr/bin/python3',
        version: '3.11.2',
        implementation: 'CPython',
        freeThreaded: false,
        incrementalGc: false
      },
      kernel: '6.8.0-1017-azure',
      pageSize: 16384,
      transparentHugepages: 'madvise',
      cpus: 4,
      runner: 'local',
      gitSha: 'a'.repeat(40),
      timestamp: '2025-01-02T03:04:05.000Z'
    })
  })

  it('prefers GITHUB_SHA to the working tree HEAD', () => {
    const env = { GITHUB_SHA: 'b'.repeat(40) }
    expect(buildEnvironment(python, { ...sources, env }).gitSha).toBe('b'.repeat(40))
  })

  it('has no SHA outside a repository', () => {
    expect(buildEnvironment(python, { ...sources, gitHead: null }).gitSha).toBeNull()
  })
})

describe('readEnvironmentSources', () => {
  it('reads this machine', () => {
    const sources = readEnvironmentSources('/')
    expect(sources.kernel).not.toBe('')
    expect(sources.cpus).toBeGreaterThan(0)
  })
})
