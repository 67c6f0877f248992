// Builds the two committed bundles and ships the Python harness beside them.
import { execFileSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, rmSync } from 'node:fs'

const NCC_FLAGS = ['--target', 'es2022', '--license', 'licenses.txt', '--quiet']

function ncc(entry, outDir) {
  execFileSync('npx', ['ncc', 'build', entry, '-o', outDir, ...NCC_FLAGS], { stdio: 'inherit' })
}

rmSync('dist', { recursive: true, force: true })
ncc('src/index.ts', 'dist')
ncc('src/cli/index.ts', 'dist/cli')
copyFileSync('src/harness/harness.py', 'dist/harness.py')
// The hook's folder goes first on a server's PYTHONPATH, so it holds nothing else.
mkdirSync('dist/hook')
copyFileSync('src/harness/hook/sitecustomize.py', 'dist/hook/sitecustomize.py')
chmodSync('dist/cli/index.js', 0o755)
