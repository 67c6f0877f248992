/** Stamped into every results file; kept in step with package.json by the release that bumps it. */
export const TOOL = { name: 'prefork-memory-check', version: '0.1.0' } as const
