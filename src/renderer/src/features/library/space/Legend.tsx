/** Legend of the current colour mode: categories with counts, or the similarity ramp. */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { type LegendEntry, rampColor } from './colours'

const MAX_ROWS = 14

export function Legend({ legend, ramp }: { legend: LegendEntry[]; ramp: [number, number] | null }): ReactNode {
  const { t } = useTranslation()
  if (ramp) {
    const css = (v: number): string => `rgb(${rampColor(v).map((c) => Math.round(c * 255)).join(',')})`
    return (
      <div className="space-legend" data-testid="space-legend">
        <div className="space-legend-title">{t('space.legend.similarity')}</div>
        <div className="space-ramp" style={{ background: `linear-gradient(to right, ${[0, 0.33, 0.66, 1].map(css).join(',')})` }} />
        <div className="space-ramp-ends">
          <span>{ramp[0].toFixed(2)}</span>
          <span>{ramp[1].toFixed(2)}</span>
        </div>
      </div>
    )
  }
  if (legend.length === 0) return null
  const shown = legend.slice(0, MAX_ROWS)
  const rest = legend.slice(MAX_ROWS).reduce((s, e) => s + e.count, 0)
  return (
    <ul className="space-legend" data-testid="space-legend">
      {shown.map((e) => (
        <li key={e.label} title={e.label}>
          <span className="space-swatch" style={{ background: e.color }} />
          <span className="space-legend-label">{e.label}</span>
          <span className="space-count">{e.count}</span>
        </li>
      ))}
      {rest > 0 && <li className="space-muted">{t('space.legend.more', { count: legend.length - MAX_ROWS, points: rest })}</li>}
    </ul>
  )
}
