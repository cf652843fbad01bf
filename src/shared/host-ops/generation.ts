/**
 * Model host ops of the generation feature: `opName: { args: {...}; result: {...} }`.
 * Implement each in src/worker/ops/generation.ts.
 */
export type GenerationOps = Record<never, never>
