import type { ReactNode } from 'react'
import { isMasked, type Matrix } from '../tensor'
import { palette } from './colors'
import { label, useCanvas } from './useCanvas'

interface Props {
  /** Attention weights [queries, keys]. */
  m: Matrix
  rowLabels: string[]
  colLabels: string[]
  /** Only this query's lines (null: every query, fainter). */
  query: number | null
  width?: number
  testId?: string
}

/**
 * Attention as lines: keys on the top row, queries on the bottom row, each line as opaque and
 * thick as its weight. Weights under 1 % are skipped (at 128 tokens that keeps it to a few
 * thousand strokes).
 */
export function AttentionLines({ m, rowLabels, colLabels, query, width = 560, testId }: Props): ReactNode {
  const height = 150
  const n = Math.max(m.rows, m.cols)
  const step = (width - 20) / Math.max(1, n)
  const xKey = (j: number): number => 10 + (j + 0.5) * ((width - 20) / Math.max(1, m.cols))
  const xQuery = (i: number): number => 10 + (i + 0.5) * ((width - 20) / Math.max(1, m.rows))
  const ref = useCanvas(width, height, (ctx) => {
    const p = palette()
    const [r, g, b] = p.accent
    const rows = query === null ? Array.from({ length: m.rows }, (_, i) => i) : [query]
    for (const i of rows) {
      for (let j = 0; j < m.cols; j++) {
        const w = m.get(i, j)
        if (isMasked(w) || w < 0.01) continue
        ctx.strokeStyle = `rgba(${r},${g},${b},${query === null ? w * 0.7 : Math.max(0.15, w)})`
        ctx.lineWidth = query === null ? 1 + w * 2 : 1 + w * 6
        ctx.beginPath()
        ctx.moveTo(xQuery(i), height - 26)
        ctx.lineTo(xKey(j), 26)
        ctx.stroke()
      }
    }
    ctx.lineWidth = 1
    if (step < 14) return
    ctx.font = `${Math.min(12, step - 2)}px system-ui`
    ctx.textAlign = 'center'
    for (let j = 0; j < m.cols; j++) {
      ctx.fillStyle = p.text
      ctx.fillText(label(colLabels[j] ?? '', 8), xKey(j), 16)
    }
    for (let i = 0; i < m.rows; i++) {
      ctx.fillStyle = query === i ? p.text : p.muted
      ctx.fillText(label(rowLabels[i] ?? '', 8), xQuery(i), height - 8)
    }
  }, [m, rowLabels, colLabels, query])
  return (
    <div className="wt-canvas-wrap" data-testid={testId}>
      <canvas ref={ref} role="img" aria-label={m.name} />
    </div>
  )
}
