import { spawn } from 'node:child_process'
import { existsSync, realpathSync } from 'node:fs'
import { constants } from 'node:os'
import { dirname, join } from 'node:path'

/** What one git command printed and how it ended. */
export interface GitOutput {
  exitCode: number
  stdout: string
  stderr: string
}

/** Runs git in one repository; the only way this project touches git. */
export interface Git {
  /** The directory every command runs in. */
  readonly directory: string
  /** Runs git with `args`; resolves whatever the exit code, rejects only when git cannot start. */
  exec(args: readonly string[]): Promise<GitOutput>
}

/** Git exited non-zero; the message carries the command and git's own words. */
export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number,
    readonly stderr: string
  ) {
    const said = stderr.trim()
    super(`git ${args.join(' ')} exited with ${exitCode}${said === '' ? '' : `: ${said}`}`)
    this.name = 'GitError'
  }
}

/** Runs git and returns its stdout without the final newline; throws GitError on a non-zero exit. */
export async function runGit(git: Git, args: readonly string[]): Promise<string> {
  const output = await git.exec(args)
  if (output.exitCode !== 0) throw new GitError(args, output.exitCode, output.stderr)
  return output.stdout.replace(/\r?\n$/, '')
}

/** The nearest directory from `directory` up that holds `.git`: the checkout's top. */
export function checkoutTop(directory: string): string | null {
  let dir: string
  try {
    dir = realpathSync(directory)
  } catch {
    return null
  }
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir
    const parent = dirname(dir)
    if (parent === dir) return null
    dir = parent
  }
}

/**
 * Git in `directory`, started without a shell so no argument is ever interpreted. Prompts are off:
 * on a runner nobody can type a password, and a fetch must fail rather than wait forever. The
 * checkout is marked safe: in a container job it belongs to another user than the one running
 * git, which git otherwise refuses ("dubious ownership"), and it is the code this job measures.
 */
export function createGit(directory: string, env: NodeJS.ProcessEnv = process.env): Git {
  const childEnv = { ...env, GIT_TERMINAL_PROMPT: '0' }
  const top = checkoutTop(directory)
  const safe = top === null ? [] : ['-c', `safe.directory=${top}`]
  return {
    directory,
    exec: args =>
      new Promise((resolve, reject) => {
        const child = spawn('git', [...safe, ...args], {
          cwd: directory,
          env: childEnv,
          stdio: ['ignore', 'pipe', 'pipe']
        })
        const stdout: Buffer[] = []
        const stderr: Buffer[] = []
        child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
        child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
        child.on('error', error =>
          reject(new Error(`Could not run git in ${directory}: ${error.message}`, { cause: error }))
        )
        child.on('close', (code, signal) =>
          resolve({
            // A signal has no exit code; 128 + its number is what a shell would report.
            exitCode: code ?? 128 + (signal === null ? 0 : constants.signals[signal]),
            stdout: Buffer.concat(stdout).toString('utf8'),
            stderr: Buffer.concat(stderr).toString('utf8')
          })
        )
      })
  }
}
