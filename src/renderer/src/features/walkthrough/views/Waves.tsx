import type { ReactNode } from 'react'
import type { Matrix } from '../tensor'
import { palette } from './colors'
import { useCanvas } from './useCanvas'

interface Props {
  /** Positional encodings [T, dModel] from the graph. */
  pos: Matrix
  /** Feature indices to plot. */
  features: number[]
  /** Draw the continuous sin/cos of the documented formula as a faint guide (sinusoidal models only). */
  guide: boolean
  width?: number
}

const COLORS = ['#e8590c', '#1c7ed6', '#2f9e44', '#ae3ec9']

/**
 * Positional encodings as waves: one curve per chosen feature across positions. Dots are the
 * graph's values; the faint line is PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(…)
 * ("Attention Is All You Need", §3.5, as documented in the model's outputs.json).
 */
export function Waves({ pos, features, guide, width = 560 }: Props): ReactNode {
  const height = 180
  const span = Math.max(pos.rows - 1, 1)
  const x = (p: number): number => 30 + (p / span) * (width - 50)
  let amp = guide ? 1 : 1e-6
  if (!guide) for (const f of features) for (let r = 0; r < pos.rows; r++) amp = Math.max(amp, Math.abs(pos.get(r, f)))
  const y = (v: number): number => height / 2 - (v / amp) * (height / 2 - 16)
  const ref = useCanvas(width, height, (ctx) => {
    const p = palette()
    ctx.strokeStyle = p.border
    ctx.beginPath()
    ctx.moveTo(30, y(0))
    ctx.lineTo(width - 20, y(0))
    ctx.stroke()
    features.forEach((f, k) => {
      const color = COLORS[k % COLORS.length]!
      if (guide) {
        const i2 = f - (f % 2)
        const rate = Math.pow(10000, -i2 / pos.cols)
        ctx.strokeStyle = color
        ctx.globalAlpha = 0.35
        ctx.beginPath()
        for (let px = 0; px <= 200; px++) {
          const t = (px / 200) * span
          const v = f % 2 === 0 ? Math.sin(t * rate) : Math.cos(t * rate)
          if (px === 0) ctx.moveTo(x(t), y(v))
          else ctx.lineTo(x(t), y(v))
        }
        ctx.stroke()
        ctx.globalAlpha = 1
      }
      ctx.fillStyle = color
      ctx.strokeStyle = color
      if (!guide) {
        ctx.beginPath()
        for (let r = 0; r < pos.rows; r++) {
          if (r === 0) ctx.moveTo(x(r), y(pos.get(r, f)))
          else ctx.lineTo(x(r), y(pos.get(r, f)))
        }
        ctx.stroke()
      }
      for (let r = 0; r < pos.rows; r++) {
        ctx.beginPath()
        ctx.arc(x(r), y(pos.get(r, f)), 3.5, 0, Math.PI * 2)
        ctx.fill()
      }
    })
  }, [pos, features, guide, amp])
  return (
    <div className="wt-canvas-wrap">
      <canvas ref={ref} role="img" aria-label="positional encoding waves" />
      <div className="wt-legend">
        {features.map((f, k) => (
          <span key={f} style={{ color: COLORS[k % COLORS.length] }}>
            ● {f % 2 === 0 ? 'sin' : 'cos'} · d={f}
          </span>
        ))}
      </div>
    </div>
  )
}
