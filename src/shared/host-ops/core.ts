/** Model host ops of the shell (diagnostics). */
export interface CoreOps {
  /** Answers after `delayMs` ms; `echo` comes back. Diagnostics and crash tests. */
  ping: { args: { echo: string; delayMs: number }; result: { echo: string; pid: number; tookMs: number } }
  /** Reports progress once per `stepMs` for `steps` steps; cancellable. */
  selfTest: { args: { steps: number; stepMs: number }; result: { steps: number } }
  /** The transformers.js environment as configured in the host (proves local-only loading). */
  env: {
    args: Record<string, never>
    result: { allowRemoteModels: boolean; localModelPath: string; cacheDir: string | null; useFSCache: boolean; version: string }
  }
}
