import { useState, type ReactNode } from 'react'
import { absMax, type Matrix } from '../tensor'
import { cellImage, diverging, palette } from './colors'
import { type HoverCell, Tooltip } from './Tooltip'
import { label, useCanvas } from './useCanvas'

interface Props {
  m: Matrix
  rowLabels: string[]
  /** Row outlined as the selected token; clicking a row selects it. */
  selected?: number | null
  onSelect?: (row: number) => void
  testId?: string
  /** Shared colour half-width (so strips side by side compare); default: this matrix's |max|. */
  max?: number
  width?: number
}

const GUTTER = 84

/** A [T, C] tensor as one strip of colours per token (blue negative, red positive); hover reads a value. */
export function VectorStrip({ m, rowLabels, selected = null, onSelect, testId, max, width = 560 }: Props): ReactNode {
  const [hover, setHover] = useState<HoverCell | null>(null)
  const cw = Math.max(1, (width - GUTTER) / m.cols)
  const rh = m.rows > 40 ? 4 : 16
  const height = m.rows * (rh + 2)
  const scale = max ?? absMax(m)
  const ref = useCanvas(width, height, (ctx) => {
    const p = palette()
    const img = cellImage(m.rows, m.cols, (i, j) => diverging(p, m.get(i, j), scale))
    ctx.imageSmoothingEnabled = false
    for (let i = 0; i < m.rows; i++) {
      const y = i * (rh + 2)
      ctx.drawImage(img, 0, i, m.cols, 1, GUTTER, y, m.cols * cw, rh)
      if (i === selected) {
        ctx.strokeStyle = p.text
        ctx.strokeRect(GUTTER - 1, y - 1, width - GUTTER, rh + 2)
      }
      if (rh >= 12) {
        ctx.fillStyle = p.text
        ctx.font = '12px system-ui'
        ctx.textAlign = 'right'
        ctx.fillText(label(rowLabels[i] ?? ''), GUTTER - 6, y + rh - 3)
      }
    }
  }, [m, rowLabels, selected, scale, cw, rh])
  const at = (e: React.MouseEvent<HTMLCanvasElement>): [number, number, number, number] => {
    const r = e.currentTarget.getBoundingClientRect()
    const x = e.clientX - r.left
    const y = e.clientY - r.top
    return [Math.floor(y / (rh + 2)), Math.floor((x - GUTTER) / cw), x, y]
  }
  const onMove = (e: React.MouseEvent<HTMLCanvasElement>): void => {
    const [i, j, x, y] = at(e)
    if (i < 0 || j < 0 || i >= m.rows || j >= m.cols) return setHover(null)
    setHover({ x, y, name: m.name, index: m.index(i, j), dims: m.dims, value: m.get(i, j), context: rowLabels[i] })
  }
  return (
    <div className="wt-canvas-wrap" data-testid={testId}>
      <canvas
        ref={ref}
        role="img"
        aria-label={m.name}
        onMouseMove={onMove}
        onMouseLeave={() => setHover(null)}
        onClick={(e) => {
          const [i] = at(e)
          if (onSelect && i >= 0 && i < m.rows) onSelect(i)
        }}
      />
      <Tooltip cell={hover} />
    </div>
  )
}
