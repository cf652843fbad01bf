// The compact step stream between the model host and the core: written, cloned as the host transport
// does (v8 structured clone, child_process 'advanced' serialization) and read back into steps.
import { deserialize, serialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import type { StepBatch } from '../../../src/shared/host-ops/generation'
import { StepBatchWriter, StepReader } from '../../../src/shared/step-batch'
import type { StepChoice } from '../../../src/shared/step-choice'

// a 6-token vocabulary; probabilities of one step's final distribution
const VOCAB = ['<eos>', ' the', ' cat', ' sat', '.', ' on']
const probs = [0.05, 0.4, 0.3, 0.15, 0.1, 0]

/** A step choosing `id`, with candidate probabilities read from `probs`. */
const step = (id: number, candidateIds: number[]): StepChoice => ({ id, prob: probs[id]!, candidateIds, candidateProbs: candidateIds.map((c) => probs[c]!) })

function writer(): { w: StepBatchWriter; decoded: number[] } {
  const decoded: number[] = []
  const w = new StepBatchWriter(3, (id) => {
    decoded.push(id)
    return VOCAB[id]!
  })
  return { w, decoded }
}

const clone = <T>(x: T): T => deserialize(serialize(x)) as T

describe('StepBatchWriter / StepReader', () => {
  it('round-trips steps through the transport, each text sent once per run', () => {
    const { w, decoded } = writer()
    expect(w.take()).toBeNull()
    w.add(step(1, [1, 2, 3]))
    w.add(step(2, [1, 2, 3]))
    const first = clone(w.take()!)
    w.add(step(4, [1, 2, 4]))
    const second = clone(w.take()!)
    expect(w.count).toBe(3)
    // the transport keeps typed arrays; texts of 1, 2, 3 go in the first batch, only 4 in the second
    expect(first.ids).toEqual(Int32Array.from([1, 2]))
    expect(first.candidateProbs).toEqual(Float64Array.from([0.4, 0.3, 0.15, 0.4, 0.3, 0.15]))
    expect([...first.textIds]).toEqual([1, 2, 3])
    expect([...second.textIds]).toEqual([4])
    expect(second.texts).toEqual(['.'])
    expect(decoded).toEqual([1, 2, 3, 4])

    const reader = new StepReader(10)
    const steps = [...reader.read(first), ...reader.read(second)]
    expect(reader.count).toBe(3)
    expect(steps).toEqual([
      { step: 10, token: { id: 1, text: ' the', prob: 0.4 }, candidates: [{ id: 1, text: ' the', prob: 0.4 }, { id: 2, text: ' cat', prob: 0.3 }, { id: 3, text: ' sat', prob: 0.15 }] },
      { step: 11, token: { id: 2, text: ' cat', prob: 0.3 }, candidates: [{ id: 1, text: ' the', prob: 0.4 }, { id: 2, text: ' cat', prob: 0.3 }, { id: 3, text: ' sat', prob: 0.15 }] },
      { step: 12, token: { id: 4, text: '.', prob: 0.1 }, candidates: [{ id: 1, text: ' the', prob: 0.4 }, { id: 2, text: ' cat', prob: 0.3 }, { id: 4, text: '.', prob: 0.1 }] }
    ])
  })

  it('finish reads the batch that came with the reply and checks that no step is missing', () => {
    const { w } = writer()
    w.add(step(1, [1, 2, 3]))
    const streamed = w.take()!
    w.add(step(2, [1, 2, 3]))
    const summary = { stepCount: w.count, tail: w.take() }
    const reader = new StepReader()
    reader.read(streamed)
    expect(reader.finish(summary).map((s) => [s.step, s.token.text])).toEqual([[1, ' cat']])
    expect(new StepReader().finish({ stepCount: 0, tail: null })).toEqual([])
    // a lost progress message: the reply says 2 steps, 1 arrived
    const lost = new StepReader()
    lost.read(streamed)
    expect(() => lost.finish({ stepCount: 2, tail: null })).toThrow(expect.objectContaining({ code: 'INTERNAL', message: 'The model host generated 2 tokens but sent 1.' }))
  })

  it('rejects a step with the wrong number of candidates', () => {
    const { w } = writer()
    expect(() => w.add(step(1, [1, 2]))).toThrow(/expected 3 candidates, got 2 with 2 probabilities/)
    expect(() => w.add({ ...step(1, [1, 2, 3]), candidateProbs: [0.4] })).toThrow(/got 3 with 1 probabilities/)
  })

  it('rejects malformed batches with INTERNAL and a reason', () => {
    const { w } = writer()
    w.add(step(1, [1, 2, 3]))
    const good = w.take()!
    w.add(step(5, [1, 2, 5]))
    const next = w.take()!
    const bad = (b: unknown, why: RegExp): void => {
      expect(() => new StepReader().read(b)).toThrow(expect.objectContaining({ code: 'INTERNAL', message: expect.stringMatching(why) }))
    }
    bad(null, /not an object/)
    bad([{ step: 0 }], /first and width/)
    bad({ ...good, ids: [1] }, /must be Int32Arrays/)
    bad({ ...good, probs: Float32Array.from([0.4]) }, /must be Float64Arrays/)
    bad({ ...good, candidateIds: Int32Array.from([1, 2]) }, /1 steps of 3 candidates need probs \[1\] and candidates \[3\]/)
    bad({ ...good, texts: [] }, /texts must be an array as long as textIds/)
    // a batch that skips the first one: its step numbers and the texts it relies on are missing
    bad(next, /expected step 0 next, got 1/)
    const reader = new StepReader()
    const unlabelled: StepBatch = { ...good, textIds: new Int32Array(0), texts: [] }
    expect(() => reader.read(unlabelled)).toThrow(/no text was sent for token 1/)
  })
})
