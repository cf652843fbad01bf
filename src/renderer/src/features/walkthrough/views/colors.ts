/**
 * Colour scales for canvas views, read from the theme's CSS variables so light and dark both work.
 * Diverging (negative blue, zero = panel colour, positive red) for signed activations; sequential
 * (panel → accent) for weights and probabilities in [0, 1].
 */

type Rgb = [number, number, number]

function parse(color: string): Rgb {
  const c = color.trim()
  if (c.startsWith('#')) {
    const hex = c.length === 4 ? c.slice(1).split('').map((x) => x + x).join('') : c.slice(1, 7)
    return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb
  }
  const m = c.match(/\d+(\.\d+)?/g)
  return m && m.length >= 3 ? [Number(m[0]), Number(m[1]), Number(m[2])] : [128, 128, 128]
}

export interface Palette {
  panel: Rgb
  text: string
  muted: string
  border: string
  borderRgb: Rgb
  accent: Rgb
  neg: Rgb
  pos: Rgb
}

/** The current theme's colours (call at draw time: the theme may have changed). */
export function palette(): Palette {
  const css = getComputedStyle(document.documentElement)
  const v = (name: string): string => css.getPropertyValue(name) || '#888'
  const dark = document.documentElement.dataset.theme === 'dark'
  return {
    panel: parse(v('--panel')),
    text: v('--text').trim(),
    muted: v('--muted').trim(),
    border: v('--border').trim(),
    borderRgb: parse(v('--border')),
    accent: parse(v('--accent')),
    neg: dark ? [96, 165, 250] : [37, 99, 235],
    pos: dark ? [248, 113, 113] : [220, 38, 38]
  }
}

export type { Rgb }

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]

/** Signed value on a symmetric scale of half-width `max`. */
export function diverging(p: Palette, v: number, max: number): Rgb {
  const t = Math.max(-1, Math.min(1, v / max))
  return t < 0 ? mix(p.panel, p.neg, -t) : mix(p.panel, p.pos, t)
}

/** Value in [0, max] (weights, probabilities); a square-root ramp keeps small weights visible. */
export function sequential(p: Palette, v: number, max = 1): Rgb {
  return mix(p.panel, p.accent, Math.sqrt(Math.max(0, Math.min(1, v / max))))
}

/**
 * A rows × cols grid of colours as an off-screen canvas, one pixel per cell. Views scale it with
 * drawImage (smoothing off): one draw instead of rows × cols fillRects, about a millisecond for 128 × 128.
 */
export function cellImage(rows: number, cols: number, color: (i: number, j: number) => Rgb): HTMLCanvasElement {
  const off = document.createElement('canvas')
  off.width = Math.max(1, cols)
  off.height = Math.max(1, rows)
  if (rows === 0 || cols === 0) return off
  const img = new ImageData(cols, rows)
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const c = color(i, j)
      const k = (i * cols + j) * 4
      img.data[k] = c[0]
      img.data[k + 1] = c[1]
      img.data[k + 2] = c[2]
      img.data[k + 3] = 255
    }
  }
  off.getContext('2d', { willReadFrequently: true })?.putImageData(img, 0, 0)
  return off
}

/** Draws the whole grid at (x, y) with cw × ch cells. */
export function paintCells(ctx: CanvasRenderingContext2D, rows: number, cols: number, color: (i: number, j: number) => Rgb, x: number, y: number, cw: number, ch: number): void {
  ctx.imageSmoothingEnabled = false
  ctx.drawImage(cellImage(rows, cols, color), x, y, cols * cw, rows * ch)
}
