import type { CommandTarget, Results, Strategy } from '../src/engine/types.js'
import { MIB } from '../src/report/format.js'
import {
  environmentDetails,
  headline,
  loadChart,
  perChildDetails,
  projectionTable,
  renderReport,
  strategyTable,
  warningsBlock
} from '../src/report/markdown.js'
import { renderTerminal } from '../src/report/terminal.js'
import { loadResults, RESULT_FIXTURES } from './fixtures/results/load.js'

function only(results: Results, ...names: Strategy[]): Results {
  return { ...results, strategies: results.strategies.filter(s => names.includes(s.name)) }
}

/** Cells of a table row: pipes not escaped by an odd run of backslashes. */
function cellCount(row: string): number {
  return (row.match(/(?<!\\)(?:\\\\)*\|/g) ?? []).length - 1
}

describe('headline', () => {
  it('states the freeze saving per child and across the workers', () => {
    expect(headline(loadResults('all-strategies'))).toBe(
      'gc.freeze() cuts per-child USS from 101.3 MiB to 1.1 MiB (\u221298.9%): ' +
        '401 MiB less across 4 workers.'
    )
    // (6,184,960 − 2,306,048) × 4 = 15,515,648 bytes
    expect(headline(loadResults('stdlib-none-freeze'))).toBe(
      'gc.freeze() cuts per-child USS from 5.9 MiB to 2.2 MiB (\u221262.7%): ' +
        '15 MiB less across 4 workers.'
    )
  })

  it('says plainly when freeze makes things worse', () => {
    const results = structuredClone(loadResults('stdlib-none-freeze'))
    results.strategies[0].summary.uss.median = 6 * MIB
    results.strategies[1].summary.uss.median = 7.5 * MIB
    expect(headline(results)).toBe(
      'gc.freeze() does not help here: per-child USS rises from 6.0 MiB to 7.5 MiB (+25.0%), ' +
        '6 MiB more across 4 workers.'
    )
  })

  it('says plainly when freeze makes no real difference', () => {
    expect(headline(loadResults('nasty-names'))).toBe(
      'gc.freeze() makes no real difference here: per-child USS is 812 KiB without it ' +
        'and 816 KiB with it (+0.5%).'
    )
  })

  it('compares with the best freeze-like strategy when freeze was not measured', () => {
    const results = only(loadResults('all-strategies'), 'none', 'disable-freeze', 'collect-freeze')
    // (106,221,568 − 942,080) × 4 = 421,117,952 bytes = 401.6 MiB
    expect(headline(results)).toBe(
      'gc.collect() + gc.freeze() cuts per-child USS from 101.3 MiB to 920 KiB (\u221299.1%): ' +
        '402 MiB less across 4 workers.'
    )
  })

  it('lists per-child USS when there is no baseline', () => {
    const results = only(loadResults('all-strategies'), 'freeze', 'collect-freeze')
    expect(headline(results)).toBe(
      'Without a none baseline there is no saving to report; per-child USS is ' +
        '1.1 MiB with gc.freeze() and 920 KiB with gc.collect() + gc.freeze().'
    )
  })

  it('states per-child USS and tree PSS with N for a single strategy', () => {
    expect(headline(loadResults('single-strategy'))).toBe(
      'With gc.freeze() (freeze), each worker keeps 2.3 MiB private (USS), ' +
        "and the whole tree's PSS is 75.1 MiB with N = 8 workers."
    )
  })
})

describe('tables', () => {
  it('shows N in the PSS header and the change against none in the USS column', () => {
    const [header, , none, freeze] = strategyTable(loadResults('stdlib-none-freeze')).split('\n')
    expect(header).toContain('PSS median (N = 4)')
    expect(none).toBe(
      '| `none` (baseline) | 5.9 MiB | 6.1 MiB | 12.2 MiB | 41.3 MiB | 85.7% | 5.3 MiB | 61.5 MiB |'
    )
    expect(freeze.startsWith('| `freeze` | 2.2 MiB (\u221262.7%) |')).toBe(true)
  })

  it('projects from the measured count without repeating it', () => {
    const table = projectionTable(loadResults('single-strategy'))
    expect(table).toContain(
      '| Strategy | 8 workers (measured) | 16 workers | 32 workers | 64 workers |'
    )
    expect(table).toContain('Linear projection from the 8 workers measured')
  })

  it('lists the parent and every child of the median run, without pids', () => {
    const results = loadResults('stdlib-none-freeze')
    const block = perChildDetails(results)
    expect(block.match(/^\| parent \|/gm)).toHaveLength(2)
    expect(block.match(/^\| child \d \|/gm)).toHaveLength(2 * results.workers)
    const pids = results.strategies.flatMap(s => s.runs.map(r => r.phases['after-work'].parent.pid))
    for (const pid of pids) expect(block).not.toContain(String(pid))
  })

  it.each(RESULT_FIXTURES)('keeps every row of %s at the width of its table', fixture => {
    const lines = renderReport(loadResults(fixture)).split('\n')
    let width = -1
    for (const line of lines) {
      if (!line.startsWith('|')) width = -1
      else if (width === -1) width = cellCount(line)
      else expect(cellCount(line)).toBe(width)
    }
  })
})

