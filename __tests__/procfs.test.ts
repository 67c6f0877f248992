import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  ProcessGoneError,
  createProcReader,
  parseMinorFaults,
  parseSmaps,
  parseState
} from '../src/engine/procfs.js'
import { createProcessTable, parseStatLine, subtree } from '../src/engine/process-table.js'

const fixtures = join(import.meta.dirname, 'fixtures', 'proc')
const KiB = 1024

describe('parseSmaps', () => {
  it('reads a real smaps_rollup in bytes', () => {
    const totals = parseSmaps(readFileSync(join(fixtures, '4242', 'smaps_rollup'), 'latin1'))
    expect(totals.get('Rss')).toBe(30216 * KiB)
    expect(totals.get('Pss')).toBe(28798 * KiB)
    expect(totals.get('Private_Clean')).toBe(5000 * KiB)
    expect(totals.get('Private_Dirty')).toBe(23560 * KiB)
  })

  it('sums every mapping of a real smaps to the rollup of the same moment', () => {
    const rollup = parseSmaps(readFileSync(join(fixtures, '4242', 'smaps_rollup'), 'latin1'))
    const summed = parseSmaps(readFileSync(join(fixtures, '4242', 'smaps'), 'latin1'))
    for (const key of ['Rss', 'Private_Dirty', 'Anonymous']) {
      expect([key, summed.get(key)]).toEqual([key, rollup.get(key)])
    }
    // File pages (libc and friends) move between private and shared as other processes map them:
    // the reader that captured smaps mapped them too. Their sum stays put.
    const clean = (t: Map<string, number>) =>
      (t.get('Private_Clean') ?? 0) + (t.get('Shared_Clean') ?? 0)
    expect(clean(summed)).toBe(clean(rollup))
    // The rollup keeps PSS's fractions until the end; per-mapping kB values round each mapping down.
    expect(Math.abs((summed.get('Pss') ?? 0) - (rollup.get('Pss') ?? 0))).toBeLessThan(200 * KiB)
  })

  it('ignores header and flag lines', () => {
    const text =
      '55d0-7ffd ---p 00000000 00:00 0 [rollup]\nRss: 8 kB\nVmFlags: rd wr mr\nTHPeligible: 0\n'
    expect([...parseSmaps(text)]).toEqual([['Rss', 8 * KiB]])
  })
})

describe('stat fields', () => {
  it('reads minor faults after a command name with spaces and parentheses', () => {
    const stat = '77 (a) b (c)) S 12 77 77 0 -1 4194304 5150 0 0 0 3 1 0 0 20 0 1 0 100 1000 200'
    expect(parseMinorFaults(stat)).toBe(5150)
  })

  it('reads the state of a process blocked in a read', () => {
    expect(parseState('77 (a) b (c)) S 12 77 77 0 -1')).toBe('S')
    expect(createProcReader(fixtures).state(4242)).toBe('S')
  })

  it('reads the real stat fixture', () => {
    const stat = readFileSync(join(fixtures, '4242', 'stat'), 'latin1')
    expect(parseMinorFaults(stat)).toBe(7032)
    expect(parseStatLine(4242, stat).ppid).toBe(5537)
  })
})

describe('createProcReader on fixtures', () => {
  const reader = createProcReader(fixtures)

  it('prefers smaps_rollup and counts USS as private clean + dirty + hugetlb', () => {
    const sample = reader.sample(4242)
    expect(sample.source).toBe('smaps_rollup')
    expect(sample.uss).toBe((5000 + 23560) * KiB)
    expect(sample.rss).toBe(30216 * KiB)
    expect(sample.minorFaults).toBe(7032)
  })

  it('falls back to summing smaps when the rollup is missing', () => {
    const sample = reader.sample(4343)
    expect(sample.source).toBe('smaps')
    expect(sample.uss).toBe((4992 + 23560) * KiB)
  })

  it('reports a process that is gone', () => {
    expect(() => reader.sample(999999)).toThrow(ProcessGoneError)
  })
})

describe('the process table on the live /proc', () => {
  const table = createProcessTable()
  const below = (pid: number): number[] =>
    subtree(table.list(), pid)
      .slice(1)
      .map(e => e.pid)

  it('lists children and grandchildren', async () => {
    const shell = spawn('sh', ['-c', 'sleep 30 & sleep 30 & sh -c "sleep 30" & wait'], {
      stdio: 'ignore'
    })
    try {
      let found: number[] = []
      for (let i = 0; i < 50 && found.length < 4; i++) {
        await new Promise(resolve => setTimeout(resolve, 20))
        found = below(shell.pid as number)
      }
      const names = found.map(pid => readFileSync(`/proc/${pid}/comm`, 'latin1').trim()).sort()
      expect(names).toEqual(['sh', 'sleep', 'sleep', 'sleep'])
    } finally {
      for (const pid of below(shell.pid as number)) process.kill(pid, 'SIGKILL')
      shell.kill('SIGKILL')
    }
  })
})

describe('createProcReader on the live /proc', () => {
  const reader = createProcReader()

  it('agrees with the kernel status line for this process', () => {
    const sample = reader.sample(process.pid)
    const status = readFileSync('/proc/self/status', 'latin1')
    const vmRss = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]) * KiB
    expect(sample.source).toBe('smaps_rollup')
    expect(sample.uss).toBeGreaterThan(0)
    expect(sample.uss).toBeLessThanOrEqual(sample.rss)
    expect(Math.abs(sample.rss - vmRss) / vmRss).toBeLessThan(0.05)
  })
})
