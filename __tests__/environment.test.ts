import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, release, tmpdir } from 'node:os'
import { join } from 'node:path'
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

  it('prefers the working tree HEAD to GITHUB_SHA, which may name another checkout', () => {
    const env = { GITHUB_SHA: 'b'.repeat(40) }
    expect(buildEnvironment(python, { ...sources, env }).gitSha).toBe('a'.repeat(40))
  })

  it('falls back to GITHUB_SHA outside a repository', () => {
    const env = { GITHUB_SHA: 'b'.repeat(40) }
    expect(buildEnvironment(python, { ...sources, env, gitHead: null }).gitSha).toBe('b'.repeat(40))
  })

  it('has no SHA outside a repository and off GitHub Actions', () => {
    expect(buildEnvironment(python, { ...sources, gitHead: null }).gitSha).toBeNull()
    const env = { GITHUB_SHA: '' }
    expect(buildEnvironment(python, { ...sources, env, gitHead: null }).gitSha).toBeNull()
  })
})

describe('readEnvironmentSources', () => {
  it('reads the kernel, the THP setting and the CPU count of this machine', () => {
    const sources = readEnvironmentSources(tmpdir())
    expect(sources.kernel).toBe(release())
    expect(sources.cpus).toBe(availableParallelism())
    const thp = readOrNull('/sys/kernel/mm/transparent_hugepage/enabled')
    expect(sources.thp).toBe(thp)
    if (thp !== null)
      expect(['always', 'madvise', 'never']).toContain(parseTransparentHugepages(thp))
  })

  it("reads the working directory's HEAD, not GITHUB_SHA", () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-git-'))
    try {
      const git = (...args: string[]): string =>
        execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim()
      git('init', '-q')
      git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '--allow-empty', '-m', 'x')
      const head = git('rev-parse', 'HEAD')
      expect(head).toMatch(/^[0-9a-f]{40}$/)
      const saved = process.env.GITHUB_SHA
      process.env.GITHUB_SHA = 'b'.repeat(40)
      try {
        expect(readEnvironmentSources(dir).gitHead).toBe(head)
      } finally {
        if (saved === undefined) delete process.env.GITHUB_SHA
        else process.env.GITHUB_SHA = saved
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('has no HEAD outside a repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-nogit-'))
    try {
      expect(readEnvironmentSources(dir).gitHead).toBeNull()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}
