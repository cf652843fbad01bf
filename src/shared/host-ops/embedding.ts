/**
 * Model host ops of the embedding feature: `opName: { args: {...}; result: {...} }`.
 * Implement each in src/worker/ops/embedding.ts.
 */
export type EmbeddingOps = Record<never, never>
