/**
 * Model host ops of the embedding feature (implemented in src/worker/ops/embedding.ts).
 * Models are folders under the host's models folder, read with transformers.js; pooling,
 * normalisation, dtype and the query/passage prefixes come from the model's model-card.json.
 */

/** `query` texts are questions, `passage` texts are documents (E5-style models prefix them). */
export type EmbedKind = 'query' | 'passage'

export interface EmbeddingOps {
  /**
   * Embeds `texts` in batches of `batchSize` (default 16). Progress: stage `load` while the model
   * loads (files done / total), then `embed` (texts done / total) after each batch; a cancel
   * request stops between batches.
   * Result: `vectors` is row-major `[texts.length, dim]`.
   * Errors: MODEL_NOT_FOUND (no such folder), MODEL_LOAD_FAILED (files unreadable), CANCELLED.
   */
  embed: {
    args: { modelId: string; texts: string[]; kind: EmbedKind; batchSize?: number }
    result: { vectors: Float32Array; dim: number }
  }
  /**
   * Counts tokens of each text with the model's own tokenizer, without special tokens or prefix.
   * Result: `counts[i]` = tokens of `texts[i]`; `maxTokens` = the model's input limit (its
   * tokenizer's model_max_length, capped by the card) minus special tokens and the passage prefix.
   */
  tokenCount: {
    args: { modelId: string; texts: string[] }
    result: { counts: Int32Array; maxTokens: number }
  }
  /** The model's card (pooling, normalisation, prefixes, dimension) as the host will use it. */
  embeddingInfo: {
    args: { modelId: string }
    result: { modelId: string; dim: number; pooling: 'mean' | 'cls'; normalize: boolean; dtype: string; prefixes: { query: string; passage: string }; maxTokens: number }
  }
}
