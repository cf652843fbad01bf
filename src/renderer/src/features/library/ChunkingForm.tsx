import { memo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Chunking } from '@shared/contract/library'
import { useStore } from '../../stores'

const MODES: Chunking['mode'][] = ['paragraph', 'sentence', 'tokens']

/** How the text is cut into chunks; sizes are in the embedding model's own tokens. */
export const ChunkingForm = memo(function ChunkingForm(): ReactNode {
  const { t } = useTranslation()
  const chunking = useStore((s) => s.library.chunking)
  const setLibrary = useStore((s) => s.setLibrary)
  const change = (patch: Partial<Chunking>): void => {
    const next = { ...chunking, ...patch }
    if (next.overlap >= next.size) next.overlap = Math.max(0, next.size - 1)
    setLibrary({ chunking: next, preview: null })
  }
  return (
    <fieldset className="lib-chunking" data-testid="library-chunking">
      <legend>{t('library.chunking.title')}</legend>
      <div className="lib-modes" role="radiogroup" aria-label={t('library.chunking.mode')}>
        {MODES.map((m) => (
          <label key={m} className="lib-check" title={t(`library.chunking.explain.${m}`)}>
            <input type="radio" name="lib-mode" value={m} data-testid={`library-mode-${m}`} checked={chunking.mode === m} onChange={() => change({ mode: m })} />
            {t(`library.chunking.modes.${m}`)}
          </label>
        ))}
      </div>
      <p className="muted">{t(`library.chunking.explain.${chunking.mode}`)}</p>
      <label className="field">
        <span>{t(chunking.mode === 'tokens' ? 'library.chunking.window' : 'library.chunking.max')}</span>
        <input type="number" min={16} max={2048} step={16} value={chunking.size} data-testid="library-size" onChange={(e) => change({ size: Math.min(2048, Math.max(16, Number(e.target.value) || 16)) })} />
      </label>
      {chunking.mode === 'tokens' && (
        <label className="field">
          <span>{t('library.chunking.overlap')}</span>
          <input type="number" min={0} max={chunking.size - 1} step={8} value={chunking.overlap} data-testid="library-overlap" onChange={(e) => change({ overlap: Math.max(0, Number(e.target.value) || 0) })} />
        </label>
      )}
      <label className="lib-check">
        <input type="checkbox" checked={chunking.skipDuplicates} onChange={(e) => change({ skipDuplicates: e.target.checked })} />
        {t('library.chunking.skipDuplicates')}
      </label>
    </fieldset>
  )
})