describe('user text', () => {
  const report = renderReport(loadResults('nasty-names'))

  it('cannot inject HTML', () => {
    const ours = /<\/?(details|summary|code)>/g
    expect(report.replace(ours, '')).not.toContain('<')
  })

  it('stays inert and on one line in the heading', () => {
    const heading = report.split('\n')[0]
    expect(heading).toBe(
      '### Prefork memory: app\\|&lt;script&gt;alert(1)&lt;/script&gt;\\`x\\`\\*\\_\\[a\\](b)' +
        '&amp;\\$x\\$\\~\\~.py:pre load'
    )
  })
})

describe('renderReport', () => {
  const results = loadResults('single-strategy')
  const full = renderReport(results)
  const compact = renderReport(results, { detail: 'compact' })
  const minimal = renderReport(results, { detail: 'minimal' })

  it('opens with the heading, the headline and the table at every level', () => {
    for (const report of [full, compact, minimal]) {
      expect(
        report.startsWith(
          `### Prefork memory: myapp.wsgi:application\n\n${headline(results)}\n\n| Strategy |`
        )
      ).toBe(true)
    }
  })

  it('drops per-child details, then everything but the table', () => {
    expect(full).toContain(perChildDetails(results))
    expect(compact).not.toContain('Per process')
    expect(compact).toContain(projectionTable(results))
    expect(compact).toContain(environmentDetails(results))
    expect(minimal).toBe(
      `### Prefork memory: myapp.wsgi:application\n\n${headline(results)}\n\n${strategyTable(results)}\n`
    )
    expect(full.length).toBeGreaterThan(compact.length)
  })

  it('warns outside the fold about the incremental collector only when it ran', () => {
    expect(environmentDetails(results).startsWith('> **Warning:** Python 3.14.2')).toBe(true)
    expect(environmentDetails(loadResults('stdlib-none-freeze'))).not.toContain('Warning')
  })
})

describe('renderTerminal', () => {
  it('aligns the table and prints the headline above it', () => {
    const results = loadResults('all-strategies')
    const lines = renderTerminal(results).split('\n')
    expect(lines[1]).toBe(headline(results))
    const table = lines.slice(3, 3 + 1 + results.strategies.length)
    expect(table[0].startsWith('strategy ')).toBe(true)
    expect(new Set(table.map(line => line.length)).size).toBe(1)
    expect(table[1]).toMatch(/^none +101\.3 MiB +157\.0 MiB/)
  })

  it('prints control characters in user text as "?"', () => {
    const [first] = renderTerminal(loadResults('nasty-names')).split('\n')
    expect(first).toBe('Prefork memory: app|<script>alert(1)</script>`x`*_[a](b)&$x$~~.py:pre?load')
  })
})

describe('a command target', () => {
  const gunicorn = loadResults('gunicorn-command')
  const cFork = loadResults('c-fork-command')

  it('speaks of workers and the load instead of children and work', () => {
    expect(headline(gunicorn)).toBe(
      'gc.freeze() cuts per-worker USS from 39.6 MiB to 5.0 MiB (\u221287.5%): ' +
        '104 MiB less across 3 workers.'
    )
    expect(strategyTable(gunicorn)).toContain(
      'CoW loss = USS growth from ready (before the load) to after the load; tree PSS = master + 3 workers.'
    )
  })

  it('draws the chart under the table, and none for an entrypoint', () => {
    const report = renderReport(gunicorn)
    const chart = loadChart(gunicorn) as string
    expect(chart).toMatch(/^```mermaid\n/)
    expect(report.indexOf(strategyTable(gunicorn))).toBeLessThan(report.indexOf(chart))
    expect(renderReport(gunicorn, { detail: 'minimal' })).not.toContain('```mermaid')
    expect(loadChart(loadResults('stdlib-none-freeze'))).toBeNull()
  })

  it('opens with the warnings, escaped', () => {
    const hostile = { ...cFork, warnings: ['x|<img src=y>', 'second'] }
    expect(warningsBlock(hostile)).toBe('> [!WARNING]\n> x\\|&lt;img src=y&gt;\n>\n> second')
    expect(renderReport(hostile, { detail: 'minimal' }).split('\n\n')[1]).toBe(
      warningsBlock(hostile)
    )
    expect(warningsBlock(gunicorn)).toBeNull()
    // Files from before command mode have no warnings at all.
    expect(warningsBlock({ ...gunicorn, warnings: undefined })).toBeNull()
  })

  it('titles a long command line by its start and shows it whole in the details', () => {
    const command = `gunicorn --preload ${'--log-level debug '.repeat(10)}app:app`
    const long = { ...gunicorn, target: { ...(gunicorn.target as CommandTarget), command } }
    const heading = renderReport(long).split('\n')[0]
    expect(heading).toBe(
      `### Prefork memory: ${command.slice(0, 79).trimEnd()}…`.replace(/_/g, '\\_')
    )
    expect(environmentDetails(long)).toContain(`- **Command:** ${command}`)
  })

  it('names the interpreter the hook saw, or says it saw none', () => {
    expect(environmentDetails(gunicorn)).toContain(
      '- **Python:** 3.11.2 (CPython, GIL build) at /usr/bin/python3, as the strategy hook saw it in the master'
    )
    const unseen = structuredClone(cFork)
    for (const run of unseen.strategies.flatMap(s => s.runs)) {
      if (run.command) run.command.python = null
    }
    expect(environmentDetails(unseen)).toContain(
      '- **Python:** not seen: the strategy hook loaded in no master'
    )
  })
})
