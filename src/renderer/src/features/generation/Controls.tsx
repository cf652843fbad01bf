import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../stores'
import { DEFAULT_CONTROLS } from './slice'

function Slider(props: { id: string; value: number; min: number; max: number; step: number; onChange(v: number): void; disabled?: boolean }): ReactNode {
  const { t } = useTranslation()
  return (
    <label className="gen-control">
      <span>{t(`generation.controls.${props.id}`)}</span>
      <input type="range" min={props.min} max={props.max} step={props.step} value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(Number(e.target.value))} aria-label={t(`generation.controls.${props.id}`)} />
      <input
        type="number"
        data-testid={`gen-${props.id}`}
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => {
          const v = Number(e.target.value)
          if (e.target.value !== '' && Number.isFinite(v)) props.onChange(Math.min(props.max, Math.max(props.min, v)))
        }}
      />
      <small>{t(`generation.controls.${props.id}Help`)}</small>
    </label>
  )
}

/** Temperature, top-k, top-p, seed, greedy and length: every change redraws the chart at once. */
export function Controls(): ReactNode {
  const { t } = useTranslation()
  const c = useStore((s) => s.generation.controls)
  const set = useStore((s) => s.setControls)
  return (
    <div className="card gen-controls" data-testid="gen-controls">
      <h2>{t('generation.controls.title')}</h2>
      <label className="gen-control">
        <span>{t('generation.controls.mode')}</span>
        <select data-testid="gen-mode" value={c.greedy ? 'greedy' : 'sample'} onChange={(e) => set({ greedy: e.target.value === 'greedy' })}>
          <option value="sample">{t('generation.controls.sample')}</option>
          <option value="greedy">{t('generation.controls.greedy')}</option>
        </select>
        <small>{t('generation.controls.modeHelp')}</small>
      </label>
      <Slider id="temperature" value={c.temperature} min={0} max={3} step={0.05} onChange={(temperature) => set({ temperature })} />
      <Slider id="topK" value={c.topK} min={0} max={100} step={1} onChange={(topK) => set({ topK })} />
      <Slider id="topP" value={c.topP} min={0.01} max={1} step={0.01} onChange={(topP) => set({ topP })} />
      <Slider id="seed" value={c.seed} min={0} max={9999} step={1} onChange={(seed) => set({ seed })} disabled={c.greedy} />
      <Slider id="maxNewTokens" value={c.maxNewTokens} min={1} max={200} step={1} onChange={(maxNewTokens) => set({ maxNewTokens })} />
      <button type="button" className="link" onClick={() => set({ ...DEFAULT_CONTROLS })}>
        {t('generation.controls.reset')}
      </button>
    </div>
  )
}
