/**
 * Messages between core/host (the parent) and the model host process (src/worker).
 * The same shapes travel over Electron's utilityProcess and Node's child_process (both clone
 * structured data, so typed arrays pass as binary).
 *
 *   → { id, op, args }                              a request
 *   ← { id, progress: { stage, done, total } }      any number of progress reports
 *   ← { id, ok: true, result } | { id, ok: false, error: { code, message } }
 *   → { cancel: id }                                ask the host to stop request `id`
 *   ← { ready: true, pid }                          once, when the host has started
 */
import type { WireError } from './errors'

/** Operations the model host understands. Later features add theirs here. */
export interface HostOps {
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
export type HostOp = keyof HostOps

export interface HostRequest<O extends HostOp = HostOp> {
  id: number
  op: O
  args: HostOps[O]['args']
}
export interface HostCancel {
  cancel: number
}
export interface HostProgress {
  id: number
  progress: { stage: string; done: number; total: number }
}
export type HostReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: WireError }
export interface HostReady {
  ready: true
  pid: number
}
export type ParentMessage = HostRequest | HostCancel
export type ChildMessage = HostProgress | HostReply | HostReady

/** Options the parent passes to the host through its environment. */
export interface HostEnv {
  /** Folder of bundled models (resources/models). */
  LLMX_MODELS_DIR: string
  /** The app's own cache folder for transformers.js (never inside node_modules). */
  LLMX_CACHE_DIR: string
}
