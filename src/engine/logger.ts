/** Where the engine writes progress; the action maps it to @actions/core, the CLI to stderr. */
export interface Logger {
  info(message: string): void
  warning(message: string): void
  /** Starts a foldable section; `endGroup` closes it. */
  startGroup(name: string): void
  endGroup(): void
}
