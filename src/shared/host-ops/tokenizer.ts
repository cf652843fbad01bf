/**
 * Model host ops of the tokenizer feature: `opName: { args: {...}; result: {...} }`.
 * Implement each in src/worker/ops/tokenizer.ts.
 */
export type TokenizerOps = Record<never, never>
