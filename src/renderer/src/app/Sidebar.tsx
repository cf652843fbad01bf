import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { SECTIONS } from '../stores/app-slice'
import { useStore } from '../stores'

const ICONS: Record<(typeof SECTIONS)[number], string> = {
  'concept-map': '◎',
  library: '✦',
  walkthrough: '⇶',
  tokenizer: '▦',
  generation: '✎',
  models: '⬡',
  settings: '⚙'
}

/** Navigation between sections; Ctrl/⌘ + 1…7 jump straight to one (see App's shortcuts). */
export function Sidebar(): ReactNode {
  const { t } = useTranslation()
  const section = useStore((s) => s.section)
  const go = useStore((s) => s.go)
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="brand">{t('app.name')}</div>
      <ul>
        {SECTIONS.map((id, i) => (
          <li key={id}>
            <button
              type="button"
              data-testid={`nav-${id}`}
              aria-current={section === id ? 'page' : undefined}
              title={`${t(`nav.${id}`)} (Ctrl+${i + 1})`}
              onClick={() => go(id)}
            >
              <span aria-hidden="true" className="icon">
                {ICONS[id]}
              </span>
              {t(`nav.${id}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
