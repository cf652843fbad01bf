/**
 * UMAP layout (umap-js, McInnes et al. 2018). The vectors are first reduced to at most
 * {@link UMAP_INPUT_DIMS} dimensions by PCA, the usual preprocessing that makes the
 * nearest-neighbour search several times faster and keeps the global variance.
 */
import { UMAP } from 'umap-js'
import { type PcaModel, fitPca, pcaTransform } from './pca'
import { type Matrix, type Progress, seededRandom } from './types'

export const UMAP_INPUT_DIMS = 50

/** A fitted UMAP that can place new vectors (see {@link umapTransform}). */
export interface UmapModel {
  pca: PcaModel
  umap: UMAP
}

function toRows(m: Matrix): number[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)))
}

/**
 * Fits UMAP to `x` ([n, dim]) and returns the layout [n, dims] plus the model.
 * n must be ≥ 3; nNeighbors is min(15, n − 1).
 * @throws Error for fewer than 3 points.
 */
export function fitUmap(x: Matrix, dims: 2 | 3, onProgress?: Progress, seed = 42): { layout: Matrix; model: UmapModel } {
  if (x.rows < 3) throw new Error('UMAP needs at least 3 points')
  const pca = fitPca(x, Math.min(UMAP_INPUT_DIMS, x.cols, x.rows), onProgress)
  const reduced = pcaTransform(pca, x)
  const umap = new UMAP({ nComponents: dims, nNeighbors: Math.min(15, x.rows - 1), minDist: 0.1, random: seededRandom(seed) })
  onProgress?.('neighbours', 0, 1)
  const epochs = umap.initializeFit(toRows(reduced))
  for (let e = 0; e < epochs; e++) {
    umap.step()
    if (e % 5 === 0) onProgress?.('optimise', e, epochs)
  }
  onProgress?.('optimise', epochs, epochs)
  const emb = umap.getEmbedding()
  const layout = new Float32Array(x.rows * dims)
  emb.forEach((p, i) => p.forEach((v, c) => (layout[i * dims + c] = v)))
  return { layout: { data: layout, rows: x.rows, cols: dims }, model: { pca, umap } }
}

/** Places new vectors ([m, dim]) with the fitted model (umap-js `transform`). Returns raw [m, dims]. */
export function umapTransform(model: UmapModel, q: Matrix): Matrix {
  const out = model.umap.transform(toRows(pcaTransform(model.pca, q)))
  const dims = out[0]?.length ?? 0
  return { data: Float32Array.from(out.flat()), rows: out.length, cols: dims }
}
