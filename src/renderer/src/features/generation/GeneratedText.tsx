import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { visible } from './DistributionChart'
import type { RunState } from './useGenerationRun'

/**
 * The generated tokens, each underlined with an intensity equal to the probability it had when it
 * was chosen: a pale underline marks a token the model was unsure of.
 */
export function GeneratedText({ run, testId }: { run: RunState; testId: string }): ReactNode {
  const { t } = useTranslation()
  const [open, setOpen] = useState<number | null>(null)
  const n = run.steps.length
  const chosen = open === null ? undefined : run.steps[open]
  const perSecond = run.tookMs && n > 0 ? (1000 * n) / run.tookMs : null
  const text = run.steps.map((s) => s.token.text).join('')
  return (
    <div className="gen-output" data-testid={testId} data-status={run.status} data-text={run.status === 'running' ? undefined : text}>
      <p className="gen-text" aria-live="polite">
        {run.steps.map((s) => (
          <span
            key={s.step}
            className={`gen-tok${open === s.step ? ' gen-tok-open' : ''}`}
            role="button"
            tabIndex={0}
            onClick={() => setOpen(open === s.step ? null : s.step)}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && setOpen(open === s.step ? null : s.step)}
            data-prob={s.token.prob.toFixed(4)}
            style={{ textDecorationColor: `color-mix(in srgb, var(--accent) ${Math.round(100 * s.token.prob)}%, transparent)` }}
            title={t('generation.output.tokenTitle', { id: s.token.id, prob: (100 * s.token.prob).toFixed(1) })}
          >
            {s.token.text}
          </span>
        ))}
        {run.status === 'running' && <span className="gen-cursor">▌</span>}
      </p>
      <p className="gen-meta">
        {t('generation.output.tokens', { count: n })}
        {run.stopReason && ` · ${t(`generation.output.stop.${run.stopReason}`)}`}
        {perSecond !== null && ` · ${t('generation.output.speed', { rate: perSecond.toFixed(0) })}`}
      </p>
      {chosen && (
        <div className="gen-alternatives" data-testid="gen-alternatives">
          <p className="gen-meta">{t('generation.output.alternatives', { step: chosen.step + 1 })}</p>
          <ol>
            {chosen.candidates.map((c) => (
              <li key={c.id} className={c.id === chosen.token.id ? 'gen-chosen' : ''}>
                <code>{visible(c.text)}</code> {(100 * c.prob).toFixed(1)}%
              </li>
            ))}
          </ol>
        </div>
      )}
      {run.error && <p className="error" role="alert">{run.error}</p>}
    </div>
  )
}
