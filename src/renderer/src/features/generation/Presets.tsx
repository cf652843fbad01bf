import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { GenPreset } from '@shared/contract/generation'

/** Preset prompts from resources/corpora/toyworld/presets.json; a click loads and runs one. */
export function Presets({ presets, active, onChoose }: { presets: GenPreset[]; active: string | null; onChoose(p: GenPreset): void }): ReactNode {
  const { t } = useTranslation()
  if (presets.length === 0) return <p className="gen-meta">{t('generation.presets.none')}</p>
  const current = presets.find((p) => p.id === active)
  return (
    <div className="gen-presets">
      <span>{t('generation.presets.label')}</span>
      {presets.map((p) => (
        <button key={p.id} type="button" className={`gen-preset${p.id === active ? ' active' : ''}`} data-testid={`gen-preset-${p.id}`} onClick={() => onChoose(p)}>
          {t(`generation.presets.names.${p.id}`, { defaultValue: p.id })}
        </button>
      ))}
      {current && (
        <p className="gen-meta" data-testid="gen-preset-notes">
          {t(`generation.presets.notes.${current.id}`, { defaultValue: current.notes ?? '' })}
          {current.expected && ` ${t('generation.presets.expected', { text: current.expected })}`}
        </p>
      )}
    </div>
  )
}
