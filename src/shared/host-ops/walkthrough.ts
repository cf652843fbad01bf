/**
 * Model host ops of the walkthrough feature: `opName: { args: {...}; result: {...} }`.
 * Implement each in src/worker/ops/walkthrough.ts.
 */
export type WalkthroughOps = Record<never, never>
