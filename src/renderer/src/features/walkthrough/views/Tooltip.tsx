import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { fmt } from '../tensor'

/** What the pointer is over: one cell of one tensor. */
export interface HoverCell {
  x: number
  y: number
  name: string
  index: number[]
  dims: number[]
  value: number
  /** e.g. "Elle → She" */
  context?: string
}

/** The hover read-out: value, index and shape of the cell under the pointer (one DOM node). */
export function Tooltip({ cell }: { cell: HoverCell | null }): ReactNode {
  const { t } = useTranslation()
  if (!cell) return null
  return (
    <div className="wt-tooltip" data-testid="wt-tooltip" data-value={fmt(cell.value, 4)} style={{ left: cell.x + 14, top: cell.y + 14 }} role="status">
      <div>
        <code>{cell.name}</code>[{cell.index.join(', ')}] = <strong>{fmt(cell.value, 4)}</strong>
      </div>
      <div className="muted">
        {t('walkthrough.hover.shape')} [{cell.dims.join(' × ')}]{cell.context ? ` · ${cell.context}` : ''}
      </div>
    </div>
  )
}
