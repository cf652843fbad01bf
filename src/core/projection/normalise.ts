/** Fits a layout into the unit box so every method draws at the same scale and animates smoothly. */
import type { Matrix } from './types'

/** centre [d] and scale: display = (raw − centre) / scale. */
export interface Frame {
  centre: number[]
  scale: number
}

/**
 * Centres `y` ([n, d]) on its mean and divides by its largest absolute coordinate, in place, so
 * every coordinate lies in [−1, 1]. Returns the frame, to map new points the same way.
 */
export function normaliseLayout(y: Matrix): Frame {
  const { rows: n, cols: d, data } = y
  const centre = new Array<number>(d).fill(0)
  for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) centre[c]! += data[i * d + c]! / n
  let scale = 0
  for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) scale = Math.max(scale, Math.abs(data[i * d + c]! - centre[c]!))
  scale ||= 1
  for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) data[i * d + c] = (data[i * d + c]! - centre[c]!) / scale
  return { centre, scale }
}

/** Maps a raw point ([d]) into a frame made by {@link normaliseLayout}. */
export function toFrame(frame: Frame, p: ArrayLike<number>): number[] {
  return frame.centre.map((c, i) => (p[i]! - c) / frame.scale)
}
