import { useState, type ReactNode } from 'react'
import { absMax, isMasked, type Matrix } from '../tensor'
import { diverging, paintCells, palette, sequential } from './colors'
import { type HoverCell, Tooltip } from './Tooltip'
import { label, useCanvas } from './useCanvas'

interface Props {
  m: Matrix
  rowLabels: string[]
  colLabels: string[]
  scale: 'diverging' | 'sequential'
  /** Row drawn with an outline (the query being followed). */
  highlightRow?: number | null
  testId?: string
  /** Largest size in CSS pixels of the cell area. */
  maxSize?: number
}

const GUTTER = 76

/**
 * A matrix as a canvas heatmap with token labels. Masked cells (−1e9) are hatched; hovering any
 * cell shows its value, index and shape. One canvas, so 128 × 128 draws in a few milliseconds.
 */
export function Heatmap({ m, rowLabels, colLabels, scale, highlightRow = null, testId, maxSize = 420 }: Props): ReactNode {
  const [hover, setHover] = useState<HoverCell | null>(null)
  const cell = Math.max(3, Math.min(44, Math.floor(maxSize / Math.max(m.rows, m.cols))))
  const showLabels = cell >= 9
  const gutter = showLabels ? GUTTER : 4
  const width = gutter + m.cols * cell
  const height = gutter + m.rows * cell
  const max = scale === 'diverging' ? absMax(m) : 1
  const ref = useCanvas(width, height, (ctx) => {
    const p = palette()
    paintCells(ctx, m.rows, m.cols, (i, j) => {
      const v = m.get(i, j)
      return isMasked(v) ? p.borderRgb : scale === 'diverging' ? diverging(p, v, max) : sequential(p, v)
    }, gutter, gutter, cell, cell)
    // hatch masked cells (one path) and print values when cells are big enough to read
    ctx.strokeStyle = p.muted
    ctx.beginPath()
    for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) {
      if (!isMasked(m.get(i, j)) || cell < 6) continue
      ctx.moveTo(gutter + j * cell, gutter + (i + 1) * cell)
      ctx.lineTo(gutter + (j + 1) * cell, gutter + i * cell)
    }
    ctx.stroke()
    if (cell >= 34) {
      ctx.fillStyle = p.text
      ctx.font = '10px system-ui'
      ctx.textAlign = 'center'
      for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) {
        const v = m.get(i, j)
        if (!isMasked(v)) ctx.fillText(v.toFixed(2), gutter + j * cell + cell / 2, gutter + i * cell + cell / 2 + 3)
      }
    }
    if (highlightRow !== null && highlightRow < m.rows) {
      ctx.strokeStyle = p.text
      ctx.lineWidth = 2
      ctx.strokeRect(gutter + 1, gutter + highlightRow * cell + 1, m.cols * cell - 2, cell - 2)
      ctx.lineWidth = 1
    }
    if (!showLabels) return
    ctx.fillStyle = p.text
    ctx.font = `${Math.min(12, cell - 1)}px system-ui`
    ctx.textAlign = 'right'
    for (let i = 0; i < m.rows; i++) ctx.fillText(label(rowLabels[i] ?? ''), gutter - 4, gutter + i * cell + cell / 2 + 4)
    for (let j = 0; j < m.cols; j++) {
      ctx.save()
      ctx.translate(gutter + j * cell + cell / 2 + 4, gutter - 4)
      ctx.rotate(-Math.PI / 3)
      ctx.textAlign = 'left'
      ctx.fillText(label(colLabels[j] ?? ''), 0, 0)
      ctx.restore()
    }
  }, [m, rowLabels, colLabels, scale, highlightRow, cell, max])

  const onMove = (e: React.MouseEvent<HTMLCanvasElement>): void => {
    const r = e.currentTarget.getBoundingClientRect()
    const j = Math.floor((e.clientX - r.left - gutter) / cell)
    const i = Math.floor((e.clientY - r.top - gutter) / cell)
    if (i < 0 || j < 0 || i >= m.rows || j >= m.cols) return setHover(null)
    setHover({ x: e.clientX - r.left, y: e.clientY - r.top, name: m.name, index: m.index(i, j), dims: m.dims, value: m.get(i, j), context: `${rowLabels[i] ?? i} → ${colLabels[j] ?? j}` })
  }
  return (
    <div className="wt-canvas-wrap" data-testid={testId} data-rows={m.rows} data-cols={m.cols} data-cell={cell} data-gutter={gutter}>
      <canvas ref={ref} onMouseMove={onMove} onMouseLeave={() => setHover(null)} aria-label={m.name} role="img" />
      <Tooltip cell={hover} />
    </div>
  )
}
