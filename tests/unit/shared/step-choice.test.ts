// chooseStep: the token as shared/sampling.ts chooses it, candidates ranked by logit with their
// final probabilities.
import { describe, expect, it } from 'vitest'
import { chooseToken, finalDistribution, mulberry32, rankTokens, type SamplingOptions } from '../../../src/shared/sampling'
import { chooseStep, type StepOptions } from '../../../src/shared/step-choice'
import { randomLogits } from '../helpers'

/** The reference: the whole distribution, candidates ranked by logit (ties: lower ID). */
function reference(logits: Float32Array, o: StepOptions, n: number, random: () => number): ReturnType<typeof chooseStep> {
  const final = finalDistribution(logits, o)
  const chosen = chooseToken({ final }, o.greedy || o.temperature === 0, random)
  const candidateIds = rankTokens(logits).slice(0, n)
  return { ...chosen, candidateIds, candidateProbs: candidateIds.map((i) => final[i]!) }
}

const OFF: SamplingOptions = { temperature: 1, topK: 0, topP: 1 }
const CASES: StepOptions[] = [
  { ...OFF, greedy: true },
  { ...OFF, temperature: 0.7, greedy: true },
  { ...OFF, temperature: 0, greedy: false },
  { ...OFF, temperature: 1.3, greedy: false },
  { temperature: 0.8, topK: 5, topP: 1, greedy: true },
  { temperature: 1, topK: 0, topP: 0.6, greedy: false },
  { temperature: 1, topK: 8, topP: 0.9, greedy: false }
]

describe('chooseStep', () => {
  it('ranks candidates as a full sort of the logits does, with probabilities from the final distribution, greedy or drawn, with and without filters', () => {
    const gen = mulberry32(7)
    for (const o of CASES) {
      for (let trial = 0; trial < 40; trial++) {
        const logits = randomLogits(300, gen)
        const got = chooseStep(logits, o, 20, mulberry32(trial))
        expect(got).toEqual(reference(logits, o, 20, mulberry32(trial)))
      }
    }
  })

  it('greedy without filters: the argmax (lowest ID on ties) and probabilities that are the softmax', () => {
    const got = chooseStep([1, 3, 3, 2], { ...OFF, greedy: true }, 4, () => 0.5)
    const z = Math.exp(-2) + 2 + Math.exp(-1)
    expect(got.id).toBe(1)
    expect(got.candidateIds).toEqual([1, 2, 3, 0])
    expect(got.candidateProbs[0]).toBeCloseTo(1 / z, 15)
    expect(got.candidateProbs[3]).toBeCloseTo(Math.exp(-2) / z, 15)
    expect(got.prob).toBe(got.candidateProbs[0])
  })

  it('temperature 0 and infinite logits put all the mass on the top token, runners-up ranked by logit', () => {
    expect(chooseStep([0.5, 2, 1], { ...OFF, temperature: 0, greedy: false }, 3, () => 0.9)).toEqual({ id: 1, prob: 1, candidateIds: [1, 2, 0], candidateProbs: [1, 0, 0] })
    expect(chooseStep([0, Infinity, 5], { ...OFF, greedy: true }, 2, () => 0)).toEqual({ id: 1, prob: 1, candidateIds: [1, 2], candidateProbs: [1, 0] })
    expect(chooseStep([-Infinity, -Infinity], { ...OFF, greedy: true }, 2, () => 0)).toEqual({ id: 0, prob: 1, candidateIds: [0, 1], candidateProbs: [1, 0] })
  })

  it('a token the filters removed stays a candidate with probability 0', () => {
    const got = chooseStep([4, 3, 2, 1], { temperature: 1, topK: 2, topP: 1, greedy: true }, 4, () => 0)
    expect(got.candidateIds).toEqual([0, 1, 2, 3])
    expect(got.candidateProbs.slice(2)).toEqual([0, 0])
    expect(got.candidateProbs[0]! + got.candidateProbs[1]!).toBeCloseTo(1, 12)
  })

  it('rejects a NaN logit and bad options with RangeError, greedy or not', () => {
    for (const o of [{ ...OFF, greedy: true }, { ...OFF, temperature: 0, greedy: true }, { ...OFF, greedy: false }]) {
      expect(() => chooseStep([1, NaN, 2], o, 2, () => 0)).toThrow(/logit 1 is NaN/)
      expect(() => chooseStep([NaN, 1, 2], o, 2, () => 0)).toThrow(/logit 0 is NaN/)
    }
    expect(() => chooseStep([1, 2], { ...OFF, topP: 0, greedy: true }, 2, () => 0)).toThrow(RangeError)
  })
})
