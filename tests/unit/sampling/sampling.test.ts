// Sampling maths against hand-computed cases (values worked out on paper, noted beside each).
import { describe, expect, it } from 'vitest'
import { argmax, chooseToken, distributionStages, finalDistribution, mulberry32, rankTokens, sampleIndex, softmax, topIndices, topKFilter, topPFilter } from '../../../src/shared/sampling'

const close = (actual: ArrayLike<number>, expected: number[], digits = 9): void => {
  expect(actual.length).toBe(expected.length)
  expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, digits))
}

describe('softmax with temperature', () => {
  it('matches hand-computed values at T = 1 and T = 2', () => {
    // [0, ln 3] → e^0 : e^ln3 = 1 : 3
    close(softmax([0, Math.log(3)]), [0.25, 0.75])
    // T = 2 → 1 : √3
    close(softmax([0, Math.log(3)], 2), [1 / (1 + Math.sqrt(3)), Math.sqrt(3) / (1 + Math.sqrt(3))])
    // [1, 2, 3] → e^-2, e^-1, 1 over their sum 1.5032147
    close(softmax([1, 2, 3]), [0.0900306, 0.2447285, 0.6652410], 6)
  })
  it('is stable for huge logits and sums to 1', () => {
    const p = softmax([1000, 1001, 1002])
    close(p, [0.0900306, 0.2447285, 0.6652410], 6)
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
  })
  it('temperature → 0 tends to one-hot; T = 0 is exactly one-hot on the argmax', () => {
    close(softmax([1, 3, 2], 1e-6), [0, 1, 0])
    close(softmax([1, 3, 2], 0), [0, 1, 0])
  })
  it('ties: a tiny T splits the mass equally, T = 0 picks the lowest index', () => {
    close(softmax([2, 2, 1], 1e-6), [0.5, 0.5, 0])
    close(softmax([2, 2, 1], 0), [1, 0, 0])
    expect(argmax([2, 5, 5])).toBe(1)
  })
  it('large T flattens towards uniform; -Infinity logits get 0', () => {
    close(softmax([0, 10], 1e9), [0.5, 0.5], 6)
    close(softmax([0, -Infinity, 0]), [0.5, 0, 0.5])
  })
  it('rejects bad input', () => {
    expect(() => softmax([])).toThrow(RangeError)
    expect(() => softmax([1, 2], -1)).toThrow(RangeError)
    expect(() => softmax([1, NaN])).toThrow(/NaN/)
  })
})

describe('top-k', () => {
  it('keeps the k largest and renormalises', () => {
    // 0.3 + 0.4 = 0.7 → 3/7, 4/7
    close(topKFilter([0.1, 0.2, 0.3, 0.4], 2), [0, 0, 3 / 7, 4 / 7])
  })
  it('k larger than the vocabulary, or 0, leaves the distribution unchanged', () => {
    close(topKFilter([0.1, 0.2, 0.7], 50), [0.1, 0.2, 0.7])
    close(topKFilter([0.1, 0.2, 0.7], 0), [0.1, 0.2, 0.7])
  })
  it('ties at the boundary keep the lower token index, exactly k tokens', () => {
    close(topKFilter([0.25, 0.25, 0.25, 0.25], 2), [0.5, 0.5, 0, 0])
    expect(rankTokens([0.2, 0.4, 0.4])).toEqual([1, 2, 0])
  })
})

describe('top-p (nucleus)', () => {
  it('keeps the smallest prefix whose mass reaches p', () => {
    // 0.5 + 0.3 = 0.8 ≥ 0.8 → 0.5/0.8, 0.3/0.8
    close(topPFilter([0.5, 0.3, 0.15, 0.05], 0.8), [0.625, 0.375, 0, 0])
    // 0.81 needs the third: divide by 0.95
    close(topPFilter([0.05, 0.3, 0.15, 0.5], 0.81), [0, 0.3 / 0.95, 0.15 / 0.95, 0.5 / 0.95])
  })
  it('p = 1 keeps everything; a tiny p keeps only the top token', () => {
    close(topPFilter([0.1, 0.2, 0.7], 1), [0.1, 0.2, 0.7])
    close(topPFilter([0.1, 0.2, 0.7], 0.01), [0, 0, 1])
  })
})

