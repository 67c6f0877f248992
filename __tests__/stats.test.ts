import { planRuns } from '../src/engine/measure.js'
import {
  cowLosses,
  maximum,
  median,
  minimum,
  spread,
  summarize,
  summarizeParent
} from '../src/engine/stats.js'
import type { ChildSample, MemorySample, Run } from '../src/engine/types.js'

const MiB = 2 ** 20

function memory(pid: number, uss: number, pss = uss, rss = uss): MemorySample {
  return {
    pid,
    rss,
    pss,
    uss,
    sharedClean: 0,
    sharedDirty: 0,
    anonymous: 0,
    swap: 0,
    minorFaults: 0,
    source: 'smaps_rollup'
  }
}

function child(pid: number, uss: number, pss = uss, rss = uss): ChildSample {
  return {
    ...memory(pid, uss, pss, rss),
    gc: { freezeCount: 0, enabled: true, collections: [0, 0, 1] }
  }
}

/** A run whose children start at `forked` USS and end at the given after-work USS figures. */
function run(index: number, forked: number, afterWork: number[], parentPss = 10 * MiB): Run {
  const pids = afterWork.map((_, i) => 100 * (index + 1) + i)
  return {
    index,
    repeat: index,
    durationMs: 1000,
    phases: {
      'after-fork': { parent: memory(1, 5 * MiB), children: pids.map(pid => child(pid, forked)) },
      'after-work': {
        parent: memory(1, 6 * MiB + index, parentPss, 50 * MiB),
        children: pids.map((pid, i) => child(pid, afterWork[i], afterWork[i] / 2, afterWork[i] * 4))
      }
    }
  }
}

describe('median', () => {
  it('takes the middle of an odd count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3)
  })

  it('takes the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([7, 7])).toBe(7)
  })

  it('refuses an empty list instead of inventing a figure', () => {
    expect(() => median([])).toThrow('median of no values')
  })
})

describe('spread', () => {
  it('takes the median of per-run medians and the extreme single children', () => {
    expect(
      spread([
        [1, 2, 9],
        [4, 5, 6],
        [0, 7, 8]
      ])
    ).toEqual({ median: 5, min: 0, max: 9 })
  })

  it('finds extremes with min and max helpers', () => {
    expect(minimum([3, -1, 2])).toBe(-1)
    expect(maximum([3, -1, 2])).toBe(3)
  })
})

describe('summarize', () => {
  const runs = [
    run(0, 1 * MiB, [10 * MiB, 12 * MiB]),
    run(1, 1 * MiB, [20 * MiB, 30 * MiB], 40 * MiB)
  ]

  it('summarizes per child at after-work, median over runs of each run median', () => {
    const summary = summarize(runs)
    expect(summary.uss).toEqual({ median: 18 * MiB, min: 10 * MiB, max: 30 * MiB })
    expect(summary.pss).toEqual({ median: 9 * MiB, min: 5 * MiB, max: 15 * MiB })
    expect(summary.rss).toEqual({ median: 72 * MiB, min: 40 * MiB, max: 120 * MiB })
  })

  it('charges each child its own after-work minus after-fork USS as CoW loss', () => {
    expect(cowLosses(runs[0])).toEqual([9 * MiB, 11 * MiB])
    expect(summarize(runs).cowLoss).toEqual({ median: 17 * MiB, min: 9 * MiB, max: 29 * MiB })
  })

  it('adds the parent PSS to every child PSS for the tree, median over runs', () => {
    // Run 0: 10 + 5 + 6 = 21 MiB; run 1: 40 + 10 + 15 = 65 MiB.
    expect(summarize(runs).treePss).toBe(43 * MiB)
  })

  it('takes the parent median of each figure', () => {
    expect(summarizeParent(runs)).toEqual({ uss: 6 * MiB + 0.5, pss: 25 * MiB, rss: 50 * MiB })
  })

  it('refuses a child missing from after-fork', () => {
    const broken = run(0, MiB, [MiB])
    broken.phases['after-fork'].children = []
    expect(() => cowLosses(broken)).toThrow('has no after-fork sample')
  })
})

describe('planRuns', () => {
  it('interleaves strategies repeat by repeat so drift hits each alike', () => {
    expect(
      planRuns(['none', 'freeze'], 3).map(r => `${r.index}:${r.strategy}#${r.repeat}`)
    ).toEqual(['0:none#0', '1:freeze#0', '2:none#1', '3:freeze#1', '4:none#2', '5:freeze#2'])
  })

  it('plans one run per strategy for a single repeat', () => {
    expect(planRuns(['freeze', 'disable-freeze', 'collect-freeze'], 1)).toHaveLength(3)
  })
})
