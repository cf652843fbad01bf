/**
 * Leading eigenpairs of a symmetric positive semi-definite matrix (a covariance matrix).
 *
 * A full eigen-decomposition of a 384 × 384 matrix takes ~1.3 s in ml-matrix (its Householder
 * tridiagonalisation goes through Matrix.get/set). PCA for a 2D/3D view needs only the first 2–3
 * axes, so for small k we use the Lanczos method with full reorthogonalisation, i.e. Rayleigh–Ritz
 * on an orthonormal Krylov basis of C (Golub & Van Loan, *Matrix Computations*, 4th ed., §10.1
 * and §10.3.1), whose small m × m eigenproblem is solved by ml-matrix. The basis grows (doubling)
 * until every wanted Ritz pair has a small residual; if it would grow past dim / 2 we fall back to
 * the full decomposition, so the answer is always exact to the stated tolerance.
 */
import { EigenvalueDecomposition, Matrix as MlMatrix } from 'ml-matrix'
import { seededRandom } from './types'

/** The k largest eigenvalues (descending) and their unit eigenvectors, [k, dim] row-major. */
export interface Eigenpairs {
  values: number[]
  vectors: Float64Array
}

/** The Krylov method is used for k up to this; beyond it the full decomposition is as fast. */
export const KRYLOV_MAX_K = 10
/** Converged when ‖C v − θ v‖ ≤ TOLERANCE · θ₁ for each of the k Ritz pairs. */
const TOLERANCE = 1e-9

/**
 * The k leading eigenpairs of the symmetric [dim, dim] matrix `c` (row-major, full, not only a
 * triangle). Chooses subspace iteration or the full decomposition by k and dim.
 * @throws Error if k < 1 or k > dim.
 */
export function leadingEigenpairs(c: Float64Array, dim: number, k: number): Eigenpairs {
  if (k < 1 || k > dim) throw new Error(`eigen: k=${k} is not in 1…${dim}`)
  if (k <= KRYLOV_MAX_K) {
    for (let m = Math.max(4 * k + 16, 48); m <= dim / 2; m *= 2) {
      const fast = krylovRitz(c, dim, k, m)
      if (fast) return fast
    }
  }
  return fullDecomposition(c, dim, k)
}

/** All eigenpairs through ml-matrix, the k largest returned. */
export function fullDecomposition(c: Float64Array, dim: number, k: number): Eigenpairs {
  const m = MlMatrix.zeros(dim, dim)
  for (let a = 0; a < dim; a++) for (let b = 0; b < dim; b++) m.set(a, b, c[a * dim + b]!)
  const eig = new EigenvalueDecomposition(m, { assumeSymmetric: true })
  const order = eig.realEigenvalues.map((v, i) => [v, i] as const).sort((p, q) => q[0] - p[0])
  const vectors = new Float64Array(k * dim)
  for (let r = 0; r < k; r++) for (let j = 0; j < dim; j++) vectors[r * dim + j] = eig.eigenvectorMatrix.get(j, order[r]![1])
  return { values: order.slice(0, k).map(([v]) => v), vectors }
}

/**
 * Rayleigh–Ritz on the m-dimensional Krylov space span{v, Cv, …, C^(m−1) v} (seeded start v, so the
 * result is reproducible), built with Gram–Schmidt against every earlier vector, twice. Returns
 * the k leading Ritz pairs, or null if their residuals are not yet below TOLERANCE.
 */
export function krylovRitz(c: Float64Array, dim: number, k: number, m: number): Eigenpairs | null {
  const rand = seededRandom(17)
  const q = new Float64Array(m * dim) // [m, dim]: the basis as rows
  for (let t = 0; t < dim; t++) q[t] = rand() - 0.5
  let size = 0
  for (let j = 0; j < m; j++) {
    if (j > 0) q.set(multiply(c, dim, q.subarray((j - 1) * dim, j * dim), 1), j * dim)
    if (!orthogonaliseRow(q, j, dim)) break // the Krylov space is invariant: it holds exact pairs
    size = j + 1
  }
  if (size < k) return null
  const basis = q.subarray(0, size * dim)
  const ritz = rayleighRitz(basis, multiply(c, dim, basis, size), size, dim)
  const top = { values: ritz.values.slice(0, k), vectors: ritz.vectors.slice(0, k * dim) }
  return converged(c, dim, top, k) ? top : null
}

/**
 * Orthogonalises row j of `q` against rows 0…j−1 (twice, for stability) and normalises it.
 * Returns false if nothing is left of it (it lay in the span of the earlier rows).
 */
function orthogonaliseRow(q: Float64Array, j: number, dim: number): boolean {
  const qj = q.subarray(j * dim, (j + 1) * dim)
  const before = Math.sqrt(dot(qj, qj))
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < j; i++) {
      const qi = q.subarray(i * dim, (i + 1) * dim)
      const d = dot(qj, qi)
      for (let t = 0; t < dim; t++) qj[t]! -= d * qi[t]!
    }
  }
  const norm = Math.sqrt(dot(qj, qj))
  if (!(norm > 1e-10 * before)) return false
  for (let t = 0; t < dim; t++) qj[t]! /= norm
  return true
}

/** C times each row of `q`: [l, dim] → [l, dim]. */
function multiply(c: Float64Array, dim: number, q: Float64Array, l: number): Float64Array {
  const out = new Float64Array(l * dim)
  for (let i = 0; i < l; i++) {
    const qi = q.subarray(i * dim, (i + 1) * dim)
    for (let a = 0; a < dim; a++) out[i * dim + a] = dot(c.subarray(a * dim, (a + 1) * dim), qi)
  }
  return out
}

/** Ritz pairs of the orthonormal block q with z = C q: eigen of the l × l matrix qᵀ C q. */
function rayleighRitz(q: Float64Array, z: Float64Array, l: number, dim: number): Eigenpairs {
  const h = MlMatrix.zeros(l, l)
  for (let i = 0; i < l; i++) for (let j = i; j < l; j++) {
    const v = dot(q.subarray(i * dim, (i + 1) * dim), z.subarray(j * dim, (j + 1) * dim))
    h.set(i, j, v)
    h.set(j, i, v)
  }
  const eig = new EigenvalueDecomposition(h, { assumeSymmetric: true })
  const order = eig.realEigenvalues.map((v, i) => [v, i] as const).sort((p, r) => r[0] - p[0])
  const vectors = new Float64Array(l * dim)
  order.forEach(([, col], r) => {
    for (let i = 0; i < l; i++) {
      const w = eig.eigenvectorMatrix.get(i, col)
      for (let t = 0; t < dim; t++) vectors[r * dim + t]! += w * q[i * dim + t]!
    }
  })
  return { values: order.map(([v]) => v), vectors }
}

/** True when each of the first k Ritz pairs has a residual ‖C v − θ v‖ ≤ TOLERANCE · θ₁. */
function converged(c: Float64Array, dim: number, ritz: Eigenpairs, k: number): boolean {
  const scale = Math.max(Math.abs(ritz.values[0]!), Number.MIN_VALUE)
  const cv = multiply(c, dim, ritz.vectors, k)
  for (let r = 0; r < k; r++) {
    let s = 0
    for (let t = 0; t < dim; t++) s += (cv[r * dim + t]! - ritz.values[r]! * ritz.vectors[r * dim + t]!) ** 2
    if (Math.sqrt(s) > TOLERANCE * scale) return false
  }
  return true
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0
  for (let t = 0; t < a.length; t++) s += a[t]! * b[t]!
  return s
}
