import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { type LabTarget, parseLabTarget } from '@shared/contract/lessons'
import { useStore } from '../../stores'

/** The "open the lab" part of a lesson: a button to the matching section, or which release brings it. */
export function LabLink({ lab, lessonId }: { lab: LabTarget; lessonId: string }): ReactNode {
  const { t } = useTranslation()
  const go = useStore((s) => s.go)
  const showOnMap = useStore((s) => s.showOnMap)
  const eulerSets = useStore((s) => s.conceptMap.graph?.sets.parent)
  const link = parseLabTarget(lab)
  if (link.kind === 'none') return null
  let body: ReactNode
  if (link.kind === 'later') {
    body = (
      <p className="cm-later" data-testid="lesson-lab-later">
        {t('lessons.lab.later', { name: t(`lessons.lab.laterName.${link.lab}`) })}
      </p>
    )
  } else if (link.section === 'concept-map') {
    body = (
      <>
        <p>{t('lessons.lab.here')}</p>
        {eulerSets && lessonId in eulerSets && (
          <button type="button" data-testid="lesson-lab-map" onClick={() => showOnMap(lessonId)}>
            {t('lessons.lab.showOnMap')}
          </button>
        )}
      </>
    )
  } else {
    const { section, target } = link
    body = (
      <button type="button" data-testid="lesson-lab" data-section={section} data-target={target ?? ''} onClick={() => go(section, target)}>
        {t('lessons.lab.open', { name: t(`nav.${section}`) })} →
      </button>
    )
  }
  return (
    <section className="cm-lab" aria-labelledby="cm-lab-title">
      <h3 id="cm-lab-title">{t('lessons.lab.title')}</h3>
      {body}
    </section>
  )
}
