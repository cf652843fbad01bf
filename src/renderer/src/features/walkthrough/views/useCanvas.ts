/** Canvas helpers: draw at device-pixel resolution whenever the inputs change (no React per cell). */
import { useLayoutEffect, useRef, type RefObject } from 'react'

/**
 * Sizes `canvas` to `width × height` CSS pixels (× devicePixelRatio) and calls `draw` with a
 * context scaled to CSS pixels. Runs in a layout effect so a step change paints in the same frame.
 */
export function useCanvas(width: number, height: number, draw: (ctx: CanvasRenderingContext2D) => void, deps: unknown[]): RefObject<HTMLCanvasElement | null> {
  const ref = useRef<HTMLCanvasElement | null>(null)
  useLayoutEffect(() => {
    const canvas = ref.current
    const ctx = canvas?.getContext('2d', { willReadFrequently: true })
    if (!canvas || !ctx) return
    const dpr = window.devicePixelRatio || 1
    canvas.width = Math.max(1, Math.round(width * dpr))
    canvas.height = Math.max(1, Math.round(height * dpr))
    canvas.style.width = `${width}px`
    canvas.style.height = `${height}px`
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    ctx.clearRect(0, 0, width, height)
    draw(ctx)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [width, height, ...deps])
  return ref
}

/** Shortens a token for a label: at most `n` characters, spaces shown as `·`. */
export function label(piece: string, n = 10): string {
  const s = piece.replace(/ /g, '·').replace(/\n/g, '↵')
  return s.length > n ? `${s.slice(0, n - 1)}…` : s
}
