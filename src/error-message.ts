/**
 * The message for an error that ends a run. A TypeError or ReferenceError is a bug here, not the
 * user's: its stack is kept for the report.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof TypeError || error instanceof ReferenceError) return String(error.stack)
  return error instanceof Error ? error.message : String(error)
}
