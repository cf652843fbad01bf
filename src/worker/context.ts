/** What an operation handler gets besides its arguments. */
export interface OpContext {
  /** Report progress: `done` of `total` units at `stage`; `data` streams a partial result (e.g. a token). */
  progress(stage: string, done: number, total: number, data?: unknown): void
  /** Aborted when the parent sends `{ cancel: id }`. Handlers check it between steps. */
  signal: AbortSignal
}

/** Resolves after `ms` milliseconds, or rejects with the signal's reason when aborted. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error)
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(signal.reason as Error)
    }
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
