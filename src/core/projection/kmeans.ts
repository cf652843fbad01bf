/**
 * Spherical k-means on L2-normalised embeddings (cosine similarity), k-means++ seeding
 * (Arthur & Vassilvitskii 2007), seeded so the same library gives the same clusters.
 */
import { type Matrix, row, seededRandom } from './types'

export interface KMeansResult {
  /** [n] cluster of each row, 0…k−1. */
  assignments: Int32Array
  /** [k, dim] unit centroids. */
  centroids: Float32Array
  /** [k] number of rows in each cluster. */
  sizes: number[]
  iterations: number
}

function normaliseInPlace(v: Float32Array): void {
  let s = 0
  for (const x of v) s += x * x
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0
  for (let j = 0; j < v.length; j++) v[j]! *= inv
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0
  for (let j = 0; j < a.length; j++) s += a[j]! * b[j]!
  return s
}

/** k-means++: each next seed drawn with probability ∝ its (1 − best cosine) to the seeds so far. */
function seed(x: Matrix, k: number, rand: () => number): Float32Array {
  const { rows: n, cols: dim } = x
  const c = new Float32Array(k * dim)
  c.set(row(x, Math.floor(rand() * n)), 0)
  const dist = new Float64Array(n).fill(Infinity)
  for (let m = 1; m < k; m++) {
    const last = c.subarray((m - 1) * dim, m * dim)
    let total = 0
    for (let i = 0; i < n; i++) {
      dist[i] = Math.min(dist[i]!, Math.max(0, 1 - dot(row(x, i), last)))
      total += dist[i]!
    }
    let r = rand() * total
    let pick = n - 1
    for (let i = 0; i < n; i++) if ((r -= dist[i]!) <= 0) { pick = i; break }
    c.set(row(x, pick), m * dim)
  }
  return c
}

/**
 * Clusters the rows of `x` ([n, dim]) into `k` groups.
 * @throws Error if k < 1 or k > n.
 */
export function kMeans(x: Matrix, k: number, opts: { seed?: number; maxIterations?: number; onProgress?: (done: number, total: number) => void } = {}): KMeansResult {
  const { rows: n, cols: dim } = x
  if (k < 1 || k > n) throw new Error(`k-means: k=${k} must be between 1 and the number of points (${n})`)
  const maxIt = opts.maxIterations ?? 50
  const centroids = seed(x, k, seededRandom(opts.seed ?? 1))
  const assignments = new Int32Array(n).fill(-1)
  let it = 0
  for (; it < maxIt; it++) {
    let changed = 0
    for (let i = 0; i < n; i++) {
      const r = row(x, i)
      let best = 0
      let bestScore = -Infinity
      for (let c = 0; c < k; c++) {
        const s = dot(r, centroids.subarray(c * dim, (c + 1) * dim))
        if (s > bestScore) [best, bestScore] = [c, s]
      }
      if (assignments[i] !== best) changed++
      assignments[i] = best
    }
    opts.onProgress?.(it + 1, maxIt)
    const sums = new Float32Array(k * dim)
    const counts = new Array<number>(k).fill(0)
    for (let i = 0; i < n; i++) {
      const a = assignments[i]!
      counts[a]!++
      const r = row(x, i)
      for (let j = 0; j < dim; j++) sums[a * dim + j]! += r[j]!
    }
    for (let c = 0; c < k; c++) {
      // An emptied cluster keeps its old centroid rather than vanishing.
      if (counts[c] === 0) continue
      const cen = sums.subarray(c * dim, (c + 1) * dim)
      normaliseInPlace(cen)
      centroids.set(cen, c * dim)
    }
    if (changed === 0) break
  }
  const sizes = new Array<number>(k).fill(0)
  for (const a of assignments) sizes[a]!++
  return { assignments, centroids, sizes, iterations: it + 1 }
}
