import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../stores'

/** Lessons visited and self-checks answered right, with a reset (after a confirmation). */
export function ProgressBar({ total }: { total: number }): ReactNode {
  const { t } = useTranslation()
  const progress = useStore((s) => s.conceptMap.progress)
  const reset = useStore((s) => s.resetLessonProgress)
  const visited = Object.keys(progress?.visited ?? {}).length
  const right = Object.values(progress?.answers ?? {}).filter((a) => a.correct).length
  return (
    <div className="cm-progress" data-testid="lesson-progress" data-visited={visited} data-right={right}>
      <span>{t('lessons.progress.summary', { visited, total, right })}</span>
      <progress max={total} value={visited} aria-hidden="true" />
      {visited > 0 && (
        <button type="button" className="link" onClick={() => window.confirm(t('lessons.progress.confirmReset')) && void reset()}>
          {t('lessons.progress.reset')}
        </button>
      )}
    </div>
  )
}
