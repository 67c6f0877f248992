import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { availableParallelism, release } from 'node:os'
import type { PythonProbe } from './python.js'
import type { Environment } from './types.js'

const THP_SETTING = '/sys/kernel/mm/transparent_hugepage/enabled'

/** What the stamp is made of, gathered by `readEnvironmentSources` or given by tests. */
export interface EnvironmentSources {
  env: NodeJS.ProcessEnv
  kernel: string
  /** Contents of the THP setting file, or null when it cannot be read. */
  thp: string | null
  cpus: number
  /** `git rev-parse HEAD` in the working directory, or null outside a repository. */
  gitHead: string | null
  now: Date
}

/** The bracketed choice of `always [madvise] never`, or "unknown". */
export function parseTransparentHugepages(text: string | null): string {
  return /\[([^\]]+)\]/.exec(text ?? '')?.[1] ?? 'unknown'
}

export function runnerName(env: NodeJS.ProcessEnv): string {
  if (env.GITHUB_ACTIONS !== 'true') return 'local'
  return `github-actions (${env.ImageOS || 'unknown image'}, ${env.RUNNER_ARCH || 'unknown arch'})`
}

export function buildEnvironment(python: PythonProbe, sources: EnvironmentSources): Environment {
  return {
    python: {
      executable: python.executable,
      version: python.version,
      implementation: python.implementation,
      freeThreaded: python.freeThreaded,
      incrementalGc: python.incrementalGc
    },
    kernel: sources.kernel,
    pageSize: python.pageSize,
    transparentHugepages: parseTransparentHugepages(sources.thp),
    cpus: sources.cpus,
    runner: runnerName(sources.env),
    // The measured tree's own HEAD: a custom `ref:`, a second checkout or a worktree differs from
    // the commit the workflow ran for. GITHUB_SHA only stands in outside a repository.
    gitSha: sources.gitHead ?? (sources.env.GITHUB_SHA || null),
    timestamp: sources.now.toISOString()
  }
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

function gitHead(workingDirectory: string): string | null {
  try {
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: workingDirectory,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000
    }).trim()
    return /^[0-9a-f]{40,64}$/.test(sha) ? sha : null
  } catch {
    return null // not a repository, no commits yet, or no git
  }
}

export function readEnvironmentSources(workingDirectory: string): EnvironmentSources {
  return {
    env: process.env,
    kernel: release(),
    thp: readOrNull(THP_SETTING),
    cpus: availableParallelism(),
    gitHead: gitHead(workingDirectory),
    now: new Date()
  }
}
