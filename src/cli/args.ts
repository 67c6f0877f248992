import { parseArgs } from 'node:util'
import { Inputs } from '../constants.js'

/**
 * Action inputs that make no sense here: the token (the CLI never comments), `compare-base` (there
 * is no pull request to take a base from; compare with `--baseline` instead) and `mode` with its
 * `results-glob` (merging a matrix's results is the action's job).
 */
const ACTION_ONLY: readonly string[] = [
  Inputs.GithubToken,
  Inputs.CompareBase,
  Inputs.Mode,
  Inputs.ResultsGlob
]

/** Every other action input is a flag of the same name. */
export const INPUT_FLAGS = Object.values(Inputs).filter(name => !ACTION_ONLY.includes(name))

export const USAGE = `Usage: prefork-memory-check (--entrypoint SPEC | --command LINE) [options]

Measures each process's memory (USS, PSS, RSS) as the kernel counts it in a Python server
that forks workers, under several GC strategies.

Target, one of:
  --entrypoint SPEC          import spec preloaded in the parent, which then forks the
                             workers: pkg.mod[:callable] or path/file.py[:callable]
  --command LINE             a server command line run by /bin/sh, such as
                             "gunicorn --preload -w 4 app:app"; the strategies reach it
                             through a sitecustomize hook on PYTHONPATH

With --entrypoint:
  --worker SPEC              callable each child runs before its full collection
  --iterations N             calls of the worker per child (default 1)
  --python PATH              interpreter to run (default python3)

With --command:
  --ready-url URL            ready once this http(s) URL answers 2xx
  --ready-log REGEX          ready once a line of the command's output matches
                             (default: once the workers' memory settles)
  --load-command LINE        run while the workers serve, such as a script sending requests;
                             PREFORK_MEMORY_CHECK_READY_URL holds --ready-url
  --load-duration DURATION   how long the load lasts; the load command is stopped then
                             (default: until the load command exits)
  --sample-interval DURATION time between samples during the load, 100ms to 1h
                             (default 500ms)

Both:
  --working-directory DIR    where the target runs (default .); an entrypoint's directory
                             is also first on sys.path

Measurement:
  --workers N                children forked, or the workers the command starts,
                             1 to 1024 (default 4)
  --strategies LIST          comma-separated: none, freeze, disable-freeze,
                             collect-freeze (default "none, freeze")
  --repeat N                 runs per strategy, 1 to 100; medians are reported (default 3)
  --timeout DURATION         limit per run (with --command: per wait for the workers or
                             the load command): 500ms, 90s, 5m, 1h (default 5m)

Gate:
  --gate-strategy NAME       strategy the limits judge (default freeze if measured,
                             else the first)
  --max-uss SIZE             limit on the median per-child USS: 150MiB, 1.5GB, bytes
  --max-pss SIZE             limit on the median per-child PSS
  --min-freeze-saving PCT    least per-child USS saving of freeze over none, in percent
  --fail-on-threshold BOOL   false reports a crossed limit and still exits 0 (default true)

Comparison with an earlier run:
  --baseline FILE            a results JSON written earlier (--json); the report shows
                             base, head and the change of every figure
  --max-uss-increase LIMIT   most the median per-child USS may grow over the baseline:
                             10%, 8MiB, or "10%, 8MiB" (fails only when both are exceeded)
  --max-pss-increase LIMIT   the same for the median per-child PSS
  --label TEXT               stored in the results JSON, to tell runs apart

Output:
  --json FILE                write the results JSON
  --markdown FILE            write the Markdown report, verdict included
  -h, --help                 show this help
  --version                  print the version

Accepted for parity with the action, which uses them for its PR comment:
  --comment MODE, --comment-key KEY

Exit status: 0 passed, 1 a limit was crossed, 2 invalid flags or a failed run.
`

export interface CliArgs {
  /** Flag values by input name; absent when not given. */
  inputs: Partial<Record<string, string>>
  json: string | null
  markdown: string | null
  help: boolean
  version: boolean
}

/** A command line that parseArgs rejected: unknown flag, missing value, stray argument. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

export function parseCliArgs(argv: string[]): CliArgs {
  const inputOptions = Object.fromEntries(
    INPUT_FLAGS.map(name => [name, { type: 'string' as const }])
  )
  let values
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        ...inputOptions,
        json: { type: 'string' },
        markdown: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' }
      }
    }).values
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const { json, markdown, help, version, ...inputs } = values
  return {
    inputs: inputs as Partial<Record<string, string>>,
    json: typeof json === 'string' ? json : null,
    markdown: typeof markdown === 'string' ? markdown : null,
    help: help === true,
    version: version === true
  }
}
