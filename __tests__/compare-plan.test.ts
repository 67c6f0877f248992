import { planComparedRuns } from '../src/compare/plan.js'

describe('planComparedRuns', () => {
  it('alternates base and head for every strategy, repeat after repeat', () => {
    expect(planComparedRuns(['none', 'freeze'], 2)).toEqual([
      { index: 0, side: 'base', strategy: 'none', repeat: 0 },
      { index: 1, side: 'head', strategy: 'none', repeat: 0 },
      { index: 2, side: 'base', strategy: 'freeze', repeat: 0 },
      { index: 3, side: 'head', strategy: 'freeze', repeat: 0 },
      { index: 4, side: 'base', strategy: 'none', repeat: 1 },
      { index: 5, side: 'head', strategy: 'none', repeat: 1 },
      { index: 6, side: 'base', strategy: 'freeze', repeat: 1 },
      { index: 7, side: 'head', strategy: 'freeze', repeat: 1 }
    ])
  })

  it.each([
    [['freeze'] as const, 1, 2],
    [['none', 'freeze', 'disable-freeze', 'collect-freeze'] as const, 3, 24],
    [['freeze'] as const, 0, 0]
  ])(
    'plans %j × %i repeats as %i runs, each side and strategy repeat times',
    (strategies, repeat, total) => {
      const plan = planComparedRuns(strategies, repeat)
      expect(plan).toHaveLength(total)
      expect(plan.map(run => run.index)).toEqual([...Array(total).keys()])
      for (const strategy of strategies) {
        for (const side of ['base', 'head']) {
          const runs = plan.filter(run => run.strategy === strategy && run.side === side)
          expect(runs.map(run => run.repeat)).toEqual([...Array(repeat).keys()])
        }
      }
      // Never two runs of one side in a row.
      plan.slice(1).forEach((run, i) => expect(run.side).not.toBe(plan[i].side))
    }
  )
})
