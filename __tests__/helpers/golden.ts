import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const GOLDEN_DIR = fileURLToPath(new URL('../golden/', import.meta.url))

/** Compares with the stored golden file, or rewrites it when UPDATE_GOLDEN=1. */
export function expectGolden(file: string, actual: string): void {
  const path = `${GOLDEN_DIR}${file}`
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true })
    writeFileSync(path, actual)
    return
  }
  if (!existsSync(path)) {
    throw new Error(`missing golden file ${file}: run the tests once with UPDATE_GOLDEN=1`)
  }
  expect(actual).toBe(readFileSync(path, 'utf8'))
}
