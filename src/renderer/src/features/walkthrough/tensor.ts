/**
 * Read-only views of the model host's tensors for drawing: indexing, head selection and display
 * formatting. Nothing here produces a value the model did not compute, except the mean over heads
 * (labelled as such wherever it is shown).
 */
import type { TeachingTensor } from '@shared/contract/walkthrough'

/** A 2-D view: `rows × cols`, `get(i, j)`. */
export interface Matrix {
  rows: number
  cols: number
  get(i: number, j: number): number
  /** Graph output name and the full index of cell (i, j), for hover read-outs and tests. */
  name: string
  index(i: number, j: number): number[]
  /** Full tensor shape. */
  dims: number[]
}

/** A [T, C] tensor as a matrix. */
export function matrix2d(t: TeachingTensor): Matrix {
  const [rows = 0, cols = 0] = t.dims
  return { rows, cols, get: (i, j) => t.data[i * cols + j]!, name: t.name ?? '', index: (i, j) => [i, j], dims: t.dims }
}

const means = new WeakMap<Float32Array, Float32Array>()

/** One head of an [H, Tq, Tk] (or [H, T, Dh]) tensor, or the mean over heads. */
export function headMatrix(t: TeachingTensor, head: number | 'mean'): Matrix {
  const [heads = 0, rows = 0, cols = 0] = t.dims
  const size = rows * cols
  if (head === 'mean') {
    let m = means.get(t.data)
    if (!m) {
      m = new Float32Array(size)
      for (let h = 0; h < heads; h++) for (let k = 0; k < size; k++) m[k]! += t.data[h * size + k]! / heads
      means.set(t.data, m)
    }
    const data = m
    return { rows, cols, get: (i, j) => data[i * cols + j]!, name: `${t.name ?? ''} (mean of ${heads} heads)`, index: (i, j) => [i, j], dims: [rows, cols] }
  }
  const off = head * size
  return { rows, cols, get: (i, j) => t.data[off + i * cols + j]!, name: t.name ?? '', index: (i, j) => [head, i, j], dims: t.dims }
}

/** Rows `0…n-1` and columns `0…m-1` of a matrix (what the decoder had computed at an earlier step). */
export function crop(m: Matrix, rows: number, cols = m.cols): Matrix {
  return { ...m, rows: Math.min(rows, m.rows), cols: Math.min(cols, m.cols) }
}

/** Largest |value| of a matrix (for a symmetric colour scale); masked cells (≤ −1e8) are ignored. */
export function absMax(m: Matrix): number {
  let best = 0
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) {
    const v = m.get(i, j)
    if (v > -1e8) best = Math.max(best, Math.abs(v))
  }
  return best || 1
}

/** True for the −1e9 the graphs write where attention is masked. */
export const isMasked = (v: number): boolean => v <= -1e8

/** Fixed-point text of a value as shown on screen (and in `data-value`); masked scores read "−1e9" (the graph's mask value). */
export function fmt(v: number, digits = 3): string {
  if (isMasked(v)) return '−1e9'
  const s = v.toFixed(digits)
  return s === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : s
}
