/** Synthetic embeddings for the space tests: Gaussian blobs on the unit sphere, seeded. */
import { seededRandom } from '../../../src/core/projection/types'

/** Standard normal from a uniform generator (Box–Muller). */
export function gaussian(rand: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand())
}

/**
 * `blobs` clusters of `perBlob` L2-normalised vectors in `dim` dimensions: each around a random
 * unit centre with noise `spread`. Returns vectors [n, dim] and the true blob of each row.
 */
export function blobs(blobCount: number, perBlob: number, dim: number, spread = 0.05, seed = 3): { vectors: Float32Array; labels: number[] } {
  const g = gaussian(seededRandom(seed))
  const n = blobCount * perBlob
  const vectors = new Float32Array(n * dim)
  const labels: number[] = []
  const centres = Array.from({ length: blobCount }, () => Array.from({ length: dim }, g))
  for (let b = 0; b < blobCount; b++) {
    const c = centres[b]!
    const norm = Math.hypot(...c)
    for (let p = 0; p < perBlob; p++) {
      const i = b * perBlob + p
      let s = 0
      for (let j = 0; j < dim; j++) {
        const v = c[j]! / norm + spread * g()
        vectors[i * dim + j] = v
        s += v * v
      }
      for (let j = 0; j < dim; j++) vectors[i * dim + j]! /= Math.sqrt(s)
      labels.push(b)
    }
  }
  return { vectors, labels }
}
