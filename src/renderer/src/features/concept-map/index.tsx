/** The concept-map section, the app's front door: relationship diagram, concept graph, lessons, progress. */
import { Suspense, lazy, useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConceptGraph as Graph, LessonLanguage } from '@shared/contract/lessons'
import { describeError } from '../../lib/errors'
import { useStore } from '../../stores'
import { EulerDiagram } from './EulerDiagram'
import { LessonView } from './LessonView'
import { ProgressBar } from './ProgressBar'
import type { ConceptView } from './slice'
import './concept-map.css'

const VIEWS: ConceptView[] = ['map', 'graph']
/** The graph view (xyflow + ELK, the larger part of this feature) loads on first use. */
const ConceptGraph = lazy(() => import('./ConceptGraph').then((m) => ({ default: m.ConceptGraph })))

function Notes({ graph }: { graph: Graph }): ReactNode {
  const { t } = useTranslation()
  return (
    <section className="cm-notes" data-testid="euler-notes">
      <h2>{t('lessons.euler.notesTitle')}</h2>
      <ul>
        {graph.sets.overlaps.map((o) => (
          <li key={o.set}>{o.note}</li>
        ))}
        {graph.sets.corners.map((c) => (
          <li key={c.set}>
            <strong>{c.label}</strong>
            {c.debated && <span className="cm-badge">{t('lessons.euler.debated')}</span>} {c.note}
          </li>
        ))}
      </ul>
    </section>
  )
}

export function ConceptMapView(): ReactNode {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'zh-CN' ? 'zh-CN' : 'en') as LessonLanguage
  const { view, lessonId, graph } = useStore((s) => s.conceptMap)
  const setView = useStore((s) => s.setConceptView)
  const loadGraph = useStore((s) => s.loadConceptGraph)
  const loadProgress = useStore((s) => s.loadLessonProgress)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    Promise.all([loadGraph(language), loadProgress()]).catch((e: unknown) => setError(describeError(e, t)))
  }, [language, loadGraph, loadProgress, t, attempt])
  const retry = (): void => {
    setError(null)
    setAttempt((a) => a + 1)
  }

  const ready = graph?.language === language ? graph : null
  return (
    <section className="page cm-page" data-testid="section-concept-map" data-ready={ready ? 'true' : 'false'}>
      <header className="cm-head">
        <div>
          <h1>{t('lessons.title')}</h1>
          <p className="cm-intro">{t('lessons.intro')}</p>
        </div>
        {ready && <ProgressBar total={ready.nodes.length} />}
      </header>
      <div className="cm-tabs" role="tablist" aria-label={t('lessons.views.label')}>
        {VIEWS.map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view === v} data-testid={`cm-view-${v}`} onClick={() => setView(v)}>
            {t(`lessons.views.${v}`)}
          </button>
        ))}
      </div>
      {error && (
        <div className="error" role="alert">
          {`${t('lessons.loadError')} ${error}`}{' '}
          <button type="button" onClick={retry}>
            {t('lessons.retry')}
          </button>
        </div>
      )}
      {!ready && !error && <p className="cm-muted">{t('lessons.loading')}</p>}
      {ready && (
        <div className={`cm-body${lessonId ? ' has-lesson' : ''}`}>
          <div className="cm-main" role="tabpanel">
            {view === 'map' ? (
              <>
                <EulerDiagram graph={ready} />
                <Notes graph={ready} />
              </>
            ) : (
              <Suspense fallback={<p className="cm-muted">{t('lessons.loading')}</p>}>
                <ConceptGraph graph={ready} />
              </Suspense>
            )}
          </div>
          {lessonId && <LessonView id={lessonId} graph={ready} />}
        </div>
      )}
    </section>
  )
}
