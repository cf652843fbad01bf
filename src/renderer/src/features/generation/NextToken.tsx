import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { distributionStages, chooseToken, mulberry32 } from '@shared/sampling'
import type { TokenLabel } from '@shared/host-ops/generation'
import { useStore } from '../../stores'
import { DistributionChart, visible } from './DistributionChart'
import { useDistribution } from './useDistribution'

/**
 * The next-token distribution and step mode: the student appends a token by clicking it, or lets
 * the seeded sampler pick (draw k of the seed's sequence at step k, exactly as `generate` does).
 */
export function NextToken({ prompt }: { prompt: string }): ReactNode {
  const { t } = useTranslation()
  const { modelId, controls, picked } = useStore((s) => s.generation)
  const setGeneration = useStore((s) => s.setGeneration)
  const dist = useDistribution(modelId, prompt, picked.map((p) => p.id))
  const pick = (token: TokenLabel): void => setGeneration({ picked: [...picked, token] })
  const sampleOne = (): void => {
    if (!dist.result) return
    const stages = distributionStages(dist.result.logits, { temperature: controls.greedy ? 0 : controls.temperature, topK: controls.topK, topP: controls.topP })
    const random = mulberry32(controls.seed)
    for (let i = 0; i < picked.length; i++) random()
    const { id } = chooseToken(stages, controls.greedy || controls.temperature === 0, random)
    pick(dist.result.labels.find((l) => l.id === id) ?? { id, text: `#${id}` })
  }
  const last = picked.at(-1)
  const ended = last !== undefined && dist.result !== null && last.id === dist.result.eosId
  return (
    <div className="card" data-testid="gen-next">
      <h2>{t('generation.next.title')}</h2>
      <p>{t('generation.next.explain')}</p>
      <p className="gen-context" data-testid="gen-context">
        <span className="gen-prompt-text">{prompt}</span>
        {picked.map((p, i) => (
          <span key={i} className="gen-picked">
            {p.text}
          </span>
        ))}
        <span className="gen-cursor" aria-hidden="true">▌</span>
      </p>
      <div className="gen-step-buttons">
        <button type="button" data-testid="gen-step-sample" disabled={!dist.result || dist.busy || ended} onClick={sampleOne}>
          {controls.greedy ? t('generation.next.takeTop') : t('generation.next.sample')}
        </button>
        <button type="button" data-testid="gen-step-undo" disabled={picked.length === 0} onClick={() => setGeneration({ picked: picked.slice(0, -1) })}>
          {t('generation.next.undo')}
        </button>
        <button type="button" className="link" disabled={picked.length === 0} onClick={() => setGeneration({ picked: [] })}>
          {t('generation.next.clear')}
        </button>
        <span className="gen-meta" data-testid="gen-step-count" data-count={picked.length}>
          {t('generation.next.picked', { count: picked.length })}
          {ended && last ? ` · ${t('generation.next.ended', { token: visible(last.text) })}` : ''}
        </span>
      </div>
      {dist.error && <p className="error" role="alert">{dist.error}</p>}
      {!dist.result && !dist.error && <p className="gen-meta">{t('generation.next.loading')}</p>}
      {dist.result && <DistributionChart logits={dist.result.logits} labels={dist.result.labels} controls={controls} onPick={ended ? undefined : pick} />}
    </div>
  )
}
