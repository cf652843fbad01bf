import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConceptGraph, Lesson, LessonLanguage } from '@shared/contract/lessons'
import { api } from '../../lib/api'
import { describeError } from '../../lib/errors'
import { useStore } from '../../stores'
import { LabLink } from './LabLink'
import { LessonMarkdown } from './LessonMarkdown'
import { SelfCheck } from './SelfCheck'

/** Concepts linked to `id` in the graph, with the relation read from `id`'s side. */
function related(graph: ConceptGraph, id: string): { id: string; relation: string; outgoing: boolean }[] {
  return graph.edges.flatMap((e): { id: string; relation: string; outgoing: boolean }[] => {
    if (e.source === id) return [{ id: e.target, relation: e.relation, outgoing: true }]
    return e.target === id ? [{ id: e.source, relation: e.relation, outgoing: false }] : []
  })
}

/**
 * One lesson: summary, explanation, worked example, what the picture simplifies, glossary,
 * self-check, the lab to open, and related concepts. Escape closes it.
 */
export function LessonView({ id, graph }: { id: string; graph: ConceptGraph }): ReactNode {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'zh-CN' ? 'zh-CN' : 'en') as LessonLanguage
  const openLesson = useStore((s) => s.openLesson)
  const visited = useStore((s) => Boolean(s.conceptMap.progress?.visited[id]))
  // The last answer from the core, tagged with what was asked (a late answer for another lesson is ignored).
  const [result, setResult] = useState<{ key: string; lesson?: Lesson; error?: string } | null>(null)
  const key = `${id}|${language}`
  const heading = useRef<HTMLHeadingElement>(null)
  const title = (other: string): string => graph.nodes.find((n) => n.id === other)?.title ?? other

  useEffect(() => {
    api()
      .lessons.get({ id, language })
      .then(
        (lesson) => setResult({ key: `${id}|${language}`, lesson }),
        (e: unknown) => setResult({ key: `${id}|${language}`, error: describeError(e, t) })
      )
  }, [id, language, t])

  const current = result?.key === key ? (result.lesson ?? null) : null
  const error = result?.key === key ? (result.error ?? null) : null
  useEffect(() => heading.current?.focus(), [current?.id])

  const close = (): void => openLesson(null)
  return (
    <article className="cm-lesson" data-testid="lesson" data-lesson={id} data-ready={current ? 'true' : 'false'} onKeyDown={(e) => e.key === 'Escape' && close()}>
      <header className="cm-lesson-head">
        <div>
          <p className="cm-eyebrow">
            {current && t('lessons.lesson.chapter', { chapter: t(`lessons.chapter.${current.chapter}`) })}
            {visited && <span className="cm-badge" data-testid="lesson-visited">{` ✓ ${t('lessons.lesson.visited')}`}</span>}
          </p>
          <h2 ref={heading} tabIndex={-1} data-testid="lesson-title">
            {current?.title ?? title(id)}
          </h2>
        </div>
        <button type="button" className="cm-close" data-testid="lesson-close" aria-label={t('lessons.lesson.close')} title={t('lessons.lesson.close')} onClick={close}>
          ×
        </button>
      </header>
      {error && <p className="error" role="alert">{`${t('lessons.lesson.loadError')} ${error}`}</p>}
      {current && (
        <>
          <p className="cm-summary">{current.summary}</p>
          <h3>{t('lessons.lesson.explanation')}</h3>
          <LessonMarkdown text={current.explanation} />
          <h3>{t('lessons.lesson.example')}</h3>
          <LessonMarkdown text={current.example} />
          <aside className="cm-simplifies" data-testid="lesson-simplifies">
            <h3>{t('lessons.lesson.simplifies')}</h3>
            <LessonMarkdown text={current.simplifies} />
          </aside>
          <LabLink lab={current.lab} lessonId={current.id} />
          <h3>{t('lessons.lesson.glossary')}</h3>
          <dl className="cm-glossary">
            {current.glossary.map((g) => (
              <div key={g.term}>
                <dt>
                  {g.id ? (
                    <a href={`#/lesson/${g.id}`} className="cm-link" data-testid={`glossary-link-${g.id}`} onClick={(e) => (e.preventDefault(), openLesson(g.id))}>
                      {g.term}
                    </a>
                  ) : (
                    g.term
                  )}
                </dt>
                <dd>
                  <LessonMarkdown text={g.definition} inline />
                </dd>
              </div>
            ))}
          </dl>
          <SelfCheck key={current.id} lesson={current} />
          <h3>{t('lessons.lesson.related')}</h3>
          <ul className="cm-related">
            {related(graph, id).map((r, i) => (
              <li key={i}>
                {r.outgoing ? `${title(id)} ${t(`lessons.relation.${r.relation}`)} ` : ''}
                <a href={`#/lesson/${r.id}`} className="cm-link" onClick={(e) => (e.preventDefault(), openLesson(r.id))}>
                  {title(r.id)}
                </a>
                {r.outgoing ? '' : ` ${t(`lessons.relation.${r.relation}`)} ${title(id)}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  )
}
