/**
 * Messages between core/host (the parent) and the model host process (src/worker).
 * The same shapes travel over Electron's utilityProcess and Node's child_process (both clone
 * structured data, so typed arrays pass as binary).
 *
 *   → { id, op, args }                              a request
 *   ← { id, progress: { stage, done, total, data? } } any number of progress reports; `data`
 *                                                   streams partial results (e.g. generated tokens)
 *   ← { id, ok: true, result } | { id, ok: false, error: { code, message } }
 *   → { cancel: id }                                ask the host to stop request `id`
 *   ← { ready: true, pid }                          once, when the host has started
 */
import type { WireError } from './errors'
import type { CoreOps } from './host-ops/core'
import type { EmbeddingOps } from './host-ops/embedding'
import type { GenerationOps } from './host-ops/generation'
import type { TokenizerOps } from './host-ops/tokenizer'
import type { WalkthroughOps } from './host-ops/walkthrough'

/** Operations the model host understands: every feature's ops (src/shared/host-ops/<feature>.ts). */
export type HostOps = CoreOps & EmbeddingOps & TokenizerOps & GenerationOps & WalkthroughOps
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
  progress: { stage: string; done: number; total: number; data?: unknown }
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
