/** Input and output names: the action's public contract, also the CLI's flag names. */
export const Inputs = {
  Entrypoint: 'entrypoint',
  Worker: 'worker',
  Iterations: 'iterations',
  Command: 'command',
  ReadyUrl: 'ready-url',
  ReadyLog: 'ready-log',
  LoadCommand: 'load-command',
  LoadDuration: 'load-duration',
  SampleInterval: 'sample-interval',
  Workers: 'workers',
  Strategies: 'strategies',
  Repeat: 'repeat',
  Python: 'python',
  WorkingDirectory: 'working-directory',
  Timeout: 'timeout',
  GateStrategy: 'gate-strategy',
  MaxUss: 'max-uss',
  MaxPss: 'max-pss',
  MinFreezeSaving: 'min-freeze-saving',
  MaxUssIncrease: 'max-uss-increase',
  MaxPssIncrease: 'max-pss-increase',
  CompareBase: 'compare-base',
  Baseline: 'baseline',
  Label: 'label',
  Mode: 'mode',
  ResultsGlob: 'results-glob',
  FailOnThreshold: 'fail-on-threshold',
  Comment: 'comment',
  CommentKey: 'comment-key',
  GithubToken: 'github-token'
} as const

export const Outputs = {
  Results: 'results',
  Report: 'report',
  CommentBody: 'comment-body',
  Verdict: 'verdict',
  /** Suffixed with the strategy name: `uss-freeze`. */
  UssPrefix: 'uss-',
  FreezeSaving: 'freeze-saving',
  UssIncrease: 'uss-increase',
  BaseSha: 'base-sha',
  CommentUrl: 'comment-url'
} as const
