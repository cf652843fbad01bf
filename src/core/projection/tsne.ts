/**
 * t-SNE layout (@keckelt/tsne, the exact O(n²) algorithm of van der Maaten & Hinton 2008).
 * Exact t-SNE needs n² memory, so at most {@link TSNE_MAX_POINTS} points are laid out (a seeded
 * sample); every other point is placed at the similarity-weighted mean of its nearest sampled
 * neighbours, as new query points are. The UI says so.
 */
import { TSNE } from '@keckelt/tsne'
import { placeByNeighbours, samplePoints, topKCosine } from './neighbours'
import { fitPca, pcaTransform } from './pca'
import { type Matrix, type Progress, row } from './types'

export const TSNE_MAX_POINTS = 2500
export const TSNE_ITERATIONS = 500

/**
 * Lays out `x` ([n, dim], L2-normalised) in `dims` dimensions.
 * Returns the layout [n, dims] and how many points t-SNE itself placed.
 * @throws Error for fewer than 3 points.
 */
export function fitTsne(x: Matrix, dims: 2 | 3, onProgress?: Progress, seed = 42): { layout: Matrix; sampled: number } {
  if (x.rows < 3) throw new Error('t-SNE needs at least 3 points')
  const idx = samplePoints(x.rows, TSNE_MAX_POINTS, seed)
  const sub = new Float32Array(idx.length * x.cols)
  idx.forEach((i, r) => sub.set(row(x, i), r * x.cols))
  const subM: Matrix = { data: sub, rows: idx.length, cols: x.cols }
  // PCA to 50 dimensions first, as is customary for t-SNE on high-dimensional data.
  const reduced = pcaTransform(fitPca(subM, Math.min(50, x.cols, idx.length)), subM)
  const tsne = new TSNE({ dim: dims, perplexity: Math.min(30, Math.max(2, Math.floor((idx.length - 1) / 3))), epsilon: 10 })
  tsne.initDataRaw(Array.from({ length: reduced.rows }, (_, i) => Array.from(row(reduced, i))))
  for (let it = 0; it < TSNE_ITERATIONS; it++) {
    tsne.step()
    if (it % 10 === 0) onProgress?.('optimise', it, TSNE_ITERATIONS)
  }
  onProgress?.('optimise', TSNE_ITERATIONS, TSNE_ITERATIONS)
  const sol = tsne.getSolution() as number[][]
  const sampledLayout: Matrix = { data: Float32Array.from(sol.flat()), rows: idx.length, cols: dims }
  const layout = new Float32Array(x.rows * dims)
  const slot = new Int32Array(x.rows).fill(-1)
  idx.forEach((i, r) => {
    slot[i] = r
    layout.set(row(sampledLayout, r), i * dims)
  })
  for (let i = 0; i < x.rows; i++) {
    if (slot[i]! >= 0) continue
    layout.set(placeByNeighbours(sampledLayout, topKCosine(subM, row(x, i), 10)), i * dims)
    if (i % 500 === 0) onProgress?.('place', i, x.rows)
  }
  return { layout: { data: layout, rows: x.rows, cols: dims }, sampled: idx.length }
}
