import { spawn } from 'node:child_process'
import { OutputTail } from '../run-failure.js'

/** How a shell ended: an exit code, a signal, or a failure to start at all. */
export interface ShellExit {
  code: number | null
  signal: NodeJS.Signals | null
  error: Error | null
}

/** A command line running under /bin/sh -c, leader of its own process group. */
export interface ShellProcess {
  /** The shell's pid, which is also the group's id; null when it could not start. */
  pid: number | null
  output: OutputTail
  /** Set once the shell has exited; its children may live on. */
  exit: ShellExit | null
  exited: Promise<ShellExit>
  /** Called with every chunk of output as it arrives. */
  onOutput(listener: (chunk: Buffer) => void): void
  /** Stops reading its output; for when everything it started is gone. */
  release(): void
}

export interface ShellOptions {
  cwd: string
  env: NodeJS.ProcessEnv
  /** Bytes of output kept for messages and the log. */
  tailBytes: number
}

/** Starts `command` the way a terminal would: the user's own command line, shell syntax and all. */
export function startShell(command: string, options: ShellOptions): ShellProcess {
  const child = spawn('/bin/sh', ['-c', command], {
    cwd: options.cwd,
    env: options.env,
    // Its own process group, so one signal reaches everything it starts.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const output = new OutputTail(options.tailBytes)
  const listeners: ((chunk: Buffer) => void)[] = []
  const receive = (chunk: Buffer): void => {
    output.push(chunk)
    for (const listener of listeners) listener(chunk)
  }
  child.stdout?.on('data', receive)
  child.stderr?.on('data', receive)

  const shell: ShellProcess = {
    pid: child.pid ?? null,
    output,
    exit: null,
    exited: new Promise(resolve => {
      const settle = (exit: ShellExit): void => {
        if (shell.exit !== null) return
        shell.exit = exit
        resolve(exit)
      }
      // 'exit', not 'close': the workers inherit the pipes and keep them open after the shell ends.
      child.on('exit', (code, signal) => settle({ code, signal, error: null }))
      child.on('error', error => settle({ code: null, signal: null, error }))
    }),
    onOutput: listener => listeners.push(listener),
    release: () => {
      child.stdout?.destroy()
      child.stderr?.destroy()
    }
  }
  return shell
}

/** "exited with code 3", "was killed by SIGKILL", "could not start: …". */
export function describeExit(exit: ShellExit): string {
  if (exit.error) return `could not start: ${exit.error.message}`
  if (exit.signal) return `was killed by ${exit.signal}`
  return `exited with code ${exit.code}`
}
