/**
 * The small logging surface core logic needs. main.ts passes one backed by @actions/core; tests
 * pass a recording one. Keeps src/logs, src/partitions and src/table free of @actions/* imports.
 */
export interface Logger {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
  /** Runs `fn` inside a collapsible log group. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

export const silentLogger: Logger = {
  info: () => undefined,
  warning: () => undefined,
  debug: () => undefined,
  group: (_name, fn) => fn()
}
