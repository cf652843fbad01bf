/**
 * Model host ops of the walkthrough feature (implemented in src/worker/ops/walkthrough.ts).
 * Model ids name a folder of the models directory (resources/models/<id>).
 */

/** One named output of an instrumented teaching graph: row-major float32 values of shape `dims`. */
export interface TeachingTensor {
  dims: number[]
  data: Float32Array
  /** The graph output it came from (set by core when building a trace), e.g. `enc.0.self.weights`. */
  name?: string
}

/** A tokenised text, as the model's own tokenizer (tokenizer.json via AutoTokenizer) sees it. */
export interface TeachingTokens {
  /** Token ID of each token, special tokens included (the translator appends `</s>`). */
  ids: number[]
  /** Each token decoded on its own (`' is'` keeps its leading space in byte-level BPE). */
  pieces: string[]
  /** True where the tokenizer fell back to its unknown token. */
  unknown: boolean[]
}

export interface WalkthroughOps {
  /**
   * Runs `<model>/teaching/graph.onnx` under onnxruntime-node and returns every named output,
   * batch axis removed. Encoder–decoder graphs take `srcIds` (`src_ids`) and `tgtIds` (`tgt_ids`,
   * starting with the decoder start token); decoder-only graphs take `tgtIds` as `input_ids`.
   * Errors: MODEL_NOT_FOUND (no teaching graph), BAD_REQUEST (ids missing or out of vocabulary).
   */
  runTeachingGraph: {
    args: { modelId: string; srcIds?: number[]; tgtIds: number[] }
    result: { outputs: Record<string, TeachingTensor> }
  }
  /** Greedy translation through transformers.js' `translation` pipeline; `tokenIds` excludes `<s>` and `</s>`. */
  translate: { args: { modelId: string; text: string }; result: { text: string; tokenIds: number[] } }
  /** Tokenises `text` with the model's tokenizer (special tokens added as the model expects). */
  teachingTokenize: { args: { modelId: string; text: string }; result: TeachingTokens }
  /** Decodes ids one by one (for showing generated tokens); specials are kept, e.g. `</s>`. */
  teachingDecode: { args: { modelId: string; ids: number[] }; result: { pieces: string[] } }
}
