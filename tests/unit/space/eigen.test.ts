import { describe, expect, it } from 'vitest'
import { fullDecomposition, krylovRitz, leadingEigenpairs } from '../../../src/core/projection/eigen'
import { fitPca } from '../../../src/core/projection/pca'
import { matrix, seededRandom } from '../../../src/core/projection/types'

/** BᵀB for a random [rows, dim] B with column j scaled by scale(j): symmetric positive semi-definite. */
function gram(rows: number, dim: number, scale: (j: number) => number, seed = 3): Float64Array {
  const rand = seededRandom(seed)
  const b = Array.from({ length: rows }, () => Array.from({ length: dim }, (_, j) => (rand() - 0.5) * scale(j)))
  const c = new Float64Array(dim * dim)
  for (const r of b) for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) c[i * dim + j]! += r[i]! * r[j]!
  return c
}

/** |cos| between row r of two [k, dim] matrices: 1 when the vectors agree up to sign. */
function agreement(a: Float64Array, b: Float64Array, r: number, dim: number): number {
  let s = 0
  for (let t = 0; t < dim; t++) s += a[r * dim + t]! * b[r * dim + t]!
  return Math.abs(s)
}

describe('leading eigenpairs', () => {
  it('the Krylov path gives the same top pairs as the full decomposition (decaying spectrum)', () => {
    const dim = 120
    const c = gram(400, dim, (j) => 1 / (1 + j / 10))
    const fast = krylovRitz(c, dim, 3, 48)
    const full = fullDecomposition(c, dim, 3)
    expect(fast).not.toBeNull()
    for (let r = 0; r < 3; r++) {
      expect(Math.abs(fast!.values[r]! - full.values[r]!) / full.values[0]!).toBeLessThan(1e-9)
      expect(agreement(fast!.vectors, full.vectors, r, dim)).toBeGreaterThan(1 - 1e-8)
    }
    expect(full.values[0]!).toBeGreaterThan(full.values[1]!)
  })

  it('a nearly flat spectrum needs a bigger Krylov space, and still agrees with the full decomposition', () => {
    const dim = 200
    const c = gram(2000, dim, () => 1, 9)
    expect(krylovRitz(c, dim, 3, 24)).toBeNull() // too small a space to converge: the caller grows it
    const got = leadingEigenpairs(c, dim, 3)
    const full = fullDecomposition(c, dim, 3)
    for (let r = 0; r < 3; r++) {
      expect(Math.abs(got.values[r]! - full.values[r]!) / full.values[0]!).toBeLessThan(1e-8)
      expect(agreement(got.vectors, full.vectors, r, dim)).toBeGreaterThan(1 - 1e-6)
    }
  })

  it('a rank-2 matrix: the Krylov space closes early and the third eigenvalue is 0', () => {
    const dim = 60
    const u = Float64Array.from({ length: dim }, (_, i) => Math.sin(i + 1))
    const v = Float64Array.from({ length: dim }, (_, i) => Math.cos(3 * i))
    const c = new Float64Array(dim * dim)
    for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) c[i * dim + j] = 5 * u[i]! * u[j]! + 2 * v[i]! * v[j]!
    const got = leadingEigenpairs(c, dim, 3)
    const full = fullDecomposition(c, dim, 3)
    expect(got.values[0]).toBeCloseTo(full.values[0]!, 8)
    expect(got.values[1]).toBeCloseTo(full.values[1]!, 8)
    expect(Math.abs(got.values[2]!)).toBeLessThan(1e-8)
  })

  it('rejects k outside 1…dim', () => {
    expect(() => leadingEigenpairs(new Float64Array(4), 2, 3)).toThrow(/k=3 is not in 1…2/)
    expect(() => leadingEigenpairs(new Float64Array(4), 2, 0)).toThrow(/k=0/)
  })
})

describe('PCA covariance in row blocks', () => {
  it('matches a direct covariance for an odd dimension and more rows than one block', () => {
    const n = 5000
    const dim = 7 // padded to 8 inside; 5000 rows span three blocks of 2048
    const rand = seededRandom(4)
    const data = Float32Array.from({ length: n * dim }, (_, i) => (rand() - 0.5) * (1 + (i % dim)) + (i % dim))
    const model = fitPca(matrix(data, n, dim), 3)
    const mean = new Float64Array(dim)
    for (let i = 0; i < n * dim; i++) mean[i % dim]! += data[i]! / n
    const cov = new Float64Array(dim * dim)
    for (let i = 0; i < n; i++) for (let a = 0; a < dim; a++) for (let b = 0; b < dim; b++)
      cov[a * dim + b]! += ((data[i * dim + a]! - mean[a]!) * (data[i * dim + b]! - mean[b]!)) / (n - 1)
    const full = fullDecomposition(cov, dim, 3)
    let trace = 0
    for (let a = 0; a < dim; a++) trace += cov[a * dim + a]!
    for (let r = 0; r < 3; r++) {
      expect(model.explained[r]).toBeCloseTo(full.values[r]! / trace, 9)
      expect(agreement(model.components, full.vectors, r, dim)).toBeGreaterThan(1 - 1e-9)
    }
  })
})
