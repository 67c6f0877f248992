import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { baselineSide } from '../compare/against-base.js'
import { judgeResults } from '../compare/judge.js'
import { withBase } from '../compare/results.js'
import { MeasureError, measure } from '../engine/measure.js'
import { createProcReader } from '../engine/procfs.js'
import { TOOL } from '../engine/tool.js'
import type { Results, Strategy } from '../engine/types.js'
import { InputError, getSettings } from '../inputs.js'
import { reportBody } from '../publish/report-body.js'
import { changeSentence } from '../report/compare.js'
import { renderTerminal } from '../report/terminal.js'
import { USAGE, UsageError, parseCliArgs } from './args.js'
import { createTerminalLogger } from './logger.js'
import { formatVerdict } from './verdict.js'
import { errorMessage } from '../error-message.js'

export const ExitCode = { Passed: 0, LimitCrossed: 1, Error: 2 } as const

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIO {
  argv: string[]
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
  platform: NodeJS.Platform
  measure: typeof measure
}

/** A message for the user; a stack only for errors that point at a bug in this tool. */
function write(path: string, text: string, flag: string): void {
  try {
    writeFileSync(resolve(path), text)
  } catch (error) {
    throw new Error(`cannot write the --${flag} file ${path}: ${(error as Error).message}`, {
      cause: error
    })
  }
}

/** Why a growth limit was not judged: the CLI compares only with a file. */
const NO_BASELINE = 'there is no baseline to compare with (--baseline FILE)'

/** The comparison with the baseline in a line, for the terminal; '' without one. */
function comparisonLines(results: Results, strategy: Strategy): string {
  const { base, comparison } = results
  if (base?.origin.kind !== 'baseline' || comparison === undefined) return ''
  const sentence = changeSentence(comparison, strategy, results.workers, 'This checkout')
  return `Against the baseline ${base.origin.file}: ${sentence}\n`
}

/** Runs the CLI and returns its exit status. */
export async function cli(io: CliIO): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`error: ${message}\n`)
    return ExitCode.Error
  }

  let args
  try {
    args = parseCliArgs(io.argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.stderr(`error: ${error.message}\n\n${USAGE}`)
    return ExitCode.Error
  }
  if (args.help) {
    io.stdout(USAGE)
    return ExitCode.Passed
  }
  if (args.version) {
    io.stdout(`${TOOL.version}\n`)
    return ExitCode.Passed
  }
  if (io.platform !== 'linux') {
    return fail(`memory is read from /proc, which only Linux has; this system is ${io.platform}.`)
  }

  const refer = (name: string): string => `option --${name}`
  let settings
  try {
    // A relative --working-directory starts where the command runs, not at GITHUB_WORKSPACE.
    const env = { ...io.env, GITHUB_WORKSPACE: process.cwd() }
    settings = getSettings(name => args.inputs[name] ?? '', env, refer)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    return fail(`${error.message}\nRun with --help for the accepted values.`)
  }

  const log = createTerminalLogger(io.stderr)
  const { base: request, regression } = settings
  try {
    const head = await io.measure(settings.measure, { proc: createProcReader(), log, refer })
    const base = request.kind === 'baseline' ? baselineSide(request.file, request.results) : null
    const results = withBase(head, base, settings.label)
    const verdict = judgeResults(results, settings.gate, regression, NO_BASELINE)
    if (args.json) write(args.json, `${JSON.stringify(results, null, 2)}\n`, 'json')
    if (args.markdown) {
      const markdown = reportBody(results, verdict, 'full', settings.gate.strategy)
      write(args.markdown, `${markdown}\n`, 'markdown')
    }
    io.stdout(
      `${renderTerminal(results)}${comparisonLines(results, settings.gate.strategy)}\n` +
        formatVerdict(verdict)
    )
    return verdict.passed || !verdict.enforced ? ExitCode.Passed : ExitCode.LimitCrossed
  } catch (error) {
    // Runs that completed are shown, but not written to --json or --markdown as if they were all.
    if (error instanceof MeasureError && error.partial !== null) {
      io.stdout(`Completed before the failure:\n${renderTerminal(error.partial)}`)
    }
    return fail(errorMessage(error))
  }
}

export async function runCli(): Promise<void> {
  try {
    process.exitCode = await cli({
      argv: process.argv.slice(2),
      stdout: text => process.stdout.write(text),
      stderr: text => process.stderr.write(text),
      env: process.env,
      platform: process.platform,
      measure
    })
  } catch (error) {
    // A bug of ours, not a crossed limit: exit 1 is reserved for the gate.
    process.stderr.write(`error: ${error instanceof Error ? error.stack : String(error)}\n`)
    process.exitCode = ExitCode.Error
  }
}
