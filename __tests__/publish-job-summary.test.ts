import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Logger } from '../src/engine/logger.js'
import { judge } from '../src/gate.js'
import {
  SUMMARY_SIZE,
  composeSummary,
  errorSummary,
  writeJobSummary
} from '../src/publish/job-summary.js'
import { resultsReport } from '../src/publish/report-body.js'
import { loadResults } from './fixtures/results/load.js'
import { withWorkers } from './helpers/big-results.js'

function recorder(): Logger & { warnings: string[] } {
  const warnings: string[] = []
  return {
    warnings,
    info: () => undefined,
    warning: message => warnings.push(message),
    startGroup: () => undefined,
    endGroup: () => undefined
  }
}

const gate = {
  strategy: 'freeze' as const,
  maxUss: 1024,
  maxPss: null,
  minFreezeSaving: null,
  failOnThreshold: true
}

describe('composeSummary', () => {
  it('holds the verdict and the full report, with no marker', () => {
    const results = loadResults('stdlib-none-freeze')
    const { text, detail } = composeSummary(resultsReport(results, judge(results, gate)))
    expect(detail).toBe('full')
    expect(text.startsWith('### ❌ Prefork memory:')).toBe(true)
    expect(text).toContain('Per process: <code>freeze</code>')
    expect(text).not.toContain('<!--')
  })

  it("stays under GitHub's 1 MiB by dropping the per-process tables", () => {
    const results = withWorkers(loadResults('all-strategies'), 6000)
    const { text, detail } = composeSummary(resultsReport(results, judge(results, gate)))
    expect(detail).toBe('compact')
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(SUMMARY_SIZE.max)
    expect(text).toContain("The full report is in the action's `report` output file.")
  })
})

describe('writeJobSummary', () => {
  it('appends to the step summary file', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'summary-')), 'step_summary')
    writeFileSync(path, 'earlier\n')
    expect(writeJobSummary('ours\n', { GITHUB_STEP_SUMMARY: path }, recorder())).toBe(true)
    expect(readFileSync(path, 'utf8')).toBe('earlier\nours\n')
  })

  it('warns instead of failing when GITHUB_STEP_SUMMARY is missing', () => {
    const log = recorder()
    expect(writeJobSummary('ours', {}, log)).toBe(false)
    expect(log.warnings).toEqual([
      'GITHUB_STEP_SUMMARY is not set, so no job summary was written; the report is in the `report` output.'
    ])
  })

  it('warns when the file cannot be written', () => {
    const log = recorder()
    expect(writeJobSummary('ours', { GITHUB_STEP_SUMMARY: '/nonexistent/dir/summary' }, log)).toBe(
      false
    )
    expect(log.warnings[0]).toMatch(
      /^Could not write the job summary to \/nonexistent\/dir\/summary: ENOENT/
    )
  })
})

describe('errorSummary', () => {
  it('fences the message so backticks in it cannot close the block', () => {
    const summary = errorSummary('Traceback:\n```\nboom\n````')
    expect(summary).toBe(
      '### ❌ Prefork memory: no results\n\n`````\nTraceback:\n```\nboom\n````\n`````\n'
    )
  })
})
