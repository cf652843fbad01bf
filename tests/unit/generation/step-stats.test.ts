// The model host's batched greedy steps (one onnxruntime run of the step-statistics graph per
// batch) against shared/step-choice.ts, which computes each step in JavaScript.
import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../../src/shared/sampling'
import { chooseStep, type StepChoice } from '../../../src/shared/step-choice'
import { finiteArgmax, GreedyStepBatch } from '../../../src/worker/generation/step-stats'
import { StepStream } from '../../../src/worker/generation/step-stream'
import { randomLogits } from '../helpers'

function expectSameStep(got: StepChoice, want: StepChoice): void {
  expect(got.id).toBe(want.id)
  expect(got.candidateIds).toEqual(want.candidateIds)
  for (const [k, p] of [got.prob, ...got.candidateProbs].entries()) {
    const q = [want.prob, ...want.candidateProbs][k]!
    expect(Math.abs(p - q)).toBeLessThanOrEqual(1e-13 * q + 1e-300)
  }
}

describe('finiteArgmax', () => {
  it('gives the lowest index of the largest logit, or -1 for a NaN or an infinite largest logit', () => {
    expect(finiteArgmax([1, 3, 3, -2])).toBe(1)
    expect(finiteArgmax([-Infinity, -5, -Infinity])).toBe(1)
    expect(finiteArgmax([1, NaN, 2])).toBe(-1)
    expect(finiteArgmax([NaN, 1])).toBe(-1)
    expect(finiteArgmax([1, Infinity])).toBe(-1)
    expect(finiteArgmax([-Infinity, -Infinity])).toBe(-1)
  })
})

describe('GreedyStepBatch', () => {
  it.each([1, 0.7, 1.6, 1e-300])('matches chooseStep at temperature %s: argmax, top 20 by logit (ties to the lower ID), softmax probabilities', async (temperature) => {
    const random = mulberry32(11)
    const batch = new GreedyStepBatch(20, temperature)
    const rows = Array.from({ length: 7 }, () => randomLogits(2153, random))
    // tokens a model rules out entirely, some of them among the first 20 IDs
    for (const i of [0, 3, 5, 700, 2152]) rows[2]![i] = -Infinity
    rows[4]!.fill(-Infinity, 0, 2140)
    for (const row of rows) batch.add(finiteArgmax(row), row)
    expect(batch.size).toBe(7)
    const got = await batch.take()
    expect(batch.size).toBe(0)
    rows.forEach((row, r) => expectSameStep(got[r]!, chooseStep(row, { temperature, topK: 0, topP: 1, greedy: true }, 20, () => 0)))
    expect(await batch.take()).toEqual([])
  })
})

describe('StepStream', () => {
  const text = (id: number): string => `t${id}`

  it('greedy: keeps step order when a step with an infinite logit is chosen in JavaScript between batched ones', async () => {
    const random = mulberry32(3)
    const rows = [randomLogits(300, random), randomLogits(300, random), randomLogits(300, random)]
    rows[1]![42] = Infinity
    const stream = new StepStream(5, text, { temperature: 1, topK: 0, topP: 1, greedy: true }, () => 0)
    expect(rows.map((row) => stream.choose(row))).toEqual([finiteArgmax(rows[0]!), 42, finiteArgmax(rows[2]!)])
    expect([stream.count, stream.pending]).toEqual([3, 3])
    const batch = (await stream.take())!
    expect([stream.count, stream.pending]).toEqual([3, 0])
    expect([...batch.ids]).toEqual([finiteArgmax(rows[0]!), 42, finiteArgmax(rows[2]!)])
    expect(batch.probs[1]).toBe(1)
    const want = rows.map((row) => chooseStep(row, { temperature: 1, topK: 0, topP: 1, greedy: true }, 5, () => 0))
    expect([...batch.candidateIds]).toEqual(want.flatMap((s) => s.candidateIds))
    for (let k = 0; k < batch.candidateProbs.length; k++) expect(batch.candidateProbs[k]).toBeCloseTo(want[Math.floor(k / 5)]!.candidateProbs[k % 5]!, 13)
    expect(await stream.take()).toBeNull()
  })

  it('sampling draws from the shared sampler at once; a NaN logit fails with RangeError, greedy or not', async () => {
    const random = mulberry32(5)
    const row = randomLogits(300, random)
    const options = { temperature: 1.2, topK: 30, topP: 0.9, greedy: false }
    const stream = new StepStream(5, text, options, mulberry32(9))
    const id = stream.choose(row)
    expect(id).toBe(chooseStep(row, options, 5, mulberry32(9), undefined).id)
    expect((await stream.take())!.candidateIds).toEqual(Int32Array.from(chooseStep(row, options, 5, mulberry32(9)).candidateIds))
    row[7] = NaN
    expect(() => stream.choose(row)).toThrow(/logit 7 is NaN/)
    expect(() => new StepStream(5, text, { ...options, greedy: true, topK: 0, topP: 1 }, () => 0).choose(row)).toThrow(/logit 7 is NaN/)
    // options are checked when the run starts, batched or not
    expect(() => new StepStream(5, text, { temperature: Infinity, topK: 0, topP: 1, greedy: true }, () => 0)).toThrow(RangeError)
    expect(() => new StepStream(5, text, { temperature: 1, topK: 0, topP: 0, greedy: true }, () => 0)).toThrow(/topP/)
  })
})
