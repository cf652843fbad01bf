/** Decoder-only ending: next-token probabilities with a temperature slider, then sample and continue. */
import { useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_TOKENS } from '@shared/contract/walkthrough'
import { useStore } from '../../../stores'
import { sampleIndex, softmax } from '@shared/sampling'
import { Caption, type SceneProps, TokenChips } from './common'
import { CandidateBars } from './OutputScenes'

export function SamplingScene({ trace, onContinue }: SceneProps & { onContinue: (ids: number[]) => void }): ReactNode {
  const { t } = useTranslation()
  const temperature = useStore((s) => s.wtTemperature)
  const setWt = useStore((s) => s.setWt)
  const d = trace.decoder
  const last = d.pieces.length - 1
  const probs = useMemo(() => softmax(trace.nextLogits, temperature), [trace.nextLogits, temperature])
  const list = trace.candidates[last] ?? []
  const full = d.ids.length >= MAX_TOKENS['decoder-only']
  const sample = (): void => {
    onContinue([...d.ids, sampleIndex(probs, Math.random())])
  }
  return (
    <div className="wt-flow">
      <TokenChips pieces={d.pieces} selected={last} />
      <label className="wt-slider">
        {t('walkthrough.sampling.temperature')} <strong data-testid="wt-temperature">{temperature.toFixed(2)}</strong>
        <input type="range" min={0} max={2} step={0.05} value={temperature} data-testid="wt-temperature-slider" onChange={(e) => setWt({ wtTemperature: Number(e.target.value) })} />
      </label>
      <p className="muted">{t('walkthrough.sampling.note')}</p>
      <Caption>{t('walkthrough.sampling.top', { token: d.pieces[last] })}</Caption>
      <CandidateBars list={list} position={last} chosen={list[0]?.id ?? -1} probOf={(c) => probs[c.id] ?? 0} />
      <button type="button" data-testid="wt-sample" onClick={sample} disabled={full}>
        {t('walkthrough.sampling.sample')}
      </button>
      <button type="button" className="link" data-testid="wt-greedy" disabled={full} onClick={() => list[0] && onContinue([...d.ids, list[0].id])}>
        {t('walkthrough.sampling.greedy')}
      </button>
    </div>
  )
}