describe('stages and choice', () => {
  it('applies temperature, then top-k, then top-p', () => {
    const s = distributionStages([0, Math.log(3), Math.log(6)], { temperature: 1, topK: 2, topP: 0.6 })
    close(s.raw, [0.1, 0.3, 0.6])
    close(s.afterTopK, [0, 1 / 3, 2 / 3]) // 0.3/0.9, 0.6/0.9
    close(s.final, [0, 0, 1]) // 2/3 ≥ 0.6 already
  })
  it('rejects options out of range', () => {
    expect(() => distributionStages([1, 2], { temperature: 1, topK: -1, topP: 1 })).toThrow(/topK/)
    expect(() => distributionStages([1, 2], { temperature: 1, topK: 0, topP: 0 })).toThrow(/topP/)
  })
  it('finalDistribution equals the stages\' final distribution, bit for bit, with or without a reused buffer', () => {
    const r = mulberry32(11)
    const logits = Float32Array.from({ length: 300 }, () => r() * 20 - 10)
    const into = new Float64Array(300)
    for (const o of [{ temperature: 1, topK: 0, topP: 1 }, { temperature: 0.7, topK: 0, topP: 1 }, { temperature: 1.5, topK: 40, topP: 1 }, { temperature: 1, topK: 0, topP: 0.9 }, { temperature: 0, topK: 0, topP: 1 }]) {
      const expected = distributionStages(logits, o).final
      expect(finalDistribution(logits, o)).toEqual(expected)
      // the buffer still holds the previous options' distribution: every entry is overwritten
      expect(finalDistribution(logits, o, into)).toEqual(expected)
    }
    // with no filter on, the result is the buffer itself
    const small = new Float64Array(3)
    expect(finalDistribution([1, 2, 3], { temperature: 1, topK: 0, topP: 1 }, small)).toBe(small)
    close(small, [0.0900306, 0.2447285, 0.665241], 6)
    expect(() => finalDistribution([1, 2], { temperature: 1, topK: 0, topP: 1 }, new Float64Array(3))).toThrow('softmax output has 3 entries for 2 logits')
    expect(() => finalDistribution([1, 2], { temperature: -1, topK: 0, topP: 1 })).toThrow(/temperature/)
  })
  it('greedy picks the argmax with its probability', () => {
    const s = distributionStages([1, 3, 2], { temperature: 1, topK: 0, topP: 1 })
    expect(chooseToken(s, true, () => 0.99)).toEqual({ id: 1, prob: s.final[1] })
  })
})

describe('seeded sampling', () => {
  it('inverse CDF picks the right bucket at its edges', () => {
    const p = [0.2, 0.5, 0.3]
    expect([0, 0.19, 0.2, 0.69, 0.7, 0.9999].map((u) => sampleIndex(p, u))).toEqual([0, 0, 1, 1, 2, 2])
    expect(sampleIndex([0, 1, 0], 0)).toBe(1)
    expect(sampleIndex([0.3, 0.3, 0.3, 0], 0.95)).toBe(2) // rounding gap never lands on a 0-probability token
    expect(() => sampleIndex([0, 0], 0.5)).toThrow(RangeError)
  })
  it('mulberry32 matches an independent BigInt implementation of the same recurrence', () => {
    const M = (1n << 32n) - 1n
    const imul = (a: bigint, b: bigint): bigint => (a * b) & M
    const reference = (seed: number): (() => number) => {
      let a = BigInt(seed >>> 0)
      return () => {
        a = (a + 0x6d2b79f5n) & M
        let t = a
        t = imul(t ^ (t >> 15n), t | 1n)
        t = t ^ ((t + imul(t ^ (t >> 7n), t | 61n)) & M)
        return Number(t ^ (t >> 14n)) / 4294967296
      }
    }
    for (const seed of [0, 1, 42, 2 ** 31 + 5]) {
      const a = mulberry32(seed)
      const b = reference(seed)
      for (let i = 0; i < 20; i++) expect(a()).toBe(b())
    }
  })
  it('same seed → same draws; frequencies follow the distribution', () => {
    const p = [0.2, 0.5, 0.3]
    const draw = (seed: number): number[] => {
      const r = mulberry32(seed)
      return Array.from({ length: 20_000 }, () => sampleIndex(p, r()))
    }
    const a = draw(7)
    expect(a).toEqual(draw(7))
    expect(a).not.toEqual(draw(8))
    p.forEach((pi, i) => expect(a.filter((x) => x === i).length / a.length).toBeCloseTo(pi, 1.5))
  })
})

describe('topIndices', () => {
  it('equals the first n of a full ranking, ties to the lower index', () => {
    expect(topIndices([0.1, 0.4, 0.2, 0.4, 0.3], 3)).toEqual([1, 3, 4])
    expect(topIndices([1, 1, 1], 2)).toEqual([0, 1])
    expect(topIndices([0.5, 0.2], 10)).toEqual([0, 1]) // n larger than the vocabulary
    const r = mulberry32(3)
    const v = Array.from({ length: 500 }, () => Math.round(r() * 50)) // many ties
    expect(topIndices(v, 20)).toEqual(rankTokens(v).slice(0, 20))
  })
})
