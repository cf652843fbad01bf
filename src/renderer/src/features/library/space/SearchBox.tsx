/** Semantic search: embed the query, list the top-k chunks with scores, say how it was placed. */
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { clearSearch, search, select } from './actions'
import { useSpaceStore } from './store'

export function SearchBox(): ReactNode {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const { search: result, searching, points, selected } = useSpaceStore()
  return (
    <div className="space-search">
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault()
          void search(text)
        }}
      >
        <input data-testid="space-search-input" value={text} placeholder={t('space.searchPlaceholder')} aria-label={t('space.search')} onChange={(e) => setText(e.target.value)} />
        <button type="submit" disabled={searching || !text.trim()} data-testid="space-search-run">
          {searching ? t('space.searching') : t('space.search')}
        </button>
        {result && (
          <button type="button" className="link" onClick={() => (setText(''), clearSearch())}>
            {t('space.clear')}
          </button>
        )}
      </form>
      {result && points && (
        <>
          {result.placement && (
            <p className="space-note" data-testid="space-placement" data-placement={result.placement}>
              {t(`space.placement.${result.placement}`)}
            </p>
          )}
          <ol className="space-hits" data-testid="space-hits">
            {result.hits.map((h) => (
              <li key={h.index}>
                <button type="button" className="space-hit" aria-current={selected === h.index} data-testid="space-hit" data-index={h.index} onClick={() => void select(h.index)}>
                  <span className="space-score">{h.score.toFixed(3)}</span>
                  <span className="space-hit-text">{points.previews[h.index]}</span>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  )
}
