import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { summarize, summarizeParent } from '../src/engine/stats.js'
import { renderReport, type ReportDetail } from '../src/report/markdown.js'
import { renderTerminal } from '../src/report/terminal.js'
import { loadResults, RESULT_FIXTURES } from './fixtures/results/load.js'

const GOLDEN_DIR = fileURLToPath(new URL('./golden/', import.meta.url))
const UPDATE = process.env.UPDATE_GOLDEN === '1'
const DETAILS: ReportDetail[] = ['full', 'compact', 'minimal']

/** Compares with the stored golden file, or rewrites it when UPDATE_GOLDEN=1. */
function expectGolden(file: string, actual: string): void {
  const path = `${GOLDEN_DIR}${file}`
  if (UPDATE) {
    mkdirSync(GOLDEN_DIR, { recursive: true })
    writeFileSync(path, actual)
    return
  }
  if (!existsSync(path)) {
    throw new Error(`missing golden file ${file}: run the tests once with UPDATE_GOLDEN=1`)
  }
  expect(actual).toBe(readFileSync(path, 'utf8'))
}

describe.each(RESULT_FIXTURES)('report for %s', fixture => {
  const results = loadResults(fixture)

  it('summarizes its runs as the engine does', () => {
    for (const strategy of results.strategies) {
      expect(strategy.summary).toEqual(summarize(strategy.runs))
      expect(strategy.parent).toEqual(summarizeParent(strategy.runs))
    }
  })

  it.each(DETAILS)('renders %s Markdown as the golden file', detail => {
    expectGolden(`${fixture}.${detail}.md`, renderReport(results, { detail }))
  })

  it('renders the terminal table as the golden file', () => {
    expectGolden(`${fixture}.txt`, renderTerminal(results))
  })
})
