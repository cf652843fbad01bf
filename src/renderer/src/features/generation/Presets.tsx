import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { GenPreset } from '@shared/contract/generation'

/** Preset prompts from resources/corpora/toyworld/presets.json; a click loads and runs one. `prompt`: the prompt now in the editor. */
export function Presets({ presets, active, prompt, onChoose }: { presets: GenPreset[]; active: string | null; prompt: string; onChoose(p: GenPreset): void }): ReactNode {
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
          {/* the expected answer belongs to the preset's own prompt, not to an edited one; on its own line, line breaks kept (programs) */}
          {current.expected && current.prompt === prompt && (
            <span className="gen-preset-expected">{t(current.expectedKind === 'output' ? 'generation.presets.expectedOutput' : 'generation.presets.expected', { text: current.expected.trim() })}</span>
          )}
        </p>
      )}
    </div>
  )
}
