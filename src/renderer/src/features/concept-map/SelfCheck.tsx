import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Lesson } from '@shared/contract/lessons'
import { describeError } from '../../lib/errors'
import { useStore } from '../../stores'

/**
 * The lesson's self-check: one question, 3–4 options, feedback for the chosen option. The last
 * answer is stored by the core (remembered across restarts) and shown again when the lesson reopens.
 */
export function SelfCheck({ lesson }: { lesson: Lesson }): ReactNode {
  const { t } = useTranslation()
  const stored = useStore((s) => s.conceptMap.progress?.answers[lesson.id])
  const answerLesson = useStore((s) => s.answerLesson)
  const [choice, setChoice] = useState<number | null>(stored?.choice ?? null)
  const [answered, setAnswered] = useState<number | null>(stored?.choice ?? null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [restored, setRestored] = useState(stored !== undefined)
  const shown = answered === null ? null : lesson.check.options[answered]
  const submit = async (): Promise<void> => {
    if (choice === null) return setError(t('lessons.check.pick'))
    setBusy(true)
    setError(null)
    try {
      await answerLesson(lesson.id, choice)
      setAnswered(choice)
      setRestored(false)
    } catch (e) {
      setError(describeError(e, t))
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="cm-check" data-testid="self-check" aria-labelledby="cm-check-title">
      <h3 id="cm-check-title">{t('lessons.check.title')}</h3>
      <fieldset>
        <legend>{lesson.check.question}</legend>
        {lesson.check.options.map((o, i) => (
          <label key={i} className={answered === i ? (o.correct ? 'is-right' : 'is-wrong') : undefined}>
            <input
              type="radio"
              name={`check-${lesson.id}`}
              data-testid={`check-option-${i}`}
              checked={choice === i}
              onChange={() => setChoice(i)}
            />
            <span>{o.text}</span>
          </label>
        ))}
      </fieldset>
      <button type="button" data-testid="check-submit" disabled={busy} onClick={() => void submit()}>
        {t('lessons.check.submit')}
      </button>
      {error && <p className="error" role="alert">{error}</p>}
      {shown && (
        <div className={`cm-feedback ${shown.correct ? 'is-right' : 'is-wrong'}`} data-testid="check-feedback" data-correct={String(shown.correct)} role="status">
          <strong>{shown.correct ? t('lessons.check.right') : t('lessons.check.wrong')}</strong> {shown.feedback}
          {restored && <p className="cm-muted">{t('lessons.check.previous')}</p>}
        </div>
      )}
    </section>
  )
}
