import { describe, expect, it } from 'vitest'
import { kMeans } from '../../../src/core/projection/kmeans'
import { neighbourPreservation, placeByNeighbours, samplePoints, topKCosine } from '../../../src/core/projection/neighbours'
import { normaliseLayout, toFrame } from '../../../src/core/projection/normalise'
import { fitPca, pcaTransform } from '../../../src/core/projection/pca'
import { matrix, seededRandom } from '../../../src/core/projection/types'
import { blobs } from './synthetic'

describe('PCA', () => {
  it('recovers the plane that 3D points lie on, and their in-plane coordinates', () => {
    // A grid on the plane spanned by u = (1,1,0)/√2 (a = −10…10) and v = (0,0,1) (b = −1…1), offset by
    // (5,−2,3): a and b are uncorrelated and a varies most, so the axes must be u then ±v.
    const s = Math.SQRT1_2
    const pts: number[] = []
    for (let a = -10; a <= 10; a++) for (let b = -1; b <= 1; b++) pts.push(5 + a * s, -2 + a * s, 3 + b)
    const data = Float32Array.from(pts)
    const n = pts.length / 3
    const model = fitPca(matrix(data, n, 3), 2)
    const c = model.components
    expect(Math.abs(c[0]! - s)).toBeLessThan(1e-3)
    expect(Math.abs(c[1]! - s)).toBeLessThan(1e-3)
    expect(Math.abs(c[2]!)).toBeLessThan(1e-3)
    expect(Math.abs(Math.abs(c[5]!) - 1)).toBeLessThan(1e-3)
    expect(model.explained[0]! + model.explained[1]!).toBeCloseTo(1, 6)
    expect(model.explained[0]!).toBeGreaterThan(0.95)
    // The point at the mean plus 2·u projects to (2, 0).
    const m = model.mean
    const p = pcaTransform(model, matrix(Float32Array.from([m[0]! + 2 * s, m[1]! + 2 * s, m[2]!]), 1, 3))
    expect(p.data[0]).toBeCloseTo(2, 4)
    expect(p.data[1]).toBeCloseTo(0, 4)
  })

  it('rejects bad input with a clear error', () => {
    expect(() => fitPca(matrix(new Float32Array(3), 1, 3), 2)).toThrow(/at least 2 points/)
    expect(() => fitPca(matrix(new Float32Array(6), 2, 3), 4)).toThrow(/exceeds/)
    expect(() => matrix(new Float32Array(5), 2, 3)).toThrow(/5 values/)
  })
})

describe('k-means', () => {
  it('separates well-separated blobs exactly', () => {
    const { vectors, labels } = blobs(4, 30, 16, 0.02)
    const r = kMeans(matrix(vectors, 120, 16), 4)
    expect(r.sizes.sort()).toEqual([30, 30, 30, 30])
    // Every blob maps to exactly one cluster.
    for (let b = 0; b < 4; b++) expect(new Set(labels.flatMap((l, i) => (l === b ? [r.assignments[i]] : []))).size).toBe(1)
  })

  it('refuses k larger than the number of points', () => {
    expect(() => kMeans(matrix(new Float32Array(8), 2, 4), 3)).toThrow(/between 1 and the number of points/)
  })
})

describe('neighbours', () => {
  it('ranks by cosine similarity and excludes the point itself', () => {
    const x = matrix(Float32Array.from([1, 0, 0.8, 0.6, 0, 1, -1, 0]), 4, 2)
    const top = topKCosine(x, Float32Array.from([1, 0]), 2, 0)
    expect(top.map((t) => t.index)).toEqual([1, 2])
    expect(top[0]!.score).toBeCloseTo(0.8, 6)
  })

  it('preservation is 1 for an identity projection and low for a shuffled one', () => {
    const { vectors } = blobs(3, 40, 3, 0.3)
    const x = matrix(vectors, 120, 3)
    expect(neighbourPreservation(x, matrix(vectors.slice(), 120, 3), 10)).toBe(1)
    const shuffled = new Float32Array(360)
    const order = samplePoints(120, 120, 1).sort(() => 0)
    const rand = seededRandom(9)
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1))
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    order.forEach((o, i) => shuffled.set(vectors.subarray(o * 3, o * 3 + 3), i * 3))
    expect(neighbourPreservation(x, matrix(shuffled, 120, 3), 10)).toBeLessThan(0.4)
  })

  it('places a point at the similarity-weighted mean of its neighbours', () => {
    const y = matrix(Float32Array.from([0, 0, 2, 0]), 2, 2)
    const p = placeByNeighbours(y, [{ index: 0, score: 0.25 }, { index: 1, score: 0.75 }])
    expect(p[0]).toBeCloseTo(1.5, 4)
    expect(p[1]).toBeCloseTo(0, 6)
  })
})

describe('normalise', () => {
  it('fits a layout in the unit box and maps new points the same way', () => {
    const y = matrix(Float32Array.from([1, 1, 3, 1, 2, 5]), 3, 2)
    const f = normaliseLayout(y)
    expect(f.centre).toEqual([2, 7 / 3])
    expect(Math.max(...y.data.map(Math.abs))).toBeCloseTo(1, 6)
    expect(toFrame(f, [3, 1])[0]).toBeCloseTo(y.data[2]!, 6)
  })
})
