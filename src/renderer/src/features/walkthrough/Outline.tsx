import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../stores'
import type { Step, StepGroup } from './steps'

/** Every step, grouped (input / encoder / decoder / output / compare); click to jump. */
export function Outline({ steps, available }: { steps: Step[]; available: (i: number) => boolean }): ReactNode {
  const { t } = useTranslation()
  const current = useStore((s) => s.wtStep)
  const setWt = useStore((s) => s.setWt)
  const groups: StepGroup[] = [...new Set(steps.map((s) => s.group))]
  return (
    <nav className="wt-outline" aria-label={t('walkthrough.outline')} data-testid="wt-outline">
      {groups.map((g) => (
        <div key={g}>
          <h4>{t(`walkthrough.group.${g}`)}</h4>
          <ol>
            {steps.map((s, i) =>
              s.group !== g ? null : (
                <li key={s.key}>
                  <button
                    type="button"
                    className="link"
                    data-testid={`wt-outline-${s.key}`}
                    aria-current={i === current ? 'step' : undefined}
                    disabled={!available(i)}
                    onClick={() => setWt({ wtStep: i, wtPlaying: false })}
                  >
                    {t(`walkthrough.steps.${s.text}.title`, { n: (s.position ?? 0) + 1 })}
                  </button>
                </li>
              )
            )}
          </ol>
        </div>
      ))}
    </nav>
  )
}
