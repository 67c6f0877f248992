import { hasIncrementalGc, parseProbe, probePython } from '../src/engine/python.js'

function probeOutput(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    version: '3.12.4',
    versionInfo: [3, 12, 4],
    implementation: 'CPython',
    executable: '/usr/bin/python3.12',
    freeThreaded: false,
    gcFreeze: true,
    pageSize: 4096,
    ...overrides
  })
}

describe('parseProbe', () => {
  it('keeps what the results stamp needs', () => {
    expect(parseProbe('python3', probeOutput())).toEqual({
      executable: '/usr/bin/python3.12',
      version: '3.12.4',
      implementation: 'CPython',
      freeThreaded: false,
      incrementalGc: false,
      pageSize: 4096
    })
  })

  it('rejects Python 2 naming the input and the fix', () => {
    const py2 = probeOutput({ version: '2.7.18', versionInfo: [2, 7, 18] })
    expect(() => parseProbe('python2', py2)).toThrow(
      /Input 'python' is 'python2', which runs Python 2\.7\.18; .* 3\.7 or newer .*actions\/setup-python/
    )
  })

  it('rejects 3.6, which has no gc.freeze', () => {
    const old = probeOutput({ version: '3.6.15', versionInfo: [3, 6, 15], gcFreeze: false })
    expect(() => parseProbe('python3.6', old)).toThrow(/runs Python 3\.6\.15; .*3\.7 or newer/)
  })

  it('rejects an interpreter whose gc has no freeze', () => {
    const pypy = probeOutput({ implementation: 'PyPy', version: '3.10.14', gcFreeze: false })
    expect(() => parseProbe('pypy3', pypy)).toThrow(/PyPy 3\.10\.14, whose gc module has no freeze/)
  })

  it('rejects output that is not the probe answer', () => {
    expect(() => parseProbe('ls', 'README.md\n')).toThrow(/Input 'python' is 'ls', which printed/)
  })
})

describe('hasIncrementalGc', () => {
  it.each([
    ['CPython', [3, 14, 0], true],
    ['CPython', [3, 14, 4], true],
    ['CPython', [3, 14, 5], false],
    ['CPython', [3, 13, 2], false],
    ['PyPy', [3, 14, 0], false]
  ])('%s %j -> %s', (implementation, version, expected) => {
    expect(hasIncrementalGc(implementation as string, version as number[])).toBe(expected)
  })
})

describe('probePython', () => {
  it('reads the real python3', async () => {
    const probe = await probePython('python3', process.cwd())
    expect(probe.implementation).toBe('CPython')
    expect(probe.version).toMatch(/^3\.\d+\.\d+/)
    expect(probe.executable).toMatch(/python/)
    expect(probe.pageSize).toBeGreaterThanOrEqual(4096)
  })

  it('names the input and the fix when the interpreter is missing', async () => {
    await expect(probePython('python-does-not-exist', process.cwd())).rejects.toThrow(
      "Input 'python' is 'python-does-not-exist', which was not found on PATH. Install Python 3.7"
    )
  })
})
