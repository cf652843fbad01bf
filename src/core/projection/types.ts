/** Shapes shared by the projection maths. Pure data, no Node or DOM. */
import { mulberry32 } from '../../shared/sampling'

/** A dense row-major matrix view: `data` is [rows, cols]. */
export interface Matrix {
  data: Float32Array
  rows: number
  cols: number
}

/** Projection methods offered to the user. */
export type ProjectionMethod = 'pca' | 'umap' | 'tsne'

/** How a new point (a query) is placed in a layout. */
export type Placement = 'exact' | 'transform' | 'neighbours'

/** Progress callback: `stage` is a short machine name; `done`/`total` count units of that stage. */
export type Progress = (stage: string, done: number, total: number) => void

/**
 * Makes a {@link Matrix} view, checking the length.
 * @throws Error if `data.length !== rows * cols`.
 */
export function matrix(data: Float32Array, rows: number, cols: number): Matrix {
  if (data.length !== rows * cols) throw new Error(`matrix: ${data.length} values is not ${rows} × ${cols}`)
  return { data, rows, cols }
}

/** Row `i` of `m` as a subarray (no copy). */
export function row(m: Matrix, i: number): Float32Array {
  return m.data.subarray(i * m.cols, (i + 1) * m.cols)
}

/** A seeded pseudo-random generator in [0, 1) (mulberry32, see shared/sampling.ts), so layouts and clusters are reproducible. */
export const seededRandom = mulberry32
