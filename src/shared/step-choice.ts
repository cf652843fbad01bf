/**
 * One generation step in the model host: the next token and the candidates shown beside it, from
 * one position's logits, with the maths of shared/sampling.ts. (Greedy steps at a temperature
 * above 0 with no filter are batched instead: src/worker/generation/step-stats.ts gives the same
 * token and candidates, and the same probabilities to ~1e-15.)
 */
import { chooseToken, finalDistribution, topIndices, type SamplingOptions } from './sampling'

/** A step's choice: the token, and the `n` tokens with the highest logits, each with its final probability. */
export interface StepChoice {
  id: number
  /** Probability of `id` under the final (temperature-scaled, filtered) distribution. */
  prob: number
  /** [n] token IDs, highest logit first (ties: lower ID first). A token the filters removed has probability 0. */
  candidateIds: number[]
  /** [n] their final probabilities, in the same order (so non-increasing). */
  candidateProbs: number[]
}

/** Sampling controls plus greedy (argmax instead of a draw). */
export interface StepOptions extends SamplingOptions {
  greedy: boolean
}

/**
 * Chooses the next token from `logits` [vocab] as `chooseToken(finalDistribution(…))` does, and
 * ranks `n` candidates by logit. Ranking by logit rather than by final probability gives the same
 * order wherever the probabilities differ, and still orders the runners-up that temperature 0 or
 * a filter set to 0.
 * @param n candidates (at most the vocabulary size)
 * @param random draws in [0, 1); called once unless greedy or temperature 0
 * @param scratch [vocab] buffer for the distribution, reused across steps (with no filter on)
 * @throws RangeError as shared/sampling.ts `checkOptions`, or for a NaN logit
 */
export function chooseStep(logits: ArrayLike<number>, options: StepOptions, n: number, random: () => number, scratch?: Float64Array): StepChoice {
  const final = finalDistribution(logits, options, scratch)
  const chosen = chooseToken({ final }, options.greedy || options.temperature === 0, random)
  const candidateIds = topIndices(logits, n)
  return { ...chosen, candidateIds, candidateProbs: candidateIds.map((i) => final[i]!) }
}
