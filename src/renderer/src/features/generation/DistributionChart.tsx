import { useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TokenLabel } from '@shared/host-ops/generation'
import { distributionStages, type DistributionStages } from '@shared/sampling'
import type { SamplingControls } from './slice'

const STAGES = ['raw', 'afterTemperature', 'afterTopK', 'final'] as const

/** "·" for spaces and "↵" for newlines, so every token is visible. */
export function visible(text: string): string {
  return text.replaceAll(' ', '·').replaceAll('\n', '↵') || '∅'
}

const pct = (p: number): string => (p >= 0.001 || p === 0 ? `${(100 * p).toFixed(1)}%` : '<0.1%')

/**
 * Top-20 next tokens with four bars each: softmax at T = 1, after temperature, after top-k, after
 * top-p (what is sampled). Filters never reorder tokens, so the rows are the 20 highest logits.
 */
export function DistributionChart(props: { logits: Float32Array; labels: TokenLabel[]; controls: SamplingControls; onPick?(token: TokenLabel): void }): ReactNode {
  const { t } = useTranslation()
  const { controls } = props
  const stages: DistributionStages = useMemo(
    () => distributionStages(props.logits, { temperature: controls.greedy ? 0 : controls.temperature, topK: controls.topK, topP: controls.topP }),
    [props.logits, controls.greedy, controls.temperature, controls.topK, controls.topP]
  )
  const rows = props.labels.slice(0, 20)
  const kept = stages.final.reduce((n, p) => n + (p > 0 ? 1 : 0), 0)
  return (
    <div data-testid="gen-chart" data-kept={kept} data-top={rows[0]?.id ?? ''}>
      <p className="gen-legend">
        {STAGES.map((s) => (
          <span key={s} className={`gen-key gen-${s}`}>
            {t(`generation.chart.${s}`)}
          </span>
        ))}
        <span className="gen-kept">{t('generation.chart.kept', { count: kept })}</span>
      </p>
      <ol className="gen-bars">
        {rows.map((label) => {
          const final = stages.final[label.id] ?? 0
          return (
            <li key={label.id} className={final === 0 ? 'gen-removed' : ''} data-testid="gen-bar" data-id={label.id} data-prob={final.toFixed(6)}>
              <button
                type="button"
                className="gen-token"
                disabled={!props.onPick}
                title={t('generation.chart.pick', { id: label.id })}
                onClick={() => props.onPick?.(label)}
              >
                {visible(label.text)}
              </button>
              <span className="gen-bar-stack">
                {STAGES.map((s) => (
                  <span key={s} className={`gen-bar gen-${s}`} style={{ width: `${100 * (stages[s][label.id] ?? 0)}%` }} />
                ))}
              </span>
              <span className="gen-pct">
                {pct(stages.raw[label.id] ?? 0)} → <strong>{pct(final)}</strong>
              </span>
            </li>
          )
        })}
      </ol>
    </div>
  )
}
