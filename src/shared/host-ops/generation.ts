/**
 * Model host ops of the generation feature (implemented in src/worker/ops/generation.ts).
 * Logits come from the real model (onnx/model.onnx with its KV cache); sampling is
 * src/shared/sampling.ts, so the renderer's chart and the host's draw agree.
 */
import type { SamplingOptions } from '../sampling'

/** One vocabulary entry: its ID and its text (decoded on its own; may be part of a character). */
export interface TokenLabel {
  id: number
  text: string
}

/** A next-token candidate with its probability under the final (filtered) distribution. */
export interface Candidate extends TokenLabel {
  prob: number
}

/** One generated token (progress `data` carries a batch of them: GeneratedStep[]). */
export interface GeneratedStep {
  /** 0-based index of the new token. */
  step: number
  token: Candidate
  /** Top-20 candidates of the final distribution at this step, most probable first. */
  candidates: Candidate[]
}

export interface GenerateArgs extends SamplingOptions {
  modelId: string
  prompt: string
  /** New tokens at most (the model's context length also bounds it). */
  maxNewTokens: number
  /** PRNG seed (mulberry32); ignored when greedy. */
  seed: number
  /** Argmax instead of a draw. */
  greedy: boolean
  /** Keep going past the end-of-text token (benchmarks: a fixed number of steps). Default false. */
  ignoreEos?: boolean
}

/** eos: the model ended the text; length: maxNewTokens reached; context: the model's context is full; stopped: the user stopped it. */
export type StopReason = 'eos' | 'length' | 'context' | 'stopped'

export interface GenerateResult {
  /** The new text only (the prompt excluded). */
  text: string
  steps: GeneratedStep[]
  /** Tokens of the prompt; null for a run stopped by the user (the host never finished it). */
  promptTokens: number | null
  stopReason: StopReason
  /** Wall time of the generation loop, ms (model load excluded). */
  tookMs: number
}

export interface DistributionArgs {
  modelId: string
  prompt: string
  /** Token IDs appended after the tokenized prompt (step mode: the tokens chosen so far). */
  appendIds: number[]
}

export interface DistributionResult {
  /** Raw next-token logits over the vocabulary, [vocab]. */
  logits: Float32Array
  /** Labels of the 100 highest logits: every filter keeps order, so the chart's top 20 is among them. */
  labels: TokenLabel[]
  /** Text of prompt + appended tokens as the model sees it, token by token. */
  context: TokenLabel[]
  /** The end-of-sequence token ID (generation stops on it). */
  eosId: number
}

export interface GenerationOps {
  /** Streams the tokens as they come (stage 'token', `data`: GeneratedStep[], batched ≤ 16 ms apart); cancellable. */
  generate: { args: GenerateArgs; result: GenerateResult }
  /** One forward pass: the full next-token logits, for live redraws in the renderer. */
  nextDistribution: { args: DistributionArgs; result: DistributionResult }
}
