/** The selected chunk in full, its document and metadata, and its 10 nearest neighbours. */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { select } from './actions'
import { useSpaceStore } from './store'

export function SidePanel(): ReactNode {
  const { t } = useTranslation()
  const { selected, neighbours, points } = useSpaceStore()
  if (selected === null || !points) return null
  return (
    <aside className="space-panel" data-testid="space-panel" aria-label={t('space.selected')}>
      <div className="space-panel-head">
        <h3>{t('space.selected')}</h3>
        <button type="button" className="link" aria-label={t('space.close')} onClick={() => void select(null)}>
          ✕
        </button>
      </div>
      {!neighbours && <p className="space-muted">{t('space.loading')}</p>}
      {neighbours && (
        <>
          <p className="space-doc" data-testid="space-panel-document">
            {t('space.document')}: <strong>{neighbours.chunk.documentName}</strong> · {t('space.chars', { start: neighbours.chunk.start, end: neighbours.chunk.end })}
          </p>
          {Object.entries(neighbours.chunk.meta).map(([k, v]) => (
            <p key={k} className="space-muted">
              {k}: {v}
            </p>
          ))}
          <blockquote className="space-chunk" data-testid="space-panel-text">
            {neighbours.chunk.text}
          </blockquote>
          <h4>{t('space.neighbours')}</h4>
          <p className="space-muted">{t('space.neighboursHint', { dim: points.dim })}</p>
          <ol className="space-hits" data-testid="space-neighbours">
            {neighbours.neighbours.map((n) => (
              <li key={n.index}>
                <button type="button" className="space-hit" data-testid="space-neighbour" data-index={n.index} onClick={() => void select(n.index)}>
                  <span className="space-score">{n.score.toFixed(3)}</span>
                  <span className="space-hit-text">
                    {points.previews[n.index]} <em className="space-muted">— {points.documents[points.documentIndex[n.index]!]}</em>
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  )
}
