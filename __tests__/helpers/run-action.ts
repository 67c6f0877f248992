/**
 * Runs the committed bundle as the runner does: inputs as INPUT_* variables, the event payload in a
 * file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as files, GitHub's API at `apiUrl`.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const BUNDLE = join(ROOT, 'dist', 'index.js')

export const REPOSITORY = { owner: 'acme', name: 'shop' }
export const PR_NUMBER = 7

export interface ActionRun {
  status: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  /** The job summary file's content; null when the run had none. */
  summary: string | null
  /** The files the `results` and `report` outputs point at, read before the run's directory goes. */
  files: { results: string | null; report: string | null }
}

export interface RunOptions {
  inputs: Record<string, string>
  apiUrl: string
  event?: 'pull_request' | 'push'
  /** A pull request opened from a fork. */
  fromFork?: boolean
  /** The pull request's base and head commits; placeholders that name no real commit by default. */
  commits?: { base: string; head: string }
  /** GITHUB_WORKSPACE and the directory the action runs in; this repository by default. */
  workspace?: string
  /** Adds or replaces environment variables; undefined removes one. */
  env?: Record<string, string | undefined>
}

/** A `pull_request` payload as GitHub sends it, trimmed to the fields that identify the PR. */
export function pullRequestPayload(
  number = PR_NUMBER,
  fromFork = false,
  commits = { base: 'b'.repeat(40), head: 'f'.repeat(40) }
): object {
  const repo = {
    id: 1,
    name: REPOSITORY.name,
    full_name: `${REPOSITORY.owner}/${REPOSITORY.name}`,
    owner: { login: REPOSITORY.owner, type: 'Organization' }
  }
  const fork = {
    id: 2,
    name: REPOSITORY.name,
    full_name: `stranger/${REPOSITORY.name}`,
    owner: { login: 'stranger', type: 'User' }
  }
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      state: 'open',
      head: { ref: 'feature', sha: commits.head, repo: fromFork ? fork : repo },
      base: { ref: 'main', sha: commits.base, repo }
    },
    repository: repo,
    sender: { login: 'dev', type: 'User' }
  }
}

function pushPayload(): object {
  return {
    ref: 'refs/heads/main',
    before: '0'.repeat(40),
    after: 'a'.repeat(40),
    repository: {
      name: REPOSITORY.name,
      full_name: `${REPOSITORY.owner}/${REPOSITORY.name}`,
      owner: { login: REPOSITORY.owner, name: REPOSITORY.owner }
    }
  }
}

/** The runner's name for an input's variable: `max-uss` is `INPUT_MAX-USS`. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Reads GITHUB_OUTPUT's `name<<delimiter` blocks (and plain `name=value` lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i])
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1)
      outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=')
      outputs[lines[i].slice(0, at)] = lines[i].slice(at + 1)
    }
  }
  return outputs
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'action-e2e-'))
  try {
    const event = options.event ?? 'pull_request'
    const files = {
      event: join(dir, 'event.json'),
      output: join(dir, 'output'),
      summary: join(dir, 'step_summary'),
      temp: join(dir, 'runner_temp')
    }
    const payload =
      event === 'push'
        ? pushPayload()
        : pullRequestPayload(PR_NUMBER, options.fromFork, options.commits)
    const workspace = options.workspace ?? ROOT
    writeFileSync(files.event, JSON.stringify(payload))
    mkdirSync(files.temp)
    writeFileSync(files.output, '')
    writeFileSync(files.summary, '')

    const env: Record<string, string | undefined> = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: files.event,
      GITHUB_REPOSITORY: `${REPOSITORY.owner}/${REPOSITORY.name}`,
      GITHUB_API_URL: options.apiUrl,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '4242',
      GITHUB_WORKFLOW: 'CI',
      GITHUB_JOB: 'memory',
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      RUNNER_TEMP: files.temp,
      ...Object.fromEntries(Object.entries(options.inputs).map(([k, v]) => [inputVariable(k), v])),
      ...options.env
    }
    const child = spawn(process.execPath, [BUNDLE], {
      cwd: workspace,
      env: Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined))
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    const status = await new Promise<number | null>(resolve => child.on('close', resolve))

    const outputs = parseOutputFile(readFileSync(files.output, 'utf8'))
    const read = (path: string | undefined): string | null =>
      path !== undefined && existsSync(path) ? readFileSync(path, 'utf8') : null
    return {
      status,
      stdout,
      stderr,
      outputs,
      summary: read(files.summary),
      files: { results: read(outputs.results), report: read(outputs.report) }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
