import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Chapter } from '@shared/contract/lessons'

interface Props {
  query: string
  onQuery(q: string): void
  /** Matches among visible nodes while searching, null when the search box is empty. */
  count: number | null
  chapters: readonly Chapter[]
  hidden: Set<Chapter>
  onToggle(c: Chapter): void
  onAll(): void
  /** Enter in the search box (opens the first match). */
  onEnter(): void
}

/** Search box and chapter filter above the concept graph. */
export function GraphToolbar(p: Props): ReactNode {
  const { t } = useTranslation()
  return (
    <div className="cm-toolbar">
      <label className="cm-search">
        <span className="cm-sr-only">{t('lessons.graph.search')}</span>
        <input
          type="search"
          data-testid="graph-search"
          value={p.query}
          placeholder={t('lessons.graph.searchPlaceholder')}
          onChange={(e) => p.onQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') p.onEnter()
            if (e.key === 'Escape') p.onQuery('')
          }}
        />
      </label>
      {p.count !== null && (
        <span className={p.count === 0 ? 'cm-count error' : 'cm-count'} data-testid="graph-search-count" data-count={p.count} role="status">
          {p.count === 0 ? t('lessons.graph.noMatch', { query: p.query }) : t('lessons.graph.matches', { count: p.count })}
        </span>
      )}
      <div className="cm-chapters" role="group" aria-label={t('lessons.graph.chapters')}>
        <button type="button" className="cm-chip" aria-pressed={p.hidden.size === 0} onClick={p.onAll} data-testid="chapter-all">
          {t('lessons.graph.all')}
        </button>
        {p.chapters.map((c) => (
          <button
            key={c}
            type="button"
            className={`cm-chip cm-ch-${c}`}
            aria-pressed={!p.hidden.has(c)}
            data-testid={`chapter-${c}`}
            onClick={() => p.onToggle(c)}
          >
            {t(`lessons.chapter.${c}`)}
          </button>
        ))}
      </div>
    </div>
  )
}
