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

/** One generated token as the core and the renderer see it (the host streams them as {@link StepBatch}es). */
export interface GeneratedStep {
  /** 0-based index of the new token. */
  step: number
  token: Candidate
  /** The 20 tokens with the highest logits at this step, most probable first (ties: lower ID), with their final probabilities (0 for a token a filter removed). */
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
  /**
   * Stop sequences: the run ends as soon as the new text (the prompt excluded) ends with one of them;
   * the stop text stays in the output (stopReason 'stop'). Each must be non-empty.
   */
  stop?: string[]
}

/**
 * eos: the model ended the text; stop: the new text ended with a stop sequence; length: maxNewTokens
 * reached; context: the model's context is full; stopped: the user stopped it.
 */
export type StopReason = 'eos' | 'stop' | 'length' | 'context' | 'stopped'

/** A finished generation as the core returns it (its steps rebuilt from the host's stream). */
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

/**
 * What the host's `generate` op returns: the run's summary. Its steps came as progress
 * (`data`: {@link StepBatch}) and in `tail`, never twice; the core rebuilds {@link GenerateResult}
 * from them (shared/step-batch.ts).
 */
export interface GenerateSummary extends Omit<GenerateResult, 'steps'> {
  /** Steps generated in this run (the core checks it received them all). */
  stepCount: number
  /** The steps not yet sent as progress when the run ended (one message fewer per run); null if none. */
  tail: StepBatch | null
}

/**
 * A batch of generated steps in the host's compact wire form (shared/step-batch.ts writes and reads
 * it). Step s of the batch is step `first + s` of the run; its candidates are entries
 * [s · width, (s + 1) · width) of `candidateIds` / `candidateProbs`, most probable first.
 * Probabilities are under the final (filtered) distribution.
 */
export interface StepBatch {
  /** Index of the batch's first step in the run (0-based). */
  first: number
  /** Candidates per step: 20, or the vocabulary size if smaller. */
  width: number
  /** The chosen token of each step, [steps]. */
  ids: Int32Array
  /** Probability of each chosen token, [steps]. */
  probs: Float64Array
  /** [steps × width] */
  candidateIds: Int32Array
  /** [steps × width] */
  candidateProbs: Float64Array
  /** The token IDs this batch uses for the first time in the run; `texts[i]` is the text of `textIds[i]`. */
  textIds: Int32Array
  texts: string[]
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
  /**
   * Streams the tokens as they come (stage 'token', `data`: a {@link StepBatch}, batches ≤ 16 ms apart;
   * the last one comes in the result's `tail`); cancellable.
   */
  generate: { args: GenerateArgs; result: GenerateSummary }
  /** One forward pass: the full next-token logits, for live redraws in the renderer. */
  nextDistribution: { args: DistributionArgs; result: DistributionResult }
}
